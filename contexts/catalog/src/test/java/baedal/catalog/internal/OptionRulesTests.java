package baedal.catalog.internal;

import static baedal.catalog.internal.ChickenMenus.BONELESS;
import static baedal.catalog.internal.ChickenMenus.BONE_IN;
import static baedal.catalog.internal.ChickenMenus.CHEESE_BALLS;
import static baedal.catalog.internal.ChickenMenus.COLA;
import static baedal.catalog.internal.ChickenMenus.EXTRA_SAUCE;
import static baedal.catalog.internal.ChickenMenus.PICKLED_RADISH;
import static baedal.catalog.internal.ChickenMenus.friedChicken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import baedal.catalog.OptionId;
import baedal.catalog.PricedSelection.PricedOption;
import baedal.catalog.SelectionRejected;
import baedal.catalog.SelectionRejected.Kind;
import baedal.catalog.ShopMenu.MenuItem;
import baedal.catalog.ShopMenu.Option;
import baedal.catalog.ShopMenu.OptionGroup;
import baedal.kernel.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionRulesTests {

    private static final String FIELD = "items[0].optionIds";

    @Test
    void pricesOptionsPerUnitInTheOrderChosen() {
        List<PricedOption> options = OptionRules.choose(friedChicken(), List.of(CHEESE_BALLS, BONELESS), FIELD);

        assertThat(options).containsExactly(
                new PricedOption(CHEESE_BALLS, "추가 선택", "치즈볼", Money.won(4000)),
                new PricedOption(BONELESS, "부위 선택", "순살", Money.won(2000)));
    }

    @Test
    void acceptsAnOptionalGroupLeftEmpty() {
        assertThat(OptionRules.choose(friedChicken(), List.of(BONE_IN), FIELD))
                .containsExactly(new PricedOption(BONE_IN, "부위 선택", "뼈", Money.ZERO));
    }

    @Test
    void rejectsAMissingRequiredChoice() {
        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> OptionRules.choose(friedChicken(), List.of(COLA), FIELD))
                .satisfies(rejected -> {
                    assertThat(rejected.kind()).isEqualTo(Kind.OPTION_RULES_NOT_MET);
                    assertThat(rejected.field()).isEqualTo(FIELD);
                    assertThat(rejected.reason()).contains("부위 선택").contains("requires a choice");
                });
    }

    @Test
    void rejectsMoreChoicesThanTheGroupAllows() {
        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> OptionRules.choose(friedChicken(), List.of(BONE_IN, BONELESS), FIELD))
                .satisfies(rejected -> {
                    assertThat(rejected.kind()).isEqualTo(Kind.OPTION_RULES_NOT_MET);
                    assertThat(rejected.reason()).contains("부위 선택").contains("at most 1 choice, got 2");
                });
    }

    @Test
    void rejectsMoreExtrasThanTheOptionalGroupAllows() {
        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> OptionRules.choose(friedChicken(),
                        List.of(BONE_IN, CHEESE_BALLS, COLA, PICKLED_RADISH, EXTRA_SAUCE), FIELD))
                .satisfies(rejected -> assertThat(rejected.reason()).contains("추가 선택").contains("at most 3"));
    }

    @Test
    void rejectsFewerChoicesThanAGroupMinimumAboveOne() {
        MenuItem halfAndHalf = new MenuItem(friedChicken().id(), "반반치킨", "", Money.won(21000), List.of(
                new OptionGroup(9, "맛 두 가지 선택", 2, 2, List.of(
                        new Option(new OptionId(1), "후라이드", Money.ZERO),
                        new Option(new OptionId(2), "양념", Money.ZERO),
                        new Option(new OptionId(3), "간장", Money.won(1000))))));

        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> OptionRules.choose(halfAndHalf, List.of(new OptionId(2)), FIELD))
                .satisfies(rejected -> assertThat(rejected.reason()).contains("at least 2 choices, got 1"));
    }

    @Test
    void rejectsAnOptionOfAnotherMenu() {
        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> OptionRules.choose(friedChicken(), List.of(BONE_IN, new OptionId(2001)), FIELD))
                .satisfies(rejected -> {
                    assertThat(rejected.kind()).isEqualTo(Kind.UNKNOWN_OPTION);
                    assertThat(rejected.field()).isEqualTo(FIELD);
                    assertThat(rejected.reason()).contains("2001");
                });
    }

    @Test
    void rejectsDuplicateOptions() {
        assertThatExceptionOfType(SelectionRejected.class)
                .isThrownBy(() -> OptionRules.choose(friedChicken(), List.of(BONE_IN, COLA, COLA), FIELD))
                .satisfies(rejected -> {
                    assertThat(rejected.kind()).isEqualTo(Kind.OPTION_RULES_NOT_MET);
                    assertThat(rejected.reason()).contains("1004").contains("more than once");
                });
    }
}
