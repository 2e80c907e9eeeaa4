package baedal.orderview.messaging;

import static baedal.orderview.messaging.TopicRecords.TOPIC;
import static baedal.orderview.messaging.TopicRecords.partition;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsumerLagTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerLag lag = new ConsumerLag(registry);
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @BeforeEach
    void twoPartitionsBehind() {
        consumer.assign(List.of(partition(0), partition(1)));
        consumer.updateBeginningOffsets(Map.of(partition(0), 0L, partition(1), 0L));
        consumer.updateEndOffsets(Map.of(partition(0), 5L, partition(1), 2L));
        consumer.seek(partition(0), 1);
    }

    @Test
    void showsHowFarBehindEachAssignedPartitionIs() {
        lag.record(consumer);

        assertThat(lag.byPartition()).containsExactly(Map.entry(TOPIC + "-0", 4L), Map.entry(TOPIC + "-1", 2L));
        assertThat(gauge(0).value()).isEqualTo(4);
        assertThat(gauge(1).value()).isEqualTo(2);
    }

    @Test
    void followsThePartitionAsItCatchesUp() {
        lag.record(consumer);
        consumer.seek(partition(0), 5);

        lag.record(consumer);

        assertThat(lag.byPartition()).containsEntry(TOPIC + "-0", 0L);
        assertThat(registry.find("baedal.order-view.consumer.lag").gauges()).hasSize(2);
    }

    @Test
    void dropsTheGaugesOfPartitionsThatLeftThisInstance() {
        lag.record(consumer);

        lag.forget(List.of(partition(0)));

        assertThat(lag.byPartition()).containsOnlyKeys(TOPIC + "-1");
        assertThat(registry.find("baedal.order-view.consumer.lag").tag("partition", "0").gauge()).isNull();
    }

    @Test
    void dropsEveryGaugeWhenCleared() {
        lag.record(consumer);

        lag.clear();

        assertThat(lag.byPartition()).isEmpty();
        assertThat(registry.find("baedal.order-view.consumer.lag").gauges()).isEmpty();
    }

    private Gauge gauge(int partition) {
        return registry.get("baedal.order-view.consumer.lag").tag("topic", TOPIC)
                .tag("partition", Integer.toString(partition)).gauge();
    }
}
