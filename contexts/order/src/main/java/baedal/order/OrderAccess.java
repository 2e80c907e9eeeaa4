package baedal.order;

import baedal.identity.Caller;

/**
 * Whose order it is: the member who placed it, the shop it was placed at, the rider it is dispatched to, and
 * operators, who may see and move every order. A caller who is none of these is not told the order exists (the
 * order API answers {@link OrderNotFound}).
 */
public final class OrderAccess {

    private OrderAccess() {
    }

    /** The member, the shop, the dispatched rider or an operator may read the order. */
    public static boolean mayRead(Caller caller, Order.Snapshot order) {
        return caller.isOperator() || isItsMember(caller, order) || isItsShop(caller, order) || isItsRider(caller, order);
    }

    /** The shop the order was placed at (or an operator) accepts or rejects it. */
    public static boolean mayDecide(Caller caller, Order.Snapshot order) {
        return caller.isOperator() || isItsShop(caller, order);
    }

    /** The member who placed the order (or an operator) cancels it. */
    public static boolean mayCancel(Caller caller, Order.Snapshot order) {
        return caller.isOperator() || isItsMember(caller, order);
    }

    /** A rider takes a dispatch for itself only; the shop's and the member's roles have no part in it. */
    public static boolean mayDispatch(Caller caller, RiderId rider) {
        return caller.isOperator() || caller.isRider(rider.value());
    }

    /** Only the rider it is dispatched to (or an operator) arrives at the shop, picks it up and delivers it. */
    public static boolean mayDeliver(Caller caller, Order.Snapshot order) {
        return caller.isOperator() || isItsRider(caller, order);
    }

    private static boolean isItsMember(Caller caller, Order.Snapshot order) {
        return caller.isMember(order.member().value());
    }

    private static boolean isItsShop(Caller caller, Order.Snapshot order) {
        return caller.ownsShop(order.shop().shopId());
    }

    private static boolean isItsRider(Caller caller, Order.Snapshot order) {
        return order.rider() != null && caller.isRider(order.rider().value());
    }
}
