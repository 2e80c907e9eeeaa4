package baedal.identity.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.identity.MintedTokens;
import baedal.identity.RouteTable;
import baedal.identity.RunningApp;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The identity module in a running application on its embedded issuer: demo tokens with one request, the routes'
 * rules enforced (deny by default) with problem bodies, every kind of bad token refused, discovery and keys served.
 */
class EmbeddedIssuerIntegrationTests {

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
    void passwordGrantReturnsABearerTokenInOneRequest() {
        HttpResponse<String> response = app.passwordGrant("member-1001", "demo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = RunningApp.json(response);
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(token.get("access_token").asString()).isNotBlank();
    }

    @Test
    void aDemoTokenCarriesTheAccountsRoleAndIdsForBaedalsAudience() throws Exception {
        JWTClaimsSet member = MintedTokens.claimsOf(app.token("member-1001"));
        JWTClaimsSet shop = MintedTokens.claimsOf(app.token("shop-2"));
        JWTClaimsSet rider = MintedTokens.claimsOf(app.token("rider-507"));

        assertThat(member.getSubject()).isEqualTo("member-1001");
        assertThat(member.getIssuer()).isEqualTo(app.baseUrl());
        assertThat(member.getAudience()).containsExactly("baedal");
        assertThat(member.getStringListClaim("roles")).containsExactly("MEMBER");
        assertThat(member.getLongClaim("member_id")).isEqualTo(1001L);
        assertThat(member.getStringClaim("client_id")).isEqualTo("baedal-cli");
        assertThat(shop.getStringListClaim("roles")).containsExactly("SHOP");
        assertThat(shop.getListClaim("shop_ids")).containsExactly(2L);
        assertThat(rider.getStringListClaim("roles")).containsExactly("RIDER");
        assertThat(rider.getLongClaim("rider_id")).isEqualTo(507L);
    }

    @Test
    void theTokenReachesAnAllowedRouteAsItsCaller() {
        HttpResponse<String> response = app.getWithToken("/api/test/caller", app.token("shop-3"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode caller = RunningApp.json(response);
        assertThat(caller.get("subject").asString()).isEqualTo("shop-3");
        assertThat(caller.get("roles").toString()).isEqualTo("[\"SHOP\"]");
        assertThat(caller.get("shopIds").toString()).isEqualTo("[3]");
    }

    @Test
    void aRoleTheRouteDoesNotAllowIsForbiddenAsProblemJson() {
        HttpResponse<String> response = app.post("/api/test/operator/actions",
                "Authorization", "Bearer " + app.token("member-1002"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "https://baedal.io/problems/forbidden", 403);
    }

    @Test
    void theRightRoleMayCallTheSameRoute() {
        HttpResponse<String> response = app.post("/api/test/operator/actions",
                "Authorization", "Bearer " + app.token("operator"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(response).get("by").asString()).isEqualTo("operator");
    }

    @Test
    void noTokenIsUnauthorizedAsProblemJsonWithWwwAuthenticate() {
        HttpResponse<String> response = app.get("/api/test/caller");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertProblem(response, "https://baedal.io/problems/unauthorized", 401);
    }

    @Test
    void aRouteWithoutARuleIsDeniedToEveryCaller() {
        HttpResponse<String> withToken = app.getWithToken("/api/test/unlisted", app.token("operator"));
        HttpResponse<String> withoutToken = app.get("/api/test/unlisted");
        HttpResponse<String> unknownPath = app.getWithToken("/api/nothing/here", app.token("operator"));

        assertThat(withToken.statusCode()).isEqualTo(403);
        assertProblem(withToken, "https://baedal.io/problems/forbidden", 403);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertProblem(withoutToken, "https://baedal.io/problems/unauthorized", 401);
        assertThat(unknownPath.statusCode()).isEqualTo(403);
    }

    @Test
    void aPublicRouteNeedsNoToken() {
        HttpResponse<String> response = app.get("/api/test/public");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberSeesOnlyItselfWhereTheContextChecksOwnership() {
        String member = app.token("member-1003");

        assertThat(app.getWithToken("/api/test/members/1003", member).statusCode()).isEqualTo(200);
        assertThat(app.getWithToken("/api/test/members/1004", member).statusCode()).isEqualTo(404);
        assertThat(app.getWithToken("/api/test/members/1004", app.token("operator")).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordOrAnUnknownAccountGetsNoToken() {
        HttpResponse<String> wrongPassword = app.passwordGrant("member-1001", "not-demo");
        HttpResponse<String> unknown = app.passwordGrant("member-9999", "demo");

        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(RunningApp.json(wrongPassword).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(RunningApp.json(unknown).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void onlyTheCliClientMayUseThePasswordGrant() {
        HttpResponse<String> service = app.form("/oauth2/token", "member-service", "demo",
                Map.of("grant_type", "password", "username", "member-1001", "password", "demo"));
        HttpResponse<String> console = app.form("/oauth2/token", null, null,
                Map.of("grant_type", "password", "client_id", "baedal-console", "username", "member-1001",
                        "password", "demo"));

        assertThat(service.statusCode()).isEqualTo(400);
        assertThat(RunningApp.json(service).get("error").asString()).isEqualTo("unauthorized_client");
        assertThat(console.statusCode()).isIn(400, 401);
        assertThat(RunningApp.json(console).has("access_token")).isFalse();
        assertThat(RunningApp.json(console).get("error").asString()).isIn("invalid_client", "invalid_grant");
    }

    @Test
    void aServiceGetsATokenWithTheClientCredentialsGrantAndItsScope() {
        HttpResponse<String> response = app.form("/oauth2/token", "member-service", "demo",
                Map.of("grant_type", "client_credentials", "scope", "member.read"));
        assertThat(response.statusCode()).isEqualTo(200);
        String token = RunningApp.json(response).get("access_token").asString();

        JWTClaimsSet claims = MintedTokens.claimsOf(token);
        assertThat(claims.getSubject()).isEqualTo("member-service");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("SERVICE"));
        assertThat(app.getWithToken("/api/test/members/1001/profile", token).statusCode()).isEqualTo(200);
        assertThat(app.getWithToken("/api/test/members/1001/profile", app.token("member-1001")).statusCode())
                .isEqualTo(403);
        assertThat(app.form("/oauth2/token", "member-service", "wrong",
                Map.of("grant_type", "client_credentials", "scope", "member.read")).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenMintedWithTheIssuersKeyIsAccepted() {
        String token = MintedTokens.signed(signingKey(), MintedTokens.memberClaims(app.baseUrl()).build());

        assertThat(app.getWithToken("/api/test/caller", token).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        String token = MintedTokens.signed(signingKey(), MintedTokens.memberClaims(app.baseUrl())
                .issueTime(Date.from(anHourAgo.minus(1, ChronoUnit.HOURS)))
                .notBeforeTime(Date.from(anHourAgo.minus(1, ChronoUnit.HOURS)))
                .expirationTime(Date.from(anHourAgo)).build());

        assertRefused(token);
    }

    @Test
    void aTokenOfAnotherIssuerIsUnauthorized() {
        String token = MintedTokens.signed(signingKey(),
                MintedTokens.memberClaims("https://issuer.example").build());

        assertRefused(token);
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        String token = MintedTokens.signed(signingKey(),
                MintedTokens.memberClaims(app.baseUrl()).audience("another-api").build());

        assertRefused(token);
    }

    @Test
    void aTokenWithABadSignatureIsUnauthorized() {
        String forged = MintedTokens.signed(MintedTokens.strangerKey(signingKey().getKeyID()),
                MintedTokens.memberClaims(app.baseUrl()).build());

        assertRefused(forged);
    }

    @Test
    void anUnsignedTokenIsUnauthorized() {
        String unsigned = MintedTokens.unsigned(MintedTokens.memberClaims(app.baseUrl()).build());

        assertRefused(unsigned);
    }

    @Test
    void aTokenClaimingAMemberWithoutAMemberIdIsUnauthorized() {
        String token = MintedTokens.signed(signingKey(),
                MintedTokens.memberClaims(app.baseUrl()).claim("member_id", null).build());

        assertRefused(token);
    }

    @Test
    void discoveryAndKeysAnswerWithoutAToken() {
        HttpResponse<String> discovery = app.get("/.well-known/openid-configuration");
        HttpResponse<String> keys = app.get("/oauth2/jwks");

        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode configuration = RunningApp.json(discovery);
        assertThat(configuration.get("issuer").asString()).isEqualTo(app.baseUrl());
        assertThat(configuration.get("jwks_uri").asString()).isEqualTo(app.baseUrl() + "/oauth2/jwks");
        assertThat(configuration.get("token_endpoint").asString()).isEqualTo(app.baseUrl() + "/oauth2/token");
        assertThat(configuration.get("grant_types_supported").toString()).contains("\"password\"",
                "\"authorization_code\"", "\"client_credentials\"");
        assertThat(keys.statusCode()).isEqualTo(200);
        JsonNode key = RunningApp.json(keys).get("keys").get(0);
        assertThat(key.get("kid").asString()).isEqualTo(signingKey().getKeyID());
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void healthIsPublicWithDetailsForOperatorsOnly() {
        HttpResponse<String> anonymous = app.get("/actuator/health");
        HttpResponse<String> member = app.getWithToken("/actuator/health", app.token("member-1001"));
        HttpResponse<String> operator = app.getWithToken("/actuator/health", app.token("operator"));

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(anonymous).has("components")).isFalse();
        assertThat(RunningApp.json(member).has("components")).isFalse();
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(RunningApp.json(operator).has("components")).isTrue();
    }

    @Test
    void everyOtherActuatorEndpointIsForOperators() {
        assertThat(app.get("/actuator/info").statusCode()).isEqualTo(401);
        assertThat(app.getWithToken("/actuator/info", app.token("member-1001")).statusCode()).isEqualTo(403);
        assertThat(app.getWithToken("/actuator/info", app.token("operator")).statusCode()).isEqualTo(200);
    }

    @Test
    void everyRouteOfTheAppHasARuleButTheDeliberatelyUnlistedOne() {
        RequestMappingHandlerMapping mappings = app.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        RouteTable table = app.context().getBean(RouteTable.class);
        List<String> routes = new ArrayList<>();
        List<String> withoutRule = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("org.springframework.boot")) {
                return; // the error controller: reached by error dispatches only
            }
            for (String pattern : mapping.getPatternValues()) {
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                    String route = method + " " + pattern;
                    routes.add(route);
                    if (table.ruleForRoute(method.asHttpMethod(), pattern).isEmpty()) {
                        withoutRule.add(route);
                    }
                }
            }
        });

        assertThat(routes).hasSize(7).contains("GET /api/operator/audit"); // the module's own: the audit trail
        assertThat(withoutRule).containsExactly("GET /api/test/unlisted");
    }

    private static RSAKey signingKey() {
        return MintedTokens.embeddedSigningKey(dataDir);
    }

    private static void assertRefused(String token) {
        HttpResponse<String> response = app.getWithToken("/api/test/caller", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertProblem(response, "https://baedal.io/problems/unauthorized", 401);
    }

    static void assertProblem(HttpResponse<String> response, String type, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = RunningApp.json(response);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
