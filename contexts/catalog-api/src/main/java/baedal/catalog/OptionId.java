package baedal.catalog;

/** Identifies one choice inside an option group of a menu (e.g. "순살 변경", "콜라 1.25L"). */
public record OptionId(long value) {
    public OptionId {
        if (value <= 0) {
            throw new IllegalArgumentException("option id must be positive: " + value);
        }
    }
}
