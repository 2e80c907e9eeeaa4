package baedal.order;

/** No order has that number (it was never issued, or the text is not an order number at all). */
public class OrderNotFound extends RuntimeException {

    public OrderNotFound(String orderNo) {
        super("no order " + orderNo);
    }
}
