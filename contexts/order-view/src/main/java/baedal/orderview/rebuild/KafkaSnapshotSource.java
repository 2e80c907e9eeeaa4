package baedal.orderview.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the compacted snapshot topic from the beginning of every partition up to the end offsets taken when the
 * reading starts. The consumer is assigned its partitions (no group, nothing committed), so a rebuild neither
 * disturbs nor depends on the projector's consumer group; what arrives after the start is caught up from the live
 * tables instead.
 */
final class KafkaSnapshotSource implements SnapshotSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> config;
    private final String topic;

    KafkaSnapshotSource(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "baedal-order-view-rebuild");
        this.config = config;
        this.topic = topic;
    }

    @Override
    public long readAll(int batchSize, Consumer<List<byte[]>> batches) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Set<TopicPartition> unread = new HashSet<>();
            for (TopicPartition partition : partitions) {
                if (consumer.position(partition, TIMEOUT) < ends.get(partition)) {
                    unread.add(partition);
                } else {
                    consumer.pause(List.of(partition));
                }
            }
            long read = 0;
            while (!unread.isEmpty()) {
                List<byte[]> values = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        values.add(record.value());
                    }
                }
                if (!values.isEmpty()) {
                    batches.accept(values);
                    read += values.size();
                }
                for (TopicPartition partition : List.copyOf(unread)) {
                    if (consumer.position(partition, TIMEOUT) >= ends.get(partition)) {
                        unread.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
            return read;
        }
    }
}
