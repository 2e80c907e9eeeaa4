package baedal.orderview.messaging;

import static baedal.orderview.OrderEvents.anOrder;
import static baedal.orderview.messaging.TopicRecords.TOPIC;
import static baedal.orderview.messaging.TopicRecords.partition;
import static baedal.orderview.messaging.TopicRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderEvents;
import baedal.orderview.OrderView;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.ViewVersions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The projector's lifecycle and health surface, on Kafka's {@link MockConsumer}s and the in-memory store. */
class OrderViewProjectorTests {

    private final FailingStore store = new FailingStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<MockConsumer<byte[], byte[]>> opened = new CopyOnWriteArrayList<>();
    private final AtomicBoolean snapshotsClosed = new AtomicBoolean();
    private OrderViewProjector projector;

    @AfterEach
    void stop() {
        if (projector != null) {
            projector.stop();
        }
    }

    private static OrderViewProperties.Projector settings(boolean enabled, int concurrency) {
        return new OrderViewProperties.Projector(enabled, TOPIC, "order-view-projector", concurrency, 500,
                Duration.ofMillis(5), Duration.ofMillis(1), Duration.ofMillis(2));
    }

    /** A projector whose consumer number {@code i} owns partition {@code i} and finds {@code events[i]} on it. */
    private OrderViewProjector projector(OrderViewProperties.Projector settings, OrderEvents... events) {
        SnapshotPublisher snapshots = new SnapshotPublisher() {
            @Override
            public void publish(List<Snapshot> published) {
            }

            @Override
            public void close() {
                snapshotsClosed.set(true);
            }
        };
        projector = new OrderViewProjector(index -> {
            MockConsumer<byte[], byte[]> consumer = new IdleMockConsumer();
            consumer.updateBeginningOffsets(Map.of(partition(index), 0L));
            consumer.updateEndOffsets(Map.of(partition(index), (long) events[index].events().size()));
            consumer.schedulePollTask(() -> {
                consumer.rebalance(List.of(partition(index)));
                for (int offset = 0; offset < events[index].events().size(); offset++) {
                    consumer.addRecord(record(index, offset, events[index].events().get(offset)));
                }
            });
            opened.add(consumer);
            return consumer;
        }, settings, store, new OrderEventReader(ZoneId.of("Asia/Seoul")), new ViewVersions(),
                new ProjectionMetrics(registry), registry, Clock.systemUTC(), ProjectorFaults.NONE, snapshots);
        return projector;
    }

    @Test
    void startsNoConsumerWhenSwitchedOff() {
        OrderViewProjector off = projector(settings(false, 1), anOrder(71));

        off.start();

        assertThat(off.isRunning()).isFalse();
        assertThat(off.consumersAlive()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void projectsWithEachConsumerAndLetsGoOfEverythingWhenStopped() {
        OrderEvents first = anOrder(72).accepted();
        OrderEvents second = anOrder(73).accepted().dispatched(501);
        OrderViewProjector running = projector(settings(true, 2), first, second);

        running.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(store.find(first.orderNumber())).map(OrderView::version).hasValue(2L);
            assertThat(store.find(second.orderNumber())).map(OrderView::version).hasValue(3L);
            assertThat(opened).allSatisfy(consumer -> assertThat(consumer.committed(Set.of(partition(0),
                    partition(1))).values()).anyMatch(offset -> offset != null));
        });
        assertThat(running.isRunning()).isTrue();
        assertThat(running.consumersAlive()).isTrue();
        assertThat(running.lagByPartition()).containsOnlyKeys(TOPIC + "-0", TOPIC + "-1");

        running.stop();

        assertThat(running.isRunning()).isFalse();
        assertThat(running.consumersAlive()).isFalse();
        assertThat(opened).hasSize(2).allMatch(MockConsumer::closed);
        assertThat(snapshotsClosed).isTrue();
        assertThat(running.lagByPartition()).isEmpty();
        assertThat(registry.find("baedal.order-view.consumer.lag").gauges()).isEmpty();
    }

    @Test
    void reportsWhyItRetriesUntilTheBatchIsWritten() {
        OrderEvents order = anOrder(74).accepted();
        store.downForTheNext(1);
        OrderViewProjector retrying = projector(settings(true, 1), order);

        retrying.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> retrying.lastError() != null);
        assertThat(retrying.lastError()).contains("order view database down");
        assertThat(retrying.lastErrorAt()).isNotNull();
        assertThat(retrying.consumersAlive()).as("a failed batch does not end the consumer").isTrue();
    }

    /** A {@link MockConsumer} that, like a real one, waits out the poll timeout when nothing came. */
    private static final class IdleMockConsumer extends MockConsumer<byte[], byte[]> {

        IdleMockConsumer() {
            super("earliest");
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            if (records.isEmpty()) {
                try {
                    Thread.sleep(timeout.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return records;
        }
    }
}
