package baedal.outbox;

import baedal.sharding.ShardNo;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one database's outbox to Kafka, round after round, while it holds the database's lease
 * ({@link RelayLease}): re-reads its cursor when it takes the lease, removes expired rows when due
 * ({@link OutboxRetention}), publishes the rows after the cursor ({@link PipelinedSender}, batches built by
 * {@link PendingBatches}), sends what operators asked to re-publish ({@link RepublishQueue}), refreshes what the
 * metrics and health show ({@link RelayMetrics}), then waits for the next commit. A failure leads to re-sending
 * with the same event ids after a pause ({@link Backoff}), never to a gap or to overtaking within an aggregate: a
 * Kafka failure keeps the lease, a database failure gives it up.
 */
final class RelayWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RelayWorker.class);

    /** What health reports show of this worker. */
    record Status(RelayLease.State lease, long pending, double oldestPendingAgeSeconds, String lastError,
            Instant lastErrorAt) {
    }

    private final OutboxDatabase database;
    private final OutboxProperties properties;
    private final RelayLease lease;
    private final RelayMetrics metrics;
    private final PipelinedSender sender;
    private final RepublishQueue republishQueue;
    private final OutboxRetention retention;
    private final Backoff backoff;
    private final Schedule stats;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final SessionStore store = new SessionStore();

    private volatile boolean running = true;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    RelayWorker(OutboxDatabase database, OutboxProperties properties, OutboxPublisher publisher,
            MeterRegistry registry, RelayFaults faults) {
        this.database = database;
        this.properties = properties;
        this.lease = new RelayLease(database);
        this.metrics = new RelayMetrics(database, registry);
        this.sender = new PipelinedSender(new PendingBatches(store, properties.batchSize()), properties.batchSize(),
                publisher, (upTo, at) -> store.current().recordPublication(upTo, at), metrics,
                acknowledged -> faults.afterAcknowledged(database, store.connection(), acknowledged));
        this.republishQueue = new RepublishQueue(publisher, metrics, properties.batchSize());
        this.retention = new OutboxRetention(database, properties);
        this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax());
        this.stats = new Schedule(properties.statsInterval());
    }

    OutboxDatabase database() {
        return database;
    }

    /** The shard this worker publishes, or {@code null} for a database that is not sharded. */
    ShardNo shard() {
        return database.shard();
    }

    Status status() {
        RelayMetrics.Pending pending = metrics.pending();
        return new Status(lease.state(), pending.count(), pending.oldestAgeSeconds(), lastError, lastErrorAt);
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    round();
                    backoff.reset();
                } catch (SQLException | RuntimeException failure) {
                    lastError = rootMessage(failure);
                    lastErrorAt = Instant.now();
                    boolean kafka = failure instanceof PipelinedSender.PublishFailed;
                    if (!kafka) {
                        lease.release(RelayLease.State.UNREACHABLE);
                    }
                    Duration pause = backoff.afterFailure();
                    log.warn("Outbox relay of {} failed ({}), retrying in {} ms: {}", database.name(),
                            kafka ? "Kafka" : "database", pause.toMillis(), lastError);
                    pause(pause);
                }
            }
        } finally {
            lease.release(RelayLease.State.STOPPED);
            metrics.remove();
        }
    }

    /** Asks the worker to stop; it finishes its current step (bounded by the Kafka timeouts) and releases the lease. */
    void stop() {
        running = false;
        stopped.countDown();
    }

    /** Drops the lease connection at once, as if this process had died. */
    void abortConnection() {
        lease.abort();
    }

    /** One round: take the lease if needed, publish, wait for more. */
    private void round() throws SQLException {
        if (!lease.held()) {
            if (!lease.tryAcquire()) {
                refreshStatsIfDue();
                pause(properties.leaseRetryInterval());
                return;
            }
            sender.resetTo(store.current().cursor());
            republishQueue.markDue();
            log.info("Outbox relay holds the lease of {} and publishes its outbox", database.name());
        }
        retention.removeExpiredIfDue(store.current(), () -> running, this::pause);
        PipelinedSender.Drained drained = sender.drain(() -> running);
        republishQueue.sendIfDue(store.current(), () -> running);
        refreshStatsIfDue();
        switch (drained) {
            // an aggregate's earlier version waits for older transactions to end (milliseconds, unless one stays
            // open: then this must not spin)
            case STOPPED_SHORT -> pause(properties.linger().isZero() ? Duration.ofMillis(5) : properties.linger());
            case CAUGHT_UP -> {
                if (running) {
                    if (lease.awaitNotification(properties.pollInterval()) != RelayLease.Wake.COMMIT) {
                        republishQueue.markDue(); // a request, or the safety poll: look at the queue too
                    }
                    if (!properties.linger().isZero()) {
                        pause(properties.linger()); // let more commits gather: fewer, fuller rounds under live traffic
                    }
                }
            }
            case FULL -> { } // stopping; or more waits right behind: read on at once
        }
    }

    /** Refreshes the pending count and age; also on an instance that does not hold the lease. */
    private void refreshStatsIfDue() throws SQLException {
        if (stats.dueNow()) {
            OutboxStore current = store.current();
            metrics.pending(current.pending(current.cursor()));
        }
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The store on the lease's current session (a new one after a reconnect). */
    private final class SessionStore implements PendingBatches.Source {

        private java.sql.Connection connection;
        private OutboxStore store;

        OutboxStore current() throws SQLException {
            java.sql.Connection now = lease.connection();
            if (now != connection) {
                connection = now;
                store = new OutboxStore(now);
            }
            return store;
        }

        java.sql.Connection connection() {
            return connection;
        }

        @Override
        public void read(Position after, Position upTo, int limit, java.util.List<PendingEvent> events)
                throws SQLException {
            current().read(after, upTo, limit, events);
        }

        @Override
        public java.util.Map<String, Position> earlierVersionsBeyond(java.util.List<PendingEvent> later, Position end)
                throws SQLException {
            return current().earlierVersionsBeyond(later, end);
        }

        @Override
        public long horizon() throws SQLException {
            return current().horizon();
        }
    }
}
