package baedal.app;

import static baedal.app.OrderRequests.aChickenOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform on its embedded default — embedded PostgreSQL and the embedded Kafka broker, started
 * by the application itself — keeps its orders across a restart.
 */
class EmbeddedDefaultIntegrationTests {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BaedalApplication.class).run(
                "--server.port=0",
                "--baedal.embedded.data-dir=" + data,
                "--baedal.embedded.postgres-port=0",
                "--baedal.embedded.kafka-port=0",
                "--baedal.embedded.kafka-controller-port=0");
    }

    /** A request as the operator, with a token of the embedded issuer of this very instance. */
    private static HttpRequest.Builder request(ConfigurableApplicationContext app, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path))
                .header("Authorization", "Bearer " + RunningPlatform.attach(app).token(RunningPlatform.OPERATOR))
                .header(RunningPlatform.REASON, RunningPlatform.TEST_REASON)
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The order's OrderPlaced event reaches the topic, keyed by the order number, and is marked published. */
    private void assertPublishedToKafka(ConfigurableApplicationContext app, String orderNo) throws Exception {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", app.getEnvironment().getProperty("spring.kafka.bootstrap-servers"));
        config.put("group.id", "embedded-default-test");
        config.put("auto.offset.reset", "earliest");
        config.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        config.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(config)) {
            consumer.subscribe(java.util.List.of("baedal.order-events"));
            JsonNode event = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (event == null && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (orderNo.equals(record.key())) {
                        event = RunningPlatform.JSON.readTree(record.value());
                    }
                }
            }
            assertThat(event).as("OrderPlaced of %s on the topic", orderNo).isNotNull();
            assertThat(event.path("type").asString()).isEqualTo("OrderPlaced");
            assertThat(event.path("order").path("totalAmount").asLong()).isEqualTo(59_500);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode events = RunningPlatform.JSON.readTree(send(request(app, "/api/orders/" + orderNo + "/events").GET()).body());
            assertThat(events.get(0).path("publishedAt").asString()).isNotBlank();
        });
    }

    @Test
    void keepsPlacedOrdersAcrossARestartOfTheWholePlatform() throws Exception {
        String orderNo;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getEnvironment().getProperty("baedal.embedded.resolved-data-dir")).isEqualTo(data.toAbsolutePath().toString());
            assertThat(first.getEnvironment().getProperty("spring.kafka.bootstrap-servers")).startsWith("localhost:");
            HttpResponse<String> placed = send(request(first, "/api/orders")
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(RunningPlatform.JSON.writeValueAsString(aChickenOrder().body()))));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            orderNo = RunningPlatform.JSON.readTree(placed.body()).path("orderNo").asString();
            assertPublishedToKafka(first, orderNo);
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpResponse<String> found = send(request(second, "/api/orders/" + orderNo).GET());
            assertThat(found.statusCode()).isEqualTo(200);
            JsonNode order = RunningPlatform.JSON.readTree(found.body());
            assertThat(order.path("totalAmount").asLong()).isEqualTo(59_500);
            HttpResponse<String> shops = send(request(second, "/api/shops").GET());
            assertThat(RunningPlatform.JSON.readTree(shops.body()).size()).as("the catalog is seeded once").isEqualTo(6);
        }
    }
}
