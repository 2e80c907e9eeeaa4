package baedal.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay moves the outbox rows of every registered database ({@link OutboxRegistration}: each shard,
 * each database of its own) to Kafka, and to which topic. The Kafka client itself (bootstrap servers,
 * security) is configured by {@code spring.kafka.*}; the relay overrides only the producer settings that its
 * guarantees rest on ({@code enable.idempotence=true}, {@code acks=all},
 * {@code max.in.flight.requests.per.connection=5}, bounded {@code delivery.timeout.ms} and {@code max.block.ms}).
 *
 * @param enabled {@code baedal.outbox.enabled} — whether this instance runs relay workers (default {@code true}).
 *        Every instance may run them: one lease per database makes exactly one of them publish.
 * @param topic {@code baedal.outbox.topic} — the orders' topic: where rows of aggregate type {@code Order} go
 *        (default {@code baedal.order-events})
 * @param topics {@code baedal.outbox.topics.<aggregate type>} — explicit topics by aggregate type (default none);
 *        a type without one goes to {@code baedal.<kebab-case type>-events}, e.g. {@code RiderShift} to
 *        {@code baedal.rider-shift-events} (Debezium's outbox event router routes by aggregate type the same way)
 * @param partitions {@code baedal.outbox.partitions} — partitions of each outbox topic when it is created (default 12)
 * @param replicationFactor {@code baedal.outbox.replication-factor} — replicas of each outbox topic when it is
 *        created (default 1)
 * @param batchSize {@code baedal.outbox.batch-size} — pending rows read and sent per batch (default 2000);
 *        up to two batches are in flight
 * @param pollInterval {@code baedal.outbox.poll-interval} — safety poll when no commit notification arrives (default 1 s)
 * @param leaseRetryInterval {@code baedal.outbox.lease-retry-interval} — how often an instance without a database's
 *        lease tries to take it (default 1 s); a dead holder is replaced within this plus PostgreSQL's notice of
 *        the dropped connection
 * @param backoffInitial {@code baedal.outbox.backoff-initial} — first pause after a failed round (default 100 ms)
 * @param backoffMax {@code baedal.outbox.backoff-max} — longest pause; pauses double up to it (default 10 s)
 * @param sendTimeout {@code baedal.outbox.send-timeout} — Kafka's {@code delivery.timeout.ms}: how long one record
 *        may take to be acknowledged before the round fails (default 30 s)
 * @param maxBlock {@code baedal.outbox.max-block} — Kafka's {@code max.block.ms}: how long a send may wait for
 *        metadata or buffer space, e.g. while Kafka is down (default 5 s)
 * @param retention {@code baedal.outbox.retention} — how long published rows are kept (default 24 h); unpublished
 *        rows are never removed
 * @param retentionInterval {@code baedal.outbox.retention-interval} — how often the lease holder removes expired
 *        rows (default 1 min)
 * @param retentionBatchSize {@code baedal.outbox.retention-batch-size} — rows removed per statement (default 5000)
 * @param retentionPause {@code baedal.outbox.retention-pause} — pause between two removal statements (default 100 ms)
 * @param statsInterval {@code baedal.outbox.stats-interval} — how often the pending count and oldest pending age
 *        behind the metrics and health are refreshed (default 5 s)
 * @param linger {@code baedal.outbox.linger} — once the relay has caught up, how long it lets commits gather after
 *        a wake-up before it reads again (default 50 ms; 0 reads at once). Under live traffic this turns one
 *        round (notify, read, send, record progress) per order into one per linger per database, at the price of at
 *        most that much latency; a backlog is read without pause.
 */
@ConfigurationProperties("baedal.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("baedal.order-events") String topic,
        @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration leaseRetryInterval,
        @DefaultValue("100ms") Duration backoffInitial,
        @DefaultValue("10s") Duration backoffMax,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("5s") Duration maxBlock,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1m") Duration retentionInterval,
        @DefaultValue("5000") int retentionBatchSize,
        @DefaultValue("100ms") Duration retentionPause,
        @DefaultValue("5s") Duration statsInterval,
        @DefaultValue("50ms") Duration linger,
        @DefaultValue Map<String, String> topics) {

    @ConstructorBinding
    public OutboxProperties {
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("baedal.outbox.topic must name a topic");
        }
        requireAtLeast(partitions, 1, "partitions");
        requireAtLeast(replicationFactor, 1, "replication-factor");
        requireAtLeast(batchSize, 1, "batch-size");
        requireAtLeast(retentionBatchSize, 1, "retention-batch-size");
        requirePositive(pollInterval, "poll-interval");
        requirePositive(leaseRetryInterval, "lease-retry-interval");
        requirePositive(backoffInitial, "backoff-initial");
        requirePositive(backoffMax, "backoff-max");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("baedal.outbox.backoff-max must not be shorter than backoff-initial");
        }
        if (sendTimeout.toMillis() < 2_000) {
            throw new IllegalArgumentException("baedal.outbox.send-timeout must be at least 2 s");
        }
        requirePositive(maxBlock, "max-block");
        requireNotNegative(retention, "retention");
        requirePositive(retentionInterval, "retention-interval");
        requireNotNegative(retentionPause, "retention-pause");
        requirePositive(statsInterval, "stats-interval");
        requireNotNegative(linger, "linger");
    }

    /**
     * The Kafka producer settings the relay publishes with: {@code base} (e.g. Spring Boot's producer properties)
     * with the settings the relay's guarantees rest on forced. Tools that must send exactly as the relay does,
     * such as the benchmark's raw-producer baseline, use this too.
     */
    public java.util.Map<String, Object> relayProducerConfig(java.util.Map<String, Object> base) {
        return KafkaOutboxPublisher.safeConfig(base, this);
    }

    /** The defaults listed above. */
    public static OutboxProperties defaults() {
        return new OutboxProperties(true, "baedal.order-events", 12, (short) 1, 2000, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofMinutes(1), 5_000, Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofMillis(50), Map.of());
    }

    /** The same settings with another orders' topic and explicit topics by aggregate type; for tests and tools. */
    public OutboxProperties withTopics(String topic, Map<String, String> topics) {
        return new OutboxProperties(enabled, topic, partitions, replicationFactor, batchSize, pollInterval,
                leaseRetryInterval, backoffInitial, backoffMax, sendTimeout, maxBlock, retention, retentionInterval,
                retentionBatchSize, retentionPause, statsInterval, linger, topics);
    }

    /** The same settings with another safety poll interval; for tests and tools. */
    public OutboxProperties withPollInterval(Duration pollInterval) {
        return new OutboxProperties(enabled, topic, partitions, replicationFactor, batchSize, pollInterval,
                leaseRetryInterval, backoffInitial, backoffMax, sendTimeout, maxBlock, retention, retentionInterval,
                retentionBatchSize, retentionPause, statsInterval, linger, topics);
    }

    /** The same settings with another retention; for tests and tools. */
    public OutboxProperties withRetention(Duration retention) {
        return new OutboxProperties(enabled, topic, partitions, replicationFactor, batchSize, pollInterval,
                leaseRetryInterval, backoffInitial, backoffMax, sendTimeout, maxBlock, retention, retentionInterval,
                retentionBatchSize, retentionPause, statsInterval, linger, topics);
    }

    /** The same settings with other Kafka timeouts; for tests and tools. */
    public OutboxProperties withKafkaTimeouts(Duration sendTimeout, Duration maxBlock) {
        return new OutboxProperties(enabled, topic, partitions, replicationFactor, batchSize, pollInterval,
                leaseRetryInterval, backoffInitial, backoffMax, sendTimeout, maxBlock, retention, retentionInterval,
                retentionBatchSize, retentionPause, statsInterval, linger, topics);
    }

    /** The same settings with another batch size and maximum back-off; for tests and tools. */
    public OutboxProperties withBatching(int batchSize, Duration backoffMax) {
        return new OutboxProperties(enabled, topic, partitions, replicationFactor, batchSize, pollInterval,
                leaseRetryInterval, backoffInitial, backoffMax, sendTimeout, maxBlock, retention, retentionInterval,
                retentionBatchSize, retentionPause, statsInterval, linger, topics);
    }

    /** The same settings with another retention schedule; for tests and tools. */
    public OutboxProperties withRetentionSchedule(Duration retentionInterval, int retentionBatchSize) {
        return new OutboxProperties(enabled, topic, partitions, replicationFactor, batchSize, pollInterval,
                leaseRetryInterval, backoffInitial, backoffMax, sendTimeout, maxBlock, retention, retentionInterval,
                retentionBatchSize, retentionPause, statsInterval, linger, topics);
    }

    private static void requireAtLeast(int value, int minimum, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException("baedal.outbox." + name + " must be at least " + minimum + ": " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("baedal.outbox." + name + " must be a positive duration: " + value);
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("baedal.outbox." + name + " must not be negative: " + value);
        }
    }
}
