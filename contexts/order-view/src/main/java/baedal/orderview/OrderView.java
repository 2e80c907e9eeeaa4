package baedal.orderview;

import baedal.order.events.OrderEventStatus;
import baedal.order.events.OrderDocument;
import baedal.order.events.OrderEventEnvelope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One order as order history (주문내역) shows it: a single denormalized document with everything a member, a
 * shop or an operator looks at — the order, its items with options and prices, the shop, the member, the
 * delivery address, the rider once dispatched, the payment, the current status and the time of every status
 * it has had — built from the order's events alone, so reading it is one key lookup on the read model.
 *
 * <p>{@code version} is the order's version the document shows and {@code lastEventId} the event that brought
 * it there. Times are instants (microsecond precision, as stored); {@code placedDate} is the shop's business day
 * of the placement in the read model's zone (Asia/Seoul by default).
 */
public record OrderView(String orderNo, OrderEventStatus status, long version, String lastEventId, Instant placedAt,
        LocalDate placedDate, Member member, Shop shop, List<Item> items, Address deliveryAddress,
        String requestToShop, String requestToRider, Rider rider, Payment payment, Integer cookingMinutes,
        String rejectionReason, Cancellation cancellation, List<Step> timeline) {

    /**
     * The member who ordered. There is no member context yet, so the display name is derived from the id alone
     * ("회원 1001"): deterministic, so every replay of the events yields the same document.
     */
    public record Member(long memberId, String displayName) {

        public static Member of(long memberId) {
            return new Member(memberId, "회원 " + memberId);
        }
    }

    /** The shop as it was named when the order was placed. */
    public record Shop(long shopId, String name) {
    }

    /** One ordered menu with its chosen options; prices are the server's, in whole won. */
    public record Item(long menuId, String name, long unitPrice, int quantity, List<Option> options, long lineTotal) {
    }

    public record Option(long optionId, String group, String name, long price) {
    }

    public record Address(String road, String detail, String zipCode, double lat, double lng) {
    }

    /** The rider (라이더) dispatched to the order; absent until 배차. */
    public record Rider(long riderId) {
    }

    /** What the member pays: items, delivery fee, the total, and the amount paid. */
    public record Payment(long itemsTotal, long deliveryFee, long totalAmount, long paymentAmount) {
    }

    public record Cancellation(String by, String reason) {
    }

    /** One status the order has had and when it got it; the timeline lists them oldest first. */
    public record Step(OrderEventStatus status, Instant at) {
    }

    /** The document an event's order snapshot describes. */
    public static OrderView of(OrderEventEnvelope event, ZoneId zone) {
        OrderDocument order = event.order();
        List<Step> timeline = timeline(order.timestamps());
        Instant placedAt = timeline.stream().filter(step -> step.status() == OrderEventStatus.PLACED).map(Step::at)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the order has no placedAt time"));
        return new OrderView(order.orderNo(), order.status(), event.version(), event.eventId(), placedAt,
                LocalDate.ofInstant(placedAt, zone), Member.of(order.memberId()),
                new Shop(order.shop().shopId(), order.shop().name()),
                order.items().stream()
                        .map(line -> new Item(line.menuId(), line.name(), line.unitPrice(), line.quantity(),
                                line.options() == null ? List.of() : line.options().stream()
                                        .map(o -> new Option(o.optionId(), o.group(), o.name(), o.price()))
                                        .toList(),
                                line.lineTotal()))
                        .toList(),
                order.deliveryAddress() == null ? null : new Address(order.deliveryAddress().road(),
                        order.deliveryAddress().detail(), order.deliveryAddress().zipCode(),
                        order.deliveryAddress().lat(), order.deliveryAddress().lng()),
                order.requestToShop(), order.requestToRider(),
                order.riderId() == null ? null : new Rider(order.riderId()),
                new Payment(order.itemsTotal(), order.deliveryFee(), order.totalAmount(), order.paymentAmount()),
                order.cookingMinutes(), order.rejectionReason(),
                order.cancellation() == null ? null
                        : new Cancellation(order.cancellation().by(), order.cancellation().reason()),
                timeline);
    }

    /**
     * The snapshot's {@code timestamps} ({@code placedAt}, {@code riderDispatchedAt}, …) as steps, oldest first.
     * The name of each time is its status in camel case with {@code At} appended, so a status the read model
     * does not know yet is not silently dropped: it fails the event, which is parked.
     */
    static List<Step> timeline(Map<String, Instant> timestamps) {
        List<Step> steps = new ArrayList<>();
        if (timestamps != null) {
            timestamps.forEach((name, at) -> {
                if (at != null) {
                    steps.add(new Step(statusOf(name), at.truncatedTo(ChronoUnit.MICROS)));
                }
            });
        }
        steps.sort(Comparator.comparing(Step::at).thenComparing(Step::status));
        return List.copyOf(steps);
    }

    static OrderEventStatus statusOf(String timestampName) {
        return OrderEventStatus.ofTimestampName(timestampName)
                .orElseThrow(() -> new IllegalArgumentException("unknown status time: " + timestampName));
    }

    /** The order number as a number (it is the read model's key). */
    public long orderNumber() {
        return Long.parseLong(orderNo);
    }
}
