package baedal.catalog.internal;

import static baedal.catalog.internal.ChickenMenus.BONELESS;
import static baedal.catalog.internal.ChickenMenus.BONE_IN;
import static baedal.catalog.internal.ChickenMenus.aChickenShop;
import static baedal.catalog.internal.ChickenMenus.cheeseBalls;
import static baedal.catalog.internal.ChickenMenus.friedChicken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import baedal.catalog.LineSelection;
import baedal.catalog.MenuId;
import baedal.catalog.PricedSelection;
import baedal.catalog.PricedSelection.PricedLine;
import baedal.catalog.SelectionRejected;
import baedal.catalog.SelectionRejected.Kind;
import baedal.kernel.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceListTests {

    private final PriceList prices = new PriceList(aChickenShop(),
            Map.of(friedChicken().id(), friedChicken(), cheeseBalls().id(), cheeseBalls()));

    @Test
    void pricesEachLineInTheOrderOfTheSelection() {
        PricedSelection priced = prices.price(List.of(
                new LineSelection(cheeseBalls().id(), 1, List.of()),
                new LineSelection(friedChicken().id(), 2, List.of(BONELESS))));

        assertThat(priced.shop()).isEqualTo(aChickenShop());
        assertThat(priced.lines()).extracting(PricedLine::menuName, PricedLine::unitPrice, PricedLine::quantity)
                .containsExactly(
                        tuple("치즈볼 (5개)", Money.won(4500), 1),
                        tuple("후라이드치킨", Money.won(20000), 2));
        assertThat(priced.lines().get(1).options()).singleElement()
                .satisfies(option -> assertThat(option.price()).isEqualTo(Money.won(2000)));
    }

    @Test
    void rejectsAMenuOfAnotherShopNamingItsLine() {
        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> prices.price(List.of(
                        new LineSelection(friedChicken().id(), 1, List.of(BONE_IN)),
                        new LineSelection(new MenuId(201), 1, List.of()))))
                .satisfies(rejected -> {
                    assertThat(rejected.kind()).isEqualTo(Kind.UNKNOWN_MENU);
                    assertThat(rejected.field()).isEqualTo("items[1].menuId");
                });
    }

    @Test
    void namesTheLineWhoseOptionsBreakTheRules() {
        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> prices.price(List.of(
                        new LineSelection(cheeseBalls().id(), 1, List.of()),
                        new LineSelection(friedChicken().id(), 1, List.of()))))
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo("items[1].optionIds"));
    }
}
