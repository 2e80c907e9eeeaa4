package baedal.identity.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.identity.MintedTokens;
import baedal.identity.RunningApp;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The browser flow of the operator console: authorization code with PKCE for the public client
 * {@code baedal-console}, signing in on Spring Security's form login page, as a browser would step through it.
 */
class BrowserSignInIntegrationTests {

    @TempDir
    static Path dataDir;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.embedded(dataDir, 0);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anOperatorSignsInWithTheAuthorizationCodeAndPkce() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String verifier = randomUrlSafe(48);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirectUri = "http://127.0.0.1:" + URI.create(app.baseUrl()).getPort() + "/console/callback";
        String authorize = app.baseUrl() + "/oauth2/authorize?response_type=code&client_id=baedal-console"
                + "&scope=openid&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);

        HttpResponse<String> toLogin = browser.send(html(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).endsWith("/login");

        HttpResponse<String> loginPage = browser.send(html(app.baseUrl() + "/login").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();

        HttpResponse<String> signedIn = browser.send(form(app.baseUrl() + "/login",
                Map.of("username", "operator", "password", "demo", "_csrf", csrf.group(1))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> toConsole = browser.send(html(absolute(location(signedIn))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(toConsole.statusCode()).isEqualTo(302);
        Map<String, String> callback = UriComponentsBuilder.fromUriString(location(toConsole)).build()
                .getQueryParams().toSingleValueMap();
        assertThat(location(toConsole)).startsWith(redirectUri);
        assertThat(callback).containsEntry("state", "s1").containsKey("code");

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", "baedal-console");
        exchange.put("code", URLDecoder.decode(callback.get("code"), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokens = app.form("/oauth2/token", null, null, exchange);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = RunningApp.json(tokens);
        String accessToken = body.get("access_token").asString();
        assertThat(body.has("id_token")).isTrue();
        assertThat(MintedTokens.claimsOf(accessToken).getStringListClaim("roles")).containsExactly("OPERATOR");

        HttpResponse<String> caller = app.getWithToken("/api/test/caller", accessToken);
        assertThat(caller.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(caller).get("subject").asString()).isEqualTo("operator");
    }

    @Test
    void theConsoleMayNotSkipPkce() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String redirectUri = "http://127.0.0.1:" + URI.create(app.baseUrl()).getPort() + "/console/callback";
        HttpResponse<String> response = browser.send(html(app.baseUrl()
                + "/oauth2/authorize?response_type=code&client_id=baedal-console&scope=openid&state=s2&redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(redirectUri).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    private static HttpRequest.Builder html(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET();
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String absolute(String location) {
        return location.startsWith("http") ? location : app.baseUrl() + location;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
