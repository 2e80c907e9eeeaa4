package baedal.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagRuleTests {

    @Test
    void parsesAnEqualityWithAQuotedOrBareValue() {
        assertThat(FlagRule.parse("region == \"seoul\"")).isEqualTo(new FlagRule("region", FlagRule.Operator.EQUALS, Set.of("seoul")));
        assertThat(FlagRule.parse("  region==seoul ")).isEqualTo(new FlagRule("region", FlagRule.Operator.EQUALS, Set.of("seoul")));
        assertThat(FlagRule.parse("region != jeju").operator()).isEqualTo(FlagRule.Operator.NOT_EQUALS);
    }

    @Test
    void parsesAList() {
        FlagRule rule = FlagRule.parse("shopId in [1, 2, \"3\"]");
        assertThat(rule).isEqualTo(new FlagRule("shopId", FlagRule.Operator.IN, Set.of("1", "2", "3")));
        assertThat(FlagRule.parse("shopId NOT IN [7]").operator()).isEqualTo(FlagRule.Operator.NOT_IN);
    }

    @Test
    void matchesOnTheAttributeAndMissesWithoutIt() {
        FlagRule shops = FlagRule.parse("shopId in [1, 2]");
        assertThat(shops.matches(Map.of("shopId", "2"))).isTrue();
        assertThat(shops.matches(Map.of("shopId", "3"))).isFalse();
        assertThat(shops.matches(Map.of())).isFalse();
        assertThat(FlagRule.parse("region != jeju").matches(Map.of("region", "seoul"))).isTrue();
        assertThat(FlagRule.parse("region != jeju").matches(Map.of())).isFalse();
    }

    @Test
    void itsTextParsesBackToTheSameRule() {
        for (String text : new String[] {"region == seoul", "shopId in [3, 1, 2]", "name == \"a b\"", "x not in [q]"}) {
            FlagRule rule = FlagRule.parse(text);
            assertThat(FlagRule.parse(rule.text())).isEqualTo(rule);
        }
        assertThat(FlagRule.parse("shopId in [3,1,2]").text()).isEqualTo("shopId in [1, 2, 3]");
    }

    @Test
    void rejectsAnUnknownOperator() {
        assertThatThrownBy(() -> FlagRule.parse("region ~= seoul")).isInstanceOf(InvalidFlagChange.class);
    }

    @Test
    void rejectsAListWithoutBrackets() {
        assertThatThrownBy(() -> FlagRule.parse("shopId in 1, 2")).isInstanceOf(InvalidFlagChange.class)
                .hasMessageContaining("brackets");
    }

    @Test
    void rejectsAnEmptyListOrAnEmptyValue() {
        assertThatThrownBy(() -> FlagRule.parse("shopId in []")).isInstanceOf(InvalidFlagChange.class);
        assertThatThrownBy(() -> FlagRule.parse("shopId in [1,,2]")).isInstanceOf(InvalidFlagChange.class);
    }

    @Test
    void rejectsAnUnquotedValueWithSpaces() {
        assertThatThrownBy(() -> FlagRule.parse("region == new york")).isInstanceOf(InvalidFlagChange.class);
    }

    @Test
    void rejectsAnEmptyRuleOrAMissingAttribute() {
        assertThatThrownBy(() -> FlagRule.parse(" ")).isInstanceOf(InvalidFlagChange.class);
        assertThatThrownBy(() -> FlagRule.parse("== seoul")).isInstanceOf(InvalidFlagChange.class);
    }
}
