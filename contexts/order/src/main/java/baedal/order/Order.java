package baedal.order;

import baedal.kernel.Money;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order aggregate (주문). It has no setters: each method names an intent of the lifecycle, checks that
 * the current status allows it, changes the order, stamps the time of the change in the order's timeline,
 * raises the version by one, and returns the event that records the change.
 */
public final class Order {

    private final OrderNo no;
    private final MemberId member;
    private final ShopRef shop;
    private final List<OrderLine> lines;
    private final DeliveryAddress address;
    private final Money deliveryFee;
    private final Money paymentAmount;
    private final String requestToShop;
    private final String requestToRider;
    private final EnumMap<OrderStatus, Instant> timeline;
    private OrderStatus status;
    private long version;
    private RiderId rider;
    private Integer cookingMinutes;
    private String rejectionReason;
    private Cancellation cancellation;

    private Order(Snapshot snapshot) {
        this.no = snapshot.orderNo();
        this.member = snapshot.member();
        this.shop = snapshot.shop();
        this.lines = List.copyOf(snapshot.lines());
        this.address = snapshot.address();
        this.deliveryFee = snapshot.deliveryFee();
        this.paymentAmount = snapshot.paymentAmount();
        this.requestToShop = snapshot.requestToShop();
        this.requestToRider = snapshot.requestToRider();
        this.timeline = snapshot.timeline().isEmpty() ? new EnumMap<>(OrderStatus.class) : new EnumMap<>(snapshot.timeline());
        this.status = snapshot.status();
        this.version = snapshot.version();
        this.rider = snapshot.rider();
        this.cookingMinutes = snapshot.cookingMinutes();
        this.rejectionReason = snapshot.rejectionReason();
        this.cancellation = snapshot.cancellation();
    }

    /**
     * Places a new order. The lines carry the catalog's prices; the member's payment amount must equal the
     * computed total (items + delivery fee), otherwise the price changed since the member saw it and the
     * order is refused with {@link PaymentAmountMismatch}.
     */
    public static Placement place(OrderNo no, MemberId member, ShopRef shop, List<OrderLine> lines,
            DeliveryAddress address, Money deliveryFee, Money paymentAmount, String requestToShop,
            String requestToRider, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        Money total = itemsTotal(lines).plus(deliveryFee);
        if (!total.equals(paymentAmount)) {
            throw new PaymentAmountMismatch(total, paymentAmount);
        }
        EnumMap<OrderStatus, Instant> timeline = new EnumMap<>(OrderStatus.class);
        timeline.put(OrderStatus.PLACED, now);
        Order order = new Order(new Snapshot(no, member, shop, lines, address, deliveryFee, paymentAmount,
                requestToShop, requestToRider, OrderStatus.PLACED, 1, null, null, null, null, timeline));
        return new Placement(order, new OrderEvent.OrderPlaced(no, 1, now));
    }

    /** Rebuilds an order from its stored state; no event is raised. */
    public static Order restore(Snapshot snapshot) {
        return new Order(snapshot);
    }

    /** 주문 접수: the shop accepts and promises the food in {@code minutes}. */
    public OrderEvent.OrderAccepted accept(int minutes, Instant now) {
        if (minutes < 1 || minutes > 180) {
            throw new IllegalArgumentException("cooking minutes must be within 1..180: " + minutes);
        }
        moveTo(OrderStatus.ACCEPTED, now);
        this.cookingMinutes = minutes;
        return new OrderEvent.OrderAccepted(no, version, now, minutes);
    }

    /** The shop refuses a placed order. */
    public OrderEvent.OrderRejected reject(String reason, Instant now) {
        requireText(reason, "a rejection gives a reason");
        moveTo(OrderStatus.REJECTED, now);
        this.rejectionReason = reason;
        return new OrderEvent.OrderRejected(no, version, now, reason);
    }

    /** 주문취소 by the member or an operator, while the order is placed or accepted. */
    public OrderEvent.OrderCancelled cancel(Cancellation why, Instant now) {
        Objects.requireNonNull(why, "cancellation");
        moveTo(OrderStatus.CANCELLED, now);
        this.cancellation = why;
        return new OrderEvent.OrderCancelled(no, version, now, why);
    }

    /** 배차: a rider takes the accepted order. */
    public OrderEvent.RiderDispatched dispatch(RiderId riderId, Instant now) {
        Objects.requireNonNull(riderId, "rider");
        moveTo(OrderStatus.RIDER_DISPATCHED, now);
        this.rider = riderId;
        return new OrderEvent.RiderDispatched(no, version, now, riderId);
    }

    public OrderEvent.RiderArrivedAtShop arriveAtShop(Instant now) {
        moveTo(OrderStatus.RIDER_AT_SHOP, now);
        return new OrderEvent.RiderArrivedAtShop(no, version, now);
    }

    public OrderEvent.OrderPickedUp pickUp(Instant now) {
        moveTo(OrderStatus.PICKED_UP, now);
        return new OrderEvent.OrderPickedUp(no, version, now);
    }

    public OrderEvent.OrderDelivered deliver(Instant now) {
        moveTo(OrderStatus.DELIVERED, now);
        return new OrderEvent.OrderDelivered(no, version, now);
    }

    private void moveTo(OrderStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new TransitionRefused(no, status, target);
        }
        status = target;
        version++;
        timeline.put(target, now);
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Money itemsTotal(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money.ZERO, Money::plus);
    }

    public OrderNo no() {
        return no;
    }

    public OrderStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Money itemsTotal() {
        return itemsTotal(lines);
    }

    public Money totalAmount() {
        return itemsTotal().plus(deliveryFee);
    }

    /** The order's complete state, as stored and as carried by its events. */
    public Snapshot snapshot() {
        return new Snapshot(no, member, shop, lines, address, deliveryFee, paymentAmount, requestToShop,
                requestToRider, status, version, rider, cookingMinutes, rejectionReason, cancellation,
                new EnumMap<>(timeline));
    }

    /** A new order together with the event that records its placement. */
    public record Placement(Order order, OrderEvent.OrderPlaced event) {
    }

    /** The shop an order was placed with, as it was named then. */
    public record ShopRef(long shopId, String name) {
    }

    /**
     * The complete state of an order at one version. Optional parts (rider, cooking minutes, rejection
     * reason, cancellation) are {@code null} until the lifecycle reaches them; the timeline maps each status
     * the order has had to the time it got it.
     */
    public record Snapshot(OrderNo orderNo, MemberId member, ShopRef shop, List<OrderLine> lines,
            DeliveryAddress address, Money deliveryFee, Money paymentAmount, String requestToShop,
            String requestToRider, OrderStatus status, long version, RiderId rider, Integer cookingMinutes,
            String rejectionReason, Cancellation cancellation, Map<OrderStatus, Instant> timeline) {

        public Snapshot {
            lines = List.copyOf(lines);
            timeline = timeline.isEmpty() ? Map.of() : new EnumMap<>(timeline);
        }

        public Money itemsTotal() {
            return Order.itemsTotal(lines);
        }

        public Money totalAmount() {
            return itemsTotal().plus(deliveryFee);
        }
    }
}
