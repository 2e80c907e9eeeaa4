package baedal.orderview.messaging;

import static baedal.orderview.OrderEvents.anOrder;
import static baedal.orderview.messaging.TopicRecords.TOPIC;
import static baedal.orderview.messaging.TopicRecords.partition;
import static baedal.orderview.messaging.TopicRecords.poison;
import static baedal.orderview.messaging.TopicRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderEvents;
import baedal.orderview.OrderView;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.ViewVersions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One consumer's rounds against Kafka's {@link MockConsumer} and the in-memory store: no broker, no database. */
class ConsumerLoopTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);
    private static final Set<TopicPartition> PARTITIONS = Set.of(partition(0), partition(1));

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final FailingStore store = new FailingStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerLag lag = new ConsumerLag(registry);
    private final LastFailure failures = new LastFailure(CLOCK);
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), waits::add);
    private SnapshotPublisher snapshots = SnapshotPublisher.NONE;
    private ProjectorFaults faults = ProjectorFaults.NONE;

    private final OrderEvents first = anOrder(61).accepted();
    private final OrderEvents second = anOrder(62).accepted().dispatched(501);

    @BeforeEach
    void assigned() {
        consumer.assign(PARTITIONS);
        consumer.updateBeginningOffsets(Map.of(partition(0), 0L, partition(1), 0L));
    }

    private ConsumerLoop loop() {
        BatchProjection projection = new BatchProjection(new StoreWrite(store),
                new OrderEventReader(ZoneId.of("Asia/Seoul")), new ViewVersions(), new ProjectionMetrics(registry),
                snapshots, faults, CLOCK);
        return new ConsumerLoop("order-view-projector-0", () -> consumer, TOPIC, Duration.ofMillis(10), projection,
                lag, backoff, failures, running);
    }

    /** The two orders' events on the topic, as a broker delivers them (again after a rewind). */
    private void onTheTopic() {
        consumer.addRecord(record(0, 0, first.events().get(0)));
        consumer.addRecord(record(0, 1, first.last()));
        for (int i = 0; i < second.events().size(); i++) {
            consumer.addRecord(record(1, i, second.events().get(i)));
        }
    }

    private Map<TopicPartition, Long> committed() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        consumer.committed(PARTITIONS).forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    private void assertStored() {
        assertThat(store.find(first.orderNumber())).map(OrderView::version).hasValue(2L);
        assertThat(store.find(second.orderNumber())).map(OrderView::version).hasValue(3L);
    }

    @Test
    void commitsOffsetsOnlyAfterTheStoreTransaction() {
        List<Map<TopicPartition, Long>> committedAtStoreCommit = new ArrayList<>();
        faults = new ProjectorFaults() {
            @Override
            public void afterStoreCommit(int records) {
                committedAtStoreCommit.add(committed());
            }
        };
        onTheTopic();

        boolean goesOn = loop().round(consumer);

        assertThat(goesOn).isTrue();
        assertThat(committedAtStoreCommit).containsExactly(Map.of());
        assertStored();
        assertThat(committed()).isEqualTo(Map.of(partition(0), 2L, partition(1), 3L));
    }

    @Test
    void commitsOffsetsOnlyAfterTheSnapshotsAreAcknowledged() {
        List<Map<TopicPartition, Long>> committedAtPublish = new ArrayList<>();
        snapshots = published -> committedAtPublish.add(committed());
        onTheTopic();

        loop().round(consumer);

        assertThat(committedAtPublish).containsExactly(Map.of());
        assertThat(committed()).isEqualTo(Map.of(partition(0), 2L, partition(1), 3L));
    }

    @Test
    void retriesABatchWhoseSnapshotsWereNotAcknowledgedFromItsFirstOffsets() {
        AtomicBoolean acknowledged = new AtomicBoolean();
        List<String> publishedOrders = new ArrayList<>();
        snapshots = published -> {
            if (!acknowledged.getAndSet(true)) {
                throw new IllegalStateException("order snapshots could not be published");
            }
            published.forEach(snapshot -> publishedOrders.add(snapshot.orderNo()));
        };
        ConsumerLoop loop = loop();
        onTheTopic();

        assertThat(loop.round(consumer)).isTrue();

        assertThat(committed()).as("nothing committed while the snapshots are not acknowledged").isEmpty();
        assertThat(consumer.position(partition(0))).isZero();
        assertThat(consumer.position(partition(1))).isZero();
        assertThat(failures.error()).contains("order snapshots could not be published");
        assertThat(waits).containsExactly(Duration.ofMillis(100));

        onTheTopic();
        assertThat(loop.round(consumer)).isTrue();

        assertThat(publishedOrders).as("the batch that came again publishes what it has to")
                .containsExactlyInAnyOrder(first.orderNo(), second.orderNo());
        assertThat(committed()).isEqualTo(Map.of(partition(0), 2L, partition(1), 3L));
    }

    @Test
    void retriesAFailedBatchFromItsFirstOffsetsUntilItIsWritten() {
        store.downForTheNext(2);
        ConsumerLoop loop = loop();

        for (int attempt = 0; attempt < 3; attempt++) {
            onTheTopic();
            assertThat(loop.round(consumer)).isTrue();
        }

        assertStored();
        assertThat(committed()).isEqualTo(Map.of(partition(0), 2L, partition(1), 3L));
        assertThat(waits).as("backed off twice, longer the second time")
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(backoff.current()).as("back to the initial wait once written").isEqualTo(Duration.ofMillis(100));
        assertThat(failures.error()).contains("down");
    }

    @Test
    void neverSkipsAFailedBatch() {
        store.downForTheNext(1);
        ConsumerLoop loop = loop();
        onTheTopic();

        loop.round(consumer);

        assertThat(loop.round(consumer)).as("nothing delivered again yet, nothing to do").isTrue();
        assertThat(committed()).isEmpty();
        assertThat(consumer.position(partition(0))).as("the next poll starts at the failed batch").isZero();
    }

    @Test
    void parksAPoisonRecordAndGoesOn() {
        OrderEvents later = anOrder(63);
        consumer.addRecord(record(0, 0, first.events().get(0)));
        consumer.addRecord(poison(0, 1, "{not json"));
        consumer.addRecord(record(0, 2, first.last()));
        ConsumerLoop loop = loop();

        assertThat(loop.round(consumer)).isTrue();
        consumer.addRecord(record(0, 3, later.last()));
        assertThat(loop.round(consumer)).isTrue();

        assertThat(store.parkedCount()).isEqualTo(1);
        assertThat(store.find(first.orderNumber())).map(OrderView::version).hasValue(2L);
        assertThat(store.find(later.orderNumber())).isPresent();
        assertThat(committed()).isEqualTo(Map.of(partition(0), 4L));
        assertThat(waits).as("poison is no failure").isEmpty();
    }

    @Test
    void endsAtACrashWithoutCommittingOrRetrying() {
        faults = new ProjectorFaults() {
            @Override
            public void afterStoreCommit(int records) {
                throw new Crash("killed between store commit and offset commit");
            }
        };
        onTheTopic();

        boolean goesOn = loop().round(consumer);

        assertThat(goesOn).isFalse();
        assertStored();
        assertThat(committed()).isEmpty();
        assertThat(waits).isEmpty();
        assertThat(running).as("only this consumer ends").isTrue();
    }

    @Test
    void keepsTheConsumerAndBacksOffWhenAPollFails() {
        consumer.setPollException(new KafkaException("coordinator not available"));
        ConsumerLoop loop = loop();

        assertThat(loop.round(consumer)).isTrue();
        onTheTopic();
        assertThat(loop.round(consumer)).isTrue();

        assertThat(failures.error()).contains("coordinator not available");
        assertThat(waits).containsExactly(Duration.ofMillis(100));
        assertStored();
    }

    @Test
    void showsTheLagOfItsPartitionsAfterEachPoll() {
        consumer.updateEndOffsets(Map.of(partition(0), 2L, partition(1), 3L));
        onTheTopic();

        loop().round(consumer);

        assertThat(lag.byPartition()).containsEntry(TOPIC + "-0", 0L).containsEntry(TOPIC + "-1", 0L);
    }

    @Test
    void endsWhenWokenToStop() {
        onTheTopic();
        consumer.wakeup();

        assertThat(loop().round(consumer)).isFalse();
        assertThat(committed()).isEmpty();
    }

    @Test
    void stopsTheProjectorWhenInterruptedDuringABackOff() {
        backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), wait -> {
            throw new InterruptedException();
        });
        store.downForTheNext(1);
        onTheTopic();

        boolean goesOn = loop().round(consumer);

        assertThat(Thread.interrupted()).as("interrupt kept (and cleared here)").isTrue();
        assertThat(goesOn).isFalse();
        assertThat(running).isFalse();
    }

    @Test
    void subscribesGoesRoundAndClosesItsConsumerWhenWokenToStop() {
        MockConsumer<byte[], byte[]> subscribing = new MockConsumer<>("earliest");
        subscribing.updateBeginningOffsets(Map.of(partition(0), 0L));
        subscribing.schedulePollTask(() -> {
            subscribing.rebalance(List.of(partition(0)));
            subscribing.addRecord(record(0, 0, first.events().get(0)));
        });
        subscribing.schedulePollTask(subscribing::wakeup);
        ConsumerLoop loop = new ConsumerLoop("order-view-projector-0", () -> subscribing, TOPIC, Duration.ofMillis(10),
                new BatchProjection(new StoreWrite(store), new OrderEventReader(ZoneId.of("Asia/Seoul")),
                        new ViewVersions(), new ProjectionMetrics(registry), snapshots, faults, CLOCK),
                lag, backoff, failures, running);

        loop.run();

        assertThat(subscribing.closed()).isTrue();
        assertThat(store.find(first.orderNumber())).map(OrderView::version).hasValue(1L);
        assertThat(running).as("one consumer woken does not stop the projector").isTrue();
    }
}
