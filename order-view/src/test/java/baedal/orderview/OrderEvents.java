package baedal.orderview;

import baedal.kernel.Money;
import baedal.order.Cancellation;
import baedal.order.DeliveryAddress;
import baedal.order.MemberId;
import baedal.order.Order;
import baedal.order.OrderEvent;
import baedal.order.OrderLine;
import baedal.order.OrderNo;
import baedal.order.RiderId;
import baedal.order.events.OrderDocument;
import baedal.order.events.OrderEventCatalogue;
import baedal.order.events.OrderEventEnvelope;
import baedal.sharding.ShardNo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of one order as the write side publishes them, made through the order aggregate's public API:
 * {@code anOrder(serial).accepted().dispatched(501)…events()}. Each step happens a minute after the previous.
 */
public final class OrderEvents {

    /** 01:30 on 25 November in Seoul (16:30 UTC the day before). */
    public static final Instant PLACED_AT = Instant.parse("2026-11-24T16:30:00.123456Z");
    public static final DeliveryAddress ADDRESS = new DeliveryAddress("서울특별시 강남구 테헤란로 152", "12층", "06236",
            37.5, 127.0364);

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Order order;
    private final List<OrderEventEnvelope> events = new ArrayList<>();
    private Instant now;

    private OrderEvents(Order.Placement placement, Instant at) {
        this.order = placement.order();
        this.now = at;
        add(placement.event());
    }

    /** A 순살 후라이드치킨 order (₩59,500) of member 1001 at shop 1, placed at {@link #PLACED_AT}. */
    public static OrderEvents anOrder(long serial) {
        return anOrder(serial, 1001, PLACED_AT);
    }

    public static OrderEvents anOrder(long serial, long memberId, Instant placedAt) {
        List<OrderLine> lines = List.of(
                new OrderLine(101, "후라이드치킨", Money.won(20_000), 2, List.of(
                        new OrderLine.ChosenOption(1002, "부위 선택", "순살", Money.won(2_000)),
                        new OrderLine.ChosenOption(1003, "추가 선택", "치즈볼", Money.won(4_000)))),
                new OrderLine(104, "치즈볼 (5개)", Money.won(4_500), 1, List.of()));
        return new OrderEvents(Order.place(OrderNo.issue(serial, new ShardNo((int) (serial % 4))),
                new MemberId(memberId), new Order.ShopRef(1, "바삭치킨 역삼점"), lines, ADDRESS, Money.won(3_000),
                Money.won(59_500), "맵지 않게 해주세요", "문 앞에 두고 벨 눌러주세요", placedAt), placedAt);
    }

    public OrderEvents accepted() {
        return add(order.accept(20, tick()));
    }

    public OrderEvents dispatched(long riderId) {
        return add(order.dispatch(new RiderId(riderId), tick()));
    }

    public OrderEvents arrived() {
        return add(order.arriveAtShop(tick()));
    }

    public OrderEvents pickedUp() {
        return add(order.pickUp(tick()));
    }

    public OrderEvents delivered() {
        return add(order.deliver(tick()));
    }

    public OrderEvents cancelled(String reason) {
        return add(order.cancel(new Cancellation(Cancellation.By.MEMBER, reason), tick()));
    }

    /** Placed, accepted, dispatched to rider 501, at the shop, picked up, delivered: versions 1..6. */
    public OrderEvents throughDelivery() {
        return accepted().dispatched(501).arrived().pickedUp().delivered();
    }

    public List<OrderEventEnvelope> events() {
        return List.copyOf(events);
    }

    public OrderEventEnvelope last() {
        return events.getLast();
    }

    public String orderNo() {
        return order.no().toString();
    }

    public long orderNumber() {
        return order.no().value();
    }

    public static byte[] json(OrderEventEnvelope event) {
        return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    }

    /** A reading of {@code event} as the projector makes it from a record at {@code offset}. */
    public static ProjectionBatch.Reading reading(OrderEventEnvelope event, long offset) {
        byte[] value = json(event);
        return new ProjectionBatch.Reading(new IncomingRecord("t", 0, offset, event.orderNo(), value, Map.of()),
                new OrderEventReader(ZoneId.of("Asia/Seoul")).read(value));
    }

    private Instant tick() {
        now = now.plus(Duration.ofMinutes(1));
        return now;
    }

    private OrderEvents add(OrderEvent event) {
        OrderEventCatalogue.EventType type = OrderEventCatalogue.require(event);
        UUID eventId = UUID.nameUUIDFromBytes((order.no() + ":" + event.version()).getBytes(StandardCharsets.UTF_8));
        events.add(new OrderEventEnvelope(eventId.toString(), type.name(), order.no().toString(),
                order.no().shard().value(), event.version(), event.occurredAt(), null, type.schemaVersion(),
                OrderDocument.of(order.snapshot())));
        return this;
    }
}
