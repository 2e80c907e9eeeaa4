package baedal.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The flags' database in memory, for tests: states to hand out, acknowledgements kept, and a switch to make it unreachable. */
final class InMemoryFlagDatabase implements FlagDatabase {

    private final Map<String, FlagState> states = new ConcurrentHashMap<>();
    private final List<FlagAcknowledgement> acknowledgements = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean reachable = true;

    InMemoryFlagDatabase with(FlagState state) {
        states.put(state.key(), state);
        return this;
    }

    InMemoryFlagDatabase unreachable() {
        reachable = false;
        return this;
    }

    InMemoryFlagDatabase reachable() {
        reachable = true;
        return this;
    }

    List<FlagAcknowledgement> acknowledgements() {
        synchronized (acknowledgements) {
            return List.copyOf(acknowledgements);
        }
    }

    @Override
    public List<FlagState> states() {
        check();
        return List.copyOf(states.values());
    }

    @Override
    public void acknowledge(FlagAcknowledgement acknowledgement) {
        check();
        acknowledgements.add(acknowledgement);
    }

    private void check() {
        if (!reachable) {
            throw new IllegalStateException("connection refused");
        }
    }
}
