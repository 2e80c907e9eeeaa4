package baedal.orderview;

import baedal.order.events.ProjectedVersions;
import baedal.order.events.ProjectionTimes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order read model's services ({@code baedal.order-view.*}): order history with read-your-writes, the
 * parked records, the projection metrics, the projection times the order's event trail shows, the versions the
 * write side's retention asks about, and the compacted order snapshots' topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrderViewProperties.class, SnapshotProperties.class})
public class OrderViewConfiguration {

    @Bean
    ViewVersions viewVersions() {
        return new ViewVersions();
    }

    @Bean
    OrderEventReader orderEventReader(OrderViewProperties properties) {
        return new OrderEventReader(properties.zone());
    }

    @Bean
    ProjectionMetrics projectionMetrics(ObjectProvider<MeterRegistry> registry, OrderViewStore store) {
        ProjectionMetrics metrics = new ProjectionMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
        try {
            metrics.pending(store.parkedCount());
        } catch (RuntimeException unavailable) {
            LoggerFactory.getLogger(OrderViewConfiguration.class)
                    .warn("Parked records cannot be counted yet: {}", unavailable.getMessage());
        }
        return metrics;
    }

    @Bean
    OrderHistory orderHistory(OrderViewStore store, ViewVersions versions, Clock clock, OrderViewProperties properties) {
        return new OrderHistory(store, versions, clock, properties.zone(), properties.readYourWritesTimeout());
    }

    @Bean
    DeadLetters deadLetters(OrderViewStore store, OrderEventReader reader, ViewVersions versions,
            ProjectionMetrics metrics, Clock clock) {
        return new DeadLetters(store, reader, versions, metrics, clock);
    }

    @Bean
    ProjectionTimes orderViewProjectionTimes(OrderViewStore store) {
        return store::projectionTimes;
    }

    @Bean
    ProjectedVersions orderViewProjectedVersions(OrderViewStore store) {
        return store::versions;
    }

    @Bean
    NewTopic orderSnapshotsTopic(SnapshotProperties snapshots) {
        return new NewTopic(snapshots.topic(), snapshots.partitions(), snapshots.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
