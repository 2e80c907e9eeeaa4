package baedal.orderview.messaging;

import static baedal.orderview.messaging.TopicRecords.partition;
import static baedal.orderview.messaging.TopicRecords.polled;
import static baedal.orderview.messaging.TopicRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.order.events.OrderEventEnvelope;
import baedal.orderview.OrderEvents;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OffsetCommitsTests {

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final List<OrderEventEnvelope> events = OrderEvents.anOrder(31).accepted().dispatched(501).events();
    private final ConsumerRecords<byte[], byte[]> batch = polled(record(0, 3, events.get(0)), record(1, 7, events.get(1)),
            record(0, 4, events.get(2)));

    @BeforeEach
    void consumerAt() {
        consumer.assign(List.of(partition(0), partition(1)));
        consumer.seek(partition(0), 5);
        consumer.seek(partition(1), 8);
    }

    @Test
    void commitsTheOffsetAfterEachPartitionsLastRecord() {
        OffsetCommits.commit(consumer, batch);

        assertThat(consumer.committed(Set.of(partition(0), partition(1)))).isEqualTo(Map.of(
                partition(0), new OffsetAndMetadata(5), partition(1), new OffsetAndMetadata(8)));
    }

    @Test
    void rewindsEachPartitionToTheBatchsFirstRecordSoTheNextPollBringsItAgain() {
        OffsetCommits.rewind(consumer, batch);

        assertThat(consumer.position(partition(0))).isEqualTo(3);
        assertThat(consumer.position(partition(1))).isEqualTo(7);
        assertThat(consumer.committed(Set.of(partition(0), partition(1))).values()).allMatch(offset -> offset == null);
    }

    @Test
    void leavesAPartitionTheConsumerLostToItsNewOwner() {
        consumer.assign(List.of(partition(1)));
        consumer.seek(partition(1), 8);

        OffsetCommits.rewind(consumer, batch);

        assertThat(consumer.assignment()).containsExactly(partition(1));
        assertThat(consumer.position(partition(1))).isEqualTo(7);
    }
}
