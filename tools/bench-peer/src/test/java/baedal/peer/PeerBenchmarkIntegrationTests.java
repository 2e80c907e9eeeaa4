package baedal.peer;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the peer for a few seconds against an embedded PostgreSQL and Kafka, then checks on its own — in the
 * database and on the topic — that Spring Modulith really stored and externalized an event for every committed
 * order. Performance figures are reported, never asserted.
 */
class PeerBenchmarkIntegrationTests {

    private static final String DATABASE = "baedal_peer";

    @TempDir
    Path dataDir;

    @TempDir
    Path outDir;

    @Test
    void placesOrdersAndEveryEventReachesKafkaThroughTheRegistry() throws Exception {
        try (EmbeddedPlatform platform = EmbeddedPlatform.start(EmbeddedSettings.defaults()
                .withDataDir(dataDir).withFreePorts().withPostgresMaxConnections(50))) {
            platform.createDatabaseIfMissing(DATABASE);
            Path out = outDir.resolve("peer.json");
            PeerOptions options = PeerOptions.parse("--jdbc-url", platform.jdbcUrl(DATABASE), "--jdbc-user",
                    platform.postgresUser(), "--jdbc-password", "", "--kafka", platform.kafkaBootstrapServers(),
                    "--concurrency", "4", "--pool-size", "4", "--warmup", "2", "--duration", "3",
                    "--completion-wait", "30", "--out", out.toString());

            PeerResult result = PeerBenchmark.run(options);

            assertThat(result.warmupCommitted()).isPositive();
            assertThat(result.incompleteAfterWarmup()).isZero();
            assertThat(result.committed()).isPositive();
            assertThat(result.errors()).isEmpty();
            assertThat(result.incompletePublications()).isZero();
            assertThat(result.incompletePublicationsTotal()).isZero();
            assertThat(result.publicationsMissing()).isZero();
            assertThat(result.eventsFoundOnKafka()).isEqualTo(result.eventsExpected()).isPositive();
            assertThat(result.eventsMissingOnKafka()).isZero();
            assertThat(result.mismatchedEventsOnKafka()).isZero();
            assertThat(result.commitToAck().samples()).isEqualTo(result.eventsExpected());
            assertThat(result.success()).isTrue();

            // Checked independently of the benchmark's own accounting: every order in the database (warm-up
            // included) has a completed publication and a record keyed by its order number on the topic.
            Set<Long> orderNos = new HashSet<>();
            long incomplete;
            long publications;
            try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(DATABASE),
                    platform.postgresUser(), "");
                    Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("select order_no from orders")) {
                    while (rs.next()) {
                        orderNos.add(rs.getLong(1));
                    }
                }
                try (ResultSet rs = statement.executeQuery(
                        "select count(*), count(*) filter (where completion_date is null) from event_publication")) {
                    rs.next();
                    publications = rs.getLong(1);
                    incomplete = rs.getLong(2);
                }
            }
            assertThat(orderNos).hasSizeGreaterThanOrEqualTo((int) result.committed());
            assertThat(publications).isEqualTo(orderNos.size());
            assertThat(incomplete).isZero();
            Map<Long, JsonNode> onKafka = readTopic(platform.kafkaBootstrapServers());
            assertThat(onKafka.keySet()).containsAll(orderNos);
            JsonNode anyEvent = onKafka.get(orderNos.iterator().next());
            assertThat(anyEvent.path("status").asString()).isEqualTo("PLACED");
            assertThat(anyEvent.path("version").asLong()).isEqualTo(1);
            assertThat(anyEvent.path("lines").isArray()).isTrue();
            assertThat(anyEvent.path("lines").size()).isPositive();

            JsonNode json = JsonMapper.builder().build().readTree(out.toFile());
            assertThat(json.path("benchmark").asString()).isEqualTo("peer-placement");
            assertThat(json.path("modulithVersion").asString()).isEqualTo("2.0.3");
            assertThat(json.path("ordersPerSecond").asDouble()).isPositive();
            assertThat(json.path("committed").asLong()).isEqualTo(result.committed());
            assertThat(json.path("placementLatency").path("samples").asLong()).isPositive();
            assertThat(json.path("placementLatency").has("p99")).isTrue();
            assertThat(json.path("commitToAck").path("samples").asLong()).isEqualTo(result.eventsExpected());
            assertThat(json.path("commitToAck").has("p999")).isTrue();
            assertThat(json.path("incompletePublications").asLong()).isZero();
            assertThat(json.path("eventsFoundOnKafka").asLong()).isEqualTo(json.path("eventsExpected").asLong());
            assertThat(json.path("config").path("concurrency").asInt()).isEqualTo(4);
            assertThat(json.has("warmupDrainSeconds")).isTrue();
            assertThat(json.path("errors").isObject()).isTrue();
            assertThat(json.path("summary").asString()).contains("orders/s");
        }
    }

    /** Every record on the peer's topic, by its key read as an order number. */
    private static Map<Long, JsonNode> readTopic(String bootstrap) {
        JsonMapper json = JsonMapper.builder().build();
        Map<Long, JsonNode> records = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = PeerBenchmark.consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(OrderPlaced.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records.put(Long.parseLong(record.key()), json.readTree(record.value()));
                }
            }
        }
        return records;
    }
}
