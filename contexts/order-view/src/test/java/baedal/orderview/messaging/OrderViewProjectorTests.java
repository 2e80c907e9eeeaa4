package baedal.orderview.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import baedal.orderview.OrderEvents;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.ProjectionBatch;
import java.sql.SQLException;
import java.util.List;
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
    void batchesFetchesByDefaultAndKeepsFetchSettingsGivenBySpringKafka() {
        Map<String, Object> defaults = OrderViewProjector.safeConfig(Map.of(), OrderViewProperties.Projector.defaults());
        Map<String, Object> given = OrderViewProjector.safeConfig(Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), OrderViewProperties.Projector.defaults());

        assertThat(defaults).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 768 * 1024)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        assertThat(given).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    }

    @Test
    void aDeadProjectorsPartitionsMoveOnAfterTenSecondsUnlessSpringKafkaSaysOtherwise() {
        Map<String, Object> defaults = OrderViewProjector.safeConfig(Map.of(), OrderViewProperties.Projector.defaults());
        Map<String, Object> given = OrderViewProjector.safeConfig(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                45_000), OrderViewProperties.Projector.defaults());

        assertThat(defaults).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_333);
        assertThat(given).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000);
    }

    @Test
    void tellsDataTheDatabaseRefusesFromADatabaseThatIsDown() {
        assertThat(OrderViewProjector.refusedByTheDatabase(new DataIntegrityViolationException("refused",
                new SQLException("unsupported Unicode escape sequence", "22P05")))).isTrue();
        assertThat(OrderViewProjector.refusedByTheDatabase(new DataAccessResourceFailureException("down",
                new SQLException("connection refused", "08001")))).isFalse();
        assertThat(OrderViewProjector.refusedByTheDatabase(new IllegalStateException("other"))).isFalse();
    }

    @Test
    void publishesTheNewestSnapshotOfEachOrderOnlyWhenTheStoreHoldsThatVersion() {
        OrderEvents applied = OrderEvents.anOrder(1).accepted().dispatched(501);
        OrderEvents overtaken = OrderEvents.anOrder(2).accepted();
        OrderEvents redelivered = OrderEvents.anOrder(3).accepted();
        List<ProjectionBatch.Reading> readings = List.of(
                OrderEvents.reading(applied.events().get(0), 0), OrderEvents.reading(applied.events().get(2), 1),
                OrderEvents.reading(applied.events().get(1), 2), OrderEvents.reading(overtaken.events().get(0), 3),
                OrderEvents.reading(redelivered.events().get(1), 4));

        List<SnapshotPublisher.Snapshot> published = OrderViewProjector.snapshotsToPublish(readings, Map.of(
                applied.orderNumber(), 3L, overtaken.orderNumber(), 2L, redelivered.orderNumber(), 2L));

        assertThat(published).extracting(SnapshotPublisher.Snapshot::orderNo, SnapshotPublisher.Snapshot::version)
                .containsExactly(tuple(applied.orderNo(), 3L),
                        tuple(redelivered.orderNo(), 2L));
        assertThat(published.getFirst().envelope()).isEqualTo(OrderEvents.json(applied.events().get(2)));
    }
}
