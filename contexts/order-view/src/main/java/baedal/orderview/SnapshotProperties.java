package baedal.orderview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order snapshots ({@code baedal.order-view.snapshots.*}): a compacted topic keyed by order number whose
 * value is the newest event envelope of that order (the envelope carries the whole order after the change). The
 * projector writes it after each committed batch; a rebuild of the read model reads it from the beginning, so
 * it works for orders older than the events topic's retention and older than the shards' 30 days (ADR 0006).
 *
 * @param publish {@code .publish} — whether the projector writes snapshots (default {@code true})
 * @param topic {@code .topic} — the compacted topic (default {@code baedal.order-snapshots}), created at start
 *        when missing with {@code cleanup.policy=compact}
 * @param partitions {@code .partitions} — its partitions when created (default 12)
 * @param replicationFactor {@code .replication-factor} — its replication factor when created (default 1)
 * @param sendTimeout {@code .send-timeout} — how long the projector waits for a batch's snapshots to be
 *        acknowledged before the batch counts as failed (retried, offsets not committed; default 30 s)
 * @param rebuildBatchSize {@code .rebuild-batch-size} — snapshot records a rebuild applies per transaction
 *        (default 500)
 */
@ConfigurationProperties("baedal.order-view.snapshots")
public record SnapshotProperties(
        @DefaultValue("true") boolean publish,
        @DefaultValue("baedal.order-snapshots") String topic,
        @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("500") int rebuildBatchSize) {

    public SnapshotProperties {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("baedal.order-view.snapshots.topic must name a topic");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("baedal.order-view.snapshots.partitions must be at least 1: "
                    + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("baedal.order-view.snapshots.replication-factor must be at least 1: "
                    + replicationFactor);
        }
        if (sendTimeout == null || sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("baedal.order-view.snapshots.send-timeout must be at least 1s: "
                    + sendTimeout);
        }
        if (rebuildBatchSize < 1 || rebuildBatchSize > 5_000) {
            throw new IllegalArgumentException("baedal.order-view.snapshots.rebuild-batch-size must be within 1..5000: "
                    + rebuildBatchSize);
        }
    }

    public static SnapshotProperties defaults() {
        return new SnapshotProperties(true, "baedal.order-snapshots", 12, (short) 1, Duration.ofSeconds(30), 500);
    }
}
