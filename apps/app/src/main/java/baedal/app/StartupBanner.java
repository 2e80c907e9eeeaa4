package baedal.app;

import baedal.sharding.Shards;
import java.util.stream.Collectors;
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

    StartupBanner(Environment environment, Shards shards) {
        this.environment = environment;
        this.shards = shards;
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
                =========================""",
                port, port,
                dataDir == null ? "external databases (embedded default is off)" : dataDir,
                shards.count(), shardStates,
                environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
    }

}
