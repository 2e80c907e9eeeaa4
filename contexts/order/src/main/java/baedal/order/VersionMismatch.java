package baedal.order;

/** The caller changed an order on the condition that it was at a version it no longer is at. */
public class VersionMismatch extends RuntimeException {

    private final long expected;
    private final long actual;

    public VersionMismatch(OrderNo orderNo, long expected, long actual) {
        super("order " + orderNo + " is at version " + actual + ", not " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
