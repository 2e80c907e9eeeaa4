package baedal.order;

import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * Moves orders through their lifecycle after placement: the shop accepts or rejects, a member or an operator
 * cancels, a rider is dispatched, arrives at the shop, picks up and delivers. Each step is one local
 * transaction on the order's shard; an optional expected version makes it conditional (HTTP If-Match).
 */
@Service
public class OrderFulfilment {

    private final Orders orders;
    private final Clock clock;

    public OrderFulfilment(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    public Order.Snapshot get(OrderNo no) {
        return orders.get(no);
    }

    public Order.Snapshot accept(OrderNo no, OptionalLong expectedVersion, int cookingMinutes) {
        return orders.change(no, expectedVersion, order -> order.accept(cookingMinutes, clock.instant()));
    }

    public Order.Snapshot reject(OrderNo no, OptionalLong expectedVersion, String reason) {
        return orders.change(no, expectedVersion, order -> order.reject(reason, clock.instant()));
    }

    public Order.Snapshot cancel(OrderNo no, OptionalLong expectedVersion, Cancellation cancellation) {
        return orders.change(no, expectedVersion, order -> order.cancel(cancellation, clock.instant()));
    }

    public Order.Snapshot dispatch(OrderNo no, OptionalLong expectedVersion, RiderId rider) {
        return orders.change(no, expectedVersion, order -> order.dispatch(rider, clock.instant()));
    }

    public Order.Snapshot arriveAtShop(OrderNo no, OptionalLong expectedVersion) {
        return orders.change(no, expectedVersion, order -> order.arriveAtShop(clock.instant()));
    }

    public Order.Snapshot pickUp(OrderNo no, OptionalLong expectedVersion) {
        return orders.change(no, expectedVersion, order -> order.pickUp(clock.instant()));
    }

    public Order.Snapshot deliver(OrderNo no, OptionalLong expectedVersion) {
        return orders.change(no, expectedVersion, order -> order.deliver(clock.instant()));
    }
}
