package baedal.order.events;

import baedal.order.Order;
import baedal.order.OrderStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's complete state as other parties see it: the body of the order API's responses and the state
 * every order event carries (the event snapshot). Amounts are whole won; times are ISO-8601 instants.
 * Changing a field's meaning is a new schema version in {@link OrderEventCatalogue}.
 */
public record OrderDocument(String orderNo, OrderStatus status, int shard, long version, long memberId, Shop shop,
        List<Line> items, long itemsTotal, long deliveryFee, long totalAmount, long paymentAmount,
        Address deliveryAddress, String requestToShop, String requestToRider, Long riderId, Integer cookingMinutes,
        String rejectionReason, Cancellation cancellation, Map<String, Instant> timestamps) {

    public record Shop(long shopId, String name) {
    }

    public record Line(long menuId, String name, long unitPrice, int quantity, List<Option> options, long lineTotal) {
    }

    public record Option(long optionId, String group, String name, long price) {
    }

    public record Address(String road, String detail, String zipCode, double lat, double lng) {
    }

    public record Cancellation(String by, String reason) {
    }

    public static OrderDocument of(Order.Snapshot order) {
        Map<String, Instant> timestamps = new LinkedHashMap<>();
        order.timeline().forEach((status, at) -> timestamps.put(timestampName(status), at));
        return new OrderDocument(order.orderNo().toString(), order.status(), order.orderNo().shard().value(),
                order.version(), order.member().value(), new Shop(order.shop().shopId(), order.shop().name()),
                order.lines().stream()
                        .map(line -> new Line(line.menuId(), line.menuName(), line.unitPrice().won(), line.quantity(),
                                line.options().stream()
                                        .map(o -> new Option(o.optionId(), o.groupName(), o.name(), o.price().won()))
                                        .toList(),
                                line.lineTotal().won()))
                        .toList(),
                order.itemsTotal().won(), order.deliveryFee().won(), order.totalAmount().won(),
                order.paymentAmount().won(),
                new Address(order.address().road(), order.address().detail(), order.address().zipCode(),
                        order.address().lat(), order.address().lng()),
                order.requestToShop(), order.requestToRider(),
                order.rider() == null ? null : order.rider().value(), order.cookingMinutes(), order.rejectionReason(),
                order.cancellation() == null ? null
                        : new Cancellation(order.cancellation().by().name(), order.cancellation().reason()),
                timestamps);
    }

    private static String timestampName(OrderStatus status) {
        return switch (status) {
            case PLACED -> "placedAt";
            case ACCEPTED -> "acceptedAt";
            case RIDER_DISPATCHED -> "riderDispatchedAt";
            case RIDER_AT_SHOP -> "riderAtShopAt";
            case PICKED_UP -> "pickedUpAt";
            case DELIVERED -> "deliveredAt";
            case REJECTED -> "rejectedAt";
            case CANCELLED -> "cancelledAt";
        };
    }
}
