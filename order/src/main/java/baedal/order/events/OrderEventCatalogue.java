package baedal.order.events;

import baedal.order.OrderEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every order event type the platform publishes on {@value #TOPIC}, with its schema. This list is the
 * contract with consumers: an event type that is not listed here is never written (see
 * {@link #require(String)}), and a test fails when the code can raise one.
 *
 * <p>Every event is an {@link OrderEventEnvelope} whose {@code order} is the {@link OrderDocument} after the
 * change (the event snapshot), so consumers never read back from a shard.
 */
public final class OrderEventCatalogue {

    /** The Kafka topic of order events; the record key is the order number. */
    public static final String TOPIC = "baedal.order-events";

    /** The aggregate type written to the outbox. */
    public static final String AGGREGATE_TYPE = "Order";

    /** One listed event type. */
    public record EventType(String name, int schemaVersion, String meaning, String changes) {
    }

    private static final Map<String, EventType> TYPES = listed(
            new EventType("OrderPlaced", 1, "주문 생성: a member placed an order", "status PLACED; every field set"),
            new EventType("OrderAccepted", 1, "주문 접수: the shop accepted the order", "status ACCEPTED, cookingMinutes, timestamps.acceptedAt"),
            new EventType("OrderRejected", 1, "the shop rejected the order", "status REJECTED, rejectionReason, timestamps.rejectedAt"),
            new EventType("OrderCancelled", 1, "주문취소: a member or an operator cancelled", "status CANCELLED, cancellation{by, reason}, timestamps.cancelledAt"),
            new EventType("RiderDispatched", 1, "배차: a rider was dispatched", "status RIDER_DISPATCHED, riderId, timestamps.riderDispatchedAt"),
            new EventType("RiderArrivedAtShop", 1, "the rider arrived at the shop", "status RIDER_AT_SHOP, timestamps.riderAtShopAt"),
            new EventType("OrderPickedUp", 1, "픽업: the rider picked the food up", "status PICKED_UP, timestamps.pickedUpAt"),
            new EventType("OrderDelivered", 1, "배달완료: the order was delivered", "status DELIVERED, timestamps.deliveredAt"));

    private OrderEventCatalogue() {
    }

    public static Map<String, EventType> types() {
        return TYPES;
    }

    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /** The listed type of {@code event}; throws if the catalogue does not list it, so it is never written. */
    public static EventType require(OrderEvent event) {
        return require(event.type());
    }

    public static EventType require(String type) {
        return find(type).orElseThrow(() -> new IllegalStateException("event type " + type
                + " is not listed in the order event catalogue; list it with its schema before emitting it"));
    }

    private static Map<String, EventType> listed(EventType... types) {
        Map<String, EventType> byName = new LinkedHashMap<>();
        for (EventType type : types) {
            byName.put(type.name(), type);
        }
        return Map.copyOf(byName);
    }
}
