package baedal.order;

import baedal.sharding.ShardNo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** An in-memory {@link Orders} for fast tests: one shard, same idempotency and version rules. */
final class InMemoryOrders implements Orders {

    private final Map<OrderNo, Order.Snapshot> orders = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private long serial;

    private record Claim(String fingerprint, OrderNo orderNo) {
    }

    @Override
    public synchronized Placed place(IdempotencyKey key, String fingerprint, Function<OrderNo, Order.Placement> create) {
        Optional<Placed> existing = placedUnder(key, fingerprint);
        if (existing.isPresent()) {
            return existing.get();
        }
        Order.Placement placement = create.apply(OrderNo.issue(++serial, new ShardNo(0)));
        Order.Snapshot order = placement.order().snapshot();
        orders.put(order.orderNo(), order);
        claims.put(key.value(), new Claim(fingerprint, order.orderNo()));
        return new Placed(order, true);
    }

    @Override
    public synchronized Optional<Placed> placedUnder(IdempotencyKey key, String fingerprint) {
        Claim claim = claims.get(key.value());
        if (claim == null) {
            return Optional.empty();
        }
        if (!claim.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(key, claim.orderNo());
        }
        return Optional.of(new Placed(orders.get(claim.orderNo()), false));
    }

    @Override
    public synchronized Order.Snapshot get(OrderNo no) {
        Order.Snapshot order = orders.get(no);
        if (order == null) {
            throw new OrderNotFound(no.toString());
        }
        return order;
    }

    @Override
    public synchronized Order.Snapshot change(OrderNo no, OptionalLong expectedVersion, Function<Order, OrderEvent> intent) {
        Order.Snapshot current = get(no);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new VersionMismatch(no, expectedVersion.getAsLong(), current.version());
        }
        Order order = Order.restore(current);
        intent.apply(order);
        orders.put(no, order.snapshot());
        return order.snapshot();
    }

    synchronized int count() {
        return orders.size();
    }
}
