package baedal.orderview.messaging;

import java.util.List;

/**
 * Writes order snapshots — the newest event envelope of each order, keyed by order number — to the compacted
 * snapshot topic, and returns only once every one is acknowledged; a failure is thrown, so the projector does not
 * commit the batch's offsets and the batch comes again.
 */
public interface SnapshotPublisher extends AutoCloseable {

    /** Publishes nothing (snapshots switched off, or tests that do not need them). */
    SnapshotPublisher NONE = snapshots -> { };

    void publish(List<Snapshot> snapshots);

    @Override
    default void close() {
    }

    /** One order's newest envelope: key = order number, value = the envelope exactly as it was received. */
    record Snapshot(String orderNo, long version, byte[] envelope) {
    }
}
