package baedal.orderview.rebuild;

import baedal.orderview.OrderEventReader;
import baedal.orderview.SnapshotProperties;
import baedal.orderview.persistence.OrderViewDatabase;
import baedal.orderview.persistence.RebuildTables;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read model's rebuild from the snapshot topic ({@code baedal.order-view.snapshots.*}). */
@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {

    @Bean(destroyMethod = "close")
    OrderViewRebuild orderViewRebuild(OrderViewDatabase database, KafkaProperties kafka, SnapshotProperties snapshots,
            OrderEventReader reader, Clock clock) {
        return new OrderViewRebuild(new RebuildTables(database),
                new KafkaSnapshotSource(kafka.buildConsumerProperties(), snapshots.topic()), reader,
                snapshots.rebuildBatchSize(), clock);
    }
}
