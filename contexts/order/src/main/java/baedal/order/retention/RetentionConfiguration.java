package baedal.order.retention;

import baedal.order.events.ProjectedVersions;
import baedal.sharding.Shards;
import java.time.Clock;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Order retention ({@code baedal.order-retention.*}). Without a read model to ask, no order is ever held at its
 * final version, so nothing is removed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionConfiguration {

    @Bean
    OrderRetention orderRetention(Shards shards, ObjectProvider<ProjectedVersions> projected,
            RetentionProperties settings, Clock clock) {
        ProjectedVersions versions = projected.getIfAvailable(() -> {
            LoggerFactory.getLogger(OrderRetention.class)
                    .info("No read model answers which order versions it holds: order retention removes nothing");
            return orderNos -> Map.of();
        });
        return new OrderRetention(shards, versions, settings, clock);
    }
}
