package baedal.orderview.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.orderview.OrderViewProperties;
import java.sql.SQLException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;

class OrderViewProjectorTests {

    @Test
    void forcesTheSettingsItsGuaranteesRestOn() {
        Map<String, Object> config = OrderViewProjector.safeConfig(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092",
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
    void tellsDataTheDatabaseRefusesFromADatabaseThatIsDown() {
        assertThat(OrderViewProjector.refusedByTheDatabase(new DataIntegrityViolationException("refused",
                new SQLException("unsupported Unicode escape sequence", "22P05")))).isTrue();
        assertThat(OrderViewProjector.refusedByTheDatabase(new DataAccessResourceFailureException("down",
                new SQLException("connection refused", "08001")))).isFalse();
        assertThat(OrderViewProjector.refusedByTheDatabase(new IllegalStateException("other"))).isFalse();
    }
}
