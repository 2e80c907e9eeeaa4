package baedal.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running baedal instance in external mode (the tests own the databases), driven through its real HTTP
 * API on a random port with real tokens of the embedded issuer (the password grant of a demo account). By default
 * it acts as {@value #OPERATOR} and gives every request the reason {@value #TEST_REASON} (an operator's changes
 * need one); {@link #as(String)} acts as another demo account ({@code member-1001}, {@code shop-1},
 * {@code rider-501}…), {@link #anonymous()} without a token.
 */
final class RunningPlatform implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.shared();

    static final String OPERATOR = "operator";

    /** An actor named {@code service:<client>} is a service client (client credentials grant, secret {@code demo}). */
    static final String SERVICE_PREFIX = "service:";
    static final String REASON = "Baedal-Reason";
    static final String TEST_REASON = "integration test";

    /** The issuer every external-mode instance of this JVM names itself by, so each accepts the others' tokens. */
    static final String ISSUER = "http://baedal.test";

    /** The signing key every external-mode instance of this JVM shares. */
    private static final Path IDENTITY_DIR = identityDir();

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http;
    private final Map<String, String> tokens;
    private final String actor;
    private final boolean owner;
    private final boolean givesReason;

    private RunningPlatform(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.tokens = new ConcurrentHashMap<>();
        this.actor = OPERATOR;
        this.owner = true;
        this.givesReason = true;
    }

    private RunningPlatform(RunningPlatform platform, String actor, boolean givesReason) {
        this.context = platform.context;
        this.baseUrl = platform.baseUrl;
        this.http = platform.http;
        this.tokens = platform.tokens;
        this.actor = actor;
        this.owner = false;
        this.givesReason = givesReason;
    }

    /**
     * The settings that turn the embedded issuer on in external mode, with one signing key and one issuer name for
     * every instance a test starts (as {@code --name=value} arguments).
     */
    static List<String> identityArguments() {
        return identitySettings().entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toList();
    }

    /** {@link #identityArguments()} as settings. */
    static Map<String, String> identitySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baedal.identity.issuer.enabled", "true");
        settings.put("baedal.identity.data-dir", IDENTITY_DIR.toString());
        settings.put("baedal.identity.issuer.uri", ISSUER);
        return settings;
    }

    private static Path identityDir() {
        try {
            Path dir = Files.createTempDirectory("baedal-identity");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    /** The same instance, driven as this demo account (password {@code demo}); closing it closes nothing. */
    RunningPlatform as(String username) {
        return new RunningPlatform(this, username, true);
    }

    /** The same instance, driven without a token. */
    RunningPlatform anonymous() {
        return new RunningPlatform(this, null, true);
    }

    /** The same instance as the operator, giving no {@value #REASON} header. */
    RunningPlatform operatorWithoutReason() {
        return new RunningPlatform(this, OPERATOR, false);
    }

    /** The base URL, e.g. {@code http://localhost:53121}. */
    String baseUrl() {
        return baseUrl;
    }

    /** A token of this demo account from the embedded issuer ({@code POST /oauth2/token}, password grant). */
    String token(String username) {
        return tokens.computeIfAbsent(username, this::fetchToken);
    }

    private String fetchToken(String username) {
        boolean service = username.startsWith(SERVICE_PREFIX);
        String client = service ? username.substring(SERVICE_PREFIX.length()) + ":demo" : "baedal-cli:";
        String form = service ? "grant_type=client_credentials"
                : "grant_type=password&username=" + username + "&password=demo";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Response response = send(request);
        if (response.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.status() + " " + response.body());
        }
        return response.json().path("access_token").asString();
    }

    /** The headers this driver adds: its actor's bearer token and, as the operator, the reason of a change. */
    String[] authHeaders() {
        if (actor == null) {
            return new String[0];
        }
        if (actor.equals(OPERATOR) && givesReason) {
            return new String[] {"Authorization", "Bearer " + token(actor), REASON, TEST_REASON};
        }
        return new String[] {"Authorization", "Bearer " + token(actor)};
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String[] headers = authHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
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
        return start(Map.of(), catalogUrl, shardUrls);
    }

    /** As {@link #start(String, String...)}, with these settings on top (e.g. log levels). */
    static RunningPlatform start(Map<String, String> settings, String catalogUrl, String... shardUrls) {
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
        properties.putAll(identitySettings());
        for (int i = 0; i < shardUrls.length; i++) {
            properties.put("baedal.shards.nodes[" + i + "].url", shardUrls[i]);
            properties.put("baedal.shards.nodes[" + i + "].username", "postgres");
        }
        properties.putAll(settings);
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new RunningPlatform(new SpringApplicationBuilder(BaedalApplication.class).run(arguments));
    }

    /**
     * Starts the whole platform on its embedded default (embedded PostgreSQL and Kafka, data in {@code dataDir},
     * free ports), with the outbox relay and the order read model's projector running.
     */
    static RunningPlatform embedded(Path dataDir, String... extraArguments) {
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

    /** Every bean of this type, by name. */
    <T> Map<String, T> beans(Class<T> type) {
        return context.getBeansOfType(type);
    }

    Response post(String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        authorized(request);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response put(String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        authorized(request);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response get(String path, String... headers) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10)).GET());
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
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
        if (owner) {
            context.close();
        }
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
