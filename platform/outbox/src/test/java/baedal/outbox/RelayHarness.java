package baedal.outbox;

import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.sharding.ShardNo;
import baedal.sharding.ShardProperties;
import baedal.sharding.Shards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small world for relay tests on the embedded platform: fresh shard databases migrated with this module's
 * migrations (or, {@link #single}, one database of its own registered by name), a fresh topic, appends through
 * {@link Outbox}, relays, and a reader of the topic.
 */
final class RelayHarness implements AutoCloseable {

    private static final AtomicInteger worlds = new AtomicInteger();
    private static final Pattern VERSION = Pattern.compile("\"version\":\\s*(\\d+)");

    final EmbeddedPlatform platform;
    final List<ShardProperties.Node> nodes = new ArrayList<>();
    final Shards shards;
    /** The registered databases: the shards, or the one database of its own. */
    final OutboxDatabases databases;
    /** The name of the one database of its own, or {@code null} when the world is sharded. */
    final String single;
    final OutboxProperties properties;
    final OutboxNotifier notifier;
    final Outbox outbox;
    final EventIds eventIds = new EventIds(Clock.systemUTC());
    final List<UUID> appended = new CopyOnWriteArrayList<>();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final Map<OutboxRelay, SimpleMeterRegistry> registries = new java.util.IdentityHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final List<Event> received = new ArrayList<>();

    /** One event as a consumer saw it. */
    record Event(String key, long version, UUID eventId, String type, String aggregateType) {
    }

    RelayHarness(EmbeddedPlatform platform, int shardCount, OutboxProperties base) {
        this(platform, shardCount, null, base);
    }

    /**
     * A world of one database of its own, registered under {@code name}; its rows are of aggregate type
     * {@code Rider} and routed to this world's topic.
     */
    static RelayHarness single(EmbeddedPlatform platform, String name, OutboxProperties base) {
        return new RelayHarness(platform, 1, name, base);
    }

    private RelayHarness(EmbeddedPlatform platform, int shardCount, String single, OutboxProperties base) {
        this.platform = platform;
        this.single = single;
        int world = worlds.incrementAndGet();
        for (int i = 0; i < shardCount; i++) {
            String database = "relay_w" + world + "_s" + i;
            platform.createDatabaseIfMissing(database);
            nodes.add(new ShardProperties.Node(platform.jdbcUrl(database), platform.postgresUser(), ""));
        }
        ShardProperties shardProperties = new ShardProperties(nodes, 4, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(1), null);
        if (single == null) {
            this.shards = Shards.open(shardProperties, List.of(OutboxDatabases.SCHEMA), config -> { });
            this.databases = OutboxDatabases.of(List.of(OutboxRegistration.shards(shards, shardProperties)));
        } else {
            // The outbox migrates a database of its own itself; Shards only serves the tests' transactions here.
            ShardProperties.Node node = nodes.getFirst();
            this.databases = OutboxDatabases.opened(List.of(
                    OutboxRegistration.database(single, node.url(), node.username(), node.password()).publishing("Rider")));
            this.shards = Shards.open(shardProperties, List.of(), config -> { });
        }
        this.notifier = new OutboxNotifier(databases.all(), java.time.Duration.ofMillis(10));
        notifier.start();
        this.outbox = new Outbox(notifier);
        String worldTopic = "relay-test-" + world;
        this.properties = new OutboxProperties(true, worldTopic, 4, (short) 1, base.batchSize(),
                base.pollInterval(), base.leaseRetryInterval(), base.backoffInitial(), base.backoffMax(),
                base.sendTimeout(), base.maxBlock(), base.retention(), base.retentionInterval(),
                base.retentionBatchSize(), base.retentionPause(), base.statsInterval(), base.linger(),
                single == null ? Map.of() : Map.of("Rider", worldTopic));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
            NewTopic topic = new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor());
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException("could not create the test topic", failed);
        }
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, properties.partitions())
                .mapToObj(p -> new TopicPartition(properties.topic(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Test settings: quick retries and short Kafka timeouts so failures show within seconds. */
    static OutboxProperties quickSettings() {
        return OutboxProperties.defaults()
                .withBatching(100, Duration.ofSeconds(1))
                .withKafkaTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(1));
    }

    OutboxRelay startRelay() {
        return startRelay(RelayFaults.NONE);
    }

    OutboxRelay startRelay(RelayFaults faults) {
        return startRelay(properties, faults);
    }

    OutboxRelay startRelay(OutboxProperties settings, RelayFaults faults) {
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        return startRelay(settings, () -> new KafkaOutboxPublisher(producer, settings), faults);
    }

    OutboxRelay startRelay(OutboxProperties settings, java.util.function.Supplier<OutboxPublisher> publisher,
            RelayFaults faults) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(databases.all(), settings, publisher, registry, faults);
        registries.put(relay, registry);
        relays.add(relay);
        relay.start();
        return relay;
    }

    /** The meters of one relay started by this harness. */
    SimpleMeterRegistry metersOf(OutboxRelay relay) {
        return registries.get(relay);
    }

    ShardNo shardOf(String aggregateId) {
        return new ShardNo(Math.floorMod(aggregateId.hashCode(), nodes.size()));
    }

    UUID append(String aggregateId, long version) {
        return append(aggregateId, version, jdbc -> { });
    }

    /** Appends one event in a transaction that first runs {@code first}. */
    UUID append(String aggregateId, long version, Consumer<JdbcClient> first) {
        UUID id = eventIds.next();
        String payload = "{\"aggregateId\": \"" + aggregateId + "\", \"version\": " + version + "}";
        shards.get(shardOf(aggregateId)).inTransaction(jdbc -> {
            first.accept(jdbc);
            String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            if (single == null) {
                outbox.append(jdbc, shardOf(aggregateId), new OutboxRecord(id, "Order", aggregateId, "OrderPlaced",
                        version, Instant.now(), traceparent, payload));
            } else {
                outbox.append(jdbc, single, new OutboxRecord(id, "Rider", aggregateId, "ShiftStarted", version,
                        Instant.now(), traceparent, payload));
            }
            return null;
        });
        appended.add(id);
        return id;
    }

    /** Polls the topic until at least {@code count} records arrived (bounded), and returns all received so far. */
    List<Event> awaitReceived(int count, Duration atMost) {
        await().dontCatchUncaughtExceptions().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return received.size() >= count;
        });
        return List.copyOf(received);
    }

    /** Polls the topic until every appended event has arrived at least once (bounded). */
    List<Event> awaitEveryAppendedEvent(Duration atMost) {
        await().dontCatchUncaughtExceptions().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return received.stream().map(Event::eventId).collect(java.util.stream.Collectors.toSet())
                    .containsAll(appended);
        });
        return List.copyOf(received);
    }

    List<Event> received() {
        poll();
        return List.copyOf(received);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Matcher version = VERSION.matcher(record.value());
            if (!version.find()) {
                throw new AssertionError("no version in " + record.value());
            }
            received.add(new Event(record.key(), Long.parseLong(version.group(1)),
                    UUID.fromString(header(record, "eventId")), header(record, "type"), header(record, "aggregateType")));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    long count(ShardNo shard, String condition) {
        return shards.get(shard).inTransaction(jdbc -> jdbc.sql("select count(*) from outbox_state where " + condition)
                .query(Long.class).single());
    }

    static Set<UUID> ids(List<Event> events) {
        return events.stream().map(Event::eventId).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void close() {
        relays.forEach(OutboxRelay::stop);
        notifier.stop();
        consumer.close();
        shards.close();
    }
}
