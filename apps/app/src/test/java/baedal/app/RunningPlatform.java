package baedal.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running baedal instance in external mode (the tests own the databases), driven through its real HTTP
 * API on a random port.
 */
final class RunningPlatform implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.shared();

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningPlatform(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Drives an instance started elsewhere; closing the result closes that instance. */
    static RunningPlatform attach(ConfigurableApplicationContext context) {
        return new RunningPlatform(context);
    }

    /**
     * Starts the app against a catalog database and the given shard URLs, in this order of shard numbers. There
     * is no Kafka here: the read model shares the catalog's database (its own history table) with no projector.
     */
    static RunningPlatform start(String catalogUrl, String... shardUrls) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("baedal.embedded.enabled", "false");
        properties.put("spring.datasource.url", catalogUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.kafka.bootstrap-servers", "localhost:1");
        properties.put("spring.kafka.admin.auto-create", "false"); // no broker: do not wait for topics at start
        properties.put("baedal.outbox.enabled", "false");
        properties.put("baedal.order-view.datasource.url", catalogUrl);
        properties.put("baedal.order-view.projector.enabled", "false");
        properties.put("baedal.shards.retry-after", "1s");
        properties.put("baedal.shards.pool-size", "8");
        properties.put("logging.level.baedal", "WARN");
        for (int i = 0; i < shardUrls.length; i++) {
            properties.put("baedal.shards.nodes[" + i + "].url", shardUrls[i]);
            properties.put("baedal.shards.nodes[" + i + "].username", "postgres");
        }
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new RunningPlatform(new SpringApplicationBuilder(BaedalApplication.class).run(arguments));
    }

    /**
     * Starts the whole platform on its embedded default (embedded PostgreSQL and Kafka, data in {@code dataDir},
     * free ports), with the outbox relay and the order read model's projector running.
     */
    static RunningPlatform embedded(java.nio.file.Path dataDir, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--baedal.embedded.data-dir=" + dataDir,
                "--baedal.embedded.postgres-port=0", "--baedal.embedded.kafka-port=0",
                "--baedal.embedded.kafka-controller-port=0", "--baedal.shards.count=2", "--logging.level.baedal=WARN"));
        arguments.addAll(List.of(extraArguments));
        return new RunningPlatform(new SpringApplicationBuilder(BaedalApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    /** A setting of the running platform, e.g. the Kafka bootstrap servers the embedded default chose. */
    String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    /** A bean of the running platform, for tests that drive a service directly (e.g. one retention run). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Response post(String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** An HTTP response as the tests read it. */
    record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst().orElse(null);
        }

        String problemType() {
            return json().path("type").asString();
        }
    }
}
