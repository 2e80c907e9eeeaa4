package baedal.order.web;

import baedal.identity.Caller;
import baedal.kernel.Money;
import baedal.kernel.Violations;
import baedal.order.ActingForAnother;
import baedal.order.DeliveryAddress;
import baedal.order.MemberId;
import baedal.order.PlaceOrder;
import java.util.ArrayList;
import java.util.List;

/** The JSON body of {@code POST /api/orders}, checked field by field before it becomes a {@link PlaceOrder}. */
record PlaceOrderRequest(Long memberId, Long shopId, List<Item> items, Address deliveryAddress, Long paymentAmount,
        String requestToShop, String requestToRider) {

    static final int MAX_TEXT = 200;
    static final int MAX_OPTIONS_PER_LINE = 20;

    record Item(Long menuId, Integer quantity, List<Long> optionIds) {
    }

    record Address(String road, String detail, String zipCode, Double lat, Double lng) {
    }

    /**
     * A member places for itself: its member id comes from the token, and a body {@code memberId} may be omitted
     * but not name another member ({@link ActingForAnother}). An operator places for the body's member, required.
     */
    PlaceOrder toCommand(Caller caller) {
        long member = memberOf(caller);
        Violations violations = new Violations();
        if (member == 0) {
            positive(violations, memberId, "memberId");
        }
        positive(violations, shopId, "shopId");
        if (items == null || items.isEmpty()) {
            violations.add("items", "must have at least one line");
        } else if (items.size() > PlaceOrder.MAX_LINES) {
            violations.add("items", "must have at most " + PlaceOrder.MAX_LINES + " lines");
        } else {
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                String path = "items[" + i + "]";
                if (item == null) {
                    violations.add(path, "is required");
                    continue;
                }
                positive(violations, item.menuId(), path + ".menuId");
                if (item.quantity() == null) {
                    violations.add(path + ".quantity", "is required");
                } else if (item.quantity() < 1 || item.quantity() > PlaceOrder.MAX_QUANTITY) {
                    violations.add(path + ".quantity", "must be within 1.." + PlaceOrder.MAX_QUANTITY);
                }
                if (item.optionIds() != null) {
                    if (item.optionIds().size() > MAX_OPTIONS_PER_LINE) {
                        violations.add(path + ".optionIds", "must have at most " + MAX_OPTIONS_PER_LINE + " options");
                    }
                    for (Long optionId : item.optionIds()) {
                        if (optionId == null || optionId <= 0) {
                            violations.add(path + ".optionIds", "must hold positive ids only");
                            break;
                        }
                    }
                }
            }
        }
        if (deliveryAddress == null) {
            violations.add("deliveryAddress", "is required");
        } else {
            text(violations, deliveryAddress.road(), "deliveryAddress.road", true);
            text(violations, deliveryAddress.detail(), "deliveryAddress.detail", false);
            if (deliveryAddress.zipCode() == null) {
                violations.add("deliveryAddress.zipCode", "is required");
            } else if (!deliveryAddress.zipCode().matches("\\d{5}")) {
                violations.add("deliveryAddress.zipCode", "must be five digits");
            }
            coordinate(violations, deliveryAddress.lat(), "deliveryAddress.lat", 90);
            coordinate(violations, deliveryAddress.lng(), "deliveryAddress.lng", 180);
        }
        if (paymentAmount == null) {
            violations.add("paymentAmount", "is required");
        } else if (paymentAmount < 0) {
            violations.add("paymentAmount", "must not be negative");
        }
        text(violations, requestToShop, "requestToShop", false);
        text(violations, requestToRider, "requestToRider", false);
        violations.throwIfAny();

        List<PlaceOrder.Item> commandItems = new ArrayList<>();
        for (Item item : items) {
            commandItems.add(new PlaceOrder.Item(item.menuId(), item.quantity(),
                    item.optionIds() == null ? List.of() : item.optionIds()));
        }
        return new PlaceOrder(new MemberId(member != 0 ? member : memberId), shopId, commandItems,
                new DeliveryAddress(deliveryAddress.road(), deliveryAddress.detail(), deliveryAddress.zipCode(),
                        deliveryAddress.lat(), deliveryAddress.lng()),
                Money.won(paymentAmount), requestToShop, requestToRider);
    }

    /** The member the caller places for, or 0 when it comes from the body (an operator's order). */
    private long memberOf(Caller caller) {
        if (caller.isOperator()) {
            return 0;
        }
        if (caller.memberId().isEmpty()) {
            throw new ActingForAnother("memberId", "only a member or an operator places orders");
        }
        long own = caller.memberId().getAsLong();
        if (memberId != null && memberId != own) {
            throw new ActingForAnother("memberId", "a member places orders for itself only");
        }
        return own;
    }

    private static void positive(Violations violations, Long value, String field) {
        if (value == null) {
            violations.add(field, "is required");
        } else if (value <= 0) {
            violations.add(field, "must be positive");
        }
    }

    private static void text(Violations violations, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            violations.require(!required, field, "is required");
        } else if (value.length() > MAX_TEXT) {
            violations.add(field, "must have at most " + MAX_TEXT + " characters");
        }
    }

    private static void coordinate(Violations violations, Double value, String field, double bound) {
        if (value == null) {
            violations.add(field, "is required");
        } else if (value.isNaN() || value < -bound || value > bound) {
            violations.add(field, "must be within -" + (int) bound + ".." + (int) bound);
        }
    }
}
