package baedal.order.persistence;

import baedal.kernel.Money;
import baedal.order.Cancellation;
import baedal.order.DeliveryAddress;
import baedal.order.IdempotencyKey;
import baedal.order.IdempotencyKeyReused;
import baedal.order.MemberId;
import baedal.order.Order;
import baedal.order.OrderEvent;
import baedal.order.OrderLine;
import baedal.order.OrderNo;
import baedal.order.OrderNotFound;
import baedal.order.OrderStatus;
import baedal.order.Orders;
import baedal.order.RiderId;
import baedal.order.VersionMismatch;
import baedal.sharding.Shard;
import baedal.sharding.ShardNo;
import baedal.sharding.ShardProperties;
import baedal.sharding.Shards;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders on the shard databases, in explicit SQL. A new order goes to the first shard that takes work among the
 * first two of its idempotency key's ranking, after the key's other candidate shards said they do not hold it
 * ({@link IdempotentPlacement}, ADR 0001); it gets its number from that shard's own sequence. An existing order is
 * read and changed on the shard its number names. Every write is one local transaction on one shard, and every
 * state change writes its event row through {@link OrderChangeLog} in that same transaction.
 */
@Repository
public class ShardedOrders implements Orders, IdempotentPlacement.Store, DisposableBean {

    private static final TypeReference<List<OptionRow>> OPTION_ROWS = new TypeReference<>() { };

    /** How often shards not yet known to be settled are looked at again (see {@link TopologyHistory}). */
    private static final Duration TOPOLOGY_RECHECK = Duration.ofMinutes(1);

    /** Status → the column that stamps when the order got it. */
    static final Map<OrderStatus, String> TIMELINE_COLUMNS = timelineColumns();

    private final Shards shards;
    private final OrderChangeLog changeLog;
    private final Duration retryAfter;
    private final JsonMapper json = JsonMapper.shared();
    /** Runs the parallel idempotency-key probes and the topology look-ups. */
    private final ExecutorService lookups = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("order-key-lookup-", 0).factory());
    private final TopologyHistory topology;
    private final IdempotentPlacement placement;

    public ShardedOrders(Shards shards, OrderChangeLog changeLog, ShardProperties shardSettings,
            PlacementProperties settings, Clock clock) {
        this.shards = shards;
        this.changeLog = changeLog;
        this.retryAfter = shardSettings.retryAfter();
        this.topology = new TopologyHistory(shards.count(), this::oldestOrder, clock, settings.idempotencyHorizon(),
                TOPOLOGY_RECHECK, lookups);
        this.placement = new IdempotentPlacement(this,
                new RememberedKeys(clock, settings.idempotencyHorizon(), settings.rememberedKeys()), lookups,
                probeDeadline(settings.probeTimeout(), shardSettings.connectionTimeout()));
    }

    /**
     * How long a placement waits for a candidate's answer: at least the shards' connection timeout and a second
     * more, so a shard that has just gone down fails its probe — and is marked down, then passed over — before
     * the probe gives up; a shard that is up but slower than that makes the placement answer 503 instead.
     */
    static Duration probeDeadline(Duration probeTimeout, Duration connectionTimeout) {
        Duration outage = connectionTimeout.plusSeconds(1);
        return probeTimeout.compareTo(outage) >= 0 ? probeTimeout : outage;
    }

    @Override
    public Placed place(IdempotencyKey key, String fingerprint, Function<OrderNo, Order.Placement> create) {
        return placement.place(key, fingerprint, create);
    }

    @Override
    public Optional<Placed> placedUnder(IdempotencyKey key, String fingerprint) {
        return placement.placedUnder(key, fingerprint);
    }

    @Override
    public List<ShardNo> ranking(IdempotencyKey key) {
        return shards.ranking(key.value()).stream().map(Shard::no).toList();
    }

    @Override
    public List<Integer> earlierShardCounts() {
        return topology.earlierShardCounts();
    }

    @Override
    public boolean acceptsNewWork(ShardNo shard) {
        return shards.get(shard).acceptsNewWork();
    }

    @Override
    public Optional<Placed> find(ShardNo shard, IdempotencyKey key, String fingerprint) {
        return shards.get(shard).inTransaction(jdbc -> existingPlacement(jdbc, key, fingerprint));
    }

    @Override
    public Placed place(ShardNo no, IdempotencyKey key, String fingerprint, Function<OrderNo, Order.Placement> create) {
        Shard shard = shards.get(no);
        return shard.inTransaction(jdbc -> {
            long serial = jdbc.sql("select nextval('order_serial')").query(Long.class).single();
            OrderNo orderNo = OrderNo.issue(serial, shard.no());
            Order.Placement placement = create.apply(orderNo);
            int claimed = jdbc.sql("""
                    insert into idempotency_key (idempotency_key, request_hash, order_no, created_at)
                    values (:key, :hash, :orderNo, :createdAt)
                    on conflict (idempotency_key) do nothing""")
                    .param("key", key.value())
                    .param("hash", fingerprint)
                    .param("orderNo", orderNo.value())
                    .param("createdAt", Timestamp.from(placement.event().occurredAt()))
                    .update();
            if (claimed == 0) {
                return existingPlacement(jdbc, key, fingerprint)
                        .orElseThrow(() -> new IllegalStateException("idempotency key vanished while claimed: " + key));
            }
            insert(jdbc, placement.order().snapshot());
            changeLog.record(jdbc, placement.order().snapshot(), placement.event());
            return new Placed(placement.order().snapshot(), true);
        });
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    /** When the shard's oldest order still on it was placed: the lowest order number is the first issued. */
    private Optional<Instant> oldestOrder(ShardNo shard) {
        return shards.get(shard).inTransaction(jdbc -> jdbc.sql("select placed_at from orders order by order_no limit 1")
                .query(Timestamp.class).optional().map(Timestamp::toInstant));
    }

    @Override
    public void destroy() {
        lookups.shutdownNow();
    }

    @Override
    public Order.Snapshot get(OrderNo no) {
        return shardOf(no).inTransaction(jdbc -> load(jdbc, no, false))
                .orElseThrow(() -> new OrderNotFound(no.toString()));
    }

    @Override
    public Order.Snapshot change(OrderNo no, OptionalLong expectedVersion, Function<Order, OrderEvent> intent) {
        return change(no, expectedVersion, order -> true, intent);
    }

    @Override
    public Order.Snapshot change(OrderNo no, OptionalLong expectedVersion, Predicate<Order.Snapshot> mayChange,
            Function<Order, OrderEvent> intent) {
        return shardOf(no).inTransaction(jdbc -> {
            Order.Snapshot current = load(jdbc, no, true).filter(mayChange)
                    .orElseThrow(() -> new OrderNotFound(no.toString()));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new VersionMismatch(no, expectedVersion.getAsLong(), current.version());
            }
            Order order = Order.restore(current);
            OrderEvent event = intent.apply(order);
            Order.Snapshot changed = order.snapshot();
            update(jdbc, changed, current.version());
            changeLog.record(jdbc, changed, event);
            return changed;
        });
    }

    private Shard shardOf(OrderNo no) {
        if (!shards.has(no.shard())) {
            throw new OrderNotFound(no.toString());
        }
        return shards.get(no.shard());
    }

    private Optional<Placed> existingPlacement(JdbcClient jdbc, IdempotencyKey key, String fingerprint) {
        return jdbc.sql("select request_hash, order_no from idempotency_key where idempotency_key = :key")
                .param("key", key.value())
                .query((rs, row) -> new Claim(rs.getString("request_hash"), new OrderNo(rs.getLong("order_no"))))
                .optional()
                .map(claim -> {
                    if (!claim.fingerprint().equals(fingerprint)) {
                        throw new IdempotencyKeyReused(key, claim.orderNo());
                    }
                    return new Placed(load(jdbc, claim.orderNo(), false).orElseThrow(), false);
                });
    }

    private void insert(JdbcClient jdbc, Order.Snapshot order) {
        jdbc.sql("""
                insert into orders (order_no, member_id, shop_id, shop_name, status, version, items_total,
                    delivery_fee, total_amount, payment_amount, road_address, address_detail, zip_code, lat, lng,
                    request_to_shop, request_to_rider, placed_at)
                values (:orderNo, :memberId, :shopId, :shopName, :status, :version, :itemsTotal,
                    :deliveryFee, :totalAmount, :paymentAmount, :road, :detail, :zipCode, :lat, :lng,
                    :requestToShop, :requestToRider, :placedAt)""")
                .param("orderNo", order.orderNo().value())
                .param("memberId", order.member().value())
                .param("shopId", order.shop().shopId())
                .param("shopName", order.shop().name())
                .param("status", order.status().name())
                .param("version", order.version())
                .param("itemsTotal", order.itemsTotal().won())
                .param("deliveryFee", order.deliveryFee().won())
                .param("totalAmount", order.totalAmount().won())
                .param("paymentAmount", order.paymentAmount().won())
                .param("road", order.address().road())
                .param("detail", order.address().detail())
                .param("zipCode", order.address().zipCode())
                .param("lat", order.address().lat())
                .param("lng", order.address().lng())
                .param("requestToShop", order.requestToShop())
                .param("requestToRider", order.requestToRider())
                .param("placedAt", Timestamp.from(order.timeline().get(OrderStatus.PLACED)))
                .update();
        List<OrderLine> lines = order.lines();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(:orderNo, ").append(i).append(", :menuId").append(i).append(", :menuName").append(i)
                    .append(", :unitPrice").append(i).append(", :quantity").append(i)
                    .append(", cast(:options").append(i).append(" as jsonb), :lineTotal").append(i).append(')');
        }
        JdbcClient.StatementSpec statement = jdbc.sql("insert into order_line (order_no, line_no, menu_id, menu_name,"
                + " unit_price, quantity, options, line_total) values " + values)
                .param("orderNo", order.orderNo().value());
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            statement = statement.param("menuId" + i, line.menuId())
                    .param("menuName" + i, line.menuName())
                    .param("unitPrice" + i, line.unitPrice().won())
                    .param("quantity" + i, line.quantity())
                    .param("options" + i, json.writeValueAsString(line.options().stream().map(OptionRow::of).toList()))
                    .param("lineTotal" + i, line.lineTotal().won());
        }
        statement.update();
    }

    private void update(JdbcClient jdbc, Order.Snapshot order, long previousVersion) {
        int updated = jdbc.sql("""
                update orders set status = :status, version = :version, rider_id = :riderId,
                    cooking_minutes = :cookingMinutes, rejection_reason = :rejectionReason,
                    cancelled_by = :cancelledBy, cancel_reason = :cancelReason,
                    accepted_at = :acceptedAt, rider_dispatched_at = :dispatchedAt, rider_at_shop_at = :atShopAt,
                    picked_up_at = :pickedUpAt, delivered_at = :deliveredAt, rejected_at = :rejectedAt,
                    cancelled_at = :cancelledAt
                where order_no = :orderNo and version = :previousVersion""")
                .param("status", order.status().name())
                .param("version", order.version())
                .param("riderId", order.rider() == null ? null : order.rider().value(), java.sql.Types.BIGINT)
                .param("cookingMinutes", order.cookingMinutes(), java.sql.Types.INTEGER)
                .param("rejectionReason", order.rejectionReason(), java.sql.Types.VARCHAR)
                .param("cancelledBy", order.cancellation() == null ? null : order.cancellation().by().name(), java.sql.Types.VARCHAR)
                .param("cancelReason", order.cancellation() == null ? null : order.cancellation().reason(), java.sql.Types.VARCHAR)
                .param("acceptedAt", stamp(order, OrderStatus.ACCEPTED), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("dispatchedAt", stamp(order, OrderStatus.RIDER_DISPATCHED), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("atShopAt", stamp(order, OrderStatus.RIDER_AT_SHOP), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("pickedUpAt", stamp(order, OrderStatus.PICKED_UP), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("deliveredAt", stamp(order, OrderStatus.DELIVERED), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("rejectedAt", stamp(order, OrderStatus.REJECTED), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("cancelledAt", stamp(order, OrderStatus.CANCELLED), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("orderNo", order.orderNo().value())
                .param("previousVersion", previousVersion)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("order " + order.orderNo() + " changed under its row lock");
        }
    }

    private static java.time.OffsetDateTime stamp(Order.Snapshot order, OrderStatus status) {
        Instant at = order.timeline().get(status);
        return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
    }

    private Optional<Order.Snapshot> load(JdbcClient jdbc, OrderNo no, boolean forUpdate) {
        Optional<OrderRow> row = jdbc.sql("select * from orders where order_no = :orderNo" + (forUpdate ? " for update" : ""))
                .param("orderNo", no.value())
                .query(ShardedOrders::orderRow)
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<OrderLine> lines = jdbc.sql("""
                select menu_id, menu_name, unit_price, quantity, options::text as options
                from order_line where order_no = :orderNo order by line_no""")
                .param("orderNo", no.value())
                .query((rs, i) -> new OrderLine(rs.getLong("menu_id"), rs.getString("menu_name"),
                        Money.won(rs.getLong("unit_price")), rs.getInt("quantity"),
                        json.readValue(rs.getString("options"), OPTION_ROWS).stream().map(OptionRow::toOption).toList()))
                .list();
        return Optional.of(row.get().toSnapshot(lines));
    }

    private static OrderRow orderRow(ResultSet rs, int rowNum) throws SQLException {
        EnumMap<OrderStatus, Instant> timeline = new EnumMap<>(OrderStatus.class);
        for (Map.Entry<OrderStatus, String> column : TIMELINE_COLUMNS.entrySet()) {
            Timestamp at = rs.getTimestamp(column.getValue());
            if (at != null) {
                timeline.put(column.getKey(), at.toInstant());
            }
        }
        long rider = rs.getLong("rider_id");
        boolean hasRider = !rs.wasNull();
        int cooking = rs.getInt("cooking_minutes");
        boolean hasCooking = !rs.wasNull();
        String cancelledBy = rs.getString("cancelled_by");
        return new OrderRow(new OrderNo(rs.getLong("order_no")), new MemberId(rs.getLong("member_id")),
                new Order.ShopRef(rs.getLong("shop_id"), rs.getString("shop_name")),
                new DeliveryAddress(rs.getString("road_address"), rs.getString("address_detail"),
                        rs.getString("zip_code"), rs.getDouble("lat"), rs.getDouble("lng")),
                Money.won(rs.getLong("delivery_fee")), Money.won(rs.getLong("payment_amount")),
                rs.getString("request_to_shop"), rs.getString("request_to_rider"),
                OrderStatus.valueOf(rs.getString("status")), rs.getLong("version"),
                hasRider ? new RiderId(rider) : null, hasCooking ? cooking : null, rs.getString("rejection_reason"),
                cancelledBy == null ? null : new Cancellation(Cancellation.By.valueOf(cancelledBy), rs.getString("cancel_reason")),
                timeline);
    }

    private static Map<OrderStatus, String> timelineColumns() {
        EnumMap<OrderStatus, String> columns = new EnumMap<>(OrderStatus.class);
        columns.put(OrderStatus.PLACED, "placed_at");
        columns.put(OrderStatus.ACCEPTED, "accepted_at");
        columns.put(OrderStatus.RIDER_DISPATCHED, "rider_dispatched_at");
        columns.put(OrderStatus.RIDER_AT_SHOP, "rider_at_shop_at");
        columns.put(OrderStatus.PICKED_UP, "picked_up_at");
        columns.put(OrderStatus.DELIVERED, "delivered_at");
        columns.put(OrderStatus.REJECTED, "rejected_at");
        columns.put(OrderStatus.CANCELLED, "cancelled_at");
        return Map.copyOf(columns);
    }

    private record Claim(String fingerprint, OrderNo orderNo) {
    }

    private record OrderRow(OrderNo orderNo, MemberId member, Order.ShopRef shop, DeliveryAddress address,
            Money deliveryFee, Money paymentAmount, String requestToShop, String requestToRider, OrderStatus status,
            long version, RiderId rider, Integer cookingMinutes, String rejectionReason, Cancellation cancellation,
            Map<OrderStatus, Instant> timeline) {

        Order.Snapshot toSnapshot(List<OrderLine> lines) {
            return new Order.Snapshot(orderNo, member, shop, lines, address, deliveryFee, paymentAmount, requestToShop,
                    requestToRider, status, version, rider, cookingMinutes, rejectionReason, cancellation, timeline);
        }
    }

    /** How a chosen option is kept in {@code order_line.options}. */
    record OptionRow(long optionId, String group, String name, long price) {
        static OptionRow of(OrderLine.ChosenOption option) {
            return new OptionRow(option.optionId(), option.groupName(), option.name(), option.price().won());
        }

        OrderLine.ChosenOption toOption() {
            return new OrderLine.ChosenOption(optionId, group, name, Money.won(price));
        }
    }
}
