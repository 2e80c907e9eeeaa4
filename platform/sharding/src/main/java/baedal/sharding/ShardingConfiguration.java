package baedal.sharding;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the shard databases described by {@code baedal.shards.*} and migrates them with every module's set: the
 * {@link ShardMigrations} beans (in their order) and the {@code db/<module>/shard/} scripts on the class path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardProperties.class)
public class ShardingConfiguration {

    @Bean(destroyMethod = "close")
    Shards shards(ShardProperties properties, ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<ShardMigrations> registered) {
        return Shards.open(properties, registered.orderedStream().map(ShardMigrations::schema).toList(), pool -> meterRegistry.ifAvailable(
                registry -> pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry))));
    }
}
