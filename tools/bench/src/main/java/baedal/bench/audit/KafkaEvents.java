package baedal.bench.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the order events topic holds, as the audit reads it: every order's versions and their event ids. */
final class KafkaEvents {

    private static final JsonMapper JSON = JsonMapper.shared();

    private KafkaEvents() {
    }

    /**
     * Reads the whole topic once; fills order number → version → the event ids seen for it; returns how many records
     * repeated an event id already seen (at-least-once re-deliveries, which consumers de-duplicate).
     */
    static long read(String kafkaBootstrap, Map<Long, Map<Long, Set<String>>> versions) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Set<String> eventIds = new HashSet<>();
        long redeliveries = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(RunAudit.TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(RunAudit.TOPIC, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = JSON.readTree(record.value());
                    long orderNo = envelope.path("orderNo").asLong();
                    String eventId = envelope.path("eventId").asString();
                    versions.computeIfAbsent(orderNo, k -> new HashMap<>())
                            .computeIfAbsent(envelope.path("version").asLong(), k -> new HashSet<>()).add(eventId);
                    if (!eventIds.add(eventId)) {
                        redeliveries++;
                    }
                }
            }
        }
        return redeliveries;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
