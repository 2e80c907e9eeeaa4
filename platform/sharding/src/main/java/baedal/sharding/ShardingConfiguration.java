package baedal.sharding;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the shard databases described by {@code baedal.shards.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShardProperties.class)
public class ShardingConfiguration {

    @Bean(destroyMethod = "close")
    Shards shards(ShardProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
        return Shards.open(properties, pool -> meterRegistry.ifAvailable(
                registry -> pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry))));
    }
}
