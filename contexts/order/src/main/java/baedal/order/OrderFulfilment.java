package baedal.order;

import baedal.identity.Caller;
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

    public Order.Snapshot get(Caller caller, OrderNo no) {
        Order.Snapshot order = orders.get(no);
        if (!OrderAccess.mayRead(caller, order)) {
            throw new OrderNotFound(no.toString());
        }
        return order;
    }

    public Order.Snapshot accept(Caller caller, OrderNo no, OptionalLong expectedVersion, int cookingMinutes) {
        return orders.change(no, expectedVersion, order -> OrderAccess.mayDecide(caller, order),
                order -> order.accept(cookingMinutes, clock.instant()));
    }

    public Order.Snapshot reject(Caller caller, OrderNo no, OptionalLong expectedVersion, String reason) {
        return orders.change(no, expectedVersion, order -> OrderAccess.mayDecide(caller, order),
                order -> order.reject(reason, clock.instant()));
    }

    /** The member cancels as {@link Cancellation.By#MEMBER}, an operator as {@link Cancellation.By#OPERATOR}. */
    public Order.Snapshot cancel(Caller caller, OrderNo no, OptionalLong expectedVersion, String reason) {
        Cancellation cancellation = new Cancellation(caller.isOperator() ? Cancellation.By.OPERATOR
                : Cancellation.By.MEMBER, reason);
        return orders.change(no, expectedVersion, order -> OrderAccess.mayCancel(caller, order),
                order -> order.cancel(cancellation, clock.instant()));
    }

    /** A rider takes a dispatch for itself ({@link ActingForAnother} otherwise); an operator dispatches any rider. */
    public Order.Snapshot dispatch(Caller caller, OrderNo no, OptionalLong expectedVersion, RiderId rider) {
        if (!OrderAccess.mayDispatch(caller, rider)) {
            throw new ActingForAnother("riderId", "a rider takes a dispatch for itself only");
        }
        return orders.change(no, expectedVersion, order -> order.dispatch(rider, clock.instant()));
    }

    public Order.Snapshot arriveAtShop(Caller caller, OrderNo no, OptionalLong expectedVersion) {
        return orders.change(no, expectedVersion, order -> OrderAccess.mayDeliver(caller, order),
                order -> order.arriveAtShop(clock.instant()));
    }

    public Order.Snapshot pickUp(Caller caller, OrderNo no, OptionalLong expectedVersion) {
        return orders.change(no, expectedVersion, order -> OrderAccess.mayDeliver(caller, order),
                order -> order.pickUp(clock.instant()));
    }

    public Order.Snapshot deliver(Caller caller, OrderNo no, OptionalLong expectedVersion) {
        return orders.change(no, expectedVersion, order -> OrderAccess.mayDeliver(caller, order),
                order -> order.deliver(clock.instant()));
    }
}
