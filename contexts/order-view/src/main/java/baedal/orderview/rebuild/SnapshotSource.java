package baedal.orderview.rebuild;

import java.util.List;
import java.util.function.Consumer;

/** Where a rebuild reads the order snapshots from: every snapshot there is when the reading starts, in batches. */
public interface SnapshotSource {

    /** Hands every snapshot value (an event envelope) present at the start to {@code batches}; returns how many. */
    long readAll(int batchSize, Consumer<List<byte[]>> batches);
}
