package baedal.catalog;

/** Identifies a shop (가게) in the catalog. */
public record ShopId(long value) {
    public ShopId {
        if (value <= 0) {
            throw new IllegalArgumentException("shop id must be positive: " + value);
        }
    }
}
