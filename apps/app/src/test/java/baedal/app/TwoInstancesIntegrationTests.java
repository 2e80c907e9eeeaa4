package baedal.app;

import static baedal.app.OrderRequests.aChickenOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two complete baedal instances on the same shard databases and the same Kafka, as in production: each shard's
 * outbox has exactly one publisher across both, and when the instance holding a shard's lease stops, the other
 * takes the shard over and publishes what is placed afterwards.
 */
class TwoInstancesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int SHARDS = 2;

    @TempDir
    static Path dataDir;

    static EmbeddedPlatform platform;

    @BeforeAll
    static void startServers() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir).withFreePorts());
        platform.createDatabaseIfMissing("two_catalog");
        platform.createDatabaseIfMissing("two_order_view");
        for (int shard = 0; shard < SHARDS; shard++) {
            platform.createDatabaseIfMissing("two_shard_" + shard);
        }
    }

    @AfterAll
    static void stopServers() {
        if (platform != null) {
            platform.close();
        }
    }

    private static ConfigurableApplicationContext startInstance() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("baedal.embedded.enabled", "false");
        properties.put("spring.datasource.url", platform.jdbcUrl("two_catalog"));
        properties.put("spring.datasource.username", platform.postgresUser());
        properties.put("spring.kafka.bootstrap-servers", platform.kafkaBootstrapServers());
        properties.put("baedal.order-view.datasource.url", platform.jdbcUrl("two_order_view"));
        properties.put("baedal.order-view.datasource.username", platform.postgresUser());
        properties.put("baedal.shards.pool-size", "4");
        properties.put("baedal.outbox.lease-retry-interval", "500ms");
        properties.put("logging.level.baedal", "WARN");
        for (int shard = 0; shard < SHARDS; shard++) {
            properties.put("baedal.shards.nodes[" + shard + "].url", platform.jdbcUrl("two_shard_" + shard));
            properties.put("baedal.shards.nodes[" + shard + "].username", platform.postgresUser());
        }
        properties.putAll(RunningPlatform.identitySettings());
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(BaedalApplication.class).run(arguments);
    }

    @Test
    void oneInstancePublishesEachShardAndTheOtherTakesOverWhenItStops() throws Exception {
        ConfigurableApplicationContext first = startInstance();
        ConfigurableApplicationContext second = startInstance();
        List<ConfigurableApplicationContext> running = new ArrayList<>(List.of(first, second));
        try (KafkaConsumer<String, String> events = consumer()) {
            // The topic was created at start, with the configured partitions.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    platform.kafkaBootstrapServers()))) {
                TopicDescription topic = admin.describeTopics(List.of("baedal.order-events")).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get("baedal.order-events");
                assertThat(topic.partitions()).hasSize(12);
            }

            // Each shard's lease is held by exactly one of the two instances.
            await().atMost(Duration.ofSeconds(20)).until(() -> eachShardHasOnePublisher(first, second));

            Set<String> placed = new HashSet<>();
            placed.addAll(placeOrders(first, 10));
            placed.addAll(placeOrders(second, 10));
            assertThat(awaitPlacedEvents(events, placed)).containsAll(placed);

            ConfigurableApplicationContext holder = "held-here".equals(lease(first, 0)) ? first : second;
            ConfigurableApplicationContext survivor = holder == first ? second : first;
            holder.close();
            running.remove(holder);

            // The survivor takes every shard over within 5 s of the holder stopping.
            await().atMost(Duration.ofSeconds(5)).until(() -> "held-here".equals(lease(survivor, 0))
                    && "held-here".equals(lease(survivor, 1)));

            Set<String> afterwards = placeOrders(survivor, 10);
            assertThat(awaitPlacedEvents(events, afterwards)).containsAll(afterwards);
        } finally {
            running.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static boolean eachShardHasOnePublisher(ConfigurableApplicationContext first,
            ConfigurableApplicationContext second) {
        for (int shard = 0; shard < SHARDS; shard++) {
            int holders = ("held-here".equals(lease(first, shard)) ? 1 : 0)
                    + ("held-here".equals(lease(second, shard)) ? 1 : 0);
            boolean otherWaits = "held-elsewhere".equals(lease(first, shard))
                    || "held-elsewhere".equals(lease(second, shard));
            if (holders != 1 || !otherWaits) {
                return false;
            }
        }
        return true;
    }

    /** The instance's view of a shard's relay lease, from its actuator health. */
    private static String lease(ConfigurableApplicationContext instance, int shard) {
        JsonNode health = JSON.readTree(http(instance).get("/actuator/health/outbox").body());
        return health.path("details").path("shards").path("shard-" + shard).path("lease").asString();
    }

    private static RunningPlatform.Response placeOrder(ConfigurableApplicationContext instance) {
        return http(instance).post("/api/orders", aChickenOrder().body(), "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static Set<String> placeOrders(ConfigurableApplicationContext instance, int count) {
        Set<String> orderNumbers = new HashSet<>();
        for (int i = 0; i < count; i++) {
            RunningPlatform.Response response = placeOrder(instance);
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            orderNumbers.add(response.json().path("orderNo").asString());
        }
        return orderNumbers;
    }

    private static RunningPlatform http(ConfigurableApplicationContext instance) {
        return RunningPlatform.attach(instance);
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "two-instances-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("baedal.order-events"));
        return consumer;
    }

    /** Reads OrderPlaced events (bounded) until every one of {@code orderNumbers} was seen; returns those seen. */
    private static Set<String> awaitPlacedEvents(KafkaConsumer<String, String> consumer, Set<String> orderNumbers) {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!seen.containsAll(orderNumbers) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if ("OrderPlaced".equals(JSON.readTree(record.value()).path("type").asString())) {
                    seen.add(record.key());
                }
            }
        }
        return seen;
    }
}
