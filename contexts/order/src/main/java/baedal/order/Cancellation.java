package baedal.order;

/** Who cancelled an order (the member or an operator) and why. */
public record Cancellation(By by, String reason) {

    /** The party that cancelled. */
    public enum By { MEMBER, OPERATOR }

    public Cancellation {
        if (by == null) {
            throw new IllegalArgumentException("a cancellation names who cancelled");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a cancellation gives a reason");
        }
    }
}
