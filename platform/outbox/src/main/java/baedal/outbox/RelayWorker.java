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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one shard's outbox to Kafka. It holds a dedicated connection to the shard and publishes only while
 * that connection holds the shard's relay lease (a session-level advisory lock), so across all instances one
 * worker per shard publishes; when the holder's connection drops, PostgreSQL releases the lock and another
 * worker takes it on its next try. The holder reads the rows after its cursor in (transaction, insertion)
 * order, only from transactions that have ended, sends them, and moves the cursor (one {@code outbox_publication}
 * row) past a batch only once Kafka acknowledged all of it, so a failure or a crash leads to re-sending with the
 * same event ids, never to a gap or to overtaking within an aggregate.
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
    private Position cursor = Position.START;
    private boolean republishDue = true;
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
            cursor = loadCursor();
            republishDue = true;
            try (Statement listen = connection.createStatement()) {
                listen.execute("listen outbox");
            }
            log.info("Outbox relay holds the lease of {} and publishes its outbox", shard);
        }
        // No separate liveness check: a batch is only sent after its read succeeded on the lease connection.
        removeExpiredIfDue();
        int read = publishPipelined();
        if (republishDue) {
            republishRequested();
            republishDue = false;
        }
        refreshStatsIfDue();
        if (read < 0) {
            // an aggregate's earlier version waits for older transactions to end (milliseconds, unless one stays
            // open: then this must not spin)
            pause(properties.linger().isZero() ? Duration.ofMillis(5) : properties.linger());
        } else if (read < properties.batchSize() && running) {
            awaitCommit();
            if (!properties.linger().isZero()) {
                pause(properties.linger()); // let more commits gather: fewer, fuller rounds under live traffic
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection opened = DedicatedConnections.open(node, "baedal-outbox-relay-" + shard, 30);
        try (Statement settings = opened.createStatement()) {
            // Recording progress need not wait for the WAL flush: if a crash loses a progress row, the rows are
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
     * Publishes the rows after the cursor with up to two batches in flight: while Kafka acknowledges one batch,
     * the next is read and sent behind it on the same producer. A batch is a range of positions read below the
     * snapshot's xmin (every transaction there has ended), so the next read simply starts after it. Once Kafka
     * acknowledged a whole batch, one {@code outbox_publication} row moves the cursor past it; a batch that was
     * not fully acknowledged leaves the cursor where it was, and it is sent again with the same event ids. A batch
     * behind a failed one is discarded. Returns how many rows the last read found (less than a batch: caught up),
     * or -1 when a batch had to stop short to keep an aggregate's versions in order (read again soon).
     */
    private int publishPipelined() throws SQLException {
        InFlight previous = null;
        Position from = cursor;
        Batch batch;
        do {
            batch = readBatch(from);
            InFlight current = batch.events().isEmpty() ? null : new InFlight(batch, publisher.send(batch.events()));
            if (current != null) {
                from = batch.upTo();
            }
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
        } while (batch.read() == properties.batchSize() && !batch.stoppedShort() && running);
        if (previous != null) {
            complete(previous);
        }
        return batch.stoppedShort() ? -1 : batch.read();
    }

    /** A (transaction, insertion) position in the relay's read order. */
    record Position(long tx, long seq) implements Comparable<Position> {
        static final Position START = new Position(-1, -1);

        static Position of(PendingEvent event) {
            return new Position(event.tx(), event.seq());
        }

        @Override
        public int compareTo(Position other) {
            int byTx = Long.compare(tx, other.tx);
            return byTx != 0 ? byTx : Long.compare(seq, other.seq);
        }
    }

    /**
     * The rows in (after, upTo], in the order they are sent; {@code read} is how many the range read found,
     * {@code stoppedShort} says the range was cut before an aggregate's next version, which is not readable yet.
     */
    private record Batch(List<PendingEvent> events, Position upTo, int read, boolean stoppedShort) {
    }

    private record InFlight(Batch batch, OutboxPublisher.Sending sending) {
    }

    private void complete(InFlight inFlight) throws SQLException {
        OutboxPublisher.Outcome outcome = inFlight.sending().await();
        List<PendingEvent> acknowledged = outcome.acknowledged();
        if (outcome.failure() == null && acknowledged.size() == inFlight.batch().events().size()) {
            faults.afterAcknowledged(shard, connection, acknowledged.size());
            recordPublication(inFlight.batch().upTo(), outcome.acknowledgedAt().getLast());
            cursor = inFlight.batch().upTo();
        }
        for (int i = 0; i < acknowledged.size(); i++) {
            Duration took = Duration.between(acknowledged.get(i).writtenAt(), outcome.acknowledgedAt().get(i));
            latency.record(took.isNegative() ? Duration.ZERO : took);
        }
        published.increment(acknowledged.size());
        if (outcome.failure() != null) {
            throw new PublishFailed(outcome.failure());
        }
    }

    /**
     * Reads the next batch after {@code after}: rows of ended transactions, in (tx, seq) order, sent in insertion
     * (seq) order. Insertion order is the order of an aggregate's versions (a change is written after the previous
     * one committed), but transaction ids need not be: a transaction can take its id before the previous change
     * commits. So if a later version of an aggregate in the batch has an earlier version beyond the batch's end,
     * the batch grows to include it when it is readable already, and otherwise stops before that aggregate.
     */
    private Batch readBatch(Position after) throws SQLException {
        List<PendingEvent> events = new ArrayList<>();
        read(after, null, properties.batchSize(), events);
        int read = events.size();
        if (read == 0) {
            return new Batch(events, after, 0, false);
        }
        boolean stoppedShort = false;
        while (!events.isEmpty()) {
            Position end = Position.of(events.getLast());
            Map<String, Position> earlierBeyond = earlierVersionsBeyond(events, end);
            if (earlierBeyond.isEmpty()) {
                break;
            }
            Position farthest = Collections.max(earlierBeyond.values());
            // Any horizon taken after the read will do: the transactions below it have ended by now.
            if (!stoppedShort && farthest.tx() < horizon()) {
                read(end, farthest, Integer.MAX_VALUE, events); // every row up to it has ended: take them all
                continue;
            }
            // Stop before the first such aggregate; what stays is checked again (it may have split a pair).
            int cut = 0;
            while (cut < events.size() && !earlierBeyond.containsKey(events.get(cut).aggregateId())) {
                cut++;
            }
            events = new ArrayList<>(events.subList(0, cut));
            stoppedShort = true;
        }
        Position upTo = events.isEmpty() ? after : Position.of(events.getLast());
        events.sort(Comparator.comparingLong(PendingEvent::seq));
        return new Batch(events, upTo, read, stoppedShort);
    }

    /** The current snapshot's xmin: every transaction below it has ended. */
    private long horizon() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Adds the rows after {@code after} (up to {@code upTo} when given) to {@code events}. */
    private void read(Position after, Position upTo, int limit, List<PendingEvent> events) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select id, aggregatetype, aggregateid, type, payload, traceparent, written_at, tx, seq, version
                from outbox
                where (tx, seq) > (?, ?) and (tx, seq) <= (?, ?)
                  and tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                order by tx, seq limit ?""")) {
            Position last = upTo == null ? new Position(Long.MAX_VALUE, Long.MAX_VALUE) : upTo;
            statement.setLong(1, after.tx());
            statement.setLong(2, after.seq());
            statement.setLong(3, last.tx());
            statement.setLong(4, last.seq());
            statement.setInt(5, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // getBytes on a json column hands over the bytes as received (UTF-8): no decoding and
                    // re-encoding of every envelope.
                    events.add(new PendingEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBytes(5), rows.getString(6), rows.getTimestamp(7).toInstant(),
                            rows.getLong(8), rows.getLong(9), rows.getLong(10)));
                }
            }
        }
    }

    /** For aggregates in {@code events} that have an earlier version positioned after {@code end}: the farthest. */
    private Map<String, Position> earlierVersionsBeyond(List<PendingEvent> events, Position end) throws SQLException {
        List<PendingEvent> later = events.stream().filter(event -> event.version() > 1).toList();
        if (later.isEmpty()) {
            return Map.of();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select b.aggregateid, max(o.tx), max(o.seq)
                from unnest(?::text[], ?::bigint[]) as b(aggregateid, version)
                join outbox o on o.aggregateid = b.aggregateid and o.version < b.version
                where (o.tx, o.seq) > (?, ?)
                group by b.aggregateid""")) {
            statement.setArray(1, connection.createArrayOf("text", later.stream().map(PendingEvent::aggregateId).toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", later.stream().map(PendingEvent::version).toArray()));
            statement.setLong(3, end.tx());
            statement.setLong(4, end.seq());
            Map<String, Position> beyond = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // max(tx), max(seq) bounds the farthest position from above: reading up to it is enough.
                    beyond.put(rows.getString(1), new Position(rows.getLong(2), rows.getLong(3)));
                }
            }
            return beyond;
        }
    }

    /** Moves the cursor past an acknowledged batch; {@code at} is when Kafka acknowledged its last row. */
    private void recordPublication(Position upTo, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into outbox_publication (up_to_tx, up_to_seq, published_at) values (?, ?, ?)")) {
            statement.setLong(1, upTo.tx());
            statement.setLong(2, upTo.seq());
            statement.setTimestamp(3, java.sql.Timestamp.from(at));
            statement.executeUpdate();
        }
    }

    private Position loadCursor() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        select up_to_tx, up_to_seq from outbox_publication
                        order by up_to_tx desc, up_to_seq desc limit 1""")) {
            return result.next() ? new Position(result.getLong(1), result.getLong(2)) : Position.START;
        }
    }

    /**
     * Waits for a commit's notification, at most the poll interval. Operators' re-publish requests notify with the
     * payload {@value OutboxRepublisher#REPUBLISH}; the queue is also looked at on every safety poll.
     */
    private void awaitCommit() throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class)
                .getNotifications((int) properties.pollInterval().toMillis());
        if (notifications == null || notifications.length == 0) {
            republishDue = true;
            return;
        }
        for (PGNotification notification : notifications) {
            if (OutboxRepublisher.REPUBLISH.equals(notification.getParameter())) {
                republishDue = true;
            }
        }
    }

    private void refreshStatsIfDue() throws SQLException {
        long now = System.nanoTime();
        if (now - statsDueAt < 0) {
            return;
        }
        statsDueAt = now + properties.statsInterval().toNanos();
        Position published = loadCursor(); // also right on an instance that does not hold the lease
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*), coalesce(extract(epoch from clock_timestamp() - min(since)), 0)
                from (select written_at as since from outbox where (tx, seq) > (?, ?)
                      union all
                      select queued_at from outbox_republish) pending""")) {
            statement.setLong(1, published.tx());
            statement.setLong(2, published.seq());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                pending = result.getLong(1);
                oldestPendingAgeSeconds = result.getDouble(2);
            }
        }
    }

    /**
     * Sends the rows operators asked to re-publish ({@code outbox_republish}), in insertion order and with their
     * event ids; once Kafka acknowledged them, they leave the queue and record when.
     */
    private void republishRequested() throws SQLException {
        List<PendingEvent> batch;
        do {
            batch = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select o.id, o.aggregatetype, o.aggregateid, o.type, o.payload, o.traceparent, o.written_at,
                           o.tx, o.seq, o.version
                    from outbox_republish r join outbox o on o.id = r.id order by o.seq limit ?""")) {
                statement.setInt(1, properties.batchSize());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        batch.add(new PendingEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getBytes(5), rows.getString(6), rows.getTimestamp(7).toInstant(),
                                rows.getLong(8), rows.getLong(9), rows.getLong(10)));
                    }
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            OutboxPublisher.Outcome outcome = publisher.send(batch).await();
            if (outcome.failure() != null) {
                throw new PublishFailed(outcome.failure());
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    with done as (delete from outbox_republish where id = any(?) returning id)
                    update outbox set republished_at = ? where id in (select id from done)""")) {
                statement.setArray(1, connection.createArrayOf("uuid", batch.stream().map(PendingEvent::id).toArray()));
                statement.setTimestamp(2, java.sql.Timestamp.from(outcome.acknowledgedAt().getLast()));
                statement.executeUpdate();
            }
            published.increment(batch.size());
        } while (batch.size() == properties.batchSize() && running);
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
     * retention after its latest publication, a row queued for re-publishing is kept), a batch per statement;
     * never an unpublished row. Publication entries older than the retention go too, except the newest (the cursor).
     */
    int removeExpired() throws SQLException {
        Position expired;
        try (PreparedStatement statement = connection.prepareStatement("""
                select up_to_tx, up_to_seq from outbox_publication
                where published_at < clock_timestamp() - ? * interval '1 millisecond'
                order by up_to_tx desc, up_to_seq desc limit 1""")) {
            statement.setLong(1, properties.retention().toMillis());
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return 0;
                }
                expired = new Position(result.getLong(1), result.getLong(2));
            }
        }
        int total = 0;
        try (PreparedStatement statement = connection.prepareStatement("""
                delete from outbox where id in (
                    select id from outbox o
                    where (o.tx, o.seq) <= (?, ?)
                      and o.written_at < clock_timestamp() - ? * interval '1 millisecond'
                      and (o.republished_at is null or o.republished_at < clock_timestamp() - ? * interval '1 millisecond')
                      and not exists (select 1 from outbox_republish r where r.id = o.id)
                    limit ?)""")) {
            statement.setLong(1, expired.tx());
            statement.setLong(2, expired.seq());
            statement.setLong(3, properties.retention().toMillis());
            statement.setLong(4, properties.retention().toMillis());
            statement.setInt(5, properties.retentionBatchSize());
            while (running) {
                int removed = statement.executeUpdate();
                total += removed;
                if (removed < properties.retentionBatchSize()) {
                    break;
                }
                pause(properties.retentionPause());
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "delete from outbox_publication where (up_to_tx, up_to_seq) < (?, ?)")) {
            statement.setLong(1, expired.tx());
            statement.setLong(2, expired.seq());
            statement.executeUpdate();
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
