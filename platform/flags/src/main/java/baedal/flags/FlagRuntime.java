package baedal.flags;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One instance's flags at run time: what it loads at start (the database, else its snapshot, else the code
 * defaults), the acknowledgement and snapshot it writes after each applied change, and the periodic reconciliation
 * against the database that repairs a missed message and retries acknowledgements that could not be written.
 */
final class FlagRuntime implements AutoCloseable {

    private static final Log log = LogFactory.getLog(FlagRuntime.class);

    private final String instanceId;
    private final LiveFlags live;
    private final FlagDatabase database;
    private final FlagSnapshot snapshot;
    private final Duration reconcileInterval;
    private final Clock clock;
    private final Map<String, FlagAcknowledgement> unsent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("baedal-flags-runtime").factory());
    private volatile LiveFlags.Source loadedFrom = LiveFlags.Source.DEFAULT;
    private volatile Instant lastReconciled;
    private volatile String databaseProblem;

    FlagRuntime(String instanceId, LiveFlags live, FlagDatabase database, FlagSnapshot snapshot,
            Duration reconcileInterval, Clock clock) {
        this.instanceId = instanceId;
        this.live = live;
        this.database = database;
        this.snapshot = snapshot;
        this.reconcileInterval = reconcileInterval;
        this.clock = clock;
        live.listen(this::applied);
    }

    /** Loads the state to start with and schedules the reconciliation. */
    void start() {
        try {
            database.states().forEach(state -> live.apply(state, LiveFlags.Source.DATABASE));
            loadedFrom = LiveFlags.Source.DATABASE;
            lastReconciled = clock.instant();
        } catch (RuntimeException unreachable) {
            databaseProblem = String.valueOf(unreachable.getMessage());
            Optional<java.util.List<FlagState>> saved = snapshot.read();
            if (saved.isPresent()) {
                saved.get().forEach(state -> live.apply(state, LiveFlags.Source.SNAPSHOT));
                loadedFrom = LiveFlags.Source.SNAPSHOT;
                log.warn("flags' database unreachable at start (" + unreachable.getMessage()
                        + "); answering with the last-known-good snapshot " + snapshot.file());
            } else {
                log.warn("flags' database unreachable at start (" + unreachable.getMessage()
                        + ") and no snapshot: answering with the code defaults");
            }
        }
        long every = reconcileInterval.toMillis();
        worker.scheduleWithFixedDelay(this::reconcile, every, every, TimeUnit.MILLISECONDS);
    }

    /** Compares with the database: any newer version there is applied; unsent acknowledgements are sent. */
    void reconcile() {
        try {
            database.states().forEach(state -> live.apply(state, LiveFlags.Source.RECONCILIATION));
            lastReconciled = clock.instant();
            databaseProblem = null;
            sendAcknowledgements();
        } catch (RuntimeException e) {
            databaseProblem = String.valueOf(e.getMessage());
            log.debug("flags' reconciliation failed: " + e);
        }
    }

    private void applied(FlagState state, LiveFlags.Source source, Instant at) {
        Long delay = state.changedAt() == null ? null : Duration.between(state.changedAt(), at).toMillis();
        unsent.merge(state.key(), new FlagAcknowledgement(instanceId, state.key(), state.version(), at, delay,
                source.name()), (held, next) -> next.version() > held.version() ? next : held);
        try {
            worker.execute(() -> {
                sendAcknowledgements();
                writeSnapshot();
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the instance is stopping: the state is applied, its acknowledgement stays unsent
        }
    }

    private void sendAcknowledgements() {
        for (FlagAcknowledgement ack : unsent.values()) {
            try {
                database.acknowledge(ack);
                unsent.remove(ack.key(), ack);
            } catch (RuntimeException e) {
                databaseProblem = String.valueOf(e.getMessage());
                return; // kept for the next round
            }
        }
    }

    private void writeSnapshot() {
        try {
            snapshot.write(live.all(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("flags' snapshot not written: " + e.getMessage());
        }
    }

    String instanceId() {
        return instanceId;
    }

    LiveFlags.Source loadedFrom() {
        return loadedFrom;
    }

    Optional<Instant> lastReconciled() {
        return Optional.ofNullable(lastReconciled);
    }

    Optional<String> databaseProblem() {
        return Optional.ofNullable(databaseProblem);
    }

    int unsentAcknowledgements() {
        return unsent.size();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
