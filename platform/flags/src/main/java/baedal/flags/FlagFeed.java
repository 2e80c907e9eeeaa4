package baedal.flags;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * This instance's own reader of the flags' compacted topic: no consumer group (every instance reads every message), it
 * reads the topic from the beginning at start — compaction keeps each flag's latest change — and then follows it,
 * applying each state to {@link LiveFlags} (which ignores versions it has). While Kafka is unreachable it keeps
 * retrying and the instance keeps answering with what it holds. It makes sure the topic exists and is compacted.
 */
final class FlagFeed implements AutoCloseable {

    private static final Log log = LogFactory.getLog(FlagFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(2);

    private final String topic;
    private final int partitions;
    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> adminProperties;
    private final LiveFlags live;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean following;
    private volatile Instant lastMessageAt;
    private volatile KafkaConsumer<String, byte[]> consumer;

    FlagFeed(String topic, Map<String, Object> kafkaConsumerProperties, Map<String, Object> adminProperties,
            LiveFlags live, String instanceId, int partitions) {
        this.topic = topic;
        this.partitions = partitions;
        this.consumerProperties = new java.util.HashMap<>(kafkaConsumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, "baedal-flags-" + instanceId);
        this.consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        this.consumerProperties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.adminProperties = Map.copyOf(adminProperties);
        this.live = live;
        this.thread = Thread.ofPlatform().daemon().name("baedal-flags-feed").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Whether the feed has its partitions and is reading them (not whether the broker answers right now). */
    boolean following() {
        return following;
    }

    Optional<Instant> lastMessageAt() {
        return Optional.ofNullable(lastMessageAt);
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties)) {
                consumer = kafka;
                ensureCompactedTopic();
                List<TopicPartition> partitions = partitions(kafka);
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                following = true;
                long nextCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                        apply(record);
                    }
                    if (System.nanoTime() - nextCheck > 0) {
                        nextCheck = System.nanoTime() + PARTITION_CHECK.toNanos();
                        partitions = followNewPartitions(kafka, partitions);
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                following = false;
                if (running) {
                    log.debug("flags feed on " + topic + " not reading (" + e + "); retrying");
                    sleep();
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions yet");
        }
        return partitions;
    }

    /** Partitions added to the topic (the outbox's topic creation may widen it) are read from their beginning too. */
    private List<TopicPartition> followNewPartitions(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> held) {
        List<TopicPartition> now = partitions(kafka);
        List<TopicPartition> added = now.stream().filter(partition -> !held.contains(partition)).toList();
        if (added.isEmpty()) {
            return held;
        }
        kafka.assign(now);
        kafka.seekToBeginning(added);
        return now;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        lastMessageAt = Instant.now();
        if (record.value() == null) {
            return;
        }
        try {
            live.apply(FlagDocuments.parse(record.value()), LiveFlags.Source.KAFKA);
        } catch (RuntimeException e) {
            log.warn("ignored a flag message that does not parse (key " + record.key() + ", offset "
                    + record.offset() + "): " + e.getMessage());
        }
    }

    /** Creates the topic compacted, or makes the existing one compacted (the outbox may have made it first). */
    private void ensureCompactedTopic() {
        try (Admin admin = Admin.create(adminProperties)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create " + topic, e.getCause());
                }
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(resource, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                        AlterConfigOp.OpType.SET)));
                admin.incrementalAlterConfigs(change).all().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot make " + topic + " compacted", e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        // No interrupt: the consumer closes itself on the feed's thread once woken (an interrupt would break its close).
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
