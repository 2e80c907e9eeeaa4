package baedal.catalog.internal;

import baedal.catalog.LineSelection;
import baedal.catalog.MenuId;
import baedal.catalog.PricedSelection;
import baedal.catalog.PricedSelection.PricedLine;
import baedal.catalog.SelectionRejected;
import baedal.catalog.SelectionRejected.Kind;
import baedal.catalog.ShopMenu.MenuItem;
import baedal.catalog.ShopSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prices of one shop as they stand at the time of asking: the shop and (some of) its menus with their
 * option groups. Prices a customer's selection line by line, keeping the order of the lines and of the
 * options within each line. Plain Java, no I/O.
 */
record PriceList(ShopSummary shop, Map<MenuId, MenuItem> menus) {

    PriceList {
        menus = Map.copyOf(menus);
    }

    PricedSelection price(List<LineSelection> lines) {
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineSelection line = lines.get(i);
            MenuItem menu = menus.get(line.menuId());
            if (menu == null) {
                throw new SelectionRejected(Kind.UNKNOWN_MENU, "items[" + i + "].menuId", "menu "
                        + line.menuId().value() + " is not on the menu of shop " + shop.id().value()
                        + " (" + shop.name() + ")");
            }
            priced.add(new PricedLine(menu.id(), menu.name(), menu.price(), line.quantity(),
                    OptionRules.choose(menu, line.optionIds(), "items[" + i + "].optionIds")));
        }
        return new PricedSelection(shop, priced);
    }
}
