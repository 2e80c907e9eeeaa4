package baedal.order;

import baedal.kernel.Money;
import java.util.List;

/**
 * One line of an order as priced when it was placed: the menu, its unit price, the chosen options with
 * their per-unit prices, and the quantity. Prices are frozen in the order; later catalog changes do not
 * touch it.
 */
public record OrderLine(long menuId, String menuName, Money unitPrice, int quantity, List<ChosenOption> options) {

    public OrderLine {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        options = List.copyOf(options);
    }

    /** (unit price + every option's price) × quantity. */
    public Money lineTotal() {
        Money perUnit = options.stream().map(ChosenOption::price).reduce(unitPrice, Money::plus);
        return perUnit.times(quantity);
    }

    /** An option chosen for a line, with its group's name and its per-unit price. */
    public record ChosenOption(long optionId, String groupName, String name, Money price) {
    }
}
