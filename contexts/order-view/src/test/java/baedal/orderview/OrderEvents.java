package baedal.orderview;

import baedal.order.events.OrderDocument;
import baedal.order.events.OrderEventCatalogue;
import baedal.order.events.OrderEventEnvelope;
import baedal.order.events.OrderEventStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events of one order as the write side publishes them, built in the order context's published language
 * only (the read model never sees the order aggregate): {@code anOrder(serial).accepted().dispatched(501)…events()}.
 * Each step happens a minute after the previous.
 */
public final class OrderEvents {

    /** 01:30 on 25 November in Seoul (16:30 UTC the day before). */
    public static final Instant PLACED_AT = Instant.parse("2026-11-24T16:30:00.123456Z");
    public static final OrderDocument.Address ADDRESS = new OrderDocument.Address("서울특별시 강남구 테헤란로 152", "12층",
            "06236", 37.5, 127.0364);

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int SHARDS = 4;
    private static final int SHARD_CAPACITY = 1000;

    private final List<OrderEventEnvelope> events = new ArrayList<>();
    private final Map<String, Instant> timestamps = new LinkedHashMap<>();
    private OrderDocument document;
    private Instant now;

    private OrderEvents(OrderDocument placed, Instant at) {
        this.now = at;
        this.document = placed;
        add("OrderPlaced", OrderEventStatus.PLACED, placed);
    }

    /** A 순살 후라이드치킨 order (₩59,500) of member 1001 at shop 1, placed at {@link #PLACED_AT}. */
    public static OrderEvents anOrder(long serial) {
        return anOrder(serial, 1001, PLACED_AT);
    }

    public static OrderEvents anOrder(long serial, long memberId, Instant placedAt) {
        int shard = (int) (serial % SHARDS);
        String orderNo = Long.toString(Math.addExact(Math.multiplyExact(serial, SHARD_CAPACITY), shard));
        List<OrderDocument.Line> lines = List.of(
                new OrderDocument.Line(101, "후라이드치킨", 20_000, 2, List.of(
                        new OrderDocument.Option(1002, "부위 선택", "순살", 2_000),
                        new OrderDocument.Option(1003, "추가 선택", "치즈볼", 4_000)), 52_000),
                new OrderDocument.Line(104, "치즈볼 (5개)", 4_500, 1, List.of(), 4_500));
        OrderDocument placed = new OrderDocument(orderNo, OrderEventStatus.PLACED, shard, 1, memberId,
                new OrderDocument.Shop(1, "바삭치킨 역삼점"), lines, 56_500, 3_000, 59_500, 59_500, ADDRESS,
                "맵지 않게 해주세요", "문 앞에 두고 벨 눌러주세요", null, null, null, null, Map.of());
        return new OrderEvents(placed, placedAt);
    }

    public OrderEvents accepted() {
        return next("OrderAccepted", OrderEventStatus.ACCEPTED, document.riderId(), 20, null);
    }

    public OrderEvents dispatched(long riderId) {
        return next("RiderDispatched", OrderEventStatus.RIDER_DISPATCHED, riderId, document.cookingMinutes(), null);
    }

    public OrderEvents arrived() {
        return next("RiderArrivedAtShop", OrderEventStatus.RIDER_AT_SHOP, document.riderId(), document.cookingMinutes(),
                null);
    }

    public OrderEvents pickedUp() {
        return next("OrderPickedUp", OrderEventStatus.PICKED_UP, document.riderId(), document.cookingMinutes(), null);
    }

    public OrderEvents delivered() {
        return next("OrderDelivered", OrderEventStatus.DELIVERED, document.riderId(), document.cookingMinutes(), null);
    }

    public OrderEvents cancelled(String reason) {
        return next("OrderCancelled", OrderEventStatus.CANCELLED, document.riderId(), document.cookingMinutes(),
                new OrderDocument.Cancellation("MEMBER", reason));
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
        return document.orderNo();
    }

    public long orderNumber() {
        return Long.parseLong(document.orderNo());
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

    private OrderEvents next(String type, OrderEventStatus status, Long riderId, Integer cookingMinutes,
            OrderDocument.Cancellation cancellation) {
        now = now.plus(Duration.ofMinutes(1));
        OrderDocument d = document;
        document = new OrderDocument(d.orderNo(), status, d.shard(), d.version() + 1, d.memberId(), d.shop(), d.items(),
                d.itemsTotal(), d.deliveryFee(), d.totalAmount(), d.paymentAmount(), d.deliveryAddress(),
                d.requestToShop(), d.requestToRider(), riderId, cookingMinutes, d.rejectionReason(),
                cancellation == null ? d.cancellation() : cancellation, Map.of());
        return add(type, status, document);
    }

    private OrderEvents add(String typeName, OrderEventStatus status, OrderDocument state) {
        var type = OrderEventCatalogue.require(typeName);
        timestamps.put(status.timestampName(), now);
        OrderDocument d = state;
        document = new OrderDocument(d.orderNo(), d.status(), d.shard(), d.version(), d.memberId(), d.shop(), d.items(),
                d.itemsTotal(), d.deliveryFee(), d.totalAmount(), d.paymentAmount(), d.deliveryAddress(),
                d.requestToShop(), d.requestToRider(), d.riderId(), d.cookingMinutes(), d.rejectionReason(),
                d.cancellation(), Collections.unmodifiableMap(new LinkedHashMap<>(timestamps)));
        UUID eventId = UUID.nameUUIDFromBytes((d.orderNo() + ":" + d.version()).getBytes(StandardCharsets.UTF_8));
        events.add(new OrderEventEnvelope(eventId.toString(), type.name(), d.orderNo(), d.shard(), d.version(), now,
                null, type.schemaVersion(), document));
        return this;
    }
}
