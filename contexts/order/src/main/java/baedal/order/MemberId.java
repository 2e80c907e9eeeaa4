package baedal.order;

/** The member (customer) who placed an order. */
public record MemberId(long value) {
    public MemberId {
        if (value <= 0) {
            throw new IllegalArgumentException("member id must be positive: " + value);
        }
    }
}
