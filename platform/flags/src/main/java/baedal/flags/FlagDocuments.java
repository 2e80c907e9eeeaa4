package baedal.flags;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A flag's state as JSON: the payload of its {@code FlagChanged} event on {@code baedal.flags}, its audit's old and
 * new state, and its entry in the instance's snapshot. Rules travel as their text and are parsed again on arrival.
 */
final class FlagDocuments {

    /** The event type of every message on the flags' topic. */
    static final String CHANGED = "FlagChanged";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record StateDocument(String key, long version, boolean enabled, @Nullable Integer rolloutPercent,
            List<String> rules, @Nullable Instant changedAt, @Nullable String changedBy) {
    }

    record SnapshotDocument(int schemaVersion, Instant writtenAt, List<StateDocument> flags) {
    }

    private FlagDocuments() {
    }

    static StateDocument document(FlagState state) {
        return new StateDocument(state.key(), state.version(), state.enabled(), state.rolloutPercent(),
                state.rules().stream().map(FlagRule::text).toList(), state.changedAt(), state.changedBy());
    }

    static FlagState state(StateDocument document) {
        return new FlagState(document.key(), document.version(), document.enabled(), document.rolloutPercent(),
                document.rules() == null ? List.of() : document.rules().stream().map(FlagRule::parse).toList(),
                document.changedAt(), document.changedBy());
    }

    static String json(FlagState state) {
        return JSON.writeValueAsString(document(state));
    }

    static FlagState parse(byte[] json) {
        return state(JSON.readValue(json, StateDocument.class));
    }

    static FlagState parse(String json) {
        return state(JSON.readValue(json, StateDocument.class));
    }

    static String rulesJson(FlagState state) {
        return JSON.writeValueAsString(state.rules().stream().map(FlagRule::text).toList());
    }

    static List<FlagRule> rules(String json) {
        return List.of(JSON.readValue(json, String[].class)).stream().map(FlagRule::parse).toList();
    }

    static String snapshot(java.util.Collection<FlagState> states, Instant at) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new SnapshotDocument(1, at,
                states.stream().sorted(java.util.Comparator.comparing(FlagState::key)).map(FlagDocuments::document).toList()));
    }

    static List<FlagState> fromSnapshot(String json) {
        return JSON.readValue(json, SnapshotDocument.class).flags().stream().map(FlagDocuments::state).toList();
    }
}
