package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class OutboxPropertiesTests {

    private final OutboxProperties defaults = OutboxProperties.defaults();

    @Test
    void defaultsToTheOrderEventsTopicWithSafeLimits() {
        assertThat(defaults.topic()).isEqualTo("baedal.order-events");
        assertThat(defaults.partitions()).isEqualTo(12);
        assertThat(defaults.batchSize()).isEqualTo(2000);
        assertThat(defaults.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.retentionBatchSize()).isEqualTo(5_000);
        assertThat(defaults.backoffInitial()).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.backoffMax()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rejectsAnEmptyBatch() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBatching(0, Duration.ofSeconds(10)))
                .withMessageContaining("batch-size");
    }

    @Test
    void rejectsAMaximumBackoffShorterThanTheFirst() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBatching(500, Duration.ofMillis(10)))
                .withMessageContaining("backoff-max");
    }

    @Test
    void rejectsANegativeRetention() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withRetention(Duration.ofSeconds(-1)))
                .withMessageContaining("retention");
    }

    @Test
    void acceptsAZeroRetention() {
        assertThat(defaults.withRetention(Duration.ZERO).retention()).isZero();
    }

    @Test
    void rejectsASendTimeoutTooShortForKafka() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.withKafkaTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)))
                .withMessageContaining("send-timeout");
    }

    @Test
    void forcesTheProducerSettingsTheOrderGuaranteeRestsOn() {
        Map<String, Object> config = KafkaOutboxPublisher.safeConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 20,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx",
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092"), defaults);
        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000L)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        int request = (Integer) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int linger = (Integer) config.get(ProducerConfig.LINGER_MS_CONFIG);
        assertThat(request + linger).isLessThanOrEqualTo(30_000);
    }
}
