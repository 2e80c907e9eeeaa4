package baedal.orderview.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.orderview.OrderViewProperties;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTests {

    @Test
    void forcesTheSettingsItsGuaranteesRestOn() {
        Map<String, Object> config = ConsumerSettings.safeConfig(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true, ConsumerConfig.GROUP_ID_CONFIG, "someone-else",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), OrderViewProperties.Projector.defaults());

        assertThat(config).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "order-view-projector")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500)
                .containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    @Test
    void batchesFetchesByDefaultAndKeepsFetchSettingsGivenBySpringKafka() {
        Map<String, Object> defaults = ConsumerSettings.safeConfig(Map.of(), OrderViewProperties.Projector.defaults());
        Map<String, Object> given = ConsumerSettings.safeConfig(Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), OrderViewProperties.Projector.defaults());

        assertThat(defaults).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 768 * 1024)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        assertThat(given).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    }

    @Test
    void aDeadProjectorsPartitionsMoveOnAfterTenSecondsUnlessSpringKafkaSaysOtherwise() {
        Map<String, Object> defaults = ConsumerSettings.safeConfig(Map.of(), OrderViewProperties.Projector.defaults());
        Map<String, Object> given = ConsumerSettings.safeConfig(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                45_000), OrderViewProperties.Projector.defaults());

        assertThat(defaults).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333);
        assertThat(given).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000);
    }

    @Test
    void readsValuesAsBytesAndJoinsAsADynamicMemberWhateverSpringKafkaSays() {
        Map<String, Object> config = ConsumerSettings.safeConfig(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "app-1"), OrderViewProperties.Projector.defaults());

        assertThat(config).doesNotContainKeys(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void givesEachConsumerAClientIdOfItsOwnUnlessSpringKafkaNamesTheClient() {
        Map<String, Object> safe = ConsumerSettings.safeConfig(Map.of(), OrderViewProperties.Projector.defaults());
        Map<String, Object> named = ConsumerSettings.safeConfig(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "ops-chosen"),
                OrderViewProperties.Projector.defaults());

        assertThat(ConsumerSettings.forConsumer(safe, 0)).containsEntry(ConsumerConfig.CLIENT_ID_CONFIG,
                "baedal-order-view-0");
        assertThat(ConsumerSettings.forConsumer(safe, 1)).containsEntry(ConsumerConfig.CLIENT_ID_CONFIG,
                "baedal-order-view-1");
        assertThat(ConsumerSettings.forConsumer(named, 1)).containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "ops-chosen");
        assertThat(safe).as("the shared settings stay unnamed").doesNotContainKey(ConsumerConfig.CLIENT_ID_CONFIG);
    }
}
