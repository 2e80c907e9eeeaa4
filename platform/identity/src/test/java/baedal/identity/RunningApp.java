package baedal.identity;

import baedal.identity.testapp.IdentityTestApplication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The identity test application running on a real port, driven over HTTP. */
public final class RunningApp implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.shared();

    private final ConfigurableApplicationContext context;

    private final String baseUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts it with the embedded issuer, its data under {@code dataDir}, on {@code port} (0: any free one). */
    public static RunningApp embedded(Path dataDir, int port, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--baedal.embedded.data-dir=" + dataDir,
                "--management.endpoints.web.exposure.include=health,info"));
        arguments.addAll(List.of(extra));
        return start(arguments);
    }

    public static RunningApp start(List<String> arguments) {
        return new RunningApp(new SpringApplicationBuilder(IdentityTestApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()), headers);
    }

    public HttpResponse<String> getWithToken(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }

    /** A form POST, with HTTP Basic credentials when {@code basicUser} is not null. */
    public HttpResponse<String> form(String path, String basicUser, String basicPassword, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    /** What {@code curl -s -u baedal-cli: -d grant_type=password -d username=… -d password=… …/oauth2/token} answers. */
    public HttpResponse<String> passwordGrant(String username, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "password");
        fields.put("username", username);
        fields.put("password", password);
        return form("/oauth2/token", "baedal-cli", "", fields);
    }

    /** A demo account's access token. */
    public String token(String username) {
        HttpResponse<String> response = passwordGrant(username, "demo");
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return json(response).get("access_token").asString();
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
