package baedal.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes outbox rows with an idempotent Kafka producer to their aggregate type's topic ({@link TopicRouter}): the
 * aggregate id is the record key (so one aggregate's events share a partition), the payload is the value, and the
 * event id, type, aggregate type and trace context travel as headers.
 * <p>
 * Order per aggregate: the idempotent producer keeps the order of records it sends, but a batch that expires
 * before it was ever sent (Kafka unreachable) does not stop a later batch of the same partition from being sent
 * once Kafka is back. So at the first failure of a round the producer is closed at once, which fails every
 * record still queued behind it; every outcome of the round is awaited before the round ends, and the next round
 * gets a new producer. Records after a failure are thus either not written or written after their predecessors.
 */
final class KafkaOutboxPublisher implements OutboxPublisher {

    private final TopicRouter topics;
    private final Duration ackWait;
    private final Map<String, Object> config;
    private KafkaProducer<byte[], byte[]> producer;
    private AtomicBoolean producerFailed;

    KafkaOutboxPublisher(Map<String, Object> producerConfig, OutboxProperties properties) {
        this.topics = TopicRouter.of(properties);
        this.ackWait = properties.sendTimeout().plus(properties.maxBlock()).plusSeconds(5);
        this.config = safeConfig(producerConfig, properties);
    }

    /**
     * The given client settings with the ones the relay's guarantees rest on forced: idempotence, acks from
     * all in-sync replicas, at most 5 requests in flight (so retries keep the order), and bounded waits.
     */
    static Map<String, Object> safeConfig(Map<String, Object> base, OutboxProperties properties) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        long deliveryTimeout = properties.sendTimeout().toMillis();
        long linger = Math.min(lingerOf(config), deliveryTimeout / 4);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ((deliveryTimeout - linger) / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.maxBlock().toMillis());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "baedal-outbox-relay");
        return config;
    }

    private static long lingerOf(Map<String, Object> config) {
        Object value = config.get(ProducerConfig.LINGER_MS_CONFIG);
        if (value == null) {
            return 5;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }

    @Override
    public Outcome publish(List<PendingEvent> events) {
        return send(events).await();
    }

    @Override
    public Sending send(List<PendingEvent> events) {
        if (producer == null) {
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
            producerFailed = new AtomicBoolean();
        }
        KafkaProducer<byte[], byte[]> round = producer;
        AtomicBoolean failed = producerFailed;
        List<Future<RecordMetadata>> futures = new ArrayList<>(events.size());
        AtomicReferenceArray<Instant> acknowledgedAt = new AtomicReferenceArray<>(events.size());
        RuntimeException sendFailure = null;
        for (PendingEvent event : events) {
            if (failed.get()) {
                break; // an earlier record already failed (possibly inside send itself) and closed the producer
            }
            int index = futures.size();
            try {
                futures.add(round.send(record(event), (metadata, exception) -> {
                    if (exception == null) {
                        acknowledgedAt.set(index, Instant.now());
                    } else if (failed.compareAndSet(false, true)) {
                        // runs on the producer's I/O thread: nothing queued behind this record is sent any more
                        round.close(Duration.ZERO);
                    }
                }));
            } catch (RuntimeException sendFailed) {
                sendFailure = sendFailed;
                failed.set(true);
                round.close(Duration.ZERO);
                break;
            }
        }
        RuntimeException failedToSend = sendFailure;
        return () -> awaitAcknowledgements(events, futures, acknowledgedAt, failed, round, failedToSend);
    }

    private Outcome awaitAcknowledgements(List<PendingEvent> events, List<Future<RecordMetadata>> futures,
            AtomicReferenceArray<Instant> acknowledgedAt, AtomicBoolean failed, KafkaProducer<byte[], byte[]> round,
            RuntimeException sendFailure) {
        RuntimeException failure = null;
        int acknowledged = 0;
        for (Future<RecordMetadata> future : futures) {
            try {
                future.get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
                if (failure == null) {
                    acknowledged++;
                }
            } catch (ExecutionException ackFailed) {
                if (failure == null) {
                    failure = ackFailed.getCause() instanceof RuntimeException cause ? cause
                            : new KafkaException(ackFailed.getCause());
                }
            } catch (TimeoutException timedOut) {
                if (failure == null) {
                    failure = new KafkaException("no acknowledgement within " + ackWait, timedOut);
                }
                failed.set(true);
                round.close(Duration.ZERO);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new KafkaException("interrupted while waiting for acknowledgements", interrupted);
                }
                failed.set(true);
                round.close(Duration.ZERO);
                break;
            }
        }
        if (failure == null) {
            failure = sendFailure;
        }
        if (failure == null && futures.size() < events.size()) {
            // not all were handed to the producer: an earlier batch on this producer failed and closed it
            failure = new KafkaException("not sent: an earlier batch on this producer failed");
        }
        if (failed.get() && producer == round) {
            producer = null; // the next batch gets a new producer
        }
        List<Instant> times = new ArrayList<>(acknowledged);
        for (int i = 0; i < acknowledged; i++) {
            Instant at = acknowledgedAt.get(i);
            times.add(at == null ? Instant.now() : at);
        }
        return new Outcome(List.copyOf(events.subList(0, acknowledged)), times, failure);
    }

    private ProducerRecord<byte[], byte[]> record(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventId", utf8(event.id().toString()));
        headers.add("type", utf8(event.type()));
        headers.add("aggregateType", utf8(event.aggregateType()));
        if (event.traceparent() != null) {
            headers.add("traceparent", utf8(event.traceparent()));
        }
        return new ProducerRecord<>(topics.topicOf(event.aggregateType()), null, utf8(event.aggregateId()), event.payload(), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
