package baedal.order;

import baedal.kernel.Money;

/** The items do not reach the shop's minimum order amount (최소주문금액). */
public class BelowMinimumOrder extends RuntimeException {

    private final Money minimum;
    private final Money itemsTotal;

    public BelowMinimumOrder(Money minimum, Money itemsTotal) {
        super("items total " + itemsTotal + " is below the shop's minimum order amount " + minimum);
        this.minimum = minimum;
        this.itemsTotal = itemsTotal;
    }

    public Money minimum() {
        return minimum;
    }

    public Money itemsTotal() {
        return itemsTotal;
    }
}
