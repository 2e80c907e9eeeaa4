package baedal.catalog;

import baedal.kernel.Money;

/** A shop as listed: its name, category, and what a delivery costs and requires. */
public record ShopSummary(ShopId id, String name, String category, String address, Money deliveryFee,
        Money minimumOrderAmount) {
}
