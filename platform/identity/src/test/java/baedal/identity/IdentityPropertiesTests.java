package baedal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class IdentityPropertiesTests {

    @Test
    void theEmbeddedIssuerRunsOnTheEmbeddedDefault() {
        assertThat(IdentityProperties.embeddedIssuerEnabled(new MockEnvironment())).isTrue();
        assertThat(IdentityProperties.embeddedIssuerEnabled(new MockEnvironment()
                .withProperty("baedal.embedded.enabled", "false"))).isFalse();
    }

    @Test
    void anExternalIssuerTurnsTheEmbeddedOneOff() {
        assertThat(IdentityProperties.embeddedIssuerEnabled(new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://idp/jwks"))).isFalse();
    }

    @Test
    void theEmbeddedIssuerMayBeTurnedOnInExternalMode() {
        assertThat(IdentityProperties.embeddedIssuerEnabled(new MockEnvironment()
                .withProperty("baedal.embedded.enabled", "false")
                .withProperty("baedal.identity.issuer.enabled", "true"))).isTrue();
    }

    @Test
    void rejectsTheEmbeddedIssuerTurnedOnBesideAnExternalOne() {
        assertThatThrownBy(() -> IdentityProperties.embeddedIssuerEnabled(new MockEnvironment()
                .withProperty("baedal.identity.issuer.enabled", "true")
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://idp")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysLiveUnderTheEmbeddedDataFolderUnlessConfigured() {
        IdentityProperties defaults = new IdentityProperties("baedal", claims(), issuer(), null, List.of(),
                null);
        IdentityProperties configured = new IdentityProperties("baedal", claims(), issuer(), null,
                List.of(), Path.of("/keys"));

        assertThat(defaults.resolvedDataDir(new MockEnvironment())).isEqualTo(Path.of("./data/identity"));
        assertThat(defaults.resolvedDataDir(new MockEnvironment().withProperty("baedal.embedded.data-dir", "/var/b")))
                .isEqualTo(Path.of("/var/b/identity"));
        assertThat(configured.resolvedDataDir(new MockEnvironment())).isEqualTo(Path.of("/keys"));
    }

    @Test
    void theDemoAccountsDefaultToTheSeededMembersAndRiders() {
        IdentityProperties.Demo demo = new IdentityProperties.Demo("demo", null, List.of(1L), null);

        assertThat(demo.members()).hasSize(10).startsWith(1001L).endsWith(1010L);
        assertThat(demo.riders()).hasSize(10).startsWith(501L).endsWith(510L);
    }

    @Test
    void aMemberServiceClientExistsWhenNoneIsConfigured() {
        assertThat(issuer().services()).containsOnlyKeys("member-service");
        assertThat(issuer().services().get("member-service").scopes()).containsExactly("member.read");
    }

    @Test
    void rejectsAnIssuerUriWithAQuery() {
        assertThatThrownBy(() -> new IdentityProperties.Issuer(null, URI.create("https://baedal.example/?x=1"),
                Duration.ofHours(1), demo(), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static IdentityProperties.Claims claims() {
        return new IdentityProperties.Claims("sub", "roles", Map.of(), "member_id", "shop_ids", "rider_id",
                "scope");
    }

    private static IdentityProperties.Demo demo() {
        return new IdentityProperties.Demo("demo", null, List.of(1L, 2L, 3L), null);
    }

    private static IdentityProperties.Issuer issuer() {
        return new IdentityProperties.Issuer(null, null, Duration.ofHours(1), demo(), List.of(),
                Map.of());
    }
}
