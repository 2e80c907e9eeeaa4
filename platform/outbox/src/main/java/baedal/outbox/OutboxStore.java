package baedal.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every statement on an outbox database, as named constants: the append in the caller's transaction, the
 * operators' reads and re-publish requests, and the relay's work on its lease connection (whose methods are
 * here too). Tables: {@code outbox}, {@code outbox_publication} (the relay's progress), {@code outbox_republish}
 * (the re-publish queue) and the view {@code outbox_state} (each row with its publication time), all created by
 * the outbox's own migrations ({@code classpath:db/outbox}).
 */
final class OutboxStore implements PendingBatches.Source {

    /** The channel that wakes relays: after a commit (empty payload) or for a re-publish request. */
    static final String CHANNEL = "outbox";
    static final String LISTEN = "listen " + CHANNEL;
    static final String NOTIFY = "notify " + CHANNEL;
    /** Operator actions are rare, so they notify inside their own transaction. */
    static final String NOTIFY_REPUBLISH = "notify " + CHANNEL + ", '" + OutboxRepublisher.REPUBLISH + "'";
    /** Progress and notifications may be lost in a crash (they are re-sent or re-polled); placement keeps its fsync. */
    static final String ASYNCHRONOUS_COMMIT = "set synchronous_commit = off";
    static final String TRY_LEASE = "select pg_try_advisory_lock(?)";

    static final String APPEND = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, version, occurred_at, traceparent)
            values (:id, :aggregateType, :aggregateId, :type, cast(:payload as json), :version, :occurredAt, :traceparent)""";

    static final String ENTRIES_OF_AGGREGATE = """
            select id, type, version, occurred_at, traceparent, written_at, published_at
            from outbox_state where aggregateid = :aggregateId order by seq""";

    static final String REQUEUE_AGGREGATE = """
            insert into outbox_republish (id)
            select id from outbox_state where aggregateid = :aggregateId and published_at is not null
            on conflict (id) do nothing""";

    static final String REQUEUE_RANGE = """
            insert into outbox_republish (id)
            select id from outbox_state
            where written_at >= :from and written_at < :to and published_at is not null
            on conflict (id) do nothing""";

    static final String HORIZON = "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    private static final String PENDING_COLUMNS = "id, aggregatetype, aggregateid, type, payload, traceparent, written_at, tx, seq, version";

    /** The rows in (after, upTo] of ended transactions, in the relay's read order. */
    static final String READ_AFTER = "select " + PENDING_COLUMNS + """

            from outbox
            where (tx, seq) > (?, ?) and (tx, seq) <= (?, ?)
              and tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
            order by tx, seq limit ?""";

    /** For each (aggregate, version) given: the farthest position of an earlier version beyond a position. */
    static final String EARLIER_VERSIONS_BEYOND = """
            select b.aggregateid, max(o.tx), max(o.seq)
            from unnest(?::text[], ?::bigint[]) as b(aggregateid, version)
            join outbox o on o.aggregateid = b.aggregateid and o.version < b.version
            where (o.tx, o.seq) > (?, ?)
            group by b.aggregateid""";

    static final String RECORD_PUBLICATION = "insert into outbox_publication (up_to_tx, up_to_seq, published_at) values (?, ?, ?)";

    static final String CURSOR = """
            select up_to_tx, up_to_seq from outbox_publication
            order by up_to_tx desc, up_to_seq desc limit 1""";

    static final String PENDING_STATS = """
            select count(*), coalesce(extract(epoch from clock_timestamp() - min(since)), 0)
            from (select written_at as since from outbox where (tx, seq) > (?, ?)
                  union all
                  select queued_at from outbox_republish) pending""";

    static final String REPUBLISH_QUEUE = """
            select o.id, o.aggregatetype, o.aggregateid, o.type, o.payload, o.traceparent, o.written_at,
                   o.tx, o.seq, o.version
            from outbox_republish r join outbox o on o.id = r.id order by o.seq limit ?""";

    static final String REPUBLISHED = """
            with done as (delete from outbox_republish where id = any(?) returning id)
            update outbox set republished_at = ? where id in (select id from done)""";

    /** The newest publication older than the retention: every row at or below it was published that long ago. */
    static final String EXPIRED_PUBLICATION = """
            select up_to_tx, up_to_seq from outbox_publication
            where published_at < clock_timestamp() - ? * interval '1 millisecond'
            order by up_to_tx desc, up_to_seq desc limit 1""";

    static final String REMOVE_EXPIRED = """
            delete from outbox where id in (
                select id from outbox o
                where (o.tx, o.seq) <= (?, ?)
                  and o.written_at < clock_timestamp() - ? * interval '1 millisecond'
                  and (o.republished_at is null or o.republished_at < clock_timestamp() - ? * interval '1 millisecond')
                  and not exists (select 1 from outbox_republish r where r.id = o.id)
                limit ?)""";

    static final String REMOVE_OLD_PUBLICATIONS = "delete from outbox_publication where (up_to_tx, up_to_seq) < (?, ?)";

    private final Connection connection;

    /** The relay's statements on {@code connection}, its lease connection. */
    OutboxStore(Connection connection) {
        this.connection = connection;
    }

    @Override
    public long horizon() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(HORIZON)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void read(Position after, Position upTo, int limit, List<PendingEvent> events) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(READ_AFTER)) {
            Position last = upTo == null ? Position.END : upTo;
            statement.setLong(1, after.tx());
            statement.setLong(2, after.seq());
            statement.setLong(3, last.tx());
            statement.setLong(4, last.seq());
            statement.setInt(5, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(pending(rows));
                }
            }
        }
    }

    @Override
    public Map<String, Position> earlierVersionsBeyond(List<PendingEvent> later, Position end) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EARLIER_VERSIONS_BEYOND)) {
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
    void recordPublication(Position upTo, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD_PUBLICATION)) {
            statement.setLong(1, upTo.tx());
            statement.setLong(2, upTo.seq());
            statement.setTimestamp(3, Timestamp.from(at));
            statement.executeUpdate();
        }
    }

    Position cursor() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(CURSOR)) {
            return result.next() ? new Position(result.getLong(1), result.getLong(2)) : Position.START;
        }
    }

    /** How many rows wait after {@code published} or in the re-publish queue, and the oldest one's age. */
    RelayMetrics.Pending pending(Position published) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PENDING_STATS)) {
            statement.setLong(1, published.tx());
            statement.setLong(2, published.seq());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new RelayMetrics.Pending(result.getLong(1), result.getDouble(2));
            }
        }
    }

    List<PendingEvent> republishQueue(int limit) throws SQLException {
        List<PendingEvent> batch = new java.util.ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(REPUBLISH_QUEUE)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    batch.add(pending(rows));
                }
            }
        }
        return batch;
    }

    void republished(List<PendingEvent> batch, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REPUBLISHED)) {
            statement.setArray(1, connection.createArrayOf("uuid", batch.stream().map(PendingEvent::id).toArray()));
            statement.setTimestamp(2, Timestamp.from(at));
            statement.executeUpdate();
        }
    }

    /** The position up to which rows were published longer than {@code retention} ago, or {@code null}. */
    Position expiredUpTo(Duration retention) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXPIRED_PUBLICATION)) {
            statement.setLong(1, retention.toMillis());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? new Position(result.getLong(1), result.getLong(2)) : null;
            }
        }
    }

    /** Removes one batch of expired rows at or below {@code expired}; returns how many. */
    int removeExpired(Position expired, Duration retention, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REMOVE_EXPIRED)) {
            statement.setLong(1, expired.tx());
            statement.setLong(2, expired.seq());
            statement.setLong(3, retention.toMillis());
            statement.setLong(4, retention.toMillis());
            statement.setInt(5, limit);
            return statement.executeUpdate();
        }
    }

    /** Removes the publication entries below {@code expired} (it stays: it may be the cursor). */
    void removePublicationsBelow(Position expired) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REMOVE_OLD_PUBLICATIONS)) {
            statement.setLong(1, expired.tx());
            statement.setLong(2, expired.seq());
            statement.executeUpdate();
        }
    }

    private static PendingEvent pending(ResultSet rows) throws SQLException {
        // getBytes on a json column hands over the bytes as received (UTF-8): no decoding and re-encoding.
        return new PendingEvent(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                rows.getString(4), rows.getBytes(5), rows.getString(6), rows.getTimestamp(7).toInstant(),
                rows.getLong(8), rows.getLong(9), rows.getLong(10));
    }
}
