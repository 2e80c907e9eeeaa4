package baedal.order;

/** The rider (라이더) dispatched to deliver an order. */
public record RiderId(long value) {
    public RiderId {
        if (value <= 0) {
            throw new IllegalArgumentException("rider id must be positive: " + value);
        }
    }
}
