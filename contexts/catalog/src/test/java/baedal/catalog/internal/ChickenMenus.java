package baedal.catalog.internal;

import baedal.catalog.MenuId;
import baedal.catalog.OptionId;
import baedal.catalog.ShopId;
import baedal.catalog.ShopMenu.MenuItem;
import baedal.catalog.ShopMenu.Option;
import baedal.catalog.ShopMenu.OptionGroup;
import baedal.catalog.ShopSummary;
import baedal.kernel.Money;
import java.util.List;

/** Named fixtures: a chicken shop whose fried chicken needs a cut (뼈/순살) and takes up to three extras. */
final class ChickenMenus {

    static final OptionId BONE_IN = new OptionId(1001);
    static final OptionId BONELESS = new OptionId(1002);
    static final OptionId CHEESE_BALLS = new OptionId(1003);
    static final OptionId COLA = new OptionId(1004);
    static final OptionId PICKLED_RADISH = new OptionId(1005);
    static final OptionId EXTRA_SAUCE = new OptionId(1013);

    private ChickenMenus() {
    }

    static ShopSummary aChickenShop() {
        return new ShopSummary(new ShopId(1), "바삭치킨 역삼점", "치킨", "서울특별시 강남구 테헤란로 152",
                Money.won(3000), Money.won(15000));
    }

    static MenuItem friedChicken() {
        return new MenuItem(new MenuId(101), "후라이드치킨", "", Money.won(20000), List.of(
                new OptionGroup(1, "부위 선택", 1, 1, List.of(
                        new Option(BONE_IN, "뼈", Money.ZERO),
                        new Option(BONELESS, "순살", Money.won(2000)))),
                new OptionGroup(2, "추가 선택", 0, 3, List.of(
                        new Option(CHEESE_BALLS, "치즈볼", Money.won(4000)),
                        new Option(COLA, "콜라 1.25L", Money.won(2500)),
                        new Option(PICKLED_RADISH, "치킨무 추가", Money.won(500)),
                        new Option(EXTRA_SAUCE, "양념소스 추가", Money.won(500))))));
    }

    static MenuItem cheeseBalls() {
        return new MenuItem(new MenuId(104), "치즈볼 (5개)", "", Money.won(4500), List.of());
    }
}
