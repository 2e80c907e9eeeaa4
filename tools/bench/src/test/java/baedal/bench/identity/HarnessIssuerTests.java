package baedal.bench.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness's issuer: its tokens carry what the identity module reads, verify against the JWK set it serves (as a
 * resource server fetches it), and that JWK set holds the public key only.
 */
class HarnessIssuerTests {

    static HarnessIssuer issuer;

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        issuer = HarnessIssuer.start(0);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aMembersTokenCarriesTheClaimsTheIdentityModuleReads() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.bearer(Subject.member(1234567)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.keyId());
        assertThat(claims.getSubject()).isEqualTo("member-1234567");
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer()).startsWith("http://127.0.0.1:");
        assertThat(claims.getAudience()).containsExactly("baedal");
        assertThat(claims.getStringListClaim("roles")).containsExactly("MEMBER");
        assertThat(claims.getLongClaim("member_id")).isEqualTo(1234567L);
        assertThat(claims.getClaims()).doesNotContainKeys("shop_ids", "rider_id");
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plus(Duration.ofHours(12)));
        assertThat(claims.getNotBeforeTime().toInstant()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void shopsRidersAndTheOperatorCarryTheirOwnClaims() throws Exception {
        JWTClaimsSet shop = SignedJWT.parse(issuer.bearer(Subject.shop(7))).getJWTClaimsSet();
        assertThat(shop.getSubject()).isEqualTo("shop-7");
        assertThat(shop.getStringListClaim("roles")).containsExactly("SHOP");
        assertThat(shop.getListClaim("shop_ids")).containsExactly(7L);
        assertThat(shop.getClaims()).doesNotContainKeys("member_id", "rider_id");

        JWTClaimsSet rider = SignedJWT.parse(issuer.bearer(Subject.rider(70_001))).getJWTClaimsSet();
        assertThat(rider.getSubject()).isEqualTo("rider-70001");
        assertThat(rider.getStringListClaim("roles")).containsExactly("RIDER");
        assertThat(rider.getLongClaim("rider_id")).isEqualTo(70_001L);

        JWTClaimsSet operator = SignedJWT.parse(issuer.bearer(Subject.operator())).getJWTClaimsSet();
        assertThat(operator.getSubject()).isEqualTo("operator");
        assertThat(operator.getStringListClaim("roles")).containsExactly("OPERATOR");
        assertThat(operator.getClaims()).doesNotContainKeys("member_id", "shop_ids", "rider_id");
    }

    @Test
    void tokensVerifyAgainstTheServedKeySetAsAResourceServerChecksThem() throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(issuer.jwkSetUri()).toURL()).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("baedal",
                new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(), Set.of("sub", "exp", "roles")));

        JWTClaimsSet claims = processor.process(issuer.bearer(Subject.rider(501)), null);
        assertThat(claims.getSubject()).isEqualTo("rider-501");

        try (HarnessIssuer stranger = HarnessIssuer.start(0)) {
            assertThatThrownBy(() -> processor.process(stranger.bearer(Subject.rider(501)), null))
                    .isInstanceOf(BadJOSEException.class);
        }
    }

    @Test
    void theKeySetHoldsThePublicKeyOnly() throws Exception {
        HttpResponse<String> response = get(issuer.jwkSetUri());

        assertThat(response.statusCode()).isEqualTo(200);
        JWKSet served = JWKSet.parse(response.body());
        assertThat(served.getKeys()).hasSize(1);
        RSAKey key = served.getKeys().getFirst().toRSAKey();
        assertThat(key.getKeyID()).isEqualTo(issuer.keyId());
        assertThat(key.isPrivate()).isFalse();
        Map<String, Object> fields = key.toJSONObject();
        assertThat(fields).containsKeys("kty", "n", "e", "kid").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        assertThat(SignedJWT.parse(issuer.bearer(Subject.operator())).verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerAndItsKeys() throws Exception {
        HttpResponse<String> response = get(issuer.issuer() + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.shared().readTree(response.body());
        assertThat(document.path("issuer").asString()).isEqualTo(issuer.issuer());
        assertThat(document.path("jwks_uri").asString()).isEqualTo(issuer.jwkSetUri());
        assertThat(get(issuer.issuer() + "/jwks/private").statusCode()).isEqualTo(404);
    }

    @Test
    void thePlatformIsToldWhoseKeysAndWhichIssuer() {
        assertThat(issuer.platformSettings()).containsExactly(
                Map.entry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.issuer() + "/jwks"),
                Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer()));
    }

    @Test
    void oneTokenPerSubjectIsMintedAndCached() {
        String first = issuer.bearer(Subject.member(42));
        assertThat(issuer.bearer(Subject.member(42))).isSameAs(first);
        assertThat(issuer.bearer(Subject.member(43))).isNotEqualTo(first);
    }

    @Test
    void tokensArePreparedBeforeTheyAreMeasured() {
        issuer.prepare(List.of(Subject.member(77), Subject.shop(3), Subject.member(77)));
        String prepared = issuer.bearer(Subject.member(77));
        assertThat(issuer.bearer(Subject.member(77))).isSameAs(prepared);
    }

    @Test
    void aCachedTokenIsMintedAgainBeforeItExpires() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
        try (HarnessIssuer timed = HarnessIssuer.start(0, "baedal", clock)) {
            String first = timed.bearer(Subject.member(1));
            clock.now = clock.now.plus(HarnessIssuer.LIFETIME).minus(Duration.ofMinutes(30));
            String second = timed.bearer(Subject.member(1));
            assertThat(second).isNotEqualTo(first);
            assertThat(SignedJWT.parse(second).getJWTClaimsSet().getExpirationTime().toInstant())
                    .isEqualTo(clock.now.plus(HarnessIssuer.LIFETIME));
        }
    }

    @Test
    void subjectsAreNamedAsTheDemoAccounts() {
        assertThat(List.of(Subject.member(1001), Subject.shop(1), Subject.rider(501), Subject.operator()))
                .extracting(Subject::name).containsExactly("member-1001", "shop-1", "rider-501", "operator");
        assertThatThrownBy(() -> Subject.member(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
