package baedal.app;

import baedal.identity.IdentityProperties;
import baedal.sharding.Shards;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the operator, once the platform is ready, where its API, its data and its shards are. It is the last
 * listener of {@link ApplicationReadyEvent}, which comes after the web server, the outbox relays and the read
 * model's consumers have started; on the embedded default the third-party servers that would go on talking after
 * it (the Kafka broker creating its topics, the consumers joining their group) log warnings only, so this is the
 * last thing a new user reads.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final Shards shards;
    private final IdentityProperties identity;

    StartupBanner(Environment environment, Shards shards, IdentityProperties identity) {
        this.environment = environment;
        this.shards = shards;
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void ready() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String dataDir = environment.getProperty("baedal.embedded.resolved-data-dir");
        String shardStates = shards.all().stream()
                .map(shard -> shard.no() + "=" + shard.state())
                .collect(Collectors.joining(", "));
        log.info("""

                ==== baedal is ready ====
                  API:    http://localhost:{}/api  (try GET /api/shops)
                  Health: http://localhost:{}/actuator/health
                  Data:   {}
                  Shards: {} ({})
                  Kafka:  {}
                  {}
                =========================""",
                port, port,
                dataDir == null ? "external databases (embedded default is off)" : dataDir,
                shards.count(), shardStates,
                environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"),
                tokens(port));
    }

    /** How to get a token: the embedded issuer's one-line curl and its demo accounts, or the trusted issuer. */
    private String tokens(String port) {
        if (!IdentityProperties.embeddedIssuerEnabled(environment)) {
            String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                    environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "?"));
            return "Tokens: from the trusted issuer " + issuer + " (send them as Authorization: Bearer …)";
        }
        String base = identity.issuer().uri() != null ? identity.issuer().uri().toString() : "http://localhost:" + port;
        IdentityProperties.Demo demo = identity.issuer().demo();
        String password = demo.password().equals("demo") ? "demo" : "<baedal.identity.issuer.demo.password>";
        String example = demo.members().isEmpty() ? "operator" : "member-" + demo.members().getFirst();
        return "Token:  curl -s -u baedal-cli: -d grant_type=password -d username=" + example + " -d password="
                + password + " " + base + "/oauth2/token\n"
                + "          then: curl -H \"Authorization: Bearer <access_token>\" " + base + "/api/…\n"
                + "  Demo accounts (password " + password + "): " + accounts("member-", demo.members()) + ", "
                + accounts("shop-", demo.shops()) + ", " + accounts("rider-", demo.riders()) + ", operator";
    }

    /** {@code member-1001…member-1010} for a run of ids, else each one. */
    static String accounts(String prefix, List<Long> ids) {
        if (ids.isEmpty()) {
            return "no " + prefix + "accounts";
        }
        boolean run = ids.size() > 2 && ids.getLast() - ids.getFirst() == ids.size() - 1
                && IntStream.range(1, ids.size()).allMatch(i -> ids.get(i) == ids.get(i - 1) + 1);
        if (run) {
            return prefix + ids.getFirst() + "…" + prefix + ids.getLast();
        }
        return ids.stream().map(id -> prefix + id).collect(Collectors.joining(", "));
    }

}
