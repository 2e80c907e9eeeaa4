package baedal.bench.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The harness's own token issuer, so that it can act as thousands of distinct members, shops and riders (the
 * platform's embedded issuer signs in its demo accounts only). An RSA key pair generated per run; its public half
 * served as a JWK set on 127.0.0.1 by the JDK's HTTP server ({@code GET /jwks}, and the OIDC discovery document at
 * {@code /.well-known/openid-configuration} for a platform configured with an issuer URI only); tokens minted for any
 * {@link Subject} with the claims the identity module reads ({@code sub}, {@code roles}, {@code member_id},
 * {@code shop_ids}, {@code rider_id}), {@code aud: ["baedal"]}, {@code iss} this issuer's URL and an expiry well beyond
 * the run, one per subject (cached).
 * <p>
 * A platform trusts it with {@link #platformSettings()}: Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (whose keys) and {@code .issuer-uri} (the {@code iss}
 * its tokens must carry); with an external issuer configured the platform's embedded issuer is off.
 */
public final class HarnessIssuer implements Tokens, AutoCloseable {

    /** The audience the platform expects by default ({@code baedal.identity.audience}). */
    public static final String AUDIENCE = "baedal";
    /** How long a minted token is valid: beyond any run (a cached token is minted again before it runs out). */
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final Duration RENEW_BEFORE = Duration.ofHours(1);
    static final String JWKS_PATH = "/jwks";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private record Minted(String token, Instant expiresAt) {
    }

    private final RSAKey key;
    private final RSASSASigner signer;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2, Thread.ofPlatform()
            .name("harness-issuer-", 0).daemon().factory());
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final Map<String, Minted> cache = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private HarnessIssuer(RSAKey key, HttpServer server, String audience, Clock clock) throws JOSEException {
        this.key = key;
        this.signer = new RSASSASigner(key);
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        this.audience = audience;
        this.clock = clock;
        byte[] jwks = publicKeys().toString().getBytes(StandardCharsets.UTF_8);
        byte[] discovery = discovery().getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                } else if (path.equals(JWKS_PATH)) {
                    send(exchange, "application/jwk-set+json", jwks);
                } else if (path.equals(DISCOVERY_PATH)) {
                    send(exchange, "application/json", discovery);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.setExecutor(handlers);
        server.start();
    }

    /** A new key pair and its JWK set served on 127.0.0.1:{@code port} (0: a free port). */
    public static HarnessIssuer start(int port) {
        return start(port, AUDIENCE, Clock.systemUTC());
    }

    static HarnessIssuer start(int port, String audience, Clock clock) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            return new HarnessIssuer(key, server, audience, clock);
        } catch (IOException failed) {
            throw new UncheckedIOException("the harness's issuer cannot listen on 127.0.0.1:" + port, failed);
        } catch (JOSEException failed) {
            throw new IllegalStateException("no RSA key for the harness's issuer", failed);
        }
    }

    /** Its identifier, the {@code iss} of its tokens: {@code http://127.0.0.1:<port>}. */
    public String issuer() {
        return issuer;
    }

    /** Where its public keys are served. */
    public String jwkSetUri() {
        return issuer + JWKS_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The id of its signing key (the {@code kid} of every token). */
    public String keyId() {
        return key.getKeyID();
    }

    /** The JWK set it serves: the public key only. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** The settings that make a platform trust this issuer alone (as {@code --name=value} arguments or properties). */
    public Map<String, String> platformSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri());
        settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
        return settings;
    }

    /** The subject's token, minted once and cached (minted again an hour before it expires). */
    @Override
    public String bearer(Subject subject) {
        Instant renewFrom = clock.instant().plus(RENEW_BEFORE);
        Minted cached = cache.get(subject.name());
        if (cached != null && cached.expiresAt().isAfter(renewFrom)) {
            return cached.token();
        }
        return cache.compute(subject.name(), (name, earlier) -> earlier != null && earlier.expiresAt().isAfter(renewFrom)
                ? earlier : mint(subject)).token();
    }

    private Minted mint(Subject subject) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject.name())
                .audience(List.of(audience))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(subject.role()));
        if (subject.memberId() > 0) {
            claims.claim("member_id", subject.memberId());
        }
        if (!subject.shopIds().isEmpty()) {
            claims.claim("shop_ids", subject.shopIds());
        }
        if (subject.riderId() > 0) {
            claims.claim("rider_id", subject.riderId());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException failed) {
            throw new TokenUnavailable("cannot sign a token for " + subject.name(), failed);
        }
        return new Minted(jwt.serialize(), expiresAt);
    }

    private String discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", jwkSetUri());
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("response_types_supported", List.of("token"));
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(document);
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        handlers.shutdownNow();
    }
}
