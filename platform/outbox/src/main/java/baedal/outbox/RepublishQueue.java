package baedal.outbox;

import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Sends the rows operators asked to re-publish ({@code outbox_republish}), in insertion order and with their event
 * ids; once Kafka acknowledged them, they leave the queue and record when. The queue is read only when it may hold
 * something: after an operator's request notified (payload {@value OutboxRepublisher#REPUBLISH}), on every safety
 * poll, and when the lease is taken.
 */
final class RepublishQueue {

    private final OutboxPublisher publisher;
    private final RelayMetrics metrics;
    private final int batchSize;
    private boolean due = true;

    RepublishQueue(OutboxPublisher publisher, RelayMetrics metrics, int batchSize) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.batchSize = batchSize;
    }

    void markDue() {
        due = true;
    }

    boolean due() {
        return due;
    }

    /** Sends what the queue holds, if it is due; it stays due when Kafka fails. */
    void sendIfDue(OutboxStore store, BooleanSupplier running) throws SQLException {
        if (!due) {
            return;
        }
        List<PendingEvent> batch;
        do {
            batch = store.republishQueue(batchSize);
            if (batch.isEmpty()) {
                break;
            }
            OutboxPublisher.Outcome outcome = publisher.send(batch).await();
            if (outcome.failure() != null) {
                throw new PipelinedSender.PublishFailed(outcome.failure());
            }
            store.republished(batch, outcome.acknowledgedAt().getLast());
            metrics.republished(batch.size());
        } while (batch.size() == batchSize && running.getAsBoolean());
        due = false;
    }
}
