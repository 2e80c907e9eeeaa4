package baedal.orderview.messaging;

import static baedal.orderview.messaging.TopicRecords.TOPIC;
import static baedal.orderview.messaging.TopicRecords.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.Test;

class RebalancesTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerLag lag = new ConsumerLag(registry);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void aPartitionTakenAwayStopsShowingALagHere() {
        consumer.subscribe(List.of(TOPIC), new Rebalances(lag));
        consumer.updateBeginningOffsets(Map.of(partition(0), 0L, partition(1), 0L));
        consumer.updateEndOffsets(Map.of(partition(0), 3L, partition(1), 4L));
        consumer.rebalance(List.of(partition(0), partition(1)));
        lag.record(consumer);

        consumer.rebalance(List.of(partition(1)));

        assertThat(lag.byPartition()).containsOnlyKeys(TOPIC + "-1");
        assertThat(registry.find("baedal.order-view.consumer.lag").gauges()).hasSize(1);
    }

    @Test
    void aLostPartitionStopsShowingALagHere() {
        consumer.assign(List.of(partition(0), partition(1)));
        consumer.updateEndOffsets(Map.of(partition(0), 3L, partition(1), 4L));
        consumer.updateBeginningOffsets(Map.of(partition(0), 0L, partition(1), 0L));
        lag.record(consumer);

        new Rebalances(lag).onPartitionsLost(List.of(partition(0)));

        assertThat(lag.byPartition()).containsOnlyKeys(TOPIC + "-1");
    }

    @Test
    void anAssignedPartitionShowsNoLagBeforeItIsPolled() {
        new Rebalances(lag).onPartitionsAssigned(List.of(partition(0)));

        assertThat(lag.byPartition()).isEmpty();
        assertThat(registry.find("baedal.order-view.consumer.lag").gauges()).isEmpty();
    }
}
