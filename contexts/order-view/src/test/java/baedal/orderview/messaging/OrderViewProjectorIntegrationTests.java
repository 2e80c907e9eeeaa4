package baedal.orderview.messaging;

import static baedal.orderview.OrderEvents.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import baedal.order.events.OrderEventEnvelope;
import baedal.orderview.DeadLetter;
import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderEvents;
import baedal.orderview.OrderView;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.ViewVersions;
import baedal.orderview.persistence.JdbcOrderViewStore;
import baedal.orderview.persistence.OrderViewDatabase;
import baedal.orderview.persistence.OrderViewTables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projector against a real Kafka broker and PostgreSQL: raw records produced to a topic — shuffled,
 * repeated, poisoned — end in the same documents; a projector killed before or after its store commit loses
 * nothing once a new one takes over.
 */
class OrderViewProjectorIntegrationTests {

    private static final int PARTITIONS = 3;
    private static final AtomicInteger worlds = new AtomicInteger();
    private static final AtomicLong serials = new AtomicLong(5_000);

    @TempDir
    static Path data;

    static EmbeddedPlatform platform;
    static OrderViewDatabase database;
    static JdbcOrderViewStore store;
    static KafkaProducer<String, byte[]> producer;

    private final List<OrderViewProjector> projectors = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private OrderViewProperties.Projector settings;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(data).withFreePorts());
        platform.createDatabaseIfMissing("order_view_projector");
        database = OrderViewDatabase.open(OrderViewProperties.defaults(new OrderViewProperties.Datasource(
                platform.jdbcUrl("order_view_projector"), platform.postgresUser(), "")), pool -> { });
        store = new JdbcOrderViewStore(database, OrderViewTables.ACTIVE);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (database != null) {
            database.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @BeforeEach
    void freshTopic() throws Exception {
        int world = worlds.incrementAndGet();
        settings = OrderViewProperties.Projector.defaults().on("projector-test-" + world, "projector-group-" + world)
                .withBatchSize(7);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(settings.topic(), PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stopProjectors() {
        projectors.forEach(OrderViewProjector::stop);
    }

    private OrderViewProjector startProjector(ProjectorFaults faults) {
        OrderViewProjector projector = new OrderViewProjector(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()), settings, store,
                new OrderEventReader(ZoneId.of("Asia/Seoul")), new ViewVersions(), new ProjectionMetrics(registry),
                registry, Clock.systemUTC(), faults);
        projectors.add(projector);
        projector.start();
        return projector;
    }

    private void send(Integer partition, String key, byte[] value, String type) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("type", type.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(settings.topic(), partition, key, value, headers)).get(10, TimeUnit.SECONDS);
    }

    private void send(OrderEventEnvelope event) throws Exception {
        send(null, event.orderNo(), OrderEvents.json(event), event.type());
    }

    /** Orders through their lifecycle; returns them, their events sent shuffled and with repeats. */
    private List<OrderEvents> sendShuffledOrders(int count, long seed) throws Exception {
        List<OrderEvents> orders = new ArrayList<>();
        List<OrderEventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OrderEvents order = i % 4 == 3 ? anOrder(serials.incrementAndGet()).cancelled("변심")
                    : anOrder(serials.incrementAndGet()).throughDelivery();
            orders.add(order);
            events.addAll(order.events());
        }
        Random random = new Random(seed);
        events.addAll(events.subList(0, events.size() / 2));
        Collections.shuffle(events, random);
        for (OrderEventEnvelope event : events) {
            send(event);
        }
        return orders;
    }

    private static void awaitFinal(List<OrderEvents> orders) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (OrderEvents order : orders) {
                assertThat(store.find(order.orderNumber())).as(order.orderNo())
                        .hasValueSatisfying(view -> assertThat(view.version()).isEqualTo(order.last().version()));
                assertThat(store.projectionTimes(order.orderNumber())).as("every event of %s", order.orderNo())
                        .hasSize(order.events().size());
            }
        });
        for (OrderEvents order : orders) {
            OrderView view = store.find(order.orderNumber()).orElseThrow();
            assertThat(view).isEqualTo(OrderView.of(order.last(), ZoneId.of("Asia/Seoul")));
        }
    }

    private void awaitCommittedToTheEnd() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    platform.kafkaBootstrapServers()))) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    latest.put(new TopicPartition(settings.topic(), p), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                ends.forEach((partition, end) -> {
                    long at = committed.containsKey(partition) ? committed.get(partition).offset() : 0;
                    assertThat(at).as(partition.toString()).isEqualTo(end.offset());
                });
            }
        });
    }

    @Test
    void endsAtTheFinalDocumentsFromShuffledAndRepeatedRecords() throws Exception {
        List<OrderEvents> orders = sendShuffledOrders(12, 11);

        startProjector(ProjectorFaults.NONE);

        awaitFinal(orders);
        awaitCommittedToTheEnd();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.find("baedal.order-view.consumer.lag")
                .tag("topic", settings.topic()).gauges()).as("a lag gauge per assigned partition").hasSize(PARTITIONS));
        assertThat(registry.get("baedal.order-view.projection.lag").timer().count())
                .as("each event counted once").isEqualTo(orders.stream().mapToLong(o -> o.events().size()).sum());
    }

    @Test
    void parksPoisonWithoutBlockingTheRecordsBehindIt() throws Exception {
        OrderEvents order = anOrder(serials.incrementAndGet()).accepted();
        String unknownType = new String(OrderEvents.json(order.last()), StandardCharsets.UTF_8)
                .replace("\"OrderAccepted\"", "\"OrderTeleported\"");
        send(0, order.orderNo(), OrderEvents.json(order.events().get(0)), "OrderPlaced");
        send(0, order.orderNo(), "{not json".getBytes(StandardCharsets.UTF_8), "OrderAccepted");
        send(0, order.orderNo(), unknownType.getBytes(StandardCharsets.UTF_8), "OrderTeleported");
        send(0, order.orderNo(), OrderEvents.json(order.last()), "OrderAccepted");
        long parkedBefore = store.parkedCount();

        startProjector(ProjectorFaults.NONE);

        awaitFinal(List.of(order));
        awaitCommittedToTheEnd();
        List<DeadLetter> parked = store.parked(1000).stream().filter(letter -> letter.topic().equals(settings.topic()))
                .toList();
        assertThat(parked).extracting(DeadLetter::offset).containsExactly(1L, 2L);
        assertThat(parked.get(0).reason()).startsWith(OrderEventReader.UNPARSEABLE);
        assertThat(parked.get(1).reason()).startsWith(OrderEventReader.UNKNOWN_TYPE);
        assertThat(parked.get(1).key()).isEqualTo(order.orderNo());
        assertThat(parked.get(1).headers()).containsEntry("type", "OrderTeleported");
        assertThat(parked.get(1).valueText()).isEqualTo(unknownType);
        assertThat(store.parkedCount()).isEqualTo(parkedBefore + 2);
        assertThat(registry.get("baedal.order-view.dead-letters.parked").counter().count()).isEqualTo(2);
    }

    @Test
    void parksARecordTheDatabaseRefusesAndWritesTheRestOfItsBatch() throws Exception {
        OrderEvents good = anOrder(serials.incrementAndGet()).accepted();
        OrderEvents refused = anOrder(serials.incrementAndGet());
        String withNul = new String(OrderEvents.json(refused.last()), StandardCharsets.UTF_8)
                .replace("맵지 않게 해주세요", "맵지\\u0000않게");
        assertThat(withNul).contains("\\u0000");
        send(1, good.orderNo(), OrderEvents.json(good.events().get(0)), "OrderPlaced");
        send(1, refused.orderNo(), withNul.getBytes(StandardCharsets.UTF_8), "OrderPlaced");
        send(1, good.orderNo(), OrderEvents.json(good.last()), "OrderAccepted");

        startProjector(ProjectorFaults.NONE);

        awaitFinal(List.of(good));
        awaitCommittedToTheEnd();
        assertThat(store.find(refused.orderNumber())).isEmpty();
        List<DeadLetter> parked = store.parked(1000).stream().filter(letter -> letter.topic().equals(settings.topic()))
                .toList();
        assertThat(parked).hasSize(1);
        assertThat(parked.getFirst().reason()).startsWith("unwritable: ");
        assertThat(parked.getFirst().offset()).isEqualTo(1);
    }

    @Test
    void losesNothingWhenKilledAfterTheStoreCommitBeforeTheOffsetCommit() throws Exception {
        List<OrderEvents> orders = sendShuffledOrders(8, 12);
        AtomicInteger commits = new AtomicInteger();
        OrderViewProjector dying = startProjector(new ProjectorFaults() {
            @Override
            public void afterStoreCommit(int records) {
                if (commits.incrementAndGet() == 3) {
                    throw new Crash("killed between store commit and offset commit");
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !dying.consumersAlive());
        dying.stop();

        startProjector(ProjectorFaults.NONE);

        awaitFinal(orders);
        awaitCommittedToTheEnd();
    }

    @Test
    void losesNothingWhenKilledBeforeTheStoreCommit() throws Exception {
        List<OrderEvents> orders = sendShuffledOrders(8, 13);
        AtomicInteger batches = new AtomicInteger();
        OrderViewProjector dying = startProjector(new ProjectorFaults() {
            @Override
            public void beforeStoreWrite(int records) {
                if (batches.incrementAndGet() == 2) {
                    throw new Crash("killed before the store transaction");
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !dying.consumersAlive());
        dying.stop();

        startProjector(ProjectorFaults.NONE);

        awaitFinal(orders);
        awaitCommittedToTheEnd();
    }

    @Test
    void retriesABatchThatFailedUntilItIsWritten() throws Exception {
        List<OrderEvents> orders = sendShuffledOrders(4, 14);
        AtomicInteger failures = new AtomicInteger();
        startProjector(new ProjectorFaults() {
            @Override
            public void afterStoreCommit(int records) {
                if (failures.incrementAndGet() <= 2) {
                    throw new IllegalStateException("offset commit lost");
                }
            }
        });

        awaitFinal(orders);
        awaitCommittedToTheEnd();
    }
}
