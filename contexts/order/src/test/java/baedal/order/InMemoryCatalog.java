package baedal.order;

import baedal.catalog.Catalog;
import baedal.catalog.LineSelection;
import baedal.catalog.MenuId;
import baedal.catalog.OptionId;
import baedal.catalog.PricedSelection;
import baedal.catalog.SelectionRejected;
import baedal.catalog.ShopId;
import baedal.catalog.ShopMenu;
import baedal.catalog.ShopSummary;
import baedal.kernel.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link Catalog} for order tests: shop 1 (바삭치킨 역삼점, delivery ₩3,000, minimum ₩15,000)
 * sells 후라이드치킨 (menu 101) with 뼈 (1001, ₩0) or 순살 (1002, +₩2,000), and 치즈볼 (menu 104, ₩4,500).
 */
final class InMemoryCatalog implements Catalog {

    private static final ShopSummary SHOP = new ShopSummary(new ShopId(1), "바삭치킨 역삼점", "치킨",
            "서울특별시 강남구 역삼로 1", Money.won(3_000), Money.won(15_000));
    private static final Map<Long, PricedSelection.PricedOption> OPTIONS = Map.of(
            1001L, new PricedSelection.PricedOption(new OptionId(1001), "부위 선택", "뼈", Money.ZERO),
            1002L, new PricedSelection.PricedOption(new OptionId(1002), "부위 선택", "순살", Money.won(2_000)));

    private final long chickenPrice;

    InMemoryCatalog() {
        this(20_000);
    }

    InMemoryCatalog(long chickenPrice) {
        this.chickenPrice = chickenPrice;
    }

    @Override
    public List<ShopSummary> shops() {
        return List.of(SHOP);
    }

    @Override
    public Optional<ShopMenu> menuOf(ShopId shopId) {
        return Optional.empty();
    }

    @Override
    public PricedSelection price(ShopId shopId, List<LineSelection> lines) {
        if (shopId.value() != 1) {
            throw new SelectionRejected(SelectionRejected.Kind.UNKNOWN_SHOP, "shopId", "no such shop");
        }
        List<PricedSelection.PricedLine> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineSelection line = lines.get(i);
            List<PricedSelection.PricedOption> options = new ArrayList<>();
            for (OptionId option : line.optionIds()) {
                options.add(OPTIONS.get(option.value()));
            }
            MenuId menu = line.menuId();
            if (menu.value() == 101) {
                priced.add(new PricedSelection.PricedLine(menu, "후라이드치킨", Money.won(chickenPrice), line.quantity(), options));
            } else if (menu.value() == 104) {
                priced.add(new PricedSelection.PricedLine(menu, "치즈볼 (5개)", Money.won(4_500), line.quantity(), options));
            } else {
                throw new SelectionRejected(SelectionRejected.Kind.UNKNOWN_MENU, "items[" + i + "].menuId", "no such menu");
            }
        }
        return new PricedSelection(SHOP, priced);
    }
}
