package baedal.flags;

import baedal.outbox.OutboxConfiguration;
import baedal.sharding.ShardingConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The smallest application that runs the flags as an app instance does: the shards (one), the outbox and its relay,
 * the flags and the platform's two flags, on external PostgreSQL and Kafka, without a web server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ShardingConfiguration.class, OutboxConfiguration.class, FlagsConfiguration.class, PlatformFlags.class})
class FlagsTestApplication {
}
