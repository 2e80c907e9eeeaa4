package baedal.orderview.messaging;

import baedal.orderview.ProjectionBatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of the projector's group on a thread of its own. Each round is poll, project, commit — in that
 * order, so the offsets never run ahead of what is stored and published, and a crash anywhere re-delivers at most
 * the last batch. A failed poll keeps the consumer; a failed batch is sought back to its first offsets; either
 * is tried again after a back-off, for ever, so a failed batch is never skipped. The loop ends when the projector
 * stops (a wake-up interrupts a blocked poll) or at a {@link ProjectorFaults.Crash}, without committing.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    private final Thread thread;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final String topic;
    private final Duration pollTimeout;
    private final BatchProjection projection;
    private final ConsumerLag lag;
    private final Backoff backoff;
    private final LastFailure failures;
    private final AtomicBoolean running;
    private volatile Consumer<byte[], byte[]> consumer;

    /**
     * A loop that opens its consumer from {@code consumers} on its own thread {@code name}, and goes round while
     * {@code running} holds. An interrupt during a back-off clears {@code running}: whoever interrupts a projector's
     * thread wants it to end, not to go on after a shorter wait.
     */
    ConsumerLoop(String name, Supplier<Consumer<byte[], byte[]>> consumers, String topic, Duration pollTimeout,
            BatchProjection projection, ConsumerLag lag, Backoff backoff, LastFailure failures,
            AtomicBoolean running) {
        this.consumers = consumers;
        this.topic = topic;
        this.pollTimeout = pollTimeout;
        this.projection = projection;
        this.lag = lag;
        this.backoff = backoff;
        this.failures = failures;
        this.running = running;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Makes a blocked poll or commit return at once, so the loop sees that the projector stops. */
    void wakeup() {
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    void join(Duration atMost) throws InterruptedException {
        thread.join(atMost);
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void run() {
        try (Consumer<byte[], byte[]> opened = consumers.get()) {
            consumer = opened;
            opened.subscribe(List.of(topic), new Rebalances(lag));
            while (running.get()) {
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

    /** One poll, written and committed; false when the consumer must end at once (stopping, a simulated crash). */
    boolean round(Consumer<byte[], byte[]> consumer) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(pollTimeout);
        } catch (WakeupException | InterruptException stopping) {
            return false;
        } catch (RuntimeException pollFailed) {
            // e.g. the group coordinator or the topic is not reachable yet: keep the consumer, try again
            log.warn("Order view projector poll failed, trying again in {} ms: {}", backoff.current().toMillis(),
                    pollFailed.toString());
            failures.record(pollFailed);
            return pause();
        }
        lag.record(consumer);
        if (records.isEmpty()) {
            return true;
        }
        try {
            ProjectionBatch.Written written = projection.project(records);
            OffsetCommits.commit(consumer, records);
            if (written.parked() > 0) {
                log.warn("Parked {} poison record(s) of {}; see GET /api/operator/order-view/dead-letters",
                        written.parked(), topic);
            }
            backoff.reset();
            return true;
        } catch (ProjectorFaults.Crash crash) {
            log.warn("Order view projector consumer {} crashed (simulated): {}", thread.getName(), crash.getMessage());
            return false;
        } catch (WakeupException stopping) {
            return false;
        } catch (RuntimeException failed) {
            log.warn("Order view projection of {} records failed, retrying from their first offsets in {} ms: {}",
                    records.count(), backoff.current().toMillis(), failed.toString());
            failures.record(failed);
            OffsetCommits.rewind(consumer, records);
            return pause();
        }
    }

    /** Waits before the next try; an interrupt while waiting stops the projector. Whether to go on. */
    private boolean pause() {
        if (!backoff.pause()) {
            running.set(false);
        }
        return running.get();
    }
}
