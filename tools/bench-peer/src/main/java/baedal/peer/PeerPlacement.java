package baedal.peer;

import baedal.peer.OrderPlaced.Line;
import baedal.peer.OrderPlaced.Option;
import baedal.peer.PeerOrders.Item;
import baedal.peer.PeerOrders.PeerOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer's order placement: the statements of the platform's placement for one new order (the harness's
 * {@code JdbcPlacement}: nextval of the order serial, the idempotency claim, the order row, one multi-row insert of
 * its lines with options as jsonb) in one transaction — but instead of writing an outbox row it publishes an
 * {@link OrderPlaced} application event, which Spring Modulith's event publication registry stores in
 * {@code event_publication} in the same transaction and externalizes to Kafka after the commit.
 * <p>
 * The order number is the database's {@code order_serial}: unique across runs on the same database.
 */
public final class PeerPlacement {

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

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;
    private final Map<Integer, String> lineInserts = new ConcurrentHashMap<>();

    public PeerPlacement(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** Places {@code order} in one transaction, its event published in it; returns the order number once committed. */
    public long place(PeerOrder order) {
        Long orderNo = transactions.execute(status -> placeInTransaction(order));
        if (orderNo == null) {
            throw new IllegalStateException("the placement transaction returned no order number");
        }
        return orderNo;
    }

    private long placeInTransaction(PeerOrder order) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String key = UUID.randomUUID().toString();
        long orderNo = jdbc.sql(NEXTVAL).query(Long.class).single();
        int claimed = jdbc.sql(CLAIM).params(key, fingerprint(order), orderNo, at).update();
        if (claimed != 1) {
            throw new IllegalStateException("idempotency key already claimed: " + key);
        }
        long totalAmount = order.itemsTotal() + order.deliveryFee();
        jdbc.sql(INSERT_ORDER)
                .params(orderNo, order.memberId(), order.shopId(), order.shopName(), "PLACED", 1L, order.itemsTotal(),
                        order.deliveryFee(), totalAmount, order.paymentAmount(), order.address().road(),
                        order.address().detail(), order.address().zipCode(), order.address().lat(),
                        order.address().lng(), order.requestToShop(), order.requestToRider(), at)
                .update();
        List<Item> items = order.items();
        List<Line> lines = new ArrayList<>(items.size());
        List<Object> params = new ArrayList<>(items.size() * 8);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Line line = new Line(i, item.menuId(), item.menuName(), item.unitPrice(), item.quantity(), item.options(),
                    item.lineTotal());
            lines.add(line);
            params.add(orderNo);
            params.add(i);
            params.add(item.menuId());
            params.add(item.menuName());
            params.add(item.unitPrice());
            params.add(item.quantity());
            params.add(json.writeValueAsString(item.options()));
            params.add(line.lineTotal());
        }
        jdbc.sql(lineInserts.computeIfAbsent(items.size(), PeerPlacement::lineInsert)).params(params).update();
        // Last before the commit, so the registry's publication date is as close to the commit as it can be.
        events.publishEvent(new OrderPlaced(orderNo, order.shopId(), order.shopName(), order.memberId(), lines,
                order.itemsTotal(), order.deliveryFee(), totalAmount, order.paymentAmount(), order.address(),
                order.requestToShop(), order.requestToRider(), "PLACED", 1, now));
        return orderNo;
    }

    static String lineInsert(int lines) {
        StringBuilder sql = new StringBuilder("insert into order_line (order_no, line_no, menu_id, menu_name,"
                + " unit_price, quantity, options, line_total) values ");
        for (int i = 0; i < lines; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)");
        }
        return sql.toString();
    }

    /** The same kind of digest the platform keeps per idempotency key: SHA-256 over the request's content. */
    static String fingerprint(PeerOrder order) {
        StringBuilder canonical = new StringBuilder().append(order.memberId()).append('|').append(order.shopId())
                .append('|');
        for (Item item : order.items()) {
            canonical.append(item.menuId()).append('x').append(item.quantity())
                    .append(item.options().stream().map(Option::optionId).toList()).append(';');
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
}
