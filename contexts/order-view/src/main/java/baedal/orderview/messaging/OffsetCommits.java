package baedal.orderview.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the group resumes after a batch. Once the batch is stored and its snapshots acknowledged, the offset after
 * each partition's last record is committed; after a failure, nothing is committed and each partition is sought
 * back to the batch's first record, so the next poll brings the batch again and nothing is skipped.
 */
final class OffsetCommits {

    private OffsetCommits() {
    }

    /** Commits the batch: the group resumes after it. Only once the batch is stored and its snapshots published. */
    static void commit(Consumer<?, ?> consumer, ConsumerRecords<?, ?> batch) {
        consumer.commitSync(next(batch));
    }

    /** Per partition of the batch, the offset of the record after the batch's last. */
    static Map<TopicPartition, OffsetAndMetadata> next(ConsumerRecords<?, ?> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (TopicPartition partition : batch.partitions()) {
            offsets.put(partition, new OffsetAndMetadata(batch.records(partition).getLast().offset() + 1));
        }
        return offsets;
    }

    /**
     * Seeks each partition of a failed batch back to the batch's first record. A partition the consumer lost
     * meanwhile is left alone: its new owner starts from the committed offset, which is not past the batch.
     */
    static void rewind(Consumer<?, ?> consumer, ConsumerRecords<?, ?> batch) {
        for (TopicPartition partition : batch.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, batch.records(partition).getFirst().offset());
            }
        }
    }
}
