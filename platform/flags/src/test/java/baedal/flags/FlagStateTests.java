package baedal.flags;

import static baedal.flags.Flags.REMOTE_CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagStateTests {

    @Test
    void aFlagNeverChangedAnswersItsSafeDefaultAtVersionZero() {
        FlagState state = FlagState.initial(REMOTE_CALLS);
        assertThat(state.version()).isZero();
        assertThat(state.evaluate("member-1", Map.of())).isFalse();
    }

    @Test
    void eachChangeMakesTheNextVersionWithWhoAndWhen() {
        FlagState state = Flags.after(REMOTE_CALLS, Flags.on("go"), Flags.off("trouble"), Flags.rollout(20));
        assertThat(state.version()).isEqualTo(3);
        assertThat(state.changedBy()).isEqualTo("operator");
        assertThat(state.rolloutPercent()).isEqualTo(20);
        assertThat(state.changedAt()).isEqualTo(Flags.T0.plusSeconds(2));
    }

    @Test
    void theKillSwitchWinsOverEveryRuleAndRollout() {
        FlagState killed = Flags.after(REMOTE_CALLS, Flags.rollout(100, "region == seoul"),
                new FlagChange(false, 100, java.util.List.of("region == seoul"), "kill"));
        assertThat(killed.rules()).hasSize(1);
        for (int i = 0; i < 1_000; i++) {
            assertThat(killed.evaluate("member-" + i, Map.of("region", "seoul"))).isFalse();
        }
    }

    @Test
    void onAnswersOnlyToCallersWhoMeetEveryRule() {
        FlagState state = Flags.after(REMOTE_CALLS, Flags.rollout(100, "region == seoul", "shopId in [1, 2]"));
        assertThat(state.evaluate("m", Map.of("region", "seoul", "shopId", "2"))).isTrue();
        assertThat(state.evaluate("m", Map.of("region", "seoul", "shopId", "3"))).isFalse();
        assertThat(state.evaluate("m", Map.of("shopId", "1"))).isFalse();
    }

    @Test
    void aPartialRolloutNeedsATargetingKeyAndAnswersByItsBucket() {
        FlagState state = Flags.after(REMOTE_CALLS, Flags.rollout(50));
        assertThat(state.evaluate(null, Map.of())).isFalse();
        assertThat(state.evaluate("", Map.of())).isFalse();
        assertThat(state.evaluate("member-1001", Map.of())).isEqualTo(Buckets.of("member.remote-calls", "member-1001") < 5_000);
        assertThat(Flags.after(REMOTE_CALLS, Flags.rollout(100)).evaluate(null, Map.of())).isTrue();
    }

    @Test
    void rejectsANegativeVersion() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FlagState("k", -1, false, null, java.util.List.of(), null, null));
    }

    @Test
    void rejectsARolloutOutsideZeroToHundred() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FlagState("k", 1, true, 101, java.util.List.of(), null, null));
    }
}
