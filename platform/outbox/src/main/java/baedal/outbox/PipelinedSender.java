package baedal.outbox;

import java.sql.SQLException;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Publishes the rows after the cursor with up to two batches in flight: while Kafka acknowledges one batch, the
 * next is read and sent behind it on the same producer. A batch is a range of positions read below the snapshot's
 * xmin, so the next read simply starts after it. Once Kafka acknowledged a whole batch, its progress is recorded and
 * the cursor moves past it; a batch that was not fully acknowledged leaves the cursor where it was, and it is sent
 * again with the same event ids. A batch behind a failed one is discarded (its rows stay pending).
 */
final class PipelinedSender {

    /** Where the relay records that a batch was acknowledged: the outbox's {@code outbox_publication}. */
    interface Progress {
        void record(Position upTo, Instant acknowledgedAt) throws SQLException;
    }

    /** How a drain ended: caught up (fewer rows than a batch), or stopped short to keep an aggregate in order. */
    enum Drained { CAUGHT_UP, FULL, STOPPED_SHORT }

    private final PendingBatches batches;
    private final OutboxPublisher publisher;
    private final Progress progress;
    private final RelayMetrics metrics;
    private final IntConsumer afterAcknowledged;
    private final int batchSize;
    private Position cursor = Position.START;

    /**
     * @param afterAcknowledged runs with the batch's size after Kafka acknowledged a whole batch and before its progress is recorded
     *        (tests make the relay die there)
     */
    PipelinedSender(PendingBatches batches, int batchSize, OutboxPublisher publisher, Progress progress,
            RelayMetrics metrics, IntConsumer afterAcknowledged) {
        this.batches = batches;
        this.batchSize = batchSize;
        this.publisher = publisher;
        this.progress = progress;
        this.metrics = metrics;
        this.afterAcknowledged = afterAcknowledged;
    }

    Position cursor() {
        return cursor;
    }

    /** Starts from {@code position}: the recorded progress, when the lease is (re)taken. */
    void resetTo(Position position) {
        cursor = position;
    }

    /**
     * Sends batch after batch until one is not full or {@code running} turns false; throws {@link PublishFailed}
     * when Kafka did not acknowledge every row of a batch (the cursor stays before it).
     */
    Drained drain(BooleanSupplier running) throws SQLException {
        InFlight previous = null;
        Position from = cursor;
        PendingBatches.Batch batch;
        do {
            batch = batches.after(from);
            InFlight current = batch.isEmpty() ? null : new InFlight(batch, publisher.send(batch.events()));
            if (current != null) {
                from = batch.upTo();
            }
            if (previous != null) {
                try {
                    complete(previous);
                } catch (SQLException | RuntimeException failure) {
                    if (current != null) {
                        current.sending().await(); // rides on the failed producer; its rows stay pending
                    }
                    throw failure;
                }
            }
            previous = current;
        } while (batch.full(batchSize) && running.getAsBoolean());
        if (previous != null) {
            complete(previous);
        }
        if (batch.stoppedShort()) {
            return Drained.STOPPED_SHORT;
        }
        return batch.full(batchSize) ? Drained.FULL : Drained.CAUGHT_UP;
    }

    private record InFlight(PendingBatches.Batch batch, OutboxPublisher.Sending sending) {
    }

    private void complete(InFlight inFlight) throws SQLException {
        OutboxPublisher.Outcome outcome = inFlight.sending().await();
        if (fullyAcknowledged(outcome, inFlight.batch())) {
            afterAcknowledged.accept(outcome.acknowledged().size());
            progress.record(inFlight.batch().upTo(), outcome.acknowledgedAt().getLast());
            cursor = inFlight.batch().upTo();
        }
        metrics.acknowledged(outcome.acknowledged(), outcome.acknowledgedAt());
        if (outcome.failure() != null) {
            throw new PublishFailed(outcome.failure());
        }
    }

    static boolean fullyAcknowledged(OutboxPublisher.Outcome outcome, PendingBatches.Batch batch) {
        return outcome.failure() == null && outcome.acknowledged().size() == batch.events().size();
    }

    /** Kafka did not acknowledge part of a batch; the lease is kept and the rest is sent again after a pause. */
    static final class PublishFailed extends RuntimeException {
        PublishFailed(RuntimeException cause) {
            super("Kafka did not acknowledge every event of the batch", cause);
        }
    }
}
