package baedal.bench.baseline;

import baedal.bench.audit.RunAudit;
import baedal.bench.cluster.Cluster;
import baedal.bench.measure.Log;
import baedal.outbox.OutboxProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw Kafka producer baseline: the records our relays just published, read back from the topic, and sent again
 * by plain producers with the relay's settings, one producer and thread per shard.
 */
final class RawProducer {

    static final String RAW_TOPIC = "bench.raw-producer";

    private RawProducer() {
    }

    /** The last {@code count} records of the order events topic (what the relays just published), from every partition. */
    static List<ProducerRecord<byte[], byte[]>> lastRecords(String bootstrap, long count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(RunAudit.TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(RunAudit.TOPIC, info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            for (TopicPartition partition : partitions) {
                long share = Math.max(1, Math.round((double) count * end.get(partition) / Math.max(1, total)));
                consumer.seek(partition, Math.max(0, end.get(partition) - share));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new ProducerRecord<>(RAW_TOPIC, null, record.key(), record.value(), record.headers()));
                }
                if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    break;
                }
            }
        }
        return records;
    }

    /** Sends {@code records} with one producer and thread per shard (relay settings); returns records/s. */
    static double send(Cluster cluster, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        int senders = cluster.shards().size();
        Map<String, Object> base = new HashMap<>();
        base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrap());
        Map<String, Object> config = OutboxProperties.defaults().relayProducerConfig(base);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                cluster.kafkaBootstrap()))) {
            int partitions = admin.describeTopics(List.of(RunAudit.TOPIC)).allTopicNames().get().get(RunAudit.TOPIC)
                    .partitions().size();
            if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(RAW_TOPIC, partitions,
                        (short) 1))).all().get();
            }
        }
        List<KafkaProducer<byte[], byte[]>> producers = new ArrayList<>();
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start;
        long end;
        try {
            for (int i = 0; i < senders; i++) {
                Map<String, Object> own = new HashMap<>(config);
                own.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-" + i);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(own, new ByteArraySerializer(),
                        new ByteArraySerializer());
                producer.partitionsFor(RAW_TOPIC); // metadata before the clock starts, as the relays had it
                producers.add(producer);
            }
            start = System.nanoTime();
            try (ExecutorService threads = Executors.newFixedThreadPool(senders)) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < senders; i++) {
                    int sender = i;
                    sent.add(threads.submit(() -> {
                        KafkaProducer<byte[], byte[]> producer = producers.get(sender);
                        for (int r = sender; r < records.size(); r += senders) {
                            producer.send(records.get(r), (metadata, error) -> {
                                if (error == null) {
                                    acked.incrementAndGet();
                                } else {
                                    failure.compareAndSet(null, error);
                                }
                            });
                        }
                        producer.flush();
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            }
            end = System.nanoTime();
        } finally {
            producers.forEach(KafkaProducer::close);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the raw producer failed", failure.get());
        }
        double rate = acked.get() / ((end - start) / 1e9);
        Log.line(String.format(Locale.ROOT, "    raw producers sent %d records = %.0f/s", acked.get(), rate));
        return rate;
    }
}
