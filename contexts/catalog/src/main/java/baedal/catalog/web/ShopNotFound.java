package baedal.catalog.web;

/** A customer asked for the menu of a shop that is not listed. */
class ShopNotFound extends RuntimeException {

    private final long shopId;

    ShopNotFound(long shopId) {
        super("Shop " + shopId + " is not listed.");
        this.shopId = shopId;
    }

    long shopId() {
        return shopId;
    }
}
