package baedal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.identity.MintedTokens;
import baedal.identity.RunningApp;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An external issuer: configured (here a JWK set served by the test, on the embedded default as the bench harness
 * would run it), the platform trusts it alone and reads its claims through the configured mapping; the embedded
 * issuer, its password grant and its key are absent.
 */
class ExternalIssuerIntegrationTests {

    static final String ISSUER = "https://idp.example.test/realms/baedal";

    static final RSAKey IDP_KEY = MintedTokens.strangerKey("idp-key-1");

    @TempDir
    static Path dataDir;

    static HttpServer idp;

    static RunningApp app;

    @BeforeAll
    static void start() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = new JWKSet(IDP_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        idp.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        idp.start();
        app = RunningApp.start(List.of("--server.port=0", "--baedal.embedded.data-dir=" + dataDir,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                        + idp.getAddress().getPort() + "/jwks",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--baedal.identity.audience=baedal-api",
                "--baedal.identity.claims.roles=realm_access.roles",
                "--baedal.identity.claims.role-names.customer=MEMBER",
                "--baedal.identity.claims.member-id=mid"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (idp != null) {
            idp.stop(0);
        }
    }

    @Test
    void theIssuersClaimsAreMappedToTheCaller() {
        HttpResponse<String> response = app.getWithToken("/api/test/caller", customer(ISSUER, "baedal-api"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = RunningApp.json(response);
        assertThat(caller.get("subject").asString()).isEqualTo("c0ffee-42");
        assertThat(caller.get("roles").toString()).isEqualTo("[\"MEMBER\"]");
        assertThat(caller.get("memberId").asLong()).isEqualTo(1007L);
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceIsUnauthorized() {
        assertThat(app.getWithToken("/api/test/caller", customer("https://evil.example", "baedal-api")).statusCode())
                .isEqualTo(401);
        assertThat(app.getWithToken("/api/test/caller", customer(ISSUER, "baedal")).statusCode()).isEqualTo(401);
    }

    @Test
    void theEmbeddedIssuerIsNotThere() {
        HttpResponse<String> password = app.passwordGrant("member-1001", "demo");

        assertThat(password.statusCode()).isEqualTo(401);
        assertThat(RunningApp.json(password).get("type").asString()).isEqualTo("https://baedal.io/problems/unauthorized");
        assertThat(app.get("/.well-known/openid-configuration").statusCode()).isEqualTo(401);
        assertThat(app.get("/oauth2/jwks").statusCode()).isEqualTo(401);
        assertThat(dataDir.resolve("identity")).doesNotExist();
    }

    @Test
    void externalModeWithoutAnIssuerToTrustDoesNotStart() {
        assertThatThrownBy(() -> RunningApp.start(List.of("--server.port=0", "--baedal.embedded.enabled=false")))
                .hasStackTraceContaining("No issuer to trust");
    }

    @Test
    void theEmbeddedIssuerAndAnExternalOneTogetherDoNotStart(@TempDir Path otherDataDir) {
        assertThatThrownBy(() -> RunningApp.start(List.of("--server.port=0", "--baedal.embedded.data-dir=" + otherDataDir,
                "--baedal.identity.issuer.enabled=true",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks")))
                .hasStackTraceContaining("the platform trusts one issuer");
    }

    private static String customer(String issuer, String audience) {
        JWTClaimsSet claims = MintedTokens.memberClaims(issuer)
                .subject("c0ffee-42")
                .audience(audience)
                .claim("roles", null)
                .claim("member_id", null)
                .claim("realm_access", Map.of("roles", List.of("customer", "offline_access")))
                .claim("mid", "1007")
                .build();
        return MintedTokens.signed(IDP_KEY, claims);
    }
}
