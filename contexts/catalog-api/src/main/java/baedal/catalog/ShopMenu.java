package baedal.catalog;

import baedal.kernel.Money;
import java.util.List;

/** Everything a shop sells, with the option groups of each menu. */
public record ShopMenu(ShopSummary shop, List<MenuItem> menus) {

    /** One menu item (메뉴) with its base price and its option groups. */
    public record MenuItem(MenuId id, String name, String description, Money price, List<OptionGroup> optionGroups) {
    }

    /**
     * A group of choices on a menu (옵션 그룹), e.g. "부위 선택" (choose exactly 1) or "추가 선택" (choose 0 to 3).
     * A group is required when its minimum is at least one.
     */
    public record OptionGroup(long id, String name, int minChoices, int maxChoices, List<Option> options) {
        public boolean required() {
            return minChoices > 0;
        }
    }

    /** One choice in an option group, with the price it adds to the menu's base price (may be ₩0). */
    public record Option(OptionId id, String name, Money price) {
    }
}
