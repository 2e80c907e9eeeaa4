package baedal.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.PropertyResolver;

/**
 * The identity module's settings ({@code baedal.identity.*}). Which issuer the platform trusts:
 * <ul>
 * <li>the <b>embedded issuer</b> (the default on the embedded default, or with
 * {@code baedal.identity.issuer.enabled=true}): this process signs tokens with a key kept under the data folder and
 * trusts only those;</li>
 * <li>an <b>external issuer</b>, as soon as Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * (OIDC discovery) or {@code .jwk-set-uri} (plus {@code .jws-algorithms}) say whose keys sign the tokens, embedded
 * default or not; {@link #audience} and {@link Claims} say how to read its tokens. In external mode
 * ({@code baedal.embedded.enabled=false}) one of the two must be configured.</li>
 * </ul>
 *
 * @param audience          {@code baedal.identity.audience} — the {@code aud} every token must carry (default
 *                          {@code baedal}); the embedded issuer puts it into its tokens. Blank: no audience check.
 * @param claims            {@code baedal.identity.claims.*} — where the issuer's tokens carry the roles and ids
 * @param issuer            {@code baedal.identity.issuer.*} — the embedded issuer
 * @param secretKey         {@code baedal.identity.secret-key} — the key that seals secrets at rest: base64 of 32
 *                          random bytes ({@code openssl rand -base64 32}). Unset on the embedded default: generated
 *                          once and kept in {@code <data-dir>/secret-key}; unset in external mode: an error when a
 *                          module first needs it.
 * @param retiredSecretKeys {@code baedal.identity.retired-secret-keys} — earlier secret keys, still accepted to open
 *                          what they sealed (rotation: make the new key current, list the old one here, reseal)
 * @param dataDir           {@code baedal.identity.data-dir} — where the signing key and the generated secret key
 *                          are kept (default {@code <baedal.embedded.data-dir>/identity}, i.e. {@code ./data/identity})
 */
@ConfigurationProperties("baedal.identity")
public record IdentityProperties(
        @DefaultValue("baedal") String audience,
        @DefaultValue Claims claims,
        @DefaultValue Issuer issuer,
        @Nullable String secretKey,
        @DefaultValue List<String> retiredSecretKeys,
        @Nullable Path dataDir) {

    private static final List<String> EXTERNAL_ISSUER_PROPERTIES = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    /** The folder of the signing key and the generated secret key: {@link #dataDir}, else under the embedded data folder. */
    public Path resolvedDataDir(PropertyResolver environment) {
        return dataDir != null ? dataDir
                : Path.of(environment.getProperty("baedal.embedded.data-dir", "./data")).resolve("identity");
    }

    /**
     * Whether this process runs the embedded issuer: {@code baedal.identity.issuer.enabled} when set; else on the
     * embedded default ({@code baedal.embedded.enabled}, default {@code true}) unless an external issuer is
     * configured. Turning it on explicitly while an external issuer is configured is an error: the platform trusts
     * one issuer.
     */
    public static boolean embeddedIssuerEnabled(PropertyResolver environment) {
        Boolean explicit = environment.getProperty("baedal.identity.issuer.enabled", Boolean.class);
        if (explicit == null) {
            return environment.getProperty("baedal.embedded.enabled", Boolean.class, true)
                    && !externalIssuerConfigured(environment);
        }
        if (explicit && externalIssuerConfigured(environment)) {
            throw new IllegalStateException("baedal.identity.issuer.enabled=true and an external issuer "
                    + "(spring.security.oauth2.resourceserver.jwt.*) are both configured: the platform trusts one issuer");
        }
        return explicit;
    }

    /** Whether Spring Boot's resource server is told whose keys sign the tokens ({@code issuer-uri}, {@code jwk-set-uri}…). */
    public static boolean externalIssuerConfigured(PropertyResolver environment) {
        return EXTERNAL_ISSUER_PROPERTIES.stream().anyMatch(environment::containsProperty);
    }


    /**
     * Where the trusted issuer's tokens carry baedal's roles and subject ids. A name may be a path into nested
     * claims ({@code realm_access.roles} for Keycloak's realm roles). Roles are a list of strings or one string of
     * names separated by spaces or commas; ids are numbers or strings of digits; shop ids a list or one value.
     *
     * @param subject   {@code baedal.identity.claims.subject} — the caller's stable id (default {@code sub})
     * @param roles     {@code baedal.identity.claims.roles} — the caller's roles (default {@code roles})
     * @param roleNames {@code baedal.identity.claims.role-names.<issuer's name>=<baedal role>} — how the issuer's role
     *                  names map to baedal's (e.g. {@code role-names.customer=MEMBER}); names not listed are read
     *                  as baedal's own role names ignoring case, and names that are neither are ignored
     * @param memberId  {@code baedal.identity.claims.member-id} — the member id of a {@code MEMBER} (default
     *                  {@code member_id})
     * @param shopIds   {@code baedal.identity.claims.shop-ids} — the shops a {@code SHOP} owns (default
     *                  {@code shop_ids})
     * @param riderId   {@code baedal.identity.claims.rider-id} — the rider id of a {@code RIDER} (default
     *                  {@code rider_id})
     * @param scope     {@code baedal.identity.claims.scope} — the granted scopes (default {@code scope}; {@code scp}
     *                  is read when it is absent)
     */
    public record Claims(
            @DefaultValue("sub") String subject,
            @DefaultValue("roles") String roles,
            @DefaultValue Map<String, Role> roleNames,
            @DefaultValue("member_id") String memberId,
            @DefaultValue("shop_ids") String shopIds,
            @DefaultValue("rider_id") String riderId,
            @DefaultValue("scope") String scope) {

        public Claims {
            for (String name : List.of(subject, roles, memberId, shopIds, riderId, scope)) {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("baedal.identity.claims.* name claims; one is blank");
                }
            }
            roleNames = Map.copyOf(roleNames);
        }
    }

    /**
     * The embedded issuer (Spring Authorization Server on the platform's own port).
     *
     * @param enabled             {@code baedal.identity.issuer.enabled} — run it (default: as
     *                            {@code baedal.embedded.enabled}, i.e. on the embedded default)
     * @param uri                 {@code baedal.identity.issuer.uri} — its issuer identifier, e.g.
     *                            {@code https://baedal.example}; unset: the URL the request came to
     *                            ({@code http://localhost:8080}), and tokens are accepted on that URL only
     * @param accessTokenTtl      {@code baedal.identity.issuer.access-token-ttl} — how long its access tokens are
     *                            valid (default 1 h)
     * @param demo                {@code baedal.identity.issuer.demo.*} — the demo accounts
     * @param consoleRedirectUris {@code baedal.identity.issuer.console-redirect-uris} — where the {@code baedal-console}
     *                            client may be sent back with an authorization code (default
     *                            {@code http://127.0.0.1:8080/console/callback} — any port on a loopback address — and
     *                            {@code http://localhost:8080/console/callback})
     * @param services            {@code baedal.identity.issuer.services.<client id>.*} — clients of other services
     *                            (client credentials grant, role {@code SERVICE}); default {@code member-service},
     *                            secret {@code demo}, scope {@code member.read}, when none is configured
     */
    public record Issuer(
            @Nullable Boolean enabled,
            @Nullable URI uri,
            @DefaultValue("1h") Duration accessTokenTtl,
            @DefaultValue Demo demo,
            @DefaultValue({"http://127.0.0.1:8080/console/callback", "http://localhost:8080/console/callback"})
            List<URI> consoleRedirectUris,
            @DefaultValue Map<String, Service> services) {

        public Issuer {
            if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
                throw new IllegalArgumentException("baedal.identity.issuer.access-token-ttl must be positive");
            }
            if (uri != null && (uri.getScheme() == null || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null)) {
                throw new IllegalArgumentException(
                        "baedal.identity.issuer.uri must be an absolute http(s) URL without query or fragment: " + uri);
            }
            consoleRedirectUris = List.copyOf(consoleRedirectUris);
            services = services.isEmpty()
                    ? Map.of("member-service", new Service("demo", Set.of("member.read")))
                    : Map.copyOf(services);
        }
    }

    /**
     * The embedded issuer's demo accounts, tied to the seeded data: {@code member-<id>} (MEMBER), {@code shop-<id>}
     * (the owner of that shop, SHOP), {@code rider-<id>} (RIDER) and {@code operator} (OPERATOR).
     *
     * @param password {@code baedal.identity.issuer.demo.password} — every demo account's password (default
     *                 {@code demo})
     * @param members  {@code baedal.identity.issuer.demo.members} — member ids (default 1001–1010)
     * @param shops    {@code baedal.identity.issuer.demo.shops} — shop ids, one owner each (default the seeded
     *                 shops 1–3)
     * @param riders   {@code baedal.identity.issuer.demo.riders} — rider ids (default 501–510)
     */
    public record Demo(
            @DefaultValue("demo") String password,
            @Nullable List<Long> members,
            @DefaultValue({"1", "2", "3"}) List<Long> shops,
            @Nullable List<Long> riders) {

        public Demo {
            if (password.isEmpty()) {
                throw new IllegalArgumentException("baedal.identity.issuer.demo.password must not be empty");
            }
            members = members == null ? LongStream.rangeClosed(1001, 1010).boxed().toList() : List.copyOf(members);
            shops = List.copyOf(shops);
            riders = riders == null ? LongStream.rangeClosed(501, 510).boxed().toList() : List.copyOf(riders);
        }
    }

    /**
     * A client of another service of the platform.
     *
     * @param secret its client secret
     * @param scopes the scopes it may be granted (one per service it calls, e.g. {@code member.read})
     */
    public record Service(String secret, @DefaultValue Set<String> scopes) {

        public Service {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("a service client has a secret");
            }
            scopes = Set.copyOf(scopes);
        }
    }
}
