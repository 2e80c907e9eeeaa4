package baedal.bench.baseline;

import baedal.bench.cluster.ShardNode;
import baedal.bench.traffic.OrderMix.ChosenOption;
import baedal.bench.traffic.OrderMix.Line;
import baedal.bench.traffic.OrderMix.OrderSpec;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw-JDBC baseline: exactly the statements {@code ShardedOrders.place} runs for one new order — nextval of
 * the shard's serial, the idempotency claim, the order row, one multi-row insert of its lines (options as
 * jsonb), and the OrderPlaced outbox row (an envelope around the order) — in one transaction on one shard, over one HikariCP pool per shard of
 * the platform's pool size. No HTTP, no framework. Orders go round-robin over the shards.
 */
public final class JdbcPlacement implements AutoCloseable {

    static final String NEXTVAL = "select nextval('order_serial')";
    static final String CLAIM = """
            insert into idempotency_key (idempotency_key, request_hash, order_no, created_at)
            values (?, ?, ?, ?)
            on conflict (idempotency_key) do nothing""";
    static final String INSERT_ORDER = """
            insert into orders (order_no, member_id, shop_id, shop_name, status, version, items_total,
                delivery_fee, total_amount, payment_amount, road_address, address_detail, zip_code, lat, lng,
                request_to_shop, request_to_rider, placed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_OUTBOX = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, version, occurred_at, traceparent)
            values (?, ?, ?, ?, cast(? as json), ?, ?, ?)""";

    private final List<ShardNode> nodes;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private final JsonMapper json;
    private final Map<Integer, String> lineInserts = new ConcurrentHashMap<>();

    public JdbcPlacement(List<ShardNode> nodes, int poolSize, JsonMapper json) {
        this.nodes = List.copyOf(nodes);
        this.json = json;
        for (ShardNode node : nodes) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(node.url());
            config.setUsername(node.username());
            config.setPassword(node.password());
            config.setMaximumPoolSize(poolSize);
            config.setMinimumIdle(poolSize);
            config.setAutoCommit(false);
            config.setPoolName("bench-shard-" + node.no());
            pools.add(new HikariDataSource(config));
        }
    }

    /** Places {@code order} with raw JDBC on the next shard in turn; returns its order number. */
    public long place(OrderSpec order) throws SQLException {
        int index = (int) Math.floorMod(next.getAndIncrement(), (long) pools.size());
        int shardNo = nodes.get(index).no();
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        String key = UUID.randomUUID().toString();
        try (Connection connection = pools.get(index).getConnection()) {
            try {
                long serial;
                try (PreparedStatement nextval = connection.prepareStatement(NEXTVAL);
                        ResultSet rs = nextval.executeQuery()) {
                    rs.next();
                    serial = rs.getLong(1);
                }
                long orderNo = Math.addExact(Math.multiplyExact(serial, 1000L), shardNo);
                try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                    claim.setString(1, key);
                    claim.setString(2, fingerprint(order));
                    claim.setLong(3, orderNo);
                    claim.setTimestamp(4, at);
                    if (claim.executeUpdate() != 1) {
                        throw new SQLException("idempotency key already claimed: " + key);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
                    insert.setLong(1, orderNo);
                    insert.setLong(2, order.memberId());
                    insert.setLong(3, order.shopId());
                    insert.setString(4, order.shopName());
                    insert.setString(5, "PLACED");
                    insert.setLong(6, 1);
                    insert.setLong(7, order.itemsTotal());
                    insert.setLong(8, order.deliveryFee());
                    insert.setLong(9, order.itemsTotal() + order.deliveryFee());
                    insert.setLong(10, order.paymentAmount());
                    insert.setString(11, order.address().road());
                    insert.setString(12, order.address().detail());
                    insert.setString(13, order.address().zipCode());
                    insert.setDouble(14, order.address().lat());
                    insert.setDouble(15, order.address().lng());
                    insert.setString(16, order.requestToShop());
                    insert.setString(17, order.requestToRider());
                    insert.setTimestamp(18, at);
                    insert.executeUpdate();
                }
                List<Line> lines = order.lines();
                try (PreparedStatement insert = connection.prepareStatement(
                        lineInserts.computeIfAbsent(lines.size(), JdbcPlacement::lineInsert))) {
                    int p = 1;
                    for (int i = 0; i < lines.size(); i++) {
                        Line line = lines.get(i);
                        insert.setLong(p++, orderNo);
                        insert.setInt(p++, i);
                        insert.setLong(p++, line.menuId());
                        insert.setString(p++, line.menuName());
                        insert.setLong(p++, line.unitPrice());
                        insert.setInt(p++, line.quantity());
                        insert.setString(p++, json.writeValueAsString(line.options().stream().map(OptionRow::of).toList()));
                        insert.setLong(p++, line.lineTotal());
                    }
                    insert.executeUpdate();
                }
                try (PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX)) {
                    UUID eventId = UUID.randomUUID();
                    outbox.setObject(1, eventId);
                    outbox.setString(2, "Order");
                    outbox.setString(3, Long.toString(orderNo));
                    outbox.setString(4, "OrderPlaced");
                    outbox.setString(5, "{\"eventId\":\"" + eventId + "\",\"type\":\"OrderPlaced\",\"orderNo\":\"" + orderNo
                            + "\",\"shard\":" + shardNo + ",\"version\":1,\"occurredAt\":\"" + now
                            + "\",\"traceparent\":null,\"schemaVersion\":1,\"order\":" + order.requestJson(json) + "}");
                    outbox.setLong(6, 1);
                    outbox.setTimestamp(7, at);
                    outbox.setString(8, null);
                    outbox.executeUpdate();
                }
                connection.commit();
                return orderNo;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            }
        }
    }

    static String lineInsert(int lines) {
        StringBuilder sql = new StringBuilder("insert into order_line (order_no, line_no, menu_id, menu_name,"
                + " unit_price, quantity, options, line_total) values ");
        for (int i = 0; i < lines; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)");
        }
        return sql.toString();
    }

    /** The same kind of digest the platform keeps per idempotency key (SHA-256 over the request's content). */
    static String fingerprint(OrderSpec order) {
        StringBuilder canonical = new StringBuilder().append(order.memberId()).append('|').append(order.shopId()).append('|');
        for (Line line : order.lines()) {
            canonical.append(line.menuId()).append('x').append(line.quantity())
                    .append(line.options().stream().map(ChosenOption::optionId).toList()).append(';');
        }
        canonical.append('|').append(order.address().road()).append('|').append(order.address().detail())
                .append('|').append(order.address().zipCode()).append('|').append(order.address().lat())
                .append('|').append(order.address().lng()).append('|').append(order.paymentAmount())
                .append('|').append(order.requestToShop()).append('|').append(order.requestToRider());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Same shape as the platform's {@code order_line.options} rows. */
    record OptionRow(long optionId, String group, String name, long price) {
        static OptionRow of(ChosenOption option) {
            return new OptionRow(option.optionId(), option.group(), option.name(), option.price());
        }
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
