package baedal.flags;

import java.time.Instant;
import java.util.List;

/** Named flags and changes for tests, built through the public API. */
final class Flags {

    static final FlagDefinition REMOTE_CALLS = FlagDefinition.rollout("member.remote-calls", "remote members", "member");
    static final FlagDefinition LICENCES = FlagDefinition.onOff("rider.licence-automation", "licences", "rider");
    static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    private Flags() {
    }

    static FlagCatalogue catalogue() {
        return FlagCatalogue.of(REMOTE_CALLS, LICENCES);
    }

    static FlagChange on(String reason) {
        return new FlagChange(true, null, null, reason);
    }

    static FlagChange off(String reason) {
        return new FlagChange(false, null, null, reason);
    }

    static FlagChange rollout(int percent, String... rules) {
        return new FlagChange(true, percent, List.of(rules), "rolling out");
    }

    /** The state of {@code definition} after {@code changes}, one version each. */
    static FlagState after(FlagDefinition definition, FlagChange... changes) {
        FlagState state = FlagState.initial(definition);
        for (FlagChange change : changes) {
            state = state.next(change.validFor(definition), "operator", T0.plusSeconds(state.version()));
        }
        return state;
    }
}
