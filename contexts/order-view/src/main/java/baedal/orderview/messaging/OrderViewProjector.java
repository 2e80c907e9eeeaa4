package baedal.orderview.messaging;

import baedal.orderview.OrderEventReader;
import baedal.orderview.OrderViewProperties;
import baedal.orderview.OrderViewStore;
import baedal.orderview.ProjectionBatch;
import baedal.orderview.ProjectionMetrics;
import baedal.orderview.ViewVersions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * order of three steps — store commit, offset commit, next poll — and one consumer's round ({@code ConsumerLoop})
 * shows it in a dozen lines. A failed batch (database down) is retried for ever from its first offsets with
 * back-off; spring-kafka's error handlers retry a bounded number of times and then "recover" by skipping the
 * batch, which for a read model means silently lost orders unless configured just so. Poison records never reach
 * an error handler at all: values are read as bytes and parsed here, and poison is parked in the same transaction
 * as the batch.
 *
 * <p>Between the store commit and the offset commit, the batch's newest envelope per order goes to the compacted
 * snapshot topic; if that fails, the offsets are not committed and the batch comes again (ADR 0006).
 *
 * <p>This class is the lifecycle and the health surface; a batch is projected by {@code BatchProjection} and
 * committed by {@code OffsetCommits}.
 */
public final class OrderViewProjector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderViewProjector.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final IntFunction<Consumer<byte[], byte[]>> consumers;
    private final OrderViewProperties.Projector settings;
    private final BatchProjection projection;
    private final SnapshotPublisher snapshots;
    private final ConsumerLag lag;
    private final LastFailure failures;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public OrderViewProjector(Map<String, Object> clientConfig, OrderViewProperties.Projector settings,
            OrderViewStore store, OrderEventReader reader, ViewVersions versions, ProjectionMetrics metrics,
            MeterRegistry registry, Clock clock, ProjectorFaults faults) {
        this(clientConfig, settings, store, reader, versions, metrics, registry, clock, faults, SnapshotPublisher.NONE);
    }

    /** A projector that also writes each committed batch's newest envelope per order to the snapshot topic. */
    public OrderViewProjector(Map<String, Object> clientConfig, OrderViewProperties.Projector settings,
            OrderViewStore store, OrderEventReader reader, ViewVersions versions, ProjectionMetrics metrics,
            MeterRegistry registry, Clock clock, ProjectorFaults faults, SnapshotPublisher snapshots) {
        this(kafkaConsumers(ConsumerSettings.safeConfig(clientConfig, settings)), settings, store, reader, versions,
                metrics, registry, clock, faults, snapshots);
    }

    /** A projector on consumers of the caller's making: its consumer number {@code i} is {@code consumers(i)}. */
    OrderViewProjector(IntFunction<Consumer<byte[], byte[]>> consumers, OrderViewProperties.Projector settings,
            OrderViewStore store, OrderEventReader reader, ViewVersions versions, ProjectionMetrics metrics,
            MeterRegistry registry, Clock clock, ProjectorFaults faults, SnapshotPublisher snapshots) {
        this.consumers = consumers;
        this.settings = settings;
        this.snapshots = snapshots;
        this.projection = new BatchProjection(new StoreWrite(store), reader, versions, metrics, snapshots, faults,
                clock);
        this.lag = new ConsumerLag(registry);
        this.failures = new LastFailure(clock);
    }

    private static IntFunction<Consumer<byte[], byte[]>> kafkaConsumers(Map<String, Object> config) {
        return index -> new KafkaConsumer<>(ConsumerSettings.forConsumer(config, index), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @Override
    public synchronized void start() {
        if (running.get() || !settings.enabled()) {
            return;
        }
        running.set(true);
        for (int i = 0; i < settings.concurrency(); i++) {
            int index = i;
            ConsumerLoop loop = new ConsumerLoop("order-view-projector-" + index, () -> consumers.apply(index),
                    settings.topic(), settings.pollTimeout(), projection, lag,
                    new Backoff(settings.backoffInitial(), settings.backoffMax()), failures, running);
            loops.add(loop);
            loop.start();
        }
        log.info("Order view projector started: {} consumer(s) in group {} on {}", settings.concurrency(),
                settings.groupId(), settings.topic());
    }

    @Override
    public synchronized void stop() {
        if (!running.get()) {
            return;
        }
        running.set(false);
        loops.forEach(ConsumerLoop::wakeup);
        for (ConsumerLoop loop : loops) {
            try {
                loop.join(STOP_WAIT);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        loops.clear();
        snapshots.close();
        lag.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** The last failure of a batch (it was retried), for health reports; {@code null} if none. */
    public String lastError() {
        return failures.error();
    }

    public Instant lastErrorAt() {
        return failures.at();
    }

    /** Partitions assigned to this instance and how many records each is behind. */
    public Map<String, Long> lagByPartition() {
        return lag.byPartition();
    }

    /** Whether every consumer of this projector is still alive (a {@link ProjectorFaults.Crash} ends one). */
    public boolean consumersAlive() {
        synchronized (this) {
            return !loops.isEmpty() && loops.stream().allMatch(ConsumerLoop::isAlive);
        }
    }
}
