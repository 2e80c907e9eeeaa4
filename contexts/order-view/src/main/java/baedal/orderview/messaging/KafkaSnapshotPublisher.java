package baedal.orderview.messaging;

import baedal.orderview.SnapshotProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The snapshot topic's producer: idempotent, acknowledged by all in-sync replicas, at most 5 requests in flight,
 * so the snapshots of one order keep their order. A round waits for every acknowledgement; at the first failure
 * the producer is closed at once (nothing queued behind the failure is sent later, out of order) and the next
 * round opens a new one.
 */
final class KafkaSnapshotPublisher implements SnapshotPublisher {

    private final Map<String, Object> config;
    private final String topic;
    private final Duration ackWait;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaSnapshotPublisher(Map<String, Object> producerConfig, SnapshotProperties settings) {
        this.config = safeConfig(producerConfig, settings);
        this.topic = settings.topic();
        this.ackWait = settings.sendTimeout().plusSeconds(10);
    }

    static Map<String, Object> safeConfig(Map<String, Object> base, SnapshotProperties settings) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        int deliveryTimeout = (int) settings.sendTimeout().toMillis();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (deliveryTimeout - 5) / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "baedal-order-view-snapshots");
        return config;
    }

    @Override
    public synchronized void publish(List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        if (producer == null) {
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        long deadline = System.nanoTime() + ackWait.toNanos();
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>(snapshots.size());
            for (Snapshot snapshot : snapshots) {
                sent.add(producer.send(new ProducerRecord<>(topic,
                        snapshot.orderNo().getBytes(StandardCharsets.UTF_8), snapshot.envelope())));
            }
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            discardProducer();
            throw new IllegalStateException("interrupted while publishing order snapshots", interrupted);
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            discardProducer();
            throw new IllegalStateException("order snapshots could not be published to " + topic + ": " + failed,
                    failed);
        }
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
