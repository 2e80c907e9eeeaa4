package baedal.order;

import baedal.kernel.catalogue.EventType;
import baedal.order.events.OrderDocument;
import baedal.order.events.OrderEventCatalogue;
import baedal.order.events.OrderEventStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the order aggregate to the order context's published language ({@code order-events}): the document
 * that the order API returns and every event carries, and the listed type of each event.
 */
public final class OrderDocuments {

    private OrderDocuments() {
    }

    /** The published document of {@code order}. */
    public static OrderDocument of(Order.Snapshot order) {
        Map<String, Instant> timestamps = new LinkedHashMap<>();
        order.timeline().forEach((status, at) -> timestamps.put(published(status).timestampName(), at));
        return new OrderDocument(order.orderNo().toString(), published(order.status()),
                order.orderNo().shard().value(), order.version(), order.member().value(),
                new OrderDocument.Shop(order.shop().shopId(), order.shop().name()),
                order.lines().stream()
                        .map(line -> new OrderDocument.Line(line.menuId(), line.menuName(), line.unitPrice().won(),
                                line.quantity(),
                                line.options().stream()
                                        .map(o -> new OrderDocument.Option(o.optionId(), o.groupName(), o.name(),
                                                o.price().won()))
                                        .toList(),
                                line.lineTotal().won()))
                        .toList(),
                order.itemsTotal().won(), order.deliveryFee().won(), order.totalAmount().won(),
                order.paymentAmount().won(),
                new OrderDocument.Address(order.address().road(), order.address().detail(), order.address().zipCode(),
                        order.address().lat(), order.address().lng()),
                order.requestToShop(), order.requestToRider(),
                order.rider() == null ? null : order.rider().value(), order.cookingMinutes(), order.rejectionReason(),
                order.cancellation() == null ? null
                        : new OrderDocument.Cancellation(order.cancellation().by().name(), order.cancellation().reason()),
                timestamps);
    }

    /** The published name of a lifecycle status. */
    public static OrderEventStatus published(OrderStatus status) {
        return switch (status) {
            case PLACED -> OrderEventStatus.PLACED;
            case ACCEPTED -> OrderEventStatus.ACCEPTED;
            case RIDER_DISPATCHED -> OrderEventStatus.RIDER_DISPATCHED;
            case RIDER_AT_SHOP -> OrderEventStatus.RIDER_AT_SHOP;
            case PICKED_UP -> OrderEventStatus.PICKED_UP;
            case DELIVERED -> OrderEventStatus.DELIVERED;
            case REJECTED -> OrderEventStatus.REJECTED;
            case CANCELLED -> OrderEventStatus.CANCELLED;
        };
    }

    /** The listed type of {@code event}; throws if the catalogue does not list it, so it is never written. */
    public static EventType typeOf(OrderEvent event) {
        return OrderEventCatalogue.require(event.type());
    }
}
