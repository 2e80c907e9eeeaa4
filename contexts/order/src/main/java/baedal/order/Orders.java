package baedal.order;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * All orders, wherever they are stored. Every state change of an order passes through this interface, and
 * each change is stored together with the event it raised in one local transaction — the seam where the
 * transactional outbox joins.
 */
public interface Orders {

    /**
     * Stores a new order exactly once per idempotency key. {@code create} is given the order number issued
     * for it and returns the placed order; it runs inside the storing transaction. If the key already placed
     * an order with the same fingerprint, that order is returned instead and nothing is written; with a
     * different fingerprint, {@link IdempotencyKeyReused} is thrown.
     */
    Placed place(IdempotencyKey key, String fingerprint, Function<OrderNo, Order.Placement> create);

    /** The order placed under an idempotency key, if any: how a refused retry finds its original order. */
    Optional<Placed> placedUnder(IdempotencyKey key, String fingerprint);

    /** The order, read from the shard that owns it. Throws {@link OrderNotFound}. */
    Order.Snapshot get(OrderNo no);

    /**
     * Applies {@code intent} to the order under a row lock and stores the result with its event. When
     * {@code expectedVersion} is present and the order is at another version, throws {@link VersionMismatch}
     * and changes nothing.
     */
    Order.Snapshot change(OrderNo no, OptionalLong expectedVersion, Function<Order, OrderEvent> intent);

    /**
     * As {@link #change(OrderNo, OptionalLong, Function)}, for a caller who may change the order only if
     * {@code mayChange} accepts it: an order it may not change is {@link OrderNotFound}, checked before the
     * expected version so that neither answer tells another caller the order exists.
     */
    default Order.Snapshot change(OrderNo no, OptionalLong expectedVersion, Predicate<Order.Snapshot> mayChange,
            Function<Order, OrderEvent> intent) {
        if (!mayChange.test(get(no))) {
            throw new OrderNotFound(no.toString());
        }
        return change(no, expectedVersion, order -> {
            if (!mayChange.test(order.snapshot())) {
                throw new OrderNotFound(no.toString());
            }
            return intent.apply(order);
        });
    }

    /** The outcome of a placement: the order, and whether this call created it or found it. */
    record Placed(Order.Snapshot order, boolean created) {
    }
}
