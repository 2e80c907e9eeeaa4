package baedal.catalog;

import java.util.List;

/** What a customer picked for one order line: a menu, how many, and which options. */
public record LineSelection(MenuId menuId, int quantity, List<OptionId> optionIds) {
    public LineSelection {
        optionIds = List.copyOf(optionIds);
    }
}
