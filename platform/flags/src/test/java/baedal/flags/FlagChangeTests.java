package baedal.flags;

import static baedal.flags.Flags.LICENCES;
import static baedal.flags.Flags.REMOTE_CALLS;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagChangeTests {

    @Test
    void rejectsAMissingReason() {
        assertThatThrownBy(() -> new FlagChange(true, null, null, null).validFor(LICENCES))
                .isInstanceOf(InvalidFlagChange.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new FlagChange(true, null, null, "  ").validFor(LICENCES))
                .isInstanceOf(InvalidFlagChange.class);
    }

    @Test
    void rejectsAPercentOutsideZeroToHundred() {
        assertThatThrownBy(() -> new FlagChange(true, 101, null, "r").validFor(REMOTE_CALLS))
                .isInstanceOf(InvalidFlagChange.class).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> new FlagChange(true, -1, null, "r").validFor(REMOTE_CALLS))
                .isInstanceOf(InvalidFlagChange.class);
        assertThatNoException().isThrownBy(() -> new FlagChange(true, 0, null, "r").validFor(REMOTE_CALLS));
    }

    @Test
    void rejectsRulesThatDoNotParse() {
        assertThatThrownBy(() -> new FlagChange(true, null, List.of("shopId in 1"), "r").validFor(REMOTE_CALLS))
                .isInstanceOf(InvalidFlagChange.class);
    }

    @Test
    void rejectsARolloutOrRulesOnAnOnOffFlag() {
        assertThatThrownBy(() -> new FlagChange(true, 50, null, "r").validFor(LICENCES))
                .isInstanceOf(InvalidFlagChange.class).hasMessageContaining("on/off");
        assertThatThrownBy(() -> new FlagChange(true, null, List.of("region == seoul"), "r").validFor(LICENCES))
                .isInstanceOf(InvalidFlagChange.class);
    }
}
