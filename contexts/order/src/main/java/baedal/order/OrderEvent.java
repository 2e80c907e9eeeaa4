package baedal.order;

import java.time.Instant;

/**
 * Something that happened to an order, named in the past tense. Every state change of an {@link Order}
 * returns exactly one event; the event's {@link #version()} is the order's version after the change, so a
 * consumer can tell a newer event from a stale or repeated one without asking the shard.
 */
public sealed interface OrderEvent {

    OrderNo orderNo();

    long version();

    Instant occurredAt();

    /** The event type name as it appears in the catalogue of events and on the wire. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** 주문 생성: a member placed an order. */
    record OrderPlaced(OrderNo orderNo, long version, Instant occurredAt) implements OrderEvent {
    }

    /** 주문 접수: the shop accepted the order and said how long cooking takes. */
    record OrderAccepted(OrderNo orderNo, long version, Instant occurredAt, int cookingMinutes) implements OrderEvent {
    }

    /** The shop rejected the order. */
    record OrderRejected(OrderNo orderNo, long version, Instant occurredAt, String reason) implements OrderEvent {
    }

    /** 주문취소: a member or an operator cancelled the order. */
    record OrderCancelled(OrderNo orderNo, long version, Instant occurredAt, Cancellation cancellation)
            implements OrderEvent {
    }

    /** 배차: a rider was dispatched to the order. */
    record RiderDispatched(OrderNo orderNo, long version, Instant occurredAt, RiderId riderId) implements OrderEvent {
    }

    /** The rider arrived at the shop. */
    record RiderArrivedAtShop(OrderNo orderNo, long version, Instant occurredAt) implements OrderEvent {
    }

    /** 픽업: the rider picked the food up. */
    record OrderPickedUp(OrderNo orderNo, long version, Instant occurredAt) implements OrderEvent {
    }

    /** 배달완료: the rider delivered the order. */
    record OrderDelivered(OrderNo orderNo, long version, Instant occurredAt) implements OrderEvent {
    }
}
