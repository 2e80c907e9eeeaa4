package baedal.catalog;

/** Identifies a menu item of a shop. */
public record MenuId(long value) {
    public MenuId {
        if (value <= 0) {
            throw new IllegalArgumentException("menu id must be positive: " + value);
        }
    }
}
