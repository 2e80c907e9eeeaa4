package baedal.catalog.web;

import baedal.catalog.ShopSummary;

/** A listed shop on the wire; amounts are whole won. */
record ShopResponse(long shopId, String name, String category, String address, long deliveryFee,
        long minimumOrderAmount) {

    static ShopResponse of(ShopSummary shop) {
        return new ShopResponse(shop.id().value(), shop.name(), shop.category(), shop.address(),
                shop.deliveryFee().won(), shop.minimumOrderAmount().won());
    }
}
