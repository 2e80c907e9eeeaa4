package baedal.catalog;

import baedal.kernel.Money;
import java.util.List;

/**
 * A selection priced by the catalog at the time of asking: the shop, its delivery fee and minimum order
 * amount, and each line with its menu's unit price and the price of every chosen option. Lines keep the
 * order of the selection.
 */
public record PricedSelection(ShopSummary shop, List<PricedLine> lines) {

    public PricedSelection {
        lines = List.copyOf(lines);
    }

    /** One priced line. The unit price excludes options; each option's price is per unit. */
    public record PricedLine(MenuId menuId, String menuName, Money unitPrice, int quantity, List<PricedOption> options) {
        public PricedLine {
            options = List.copyOf(options);
        }
    }

    /** One chosen option with its group's name and its price per unit. */
    public record PricedOption(OptionId optionId, String groupName, String name, Money price) {
    }
}
