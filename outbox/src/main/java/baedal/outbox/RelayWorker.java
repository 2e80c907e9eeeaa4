package baedal.outbox;

import baedal.sharding.ShardNo;
import baedal.sharding.ShardProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one shard's outbox to Kafka. It holds a dedicated connection to the shard and publishes only while
 * that connection holds the shard's relay lease (a session-level advisory lock), so across all instances one
 * worker per shard publishes; when the holder's connection drops, PostgreSQL releases the lock and another
 * worker takes it on its next try. The holder reads pending rows in insertion order, sends them, and marks
 * only the acknowledged prefix published, so a failure or a crash leads to re-sending with the same event
 * ids, never to a gap or to overtaking within an aggregate.
 */
final class RelayWorker implements Runnable {

    /** The advisory lock key of the relay lease: "outbox" in ASCII. Shards are separate databases. */
    static final long LEASE_KEY = 0x6f7574626f78L;

    private static final Logger log = LoggerFactory.getLogger(RelayWorker.class);

    enum Lease { HELD_HERE, HELD_ELSEWHERE, SHARD_UNREACHABLE, STOPPED }

    /** What health reports show of this worker. */
    record Status(Lease lease, long pending, double oldestPendingAgeSeconds, String lastError, Instant lastErrorAt) {
    }

    private final ShardNo shard;
    private final ShardProperties.Node node;
    private final OutboxProperties properties;
    private final OutboxPublisher publisher;
    private final RelayFaults faults;
    private final Backoff backoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Timer latency;
    private final Counter published;
    private final MeterRegistry registry;
    private final List<Gauge> gauges;

    private volatile boolean running = true;
    private volatile Lease lease = Lease.SHARD_UNREACHABLE;
    private volatile long pending;
    private volatile double oldestPendingAgeSeconds;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Connection connection;
    private long statsDueAt;
    private long retentionDueAt;

    RelayWorker(ShardNo shard, ShardProperties.Node node, OutboxProperties properties, OutboxPublisher publisher,
            MeterRegistry registry, RelayFaults faults) {
        this.shard = shard;
        this.node = node;
        this.properties = properties;
        this.publisher = publisher;
        this.faults = faults;
        this.backoff = new Backoff(properties.backoffInitial(), properties.backoffMax());
        String tag = Integer.toString(shard.value());
        this.registry = registry;
        // Gauges read this worker; they are removed when it stops, so a restarted relay's gauges read the new one.
        this.gauges = List.of(
                Gauge.builder("baedal.outbox.pending", this, worker -> worker.pending)
                        .description("Outbox rows not yet published").tag("shard", tag).strongReference(true)
                        .register(registry),
                Gauge.builder("baedal.outbox.oldest.pending.age", this, worker -> worker.oldestPendingAgeSeconds)
                        .description("Age of the oldest unpublished outbox row").baseUnit("seconds").tag("shard", tag)
                        .strongReference(true).register(registry));
        this.latency = Timer.builder("baedal.outbox.publish.latency")
                .description("From an outbox row's commit to Kafka's acknowledgement").tag("shard", tag)
                .publishPercentileHistogram().register(registry);
        this.published = Counter.builder("baedal.outbox.published").description("Outbox rows published to Kafka")
                .tag("shard", tag).register(registry);
    }

    ShardNo shard() {
        return shard;
    }

    Status status() {
        return new Status(lease, pending, oldestPendingAgeSeconds, lastError, lastErrorAt);
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    round();
                    backoff.reset();
                } catch (SQLException | RuntimeException failure) {
                    recordError(failure);
                    if (!(failure instanceof PublishFailed)) {
                        closeConnection();
                        lease = Lease.SHARD_UNREACHABLE;
                    }
                    Duration pause = backoff.afterFailure();
                    log.warn("Outbox relay of {} failed ({}), retrying in {} ms: {}", shard,
                            lease == Lease.HELD_HERE ? "Kafka" : "shard", pause.toMillis(), rootMessage(failure));
                    pause(pause);
                }
            }
        } finally {
            closeConnection();
            lease = Lease.STOPPED;
            gauges.forEach(registry::remove);
        }
    }

    /** Asks the worker to stop; it finishes its current step (bounded by the Kafka timeouts) and releases the lease. */
    void stop() {
        running = false;
        stopped.countDown();
    }

    /** Drops the lease connection at once, as if this process had died. */
    void abortConnection() {
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }

    private void round() throws SQLException {
        if (connection == null) {
            connection = connect();
        }
        if (lease != Lease.HELD_HERE) {
            if (!tryLease()) {
                lease = Lease.HELD_ELSEWHERE;
                refreshStatsIfDue();
                pause(properties.leaseRetryInterval());
                return;
            }
            lease = Lease.HELD_HERE;
            try (Statement listen = connection.createStatement()) {
                listen.execute("listen outbox");
            }
            log.info("Outbox relay holds the lease of {} and publishes its outbox", shard);
        }
        if (!connection.isValid(5)) {
            throw new SQLException("the lease connection to " + shard + " is gone", "08006");
        }
        removeExpiredIfDue();
        int read = publishPipelined();
        refreshStatsIfDue();
        if (read < properties.batchSize() && running) {
            awaitCommit();
            if (!properties.linger().isZero()) {
                pause(properties.linger()); // let more commits gather: fewer, fuller rounds under live traffic
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection opened = DedicatedConnections.open(node, "baedal-outbox-relay-" + shard, 30);
        try (Statement settings = opened.createStatement()) {
            // Marking rows published need not wait for the WAL flush: if a crash loses the mark, the rows are
            // sent again with the same event ids, which consumers de-duplicate anyway. Placement keeps its fsync.
            settings.execute("set synchronous_commit = off");
        }
        return opened;
    }

    private boolean tryLease() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LEASE_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /**
     * Publishes pending rows in insertion order with up to two batches in flight: while Kafka acknowledges one
     * batch, the next is read and sent behind it on the same producer. Each read starts again from the lowest
     * pending row and skips only the rows in flight, so a row that committed late is sent before anything
     * written after it. Returns when a read finds less than a full batch (caught up), after awaiting and
     * marking everything in flight. A batch behind a failed one is discarded: its rows stay pending.
     */
    private int publishPipelined() throws SQLException {
        InFlight previous = null;
        int read;
        do {
            List<PendingEvent> batch = readPending(previous == null ? List.of() : previous.batch());
            read = batch.size();
            InFlight current = batch.isEmpty() ? null : new InFlight(batch, publisher.send(batch));
            if (previous != null) {
                try {
                    complete(previous);
                } catch (SQLException | RuntimeException failure) {
                    if (current != null) {
                        current.sending().await(); // rides on the failed producer; its rows stay pending
                    }
                    throw failure;
                }
            }
            previous = current;
        } while (read == properties.batchSize() && running);
        if (previous != null) {
            complete(previous);
        }
        return read;
    }

    private record InFlight(List<PendingEvent> batch, OutboxPublisher.Sending sending) {
    }

    private void complete(InFlight inFlight) throws SQLException {
        OutboxPublisher.Outcome outcome = inFlight.sending().await();
        if (!outcome.acknowledged().isEmpty()) {
            faults.afterAcknowledged(shard, connection, outcome.acknowledged().size());
            markPublished(outcome.acknowledged(), outcome.acknowledgedAt());
            for (int i = 0; i < outcome.acknowledged().size(); i++) {
                Duration took = Duration.between(outcome.acknowledged().get(i).writtenAt(), outcome.acknowledgedAt().get(i));
                latency.record(took.isNegative() ? Duration.ZERO : took);
            }
            published.increment(outcome.acknowledged().size());
        }
        if (outcome.failure() != null) {
            throw new PublishFailed(outcome.failure());
        }
    }

    private List<PendingEvent> readPending(List<PendingEvent> inFlight) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select id, aggregatetype, aggregateid, type, payload, traceparent, written_at, seq
                from outbox where published_at is null and seq <> all(?) order by seq limit ?""")) {
            statement.setArray(1, connection.createArrayOf("bigint", inFlight.stream().map(PendingEvent::seq).toArray()));
            statement.setInt(2, properties.batchSize());
            List<PendingEvent> batch = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // getBytes on a json column hands over the bytes as received (UTF-8): no decoding and
                    // re-encoding of every envelope.
                    batch.add(new PendingEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBytes(5), rows.getString(6), rows.getTimestamp(7).toInstant(),
                            rows.getLong(8)));
                }
            }
            return batch;
        }
    }

    /** Records each row's own acknowledgement time, so published_at minus written_at is its publish latency. */
    private void markPublished(List<PendingEvent> acknowledged, List<Instant> acknowledgedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                update outbox set published_at = timestamptz 'epoch' + acked.micros * interval '1 microsecond'
                from unnest(?::uuid[], ?::bigint[]) as acked(id, micros)
                where outbox.id = acked.id""")) {
            Object[] micros = new Object[acknowledgedAt.size()];
            for (int i = 0; i < micros.length; i++) {
                Instant at = acknowledgedAt.get(i);
                micros[i] = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
            }
            statement.setArray(1, connection.createArrayOf("uuid", acknowledged.stream().map(PendingEvent::id).toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", micros));
            statement.executeUpdate();
        }
    }

    private void awaitCommit() throws SQLException {
        connection.unwrap(PGConnection.class).getNotifications((int) properties.pollInterval().toMillis());
    }

    private void refreshStatsIfDue() throws SQLException {
        long now = System.nanoTime();
        if (now - statsDueAt < 0) {
            return;
        }
        statsDueAt = now + properties.statsInterval().toNanos();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        select count(*), coalesce(extract(epoch from clock_timestamp() - min(written_at)), 0)
                        from outbox where published_at is null""")) {
            result.next();
            pending = result.getLong(1);
            oldestPendingAgeSeconds = result.getDouble(2);
        }
    }

    private void removeExpiredIfDue() throws SQLException {
        long now = System.nanoTime();
        if (now - retentionDueAt < 0) {
            return;
        }
        retentionDueAt = now + properties.retentionInterval().toNanos();
        removeExpired();
    }

    /**
     * Removes rows written and published longer than the retention ago (a re-published row is kept for the
     * retention after its latest publication), a batch per statement; never an unpublished row.
     */
    int removeExpired() throws SQLException {
        int total = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                delete from outbox where id in (
                    select id from outbox
                    where written_at < clock_timestamp() - ? * interval '1 millisecond'
                      and published_at < clock_timestamp() - ? * interval '1 millisecond'
                    limit ?)""")) {
            statement.setLong(1, properties.retention().toMillis());
            statement.setLong(2, properties.retention().toMillis());
            statement.setInt(3, properties.retentionBatchSize());
            while (running) {
                int removed = statement.executeUpdate();
                total += removed;
                if (removed < properties.retentionBatchSize()) {
                    break;
                }
                pause(properties.retentionPause());
            }
        }
        if (total > 0) {
            log.info("Outbox retention removed {} published rows from {}", total, shard);
        }
        return total;
    }

    private void recordError(Exception failure) {
        lastError = rootMessage(failure);
        lastErrorAt = Instant.now();
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeConnection() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // the session ends either way, and with it the lease
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Kafka did not acknowledge part of a batch; the lease is kept and the rest is sent again after a pause. */
    static final class PublishFailed extends RuntimeException {
        PublishFailed(RuntimeException cause) {
            super("Kafka did not acknowledge every event of the batch", cause);
        }
    }
}
