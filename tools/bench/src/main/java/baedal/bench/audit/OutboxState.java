package baedal.bench.audit;

import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Latency;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What the shards' outboxes say: how many rows they still have to publish, and how long each row took from its
 * insert to Kafka's acknowledgement (the {@code outbox_state} view). Every benchmark that waits for the relays, or
 * times them, reads the same figures.
 */
public final class OutboxState {

    private OutboxState() {
    }

    /** Every row written in {@code [from, to)}: from its insert (just before its commit) to Kafka's ack. */
    public static Histogram commitToAck(List<ShardNode> shards, Instant from, Instant to) throws Exception {
        Histogram micros = new Histogram(Latency.HIGHEST_MICROS, 3);
        for (ShardNode shard : shards) {
            try (Connection connection = connect(shard);
                    PreparedStatement query = connection.prepareStatement("""
                            select (extract(epoch from published_at - written_at) * 1000000)::bigint
                            from outbox_state where written_at >= ? and written_at < ? and published_at is not null""")) {
                query.setTimestamp(1, Timestamp.from(from));
                query.setTimestamp(2, Timestamp.from(to));
                query.setFetchSize(10_000);
                connection.setAutoCommit(false);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        micros.recordValue(Math.min(Latency.HIGHEST_MICROS, Math.max(0, rows.getLong(1))));
                    }
                }
            }
        }
        return micros;
    }

    /** Waits until no shard has a pending row (bounded); returns how many are still pending. */
    public static long awaitNothingPending(List<ShardNode> shards, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            long pending = pending(shards);
            if (pending == 0 || System.nanoTime() > deadline) {
                return pending;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Outbox rows not yet published, over all shards: the rows after the relay's last recorded position, and rows an
     * operator queued for re-publishing.
     */
    public static long pending(List<ShardNode> shards) throws SQLException {
        long pending = 0;
        for (ShardNode shard : shards) {
            try (Connection connection = connect(shard); Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("""
                            select count(*) from outbox o
                            where (o.tx, o.seq) > (select up_to_tx, up_to_seq from outbox_publication
                                                   order by up_to_tx desc, up_to_seq desc limit 1)
                               or exists (select 1 from outbox_republish r where r.id = o.id)""")) {
                count.next();
                pending += count.getLong(1);
            }
        }
        return pending;
    }

    private static Connection connect(ShardNode shard) throws SQLException {
        return DriverManager.getConnection(shard.url(), shard.username(), shard.password());
    }
}
