package baedal.orderview.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code baedal.order-view.consumer.lag}: how many records of the order events' topic each partition assigned to
 * this instance is behind its end, one gauge per partition. Only the partitions this instance owns: the group's
 * other members show theirs, so the sum over instances is the group's lag without double counting.
 */
final class ConsumerLag {

    private final MeterRegistry registry;
    private final Map<TopicPartition, PartitionLag> lags = new ConcurrentHashMap<>();

    ConsumerLag(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Takes the lag of each partition assigned to {@code consumer}, as its last fetch saw it. */
    void record(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                lags.computeIfAbsent(partition, this::gauge).value().set(lag.getAsLong());
            }
        }
    }

    /** These partitions left this instance: their gauges go, or they would show a stale lag for ever. */
    void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            PartitionLag lag = lags.remove(partition);
            if (lag != null) {
                registry.remove(lag.gauge());
            }
        }
    }

    /** Every gauge goes (the projector stopped). */
    void clear() {
        forget(lags.keySet());
    }

    /** Partition ({@code topic-partition}) to records behind, in partition order. */
    Map<String, Long> byPartition() {
        Map<String, Long> lag = new TreeMap<>();
        lags.forEach((partition, value) -> lag.put(partition.toString(), value.value().get()));
        return lag;
    }

    private PartitionLag gauge(TopicPartition partition) {
        AtomicLong value = new AtomicLong();
        Gauge gauge = Gauge.builder("baedal.order-view.consumer.lag", value, AtomicLong::get)
                .description("records of the order events' topic not yet consumed by the projector, per partition")
                .tag("topic", partition.topic())
                .tag("partition", Integer.toString(partition.partition()))
                .register(registry);
        return new PartitionLag(value, gauge);
    }

    private record PartitionLag(AtomicLong value, Meter gauge) {
    }
}
