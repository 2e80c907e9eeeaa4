package baedal.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A database's relay lease: a dedicated connection (outside any pool) whose session holds the database's relay
 * advisory lock, so across all instances one worker per database publishes. When the holder's connection drops,
 * PostgreSQL releases the lock and another worker takes it on its next try. The same session listens for commit
 * notifications, and all of the relay's statements run on it (a batch is only sent after its read succeeded here,
 * so the lease needs no separate liveness check).
 */
final class RelayLease {

    /** The advisory lock key of the relay lease: "outbox" in ASCII. Each outbox is a database of its own. */
    static final long KEY = 0x6f7574626f78L;

    enum State { HELD_HERE, HELD_ELSEWHERE, UNREACHABLE, STOPPED }

    /** What woke a worker that waited for commits. */
    enum Wake { TIMEOUT, COMMIT, REPUBLISH }

    private final OutboxDatabase database;
    private volatile Connection connection;
    private volatile State state = State.UNREACHABLE;

    RelayLease(OutboxDatabase database) {
        this.database = database;
    }

    State state() {
        return state;
    }

    boolean held() {
        return state == State.HELD_HERE;
    }

    /**
     * Tries to hold the lease, connecting first if needed; on success the session listens for commits and
     * {@code true} is returned once (the caller then loads its cursor).
     */
    boolean tryAcquire() throws SQLException {
        if (connection == null) {
            connection = connect();
        }
        try (PreparedStatement statement = connection.prepareStatement(OutboxStore.TRY_LEASE)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    state = State.HELD_ELSEWHERE;
                    return false;
                }
            }
        }
        try (Statement listen = connection.createStatement()) {
            listen.execute(OutboxStore.LISTEN);
        }
        state = State.HELD_HERE;
        return true;
    }

    /** The session's connection; connects when there is none (also without the lease, e.g. for statistics). */
    Connection connection() throws SQLException {
        if (connection == null) {
            connection = connect();
        }
        return connection;
    }

    /**
     * Waits for a commit's notification, at most {@code timeout}. Operators' re-publish requests notify with the
     * payload {@value OutboxRepublisher#REPUBLISH}.
     */
    Wake awaitNotification(Duration timeout) throws SQLException {
        PGNotification[] notifications = connection().unwrap(PGConnection.class).getNotifications((int) timeout.toMillis());
        return wakeOf(notifications);
    }

    static Wake wakeOf(PGNotification[] notifications) {
        if (notifications == null || notifications.length == 0) {
            return Wake.TIMEOUT;
        }
        for (PGNotification notification : notifications) {
            if (OutboxRepublisher.REPUBLISH.equals(notification.getParameter())) {
                return Wake.REPUBLISH;
            }
        }
        return Wake.COMMIT;
    }

    /** Gives the lease up (closing the session releases the lock); {@code next} is the state to report. */
    void release(State next) {
        Connection current = connection;
        connection = null;
        state = next;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // the session ends either way, and with it the lease
            }
        }
    }

    /** Drops the connection at once, from another thread, as if this process had died. */
    void abort() {
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection opened = database.openDedicated("baedal-outbox-relay-" + database.name(), 30);
        try (Statement settings = opened.createStatement()) {
            // Recording progress need not wait for the WAL flush: if a crash loses a progress row, the rows are
            // sent again with the same event ids, which consumers de-duplicate anyway.
            settings.execute(OutboxStore.ASYNCHRONOUS_COMMIT);
        } catch (SQLException failed) {
            opened.close();
            throw failed;
        }
        return opened;
    }
}
