package baedal.orderview.messaging;

import baedal.order.events.OrderEventEnvelope;
import baedal.orderview.OrderEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Records of the order events' topic as the projector's consumer receives them, made from order events. */
final class TopicRecords {

    static final String TOPIC = "baedal.order-events";

    private TopicRecords() {
    }

    static TopicPartition partition(int partition) {
        return new TopicPartition(TOPIC, partition);
    }

    /** {@code event} at {@code offset} of {@code partition}, keyed by its order number, with its type header. */
    static ConsumerRecord<byte[], byte[]> record(int partition, long offset, OrderEventEnvelope event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("type", event.type().getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(TOPIC, partition, offset, 0L, TimestampType.CREATE_TIME, -1, -1,
                event.orderNo().getBytes(StandardCharsets.UTF_8), OrderEvents.json(event), headers, Optional.empty());
    }

    /** A record no reader can make sense of. */
    static ConsumerRecord<byte[], byte[]> poison(int partition, long offset, String value) {
        return new ConsumerRecord<>(TOPIC, partition, offset, null, value.getBytes(StandardCharsets.UTF_8));
    }

    /** What one poll returns: these records, by partition, in the order given. */
    @SafeVarargs
    static ConsumerRecords<byte[], byte[]> polled(ConsumerRecord<byte[], byte[]>... records) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            byPartition.computeIfAbsent(partition(record.partition()), partition -> new ArrayList<>())
                    .add(record);
        }
        return new ConsumerRecords<>(byPartition, Map.of());
    }
}
