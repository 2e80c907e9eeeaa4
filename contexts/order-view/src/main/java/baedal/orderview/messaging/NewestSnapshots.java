package baedal.orderview.messaging;

import baedal.orderview.OrderEventReader;
import baedal.orderview.ProjectionBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which snapshots a batch publishes once the store committed it. */
final class NewestSnapshots {

    private NewestSnapshots() {
    }

    /**
     * Per order, the batch's newest envelope, but only if the store now holds exactly that version. Thus an older
     * version is never published after a newer one (the store only moves forward, and whoever brought it to a
     * newer version publishes that one), and a batch delivered again after a failed publish — which the store
     * ignores as not newer — still publishes what it has to.
     */
    static List<SnapshotPublisher.Snapshot> toPublish(List<ProjectionBatch.Reading> readings, Map<Long, Long> stored) {
        Map<Long, SnapshotPublisher.Snapshot> newest = new LinkedHashMap<>();
        for (ProjectionBatch.Reading reading : readings) {
            if (reading.outcome() instanceof OrderEventReader.Event event) {
                SnapshotPublisher.Snapshot candidate = new SnapshotPublisher.Snapshot(event.envelope().orderNo(),
                        event.version(), reading.record().value());
                newest.merge(event.orderNo(), candidate, (held, incoming) -> incoming.version() > held.version()
                        ? incoming : held);
            }
        }
        List<SnapshotPublisher.Snapshot> publish = new ArrayList<>();
        newest.forEach((orderNo, snapshot) -> {
            if (Long.valueOf(snapshot.version()).equals(stored.get(orderNo))) {
                publish.add(snapshot);
            }
        });
        return publish;
    }
}
