package baedal.order;

/** The order's current status does not allow the requested change (e.g. picking up a cancelled order). */
public class TransitionRefused extends RuntimeException {

    private final OrderNo orderNo;
    private final OrderStatus from;
    private final OrderStatus to;

    public TransitionRefused(OrderNo orderNo, OrderStatus from, OrderStatus to) {
        super("order " + orderNo + " is " + from + " and cannot become " + to);
        this.orderNo = orderNo;
        this.from = from;
        this.to = to;
    }

    public OrderNo orderNo() {
        return orderNo;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
