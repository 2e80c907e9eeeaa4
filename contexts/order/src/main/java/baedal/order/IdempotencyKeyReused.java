package baedal.order;

/** An idempotency key that already placed an order was sent again with a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    private final OrderNo placedOrder;

    public IdempotencyKeyReused(IdempotencyKey key, OrderNo placedOrder) {
        super("idempotency key '" + key.value() + "' already placed order " + placedOrder + " with a different request");
        this.placedOrder = placedOrder;
    }

    public OrderNo placedOrder() {
        return placedOrder;
    }
}
