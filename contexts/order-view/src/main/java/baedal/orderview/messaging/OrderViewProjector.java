package baedal.orderview.messaging;

import baedal.orderview.DeadLetter;
import baedal.orderview.IncomingRecord;
import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.OrderViewStore;
import baedal.orderview.ProjectionBatch;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.ViewVersions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The projector: consumer group {@code order-view-projector} on the order events' topic, turning each poll's
 * records into one {@link ProjectionBatch} written in one store transaction, and committing the offsets only
 * after that transaction committed. A crash anywhere therefore re-delivers at most the last batch, which the
 * version rule makes harmless; nothing is ever skipped.
 *
 * <p>Why a plain {@code KafkaConsumer} loop and not a spring-kafka listener container: the whole guarantee is the
 * order of three steps — store commit, offset commit, next poll — and here it is visible in a dozen lines. A
 * failed batch (database down) is retried for ever from its first offsets with back-off; spring-kafka's error
 * handlers retry a bounded number of times and then "recover" by skipping the batch, which for a read model means
 * silently lost orders unless configured just so. Poison records never reach an error handler at all: values
 * are read as bytes and parsed here, and poison is parked in the same transaction as the batch.
 *
 * <p>Between the store commit and the offset commit, the batch's newest envelope per order goes to the compacted
 * snapshot topic ({@link #snapshotsToPublish}); if that fails, the offsets are not committed and the batch comes
 * again (ADR 0006).
 */
public final class OrderViewProjector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderViewProjector.class);

    /** Default longest wait of a fetch for {@link #FETCH_MIN_BYTES} (ms): bounds what batching adds to freshness. */
    static final int FETCH_WAIT_MILLIS = 20;
    /** Default bytes a fetch waits for (about 500 events of ~1.5 kB): a full batch is answered at once. */
    static final int FETCH_MIN_BYTES = 768 * 1024;
    /** Default consumer session: how long a dead projector's partitions wait before another member takes them. */
    static final int SESSION_TIMEOUT_MILLIS = 10_000;

    private final Map<String, Object> consumerConfig;
    private final OrderViewProperties.Projector settings;
    private final OrderViewStore store;
    private final OrderEventReader reader;
    private final ViewVersions versions;
    private final ProjectionMetrics metrics;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ProjectorFaults faults;
    private final SnapshotPublisher snapshots;
    private final List<Worker> workers = new ArrayList<>();
    private final Map<TopicPartition, PartitionLag> lags = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    public OrderViewProjector(Map<String, Object> clientConfig, OrderViewProperties.Projector settings,
            OrderViewStore store, OrderEventReader reader, ViewVersions versions, ProjectionMetrics metrics,
            MeterRegistry registry, Clock clock, ProjectorFaults faults) {
        this(clientConfig, settings, store, reader, versions, metrics, registry, clock, faults, SnapshotPublisher.NONE);
    }

    /** A projector that also writes each committed batch's newest envelope per order to the snapshot topic. */
    public OrderViewProjector(Map<String, Object> clientConfig, OrderViewProperties.Projector settings,
            OrderViewStore store, OrderEventReader reader, ViewVersions versions, ProjectionMetrics metrics,
            MeterRegistry registry, Clock clock, ProjectorFaults faults, SnapshotPublisher snapshots) {
        this.snapshots = snapshots;
        this.consumerConfig = safeConfig(clientConfig, settings);
        this.settings = settings;
        this.store = store;
        this.reader = reader;
        this.versions = versions;
        this.metrics = metrics;
        this.registry = registry;
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * The given client settings (bootstrap servers, security) with the ones the projector rests on forced: its
     * group, no auto-commit, start from the beginning of the topic when the group has no offsets, read only
     * committed records, at most a batch per poll, and no topic auto-creation (the relay creates the topic).
     */
    static Map<String, Object> safeConfig(Map<String, Object> base, OrderViewProperties.Projector settings) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Fewer, fuller fetches: the broker answers after FETCH_WAIT_MILLIS unless a full batch's bytes arrived
        // sooner. Every fetch is followed by a store transaction, a snapshot publish and an offset commit, so
        // answering each new record at once cost the broker and the store most of their time under load, for a
        // few milliseconds of freshness. spring.kafka.consumer.fetch-min-size / fetch-max-wait override these.
        config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MILLIS);
        // A projector killed outright (kill -9, a lost host) keeps its partitions until its session expires: with
        // the client's 45 s default, the fault harness saw the read model stall ~40 s after an app restart. Heartbeats
        // run on their own thread, so a 10 s session is safe; spring.kafka.consumer.properties override it.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MILLIS);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MILLIS / 3);
        return config;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.concurrency(); i++) {
            Worker worker = new Worker(i);
            workers.add(worker);
            worker.thread.start();
        }
        log.info("Order view projector started: {} consumer(s) in group {} on {}", settings.concurrency(),
                settings.groupId(), settings.topic());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        workers.forEach(Worker::wakeup);
        for (Worker worker : workers) {
            try {
                worker.thread.join(30_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        snapshots.close();
        lags.values().forEach(lag -> registry.remove(lag.gauge));
        lags.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The last failure of a batch (it was retried), for health reports; {@code null} if none. */
    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Partitions assigned to this instance and how many records each is behind. */
    public Map<String, Long> lagByPartition() {
        Map<String, Long> lag = new TreeMap<>();
        lags.forEach((partition, value) -> lag.put(partition.toString(), value.value().get()));
        return lag;
    }

    /** Whether every consumer of this projector is still alive (a {@link ProjectorFaults.Crash} ends one). */
    public boolean consumersAlive() {
        synchronized (this) {
            return !workers.isEmpty() && workers.stream().allMatch(worker -> worker.thread.isAlive());
        }
    }

    private final class Worker implements Runnable {

        final Thread thread;
        private volatile KafkaConsumer<byte[], byte[]> consumer;
        private Duration backoff = settings.backoffInitial();

        Worker(int index) {
            this.thread = new Thread(this, "order-view-projector-" + index);
            this.thread.setDaemon(true);
        }

        void wakeup() {
            KafkaConsumer<byte[], byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        @Override
        public void run() {
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "baedal-order-view-" + thread.getName()
                    .substring(thread.getName().lastIndexOf('-') + 1));
            try (KafkaConsumer<byte[], byte[]> opened = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = opened;
                opened.subscribe(List.of(settings.topic()), new Rebalances());
                while (running) {
                    if (!round(opened)) {
                        return;
                    }
                }
            } catch (WakeupException | InterruptException stopping) {
                // stopping
            } catch (RuntimeException unexpected) {
                log.error("Order view projector consumer {} ended unexpectedly", thread.getName(), unexpected);
            } finally {
                consumer = null;
            }
        }

        /** One poll, written and committed; false when the consumer must end at once (a simulated crash). */
        private boolean round(KafkaConsumer<byte[], byte[]> consumer) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(settings.pollTimeout());
            } catch (WakeupException | InterruptException stopping) {
                return false;
            } catch (RuntimeException pollFailed) {
                // e.g. the group coordinator or the topic is not reachable yet: keep the consumer, try again
                log.warn("Order view projector poll failed, trying again in {} ms: {}", backoff.toMillis(),
                        pollFailed.toString());
                lastError = pollFailed.toString();
                lastErrorAt = clock.instant();
                pause();
                return running;
            }
            recordLag(consumer);
            if (records.isEmpty()) {
                return true;
            }
            try {
                faults.beforeStoreWrite(records.count());
                List<ProjectionBatch.Reading> readings = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    IncomingRecord incoming = incoming(record);
                    readings.add(new ProjectionBatch.Reading(incoming, reader.read(record.value())));
                }
                ProjectionBatch batch = ProjectionBatch.of(readings, clock.instant());
                ProjectionBatch.Written written;
                try {
                    written = store.write(batch);
                } catch (RuntimeException failed) {
                    if (!refusedByTheDatabase(failed)) {
                        throw failed;
                    }
                    written = writeOneByOne(readings, batch);
                }
                faults.afterStoreCommit(records.count());
                // The documents are committed and readable: wake read-your-writes waiters now, not after the
                // snapshot publish and the offset commit, which only guard against re-delivery.
                versions.advanced(written.versions());
                metrics.written(written, batch.at());
                snapshots.publish(snapshotsToPublish(readings, written.versions()));
                consumer.commitSync(nextOffsets(records));
                if (written.parked() > 0) {
                    log.warn("Parked {} poison record(s) of {}; see GET /api/operator/order-view/dead-letters",
                            written.parked(), settings.topic());
                }
                backoff = settings.backoffInitial();
                return true;
            } catch (ProjectorFaults.Crash crash) {
                log.warn("Order view projector consumer {} crashed (simulated): {}", thread.getName(),
                        crash.getMessage());
                return false;
            } catch (WakeupException stopping) {
                return false;
            } catch (RuntimeException failed) {
                log.warn("Order view projection of {} records failed, retrying from their first offsets in {} ms: {}",
                        records.count(), backoff.toMillis(), failed.toString());
                lastError = failed.toString();
                lastErrorAt = clock.instant();
                rewind(consumer, records);
                pause();
                return running;
            }
        }

        /** Seeks each partition of the failed batch back to the batch's first record, so nothing is skipped. */
        private void rewind(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
            for (TopicPartition partition : records.partitions()) {
                if (consumer.assignment().contains(partition)) {
                    consumer.seek(partition, records.records(partition).getFirst().offset());
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            }
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : doubled;
        }
    }

    /**
     * The database refused the batch's data itself (SQLSTATE class 22, data exception — e.g. a NUL character in a
     * text — or 23, integrity constraint): retrying the batch would fail for ever and block its partitions, so
     * the batch is written record by record and the records the database refuses are parked as poison.
     */
    private ProjectionBatch.Written writeOneByOne(List<ProjectionBatch.Reading> readings, ProjectionBatch batch) {
        Map<Long, Long> versions = new HashMap<>();
        List<ProjectionBatch.ProjectedEvent> first = new ArrayList<>();
        int parked = 0;
        for (ProjectionBatch.Reading reading : readings) {
            ProjectionBatch.Written one;
            try {
                one = store.write(ProjectionBatch.of(List.of(reading), batch.at()));
            } catch (RuntimeException refused) {
                if (!refusedByTheDatabase(refused)) {
                    throw refused;
                }
                log.warn("The read model's database refuses record {}; parking it: {}", reading.record(),
                        rootMessage(refused));
                one = store.write(new ProjectionBatch(List.of(), List.of(), List.of(new DeadLetter.Parking(
                        reading.record(), "unwritable: " + rootMessage(refused))), batch.at()));
            }
            one.versions().forEach((orderNo, version) -> versions.merge(orderNo, version, Math::max));
            first.addAll(one.firstProjected());
            parked += one.parked();
        }
        return new ProjectionBatch.Written(versions, first, parked);
    }

    /**
     * The snapshots a committed batch publishes: per order, the batch's newest envelope, but only if the store now
     * holds exactly that version. Thus an older version is never published after a newer one (the store only
     * moves forward, and whoever brought it to a newer version publishes that one), and a batch delivered again
     * after a failed publish — which the store ignores as not newer — still publishes what it has to.
     */
    static List<SnapshotPublisher.Snapshot> snapshotsToPublish(List<ProjectionBatch.Reading> readings,
            Map<Long, Long> stored) {
        Map<Long, SnapshotPublisher.Snapshot> newest = new LinkedHashMap<>();
        for (ProjectionBatch.Reading reading : readings) {
            if (reading.outcome() instanceof OrderEventReader.Event event) {
                SnapshotPublisher.Snapshot candidate = new SnapshotPublisher.Snapshot(event.envelope().orderNo(),
                        event.version(), reading.record().value());
                newest.merge(event.orderNo(), candidate, (held, incoming) -> incoming.version() > held.version()
                        ? incoming : held);
            }
        }
        List<SnapshotPublisher.Snapshot> publish = new ArrayList<>();
        newest.forEach((orderNo, snapshot) -> {
            if (Long.valueOf(snapshot.version()).equals(stored.get(orderNo))) {
                publish.add(snapshot);
            }
        });
        return publish;
    }

    static boolean refusedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return offsets;
    }

    private static IncomingRecord incoming(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.values().removeIf(Objects::isNull);
        return new IncomingRecord(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value(), headers);
    }

    /** Updates {@code baedal.order-view.consumer.lag} (records behind the partition's end) for assigned partitions. */
    private void recordLag(KafkaConsumer<byte[], byte[]> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                lags.computeIfAbsent(partition, this::lagGauge).value.set(lag.getAsLong());
            }
        }
    }

    private PartitionLag lagGauge(TopicPartition partition) {
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

    /** A partition taken away from this instance stops showing a lag here (its new owner shows it). */
    private final class Rebalances implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                PartitionLag lag = lags.remove(partition);
                if (lag != null) {
                    registry.remove(lag.gauge);
                }
            }
        }
    }
}
