package baedal.order.events;

import baedal.kernel.catalogue.ContextCatalogue;
import baedal.kernel.catalogue.EventType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every order event type the platform publishes on {@value #TOPIC}, with its schema. This list is the
 * contract with consumers: an event type that is not listed here is never written (see
 * {@link #require(String)}), and a test of the order context fails when its code can raise one.
 *
 * <p>Every event is an {@link OrderEventEnvelope} whose {@code order} is the {@link OrderDocument} after the
 * change (the event snapshot), so consumers never read back from a shard. The list is also this context's
 * contribution to the platform's {@link ContextCatalogue} (registered as a service).
 */
public final class OrderEventCatalogue implements ContextCatalogue {

    /** The bounded context that publishes these events. */
    public static final String CONTEXT = "order";

    /** The Kafka topic of order events; the record key is the order number. */
    public static final String TOPIC = "baedal.order-events";

    /** The aggregate type written to the outbox. */
    public static final String AGGREGATE_TYPE = "Order";

    private static final Map<String, EventType> TYPES = listed(
            type("OrderPlaced", "주문 생성: a member placed an order", "status PLACED; every field set"),
            type("OrderAccepted", "주문 접수: the shop accepted the order", "status ACCEPTED, cookingMinutes, timestamps.acceptedAt"),
            type("OrderRejected", "the shop rejected the order", "status REJECTED, rejectionReason, timestamps.rejectedAt"),
            type("OrderCancelled", "주문취소: a member or an operator cancelled", "status CANCELLED, cancellation{by, reason}, timestamps.cancelledAt"),
            type("RiderDispatched", "배차: a rider was dispatched", "status RIDER_DISPATCHED, riderId, timestamps.riderDispatchedAt"),
            type("RiderArrivedAtShop", "the rider arrived at the shop", "status RIDER_AT_SHOP, timestamps.riderAtShopAt"),
            type("OrderPickedUp", "픽업: the rider picked the food up", "status PICKED_UP, timestamps.pickedUpAt"),
            type("OrderDelivered", "배달완료: the order was delivered", "status DELIVERED, timestamps.deliveredAt"));

    /** For the service loader; the catalogue itself is static. */
    public OrderEventCatalogue() {
    }

    public static Map<String, EventType> types() {
        return TYPES;
    }

    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /** The listed type named {@code type}; throws if the catalogue does not list it, so it is never written. */
    public static EventType require(String type) {
        return find(type).orElseThrow(() -> new IllegalStateException("event type " + type
                + " is not listed in the order event catalogue; list it with its schema before emitting it"));
    }

    @Override
    public String context() {
        return CONTEXT;
    }

    @Override
    public List<EventType> events() {
        return List.copyOf(TYPES.values());
    }

    private static EventType type(String name, String meaning, String changes) {
        return new EventType(name, AGGREGATE_TYPE, TOPIC, 1, meaning, changes);
    }

    private static Map<String, EventType> listed(EventType... types) {
        Map<String, EventType> byName = new LinkedHashMap<>();
        for (EventType type : types) {
            byName.put(type.name(), type);
        }
        return Collections.unmodifiableMap(byName);
    }
}
