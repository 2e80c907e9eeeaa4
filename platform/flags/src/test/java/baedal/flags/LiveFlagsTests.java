package baedal.flags;

import static baedal.flags.Flags.LICENCES;
import static baedal.flags.Flags.REMOTE_CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveFlagsTests {

    private final LiveFlags live = new LiveFlags(Flags.catalogue(), Clock.systemUTC());

    @Test
    void startsWithEveryFlagAtItsCodeDefault() {
        assertThat(live.all()).extracting(FlagState::version).containsOnly(0L);
        assertThat(live.state(LICENCES.key()).evaluate(null, Map.of())).isFalse();
    }

    @Test
    void movesOnlyToAHigherVersionSoDuplicatesAndLateMessagesAreIgnored() {
        List<Long> told = new ArrayList<>();
        live.listen((state, source, at) -> told.add(state.version()));
        FlagState v1 = Flags.after(LICENCES, Flags.on("go"));
        FlagState v2 = Flags.after(LICENCES, Flags.on("go"), Flags.off("stop"));

        assertThat(live.apply(v2, LiveFlags.Source.KAFKA)).isTrue();
        assertThat(live.apply(v1, LiveFlags.Source.KAFKA)).as("late").isFalse();
        assertThat(live.apply(v2, LiveFlags.Source.RECONCILIATION)).as("duplicate").isFalse();

        assertThat(live.state(LICENCES.key())).isEqualTo(v2);
        assertThat(told).containsExactly(2L);
    }

    @Test
    void ignoresAFlagTheCodeNoLongerDeclares() {
        FlagState gone = new FlagState("order.retired", 4, true, null, List.of(), Flags.T0, "operator");
        assertThat(live.apply(gone, LiveFlags.Source.KAFKA)).isFalse();
        assertThat(live.state("order.retired")).isNull();
    }

    @Test
    void keepsEachFlagApart() {
        live.apply(Flags.after(REMOTE_CALLS, Flags.on("go")), LiveFlags.Source.KAFKA);
        assertThat(live.state(REMOTE_CALLS.key()).version()).isEqualTo(1);
        assertThat(live.state(LICENCES.key()).version()).isZero();
    }
}
