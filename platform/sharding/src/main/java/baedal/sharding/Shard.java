package baedal.sharding;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One shard database as the application uses it: its number, a {@link JdbcClient}, and local transactions
 * on it. Every call is guarded: when the database cannot be reached the shard is marked down for
 * {@code retryAfter}, and calls during that time fail at once with {@link ShardUnavailable} instead of
 * queueing for a connection. After that time one call probes the shard again.
 */
public final class Shard {

    private final ShardNo no;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CircuitBreaker breaker;
    private final Duration retryAfter;
    private volatile boolean migrated;

    Shard(ShardNo no, JdbcClient jdbc, TransactionTemplate transactions, CircuitBreaker breaker, Duration retryAfter) {
        this.no = no;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.breaker = breaker;
        this.retryAfter = retryAfter;
    }

    public ShardNo no() {
        return no;
    }

    /**
     * Runs {@code work} in one local transaction on this shard and returns its result. A connection-level
     * failure becomes {@link ShardUnavailable}; any other exception passes through after rollback.
     */
    public <T> T inTransaction(Function<JdbcClient, T> work) {
        boolean[] commitAttempted = {false};
        return guarded(() -> transactions.execute(status -> {
            T result = work.apply(jdbc);
            commitAttempted[0] = true;
            return result;
        }), commitAttempted);
    }

    /** True when the shard is migrated and not currently marked down, so new work may be sent to it. */
    public boolean acceptsNewWork() {
        return migrated && breaker.getState() != CircuitBreaker.State.OPEN
                && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    /** Current state for health reports: UP, DOWN (marked down), PROBING, or MIGRATING (not migrated yet). */
    public String state() {
        if (!migrated) {
            return "MIGRATING";
        }
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> "UP";
            case HALF_OPEN -> "PROBING";
            case OPEN, FORCED_OPEN -> "DOWN";
        };
    }

    void markMigrated() {
        migrated = true;
    }

    /** Marks the shard down as a failed call would (for tests of what follows). */
    void markDownForTest() {
        breaker.transitionToOpenState();
    }

    private <T> T guarded(java.util.function.Supplier<T> call, boolean[] commitAttempted) {
        if (!migrated) {
            throw new ShardUnavailable(no, retryAfter, true, null);
        }
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException open) {
            throw new ShardUnavailable(no, retryAfter, true, open);
        } catch (RuntimeException failure) {
            if (isConnectionFailure(failure)) {
                throw new ShardUnavailable(no, retryAfter, !commitAttempted[0], !isServerUnreachable(failure), failure);
            }
            throw failure;
        }
    }

    /**
     * Whether a failure shows that the database itself cannot be reached — SQLSTATE class 08 or an administrator
     * shutdown (57P01–57P03) anywhere in its causes, or a refused connection — which is what marks a shard down.
     * A connection pool that is merely busy (its timeout passed with every connection in use, no failed
     * connection attempt behind it) is not: under overload only the requests that waited too long are refused,
     * instead of the whole shard being shut off for its {@code retry-after}.
     */
    static boolean isServerUnreachable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof java.net.ConnectException
                || cause instanceof java.net.NoRouteToHostException
                || cause instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")));
    }

    /**
     * Whether a failure means the database could not be reached or dropped the connection (see
     * {@link #isServerUnreachable}), or no connection came free within the pool's timeout, as opposed to an
     * error in the statement itself.
     */
    static boolean isConnectionFailure(Throwable failure) {
        return isServerUnreachable(failure) || anyCause(failure,
                cause -> cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException);
    }

    /** Whether {@code test} holds for the failure or one of its causes, including a failed rollback's cause. */
    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollbackFailed
                    && rollbackFailed.getApplicationException() != null
                    && anyCause(rollbackFailed.getApplicationException(), test)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
