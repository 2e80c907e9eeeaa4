package baedal.orderview.messaging;

import baedal.orderview.IncomingRecord;
import baedal.orderview.OrderEventReader;
import baedal.orderview.ProjectionBatch;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.ViewVersions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

/**
 * One poll's records projected, up to the point where their offsets may be committed: read (poison included, to
 * be parked), written in one store transaction, and then made known — readers waiting for these versions woken,
 * the batch metered, its snapshots published and acknowledged. When {@link #project} throws, none of the steps
 * after the one that failed happened, and the batch has to come again.
 */
final class BatchProjection {

    private final StoreWrite store;
    private final OrderEventReader reader;
    private final ViewVersions versions;
    private final ProjectionMetrics metrics;
    private final SnapshotPublisher snapshots;
    private final ProjectorFaults faults;
    private final Clock clock;

    BatchProjection(StoreWrite store, OrderEventReader reader, ViewVersions versions, ProjectionMetrics metrics,
            SnapshotPublisher snapshots, ProjectorFaults faults, Clock clock) {
        this.store = store;
        this.reader = reader;
        this.versions = versions;
        this.metrics = metrics;
        this.snapshots = snapshots;
        this.faults = faults;
        this.clock = clock;
    }

    /** Projects a non-empty batch; returns what the store transaction did. */
    ProjectionBatch.Written project(ConsumerRecords<byte[], byte[]> records) {
        faults.beforeStoreWrite(records.count());
        List<ProjectionBatch.Reading> readings = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            readings.add(new ProjectionBatch.Reading(incoming(record), reader.read(record.value())));
        }
        Instant at = clock.instant();
        ProjectionBatch.Written written = store.write(readings, at);
        faults.afterStoreCommit(records.count());
        // The documents are committed and readable: wake read-your-writes waiters now, not after the snapshot
        // publish and the offset commit, which only guard against re-delivery.
        versions.advanced(written.versions());
        metrics.written(written, at);
        snapshots.publish(NewestSnapshots.toPublish(readings, written.versions()));
        return written;
    }

    /** The record as received, kept whole so that a parked record can be inspected and replayed. */
    static IncomingRecord incoming(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(),
                    header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.values().removeIf(Objects::isNull);
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return new IncomingRecord(record.topic(), record.partition(), record.offset(), key, record.value(), headers);
    }
}
