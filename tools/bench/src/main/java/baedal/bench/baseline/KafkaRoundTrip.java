package baedal.bench.baseline;

import baedal.bench.measure.Propagation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The flag propagation's baseline: the broker's own hop, with nothing of the platform around it. One plain producer
 * ({@code acks=all}, idempotent, no linger) sends one small record at a time to a topic of one partition, and as many
 * plain consumers as the platform has instances, each on its own thread, read it as the flags' feed does (assigned,
 * no group, {@code fetch.max.wait.ms=20}); the next record goes once every consumer has it. Measured as the flags
 * are: from the instant before the send to each consumer's instant of receipt, on the same machine's clock, into a
 * {@link Propagation}. The caller interleaves its round trips with what it compares them with, so that both meet the
 * same moments of a shared machine.
 */
public final class KafkaRoundTrip implements AutoCloseable {

    public static final String TOPIC = "bench.flag-round-trip";

    private final int consumers;
    private final Map<Long, Map<String, Instant>> receipts = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> latches = new ConcurrentHashMap<>();
    private final List<Reader> readers = new ArrayList<>();
    private final KafkaProducer<String, String> producer;
    private long next;

    private KafkaRoundTrip(String bootstrap, int consumers) {
        this.consumers = consumers;
        this.producer = producer(bootstrap);
        for (int i = 0; i < consumers; i++) {
            readers.add(new Reader(bootstrap, "consumer-" + i, receipts, latches));
        }
    }

    /** Creates the topic, starts the producer and the consumers; returns once every consumer holds its partition. */
    public static KafkaRoundTrip open(String bootstrap, int consumers) throws Exception {
        createTopic(bootstrap);
        KafkaRoundTrip trip = new KafkaRoundTrip(bootstrap, consumers);
        try {
            trip.readers.forEach(Reader::start);
            for (Reader reader : trip.readers) {
                if (!reader.assigned.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a round-trip consumer did not get its partition");
                }
            }
            return trip;
        } catch (Exception | Error failed) {
            trip.close();
            throw failed;
        }
    }

    /**
     * Sends one record and waits until every consumer has it (or {@code timeout} passed: the missing receipts are
     * missing from the change returned): sent at the instant before the send, applied at each receipt.
     */
    public Propagation.Change once(Duration timeout) throws Exception {
        long seq = next++;
        CountDownLatch latch = new CountDownLatch(consumers);
        latches.put(seq, latch);
        Instant sent = Instant.now();
        producer.send(new ProducerRecord<>(TOPIC, "flag", Long.toString(seq))).get(30, TimeUnit.SECONDS);
        latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        latches.remove(seq);
        Map<String, Instant> got = receipts.remove(seq);
        List<Propagation.Arrival> arrivals = new ArrayList<>();
        if (got != null) {
            got.forEach((who, at) -> arrivals.add(new Propagation.Arrival(who, at, null, "KAFKA")));
        }
        return new Propagation.Change(seq, sent, arrivals);
    }

    @Override
    public void close() {
        readers.forEach(Reader::stop);
        producer.close(Duration.ofSeconds(10));
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** One consumer as the flags' feed reads: assigned the partition from its end, no group, short fetch wait. */
    private static final class Reader {

        private final KafkaConsumer<String, String> consumer;
        private final String name;
        private final Map<Long, Map<String, Instant>> receipts;
        private final Map<Long, CountDownLatch> latches;
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final Thread thread;
        private volatile boolean running = true;

        Reader(String bootstrap, String name, Map<Long, Map<String, Instant>> receipts,
                Map<Long, CountDownLatch> latches) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-round-trip-" + name);
            this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            this.name = name;
            this.receipts = receipts;
            this.latches = latches;
            this.thread = Thread.ofPlatform().daemon().name("bench-round-trip-" + name).unstarted(this::run);
        }

        void start() {
            thread.start();
        }

        private void run() {
            try {
                TopicPartition partition = new TopicPartition(TOPIC, 0);
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition); // resolves the end now, before the first record is sent
                assigned.countDown();
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        Instant at = Instant.now();
                        long seq = Long.parseLong(record.value());
                        receipts.computeIfAbsent(seq, s -> new ConcurrentHashMap<>()).put(name, at);
                        CountDownLatch latch = latches.get(seq);
                        if (latch != null) {
                            latch.countDown();
                        }
                    }
                }
            } catch (WakeupException stopping) {
                // stopped
            } finally {
                consumer.close();
            }
        }

        void stop() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
