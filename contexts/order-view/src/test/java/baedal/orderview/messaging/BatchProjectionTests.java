package baedal.orderview.messaging;

import static baedal.orderview.OrderEvents.anOrder;
import static baedal.orderview.messaging.TopicRecords.TOPIC;
import static baedal.orderview.messaging.TopicRecords.polled;
import static baedal.orderview.messaging.TopicRecords.poison;
import static baedal.orderview.messaging.TopicRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import baedal.orderview.IncomingRecord;
import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderEvents;
import baedal.orderview.OrderView;
import baedal.orderview.ProjectionBatch;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.ViewVersions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class BatchProjectionTests {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    private final FailingStore store = new FailingStore();
    private final ViewVersions versions = new ViewVersions();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<List<SnapshotPublisher.Snapshot>> published = new ArrayList<>();
    private final List<Optional<OrderView>> storedAtPublish = new ArrayList<>();
    private final OrderEvents order = anOrder(51).accepted();
    private final ConsumerRecords<byte[], byte[]> batch = polled(record(0, 0, order.events().get(0)),
            record(0, 1, order.last()));

    private BatchProjection projection(ProjectorFaults faults) {
        SnapshotPublisher snapshots = list -> {
            storedAtPublish.add(store.find(order.orderNumber()));
            published.add(list);
        };
        return new BatchProjection(new StoreWrite(store), new OrderEventReader(ZoneId.of("Asia/Seoul")), versions,
                new ProjectionMetrics(registry), snapshots, faults, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void publishesTheSnapshotsOnlyOnceTheStoreCommittedTheBatch() {
        ProjectionBatch.Written written = projection(ProjectorFaults.NONE).project(batch);

        assertThat(written.versions()).containsEntry(order.orderNumber(), 2L);
        assertThat(storedAtPublish).singleElement()
                .satisfies(stored -> assertThat(stored).map(OrderView::version).hasValue(2L));
        assertThat(published).singleElement().satisfies(snapshots -> assertThat(snapshots)
                .extracting(SnapshotPublisher.Snapshot::version).containsExactly(2L));
    }

    @Test
    void parksAPoisonRecordInTheBatchsTransactionAndProjectsTheRest() {
        ConsumerRecords<byte[], byte[]> withPoison = polled(record(0, 0, order.events().get(0)),
                poison(0, 1, "{not json"), record(0, 2, order.last()));

        ProjectionBatch.Written written = projection(ProjectorFaults.NONE).project(withPoison);

        assertThat(store.transactions()).isEqualTo(1);
        assertThat(written.parked()).isEqualTo(1);
        assertThat(store.parked(10)).singleElement().satisfies(letter -> {
            assertThat(letter.offset()).isEqualTo(1);
            assertThat(letter.reason()).startsWith(OrderEventReader.UNPARSEABLE);
        });
        assertThat(store.find(order.orderNumber())).map(OrderView::version).hasValue(2L);
    }

    @Test
    void publishesNothingAndMetersNothingWhenTheStoreWriteFailed() {
        store.downForTheNext(1);

        assertThatThrownBy(() -> projection(ProjectorFaults.NONE).project(batch)).hasMessageContaining("down");

        assertThat(published).isEmpty();
        assertThat(registry.get("baedal.order-view.projected").counter().count()).isZero();
    }

    @Test
    void writesNothingWhenItCrashesBeforeTheStoreTransaction() {
        ProjectorFaults crashing = new ProjectorFaults() {
            @Override
            public void beforeStoreWrite(int records) {
                throw new Crash("killed before the store transaction");
            }
        };

        assertThatThrownBy(() -> projection(crashing).project(batch)).isInstanceOf(ProjectorFaults.Crash.class);

        assertThat(store.find(order.orderNumber())).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void metersEachEventOnceThoughTheBatchComesAgain() {
        BatchProjection projection = projection(ProjectorFaults.NONE);

        projection.project(batch);
        projection.project(batch);

        assertThat(registry.get("baedal.order-view.projected").counter().count()).isEqualTo(2);
        assertThat(published).as("the batch that came again still publishes").hasSize(2)
                .allSatisfy(snapshots -> assertThat(snapshots).hasSize(1));
    }

    @Test
    void wakesAReaderWaitingForTheBatchsVersionAsSoonAsItIsStored() throws Exception {
        AtomicBoolean signalled = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                signalled.set(versions.awaitSignal(order.orderNumber(), 2, Duration.ofSeconds(10)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.getState() == Thread.State.TIMED_WAITING);

        projection(ProjectorFaults.NONE).project(batch);

        reader.join(Duration.ofSeconds(5));
        assertThat(signalled).isTrue();
    }

    @Test
    void keepsARecordAsItWasReceived() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("type", "OrderPlaced".getBytes(StandardCharsets.UTF_8));
        headers.add("trace", null);
        ConsumerRecord<byte[], byte[]> received = new ConsumerRecord<>(TOPIC, 2, 17, 0L, TimestampType.CREATE_TIME, -1,
                -1, "0001".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), headers,
                Optional.empty());

        IncomingRecord incoming = BatchProjection.incoming(received);

        assertThat(incoming.topic()).isEqualTo(TOPIC);
        assertThat(incoming.partition()).isEqualTo(2);
        assertThat(incoming.offset()).isEqualTo(17);
        assertThat(incoming.key()).isEqualTo("0001");
        assertThat(incoming.value()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(incoming.headers()).containsExactly(Map.entry("type", "OrderPlaced"));
    }

    @Test
    void keepsARecordWithoutKeyOrHeaders() {
        IncomingRecord incoming = BatchProjection.incoming(poison(0, 3, "x"));

        assertThat(incoming.key()).isNull();
        assertThat(incoming.headers()).isEmpty();
    }
}
