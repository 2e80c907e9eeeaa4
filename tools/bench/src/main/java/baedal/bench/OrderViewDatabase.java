package baedal.bench;

import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Latency;
import baedal.bench.report.Results.OrderViewConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The read model's database as the read-model benchmark uses it: when each order's document was projected (against
 * when its event was written on its shard), how many documents it holds, and seeding it with copies of a projected
 * document for members of their own.
 */
final class OrderViewDatabase {

    static final long SEED_ORDER_BASE = 990_000_000_000L;
    static final long SEED_MEMBER_BASE = 5_000_000L;

    private OrderViewDatabase() {
    }

    /** Outbox insert → store write, per OrderPlaced event written in {@code [from, to)}. */
    record Freshness(Histogram micros, long placed, long missing) {
    }

    static Freshness storeFreshness(List<ShardNode> shards, ShardNode view, Instant from, Instant to,
            Duration atMost) throws Exception {
        Map<Long, Instant> written = new HashMap<>();
        for (ShardNode shard : shards) {
            try (Connection connection = connect(shard); PreparedStatement query = connection.prepareStatement("""
                    select aggregateid, written_at from outbox
                    where type = 'OrderPlaced' and written_at >= ? and written_at < ?""")) {
                query.setTimestamp(1, Timestamp.from(from));
                query.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        written.put(Long.parseLong(rows.getString(1)), rows.getTimestamp(2).toInstant());
                    }
                }
            }
        }
        Map<Long, Instant> projected = new HashMap<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            try (Connection connection = connect(view); PreparedStatement query = connection.prepareStatement("""
                    select order_no, projected_at from order_view_event
                    where version = 1 and projected_at >= ? and order_no < ?""")) {
                query.setTimestamp(1, Timestamp.from(from));
                query.setLong(2, SEED_ORDER_BASE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        projected.put(rows.getLong(1), rows.getTimestamp(2).toInstant());
                    }
                }
            }
            if (projected.keySet().containsAll(written.keySet()) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        Histogram micros = new Histogram(Latency.HIGHEST_MICROS, 3);
        long missing = 0;
        for (Map.Entry<Long, Instant> entry : written.entrySet()) {
            Instant at = projected.get(entry.getKey());
            if (at == null) {
                missing++;
            } else {
                long took = Duration.between(entry.getValue(), at).toNanos() / 1000;
                micros.recordValue(Math.min(Latency.HIGHEST_MICROS, Math.max(0, took)));
            }
        }
        return new Freshness(micros, written.size(), missing);
    }

    /**
     * Adds {@code documents} delivered orders for members of their own, copies of a projected document with
     * their own order number, member and time; returns how many members they belong to.
     */
    static long seed(ShardNode view, long documents) throws Exception {
        long members = Math.max(1, documents / OrderViewConfig.ORDERS_PER_SEEDED_MEMBER);
        if (documents == 0) {
            return members;
        }
        try (Connection connection = connect(view); Statement statement = connection.createStatement()) {
            long chunk = 200_000;
            for (long start = 0; start < documents; start += chunk) {
                long end = Math.min(documents, start + chunk);
                statement.executeUpdate("""
                        insert into order_view (order_no, member_id, shop_id, status, placed_at, placed_date, version,
                                                last_event_id, document, updated_at)
                        select o.order_no, o.member_id, t.shop_id, 'DELIVERED', o.placed_at,
                               (o.placed_at at time zone 'Asia/Seoul')::date, 6, gen_random_uuid(),
                               t.document || jsonb_build_object('orderNo', o.order_no::text, 'status', 'DELIVERED',
                                   'version', 6, 'placedAt', o.placed_at,
                                   'placedDate', (o.placed_at at time zone 'Asia/Seoul')::date,
                                   'member', (t.document -> 'member') || jsonb_build_object('memberId', o.member_id,
                                       'displayName', '회원 ' || o.member_id)),
                               now()
                        from (select document, shop_id from order_view where order_no < %d limit 1) t,
                             lateral (select %d + g as order_no, %d + g %% %d as member_id,
                                             now() - (g * interval '7 seconds') as placed_at
                                      from generate_series(%d, %d) g) o
                        """.formatted(SEED_ORDER_BASE, SEED_ORDER_BASE, SEED_MEMBER_BASE, members, start, end - 1));
            }
            statement.execute("vacuum analyze order_view");
        }
        return members;
    }

    /** Waits (bounded) until the number of documents stops changing for two seconds: the projector caught up. */
    static void awaitStableCount(ShardNode view, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = count(view, "select count(*) from order_view");
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(2_000);
        }
    }

    static long count(ShardNode node, String sql) throws Exception {
        try (Connection connection = connect(node); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect(ShardNode node) throws Exception {
        return DriverManager.getConnection(node.url(), node.username(), node.password());
    }
}
