package baedal.flags;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The flags as this instance answers them: one state per declared flag, in memory, changed only to a higher version.
 * Evaluation reads a map and the state; it never waits on a database or a broker. Whoever applies a state (the Kafka
 * feed, the reconciliation, the start-up load) goes through {@link #apply}, so a message that arrives twice or late is
 * ignored by its version.
 */
final class LiveFlags {

    /** Where an applied state came from. */
    enum Source { DEFAULT, SNAPSHOT, DATABASE, KAFKA, RECONCILIATION }

    /** Told of every state this instance moved to, after it answers with it. */
    interface Listener {
        void applied(FlagState state, Source source, Instant appliedAt);
    }

    private final FlagCatalogue catalogue;
    private final Map<String, FlagState> states = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final java.time.Clock clock;

    LiveFlags(FlagCatalogue catalogue, java.time.Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
        catalogue.all().forEach(definition -> states.put(definition.key(), FlagState.initial(definition)));
    }

    void listen(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Moves the flag to {@code state} when it is newer than the one held; {@code false} (and nothing changes) for an
     * older or equal version or a flag the code no longer declares.
     */
    boolean apply(FlagState state, Source source) {
        if (catalogue.find(state.key()).isEmpty()) {
            return false;
        }
        boolean[] moved = {false};
        states.compute(state.key(), (key, held) -> {
            if (held != null && held.version() >= state.version()) {
                return held;
            }
            moved[0] = true;
            return state;
        });
        if (moved[0]) {
            Instant at = clock.instant();
            listeners.forEach(listener -> listener.applied(state, source, at));
        }
        return moved[0];
    }

    /** The held state of {@code key}, or {@code null} for a flag the code does not declare. */
    @Nullable
    FlagState state(String key) {
        return states.get(key);
    }

    Collection<FlagState> all() {
        return states.values();
    }

    FlagCatalogue catalogue() {
        return catalogue;
    }
}
