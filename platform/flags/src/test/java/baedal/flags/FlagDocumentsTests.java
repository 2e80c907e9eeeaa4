package baedal.flags;

import static baedal.flags.Flags.REMOTE_CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlagDocumentsTests {

    @Test
    void aStateTravelsAsJsonAndComesBackEqual() {
        FlagState state = Flags.after(REMOTE_CALLS, Flags.rollout(25, "shopId in [2, 1]", "region == \"new york\""));
        assertThat(FlagDocuments.parse(FlagDocuments.json(state))).isEqualTo(state);
        assertThat(FlagDocuments.json(state)).contains("\"rules\":[\"shopId in [1, 2]\",\"region == \\\"new york\\\"\"]");
    }

    @Test
    void aSnapshotHoldsEveryFlag() {
        List<FlagState> states = List.of(Flags.after(REMOTE_CALLS, Flags.on("a")), FlagState.initial(Flags.LICENCES));
        assertThat(FlagDocuments.fromSnapshot(FlagDocuments.snapshot(states, Flags.T0))).containsExactlyInAnyOrderElementsOf(states);
    }
}
