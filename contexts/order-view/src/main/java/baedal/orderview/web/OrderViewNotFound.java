package baedal.orderview.web;

/** No document for this order number in the read model (the order may not exist, or not be projected yet). */
class OrderViewNotFound extends RuntimeException {

    private final boolean stale;

    OrderViewNotFound(String orderNo, boolean stale) {
        super("No order " + orderNo + " in the order history" + (stale ? " yet" : ""));
        this.stale = stale;
    }

    /** Whether the reader asked for a version that did not arrive in time. */
    boolean stale() {
        return stale;
    }
}
