package baedal.order;

import baedal.kernel.Money;

/**
 * The member's payment amount differs from the total the server computed from the catalog's prices: a
 * price changed since the member saw it, or the client computed it wrongly. The order is not placed.
 */
public class PaymentAmountMismatch extends RuntimeException {

    private final Money expected;
    private final Money paid;

    public PaymentAmountMismatch(Money expected, Money paid) {
        super("payment amount " + paid + " does not match the order total " + expected);
        this.expected = expected;
        this.paid = paid;
    }

    public Money expected() {
        return expected;
    }

    public Money paid() {
        return paid;
    }
}
