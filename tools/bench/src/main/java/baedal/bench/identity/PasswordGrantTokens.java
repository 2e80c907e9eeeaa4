package baedal.bench.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens of a running platform's embedded issuer, by its demo-only password grant ({@code POST /oauth2/token}, HTTP
 * Basic {@code baedal-cli:}, {@code grant_type=password&username=<subject>&password=<password>}): for driving a
 * deployment that trusts its own issuer. It signs in the demo accounts only, so the traffic is restricted to them
 * ({@link Population#demoAccounts()}). One token per subject, fetched again a minute before it expires.
 */
public final class PasswordGrantTokens implements Tokens {

    static final String CLIENT = "baedal-cli";
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private record Fetched(String token, Instant expiresAt) {
    }

    private final URI tokenUrl;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.shared();
    private final Clock clock;
    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

    public PasswordGrantTokens(URI tokenUrl, String password) {
        this(tokenUrl, password, Clock.systemUTC());
    }

    PasswordGrantTokens(URI tokenUrl, String password, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.password = password;
        this.clock = clock;
    }

    @Override
    public String bearer(Subject subject) {
        Instant renewFrom = clock.instant().plus(RENEW_BEFORE);
        Fetched cached = cache.get(subject.name());
        if (cached != null && cached.expiresAt().isAfter(renewFrom)) {
            return cached.token();
        }
        return cache.compute(subject.name(), (name, earlier) -> earlier != null && earlier.expiresAt().isAfter(renewFrom)
                ? earlier : fetch(name)).token();
    }

    private Fetched fetch(String username) {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((CLIENT + ":").getBytes(StandardCharsets.US_ASCII)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TokenUnavailable("the password grant at " + tokenUrl + " answered " + response.statusCode()
                        + " for " + username + " (only the demo accounts can sign in): " + response.body(), null);
            }
            JsonNode body = json.readTree(response.body());
            String token = body.path("access_token").asString(null);
            if (token == null || token.isBlank()) {
                throw new TokenUnavailable("no access_token from " + tokenUrl + " for " + username, null);
            }
            return new Fetched(token, clock.instant().plusSeconds(body.path("expires_in").asLong(300)));
        } catch (IOException failed) {
            throw new TokenUnavailable("the password grant at " + tokenUrl + " failed for " + username, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailable("interrupted while fetching a token for " + username, interrupted);
        }
    }
}
