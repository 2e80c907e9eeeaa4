package baedal.orderview.messaging;

import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.OrderViewStore;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.SnapshotProperties;
import baedal.orderview.ViewVersions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projector of this instance ({@code baedal.order-view.projector.*}) and its snapshot publisher
 * ({@code baedal.order-view.snapshots.*}); the Kafka client itself (bootstrap
 * servers, security) is configured by {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectorConfiguration {

    @Bean
    OrderViewProjector orderViewProjector(KafkaProperties kafka, OrderViewProperties properties,
            SnapshotProperties snapshots, OrderViewStore store, OrderEventReader reader, ViewVersions versions,
            ProjectionMetrics metrics, ObjectProvider<MeterRegistry> registry, Clock clock) {
        SnapshotPublisher publisher = snapshots.publish()
                ? new KafkaSnapshotPublisher(kafka.buildProducerProperties(), snapshots) : SnapshotPublisher.NONE;
        return new OrderViewProjector(kafka.buildConsumerProperties(), properties.projector(), store, reader, versions,
                metrics, registry.getIfAvailable(SimpleMeterRegistry::new), clock, ProjectorFaults.NONE, publisher);
    }

    @Bean
    OrderViewHealthIndicator orderViewHealthIndicator(OrderViewProjector projector, OrderViewStore store) {
        return new OrderViewHealthIndicator(projector, store);
    }
}
