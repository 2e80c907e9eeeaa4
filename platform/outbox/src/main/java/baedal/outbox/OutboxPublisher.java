package baedal.outbox;

import java.time.Instant;
import java.util.List;

/** Sends a batch of outbox rows, in the given order, to the message broker. */
interface OutboxPublisher extends AutoCloseable {

    /**
     * Sends every event and waits for the broker's acknowledgements. The outcome's acknowledged events are a
     * prefix of {@code events}: the ones before the first failure. Events after a failure count as not sent,
     * even if the broker took them, so they are sent again later with the same ids.
     */
    Outcome publish(List<PendingEvent> events);

    /**
     * Starts sending {@code events} and returns at once; {@link Sending#await()} waits for the outcome. A batch
     * started while an earlier one is in flight goes out behind it on the same connection, so the two behave as
     * one batch: once the earlier one has a failure, nothing of the later one may count as sent. By default the
     * batch is published synchronously.
     */
    default Sending send(List<PendingEvent> events) {
        Outcome outcome = publish(events);
        return () -> outcome;
    }

    /** A batch in flight. */
    interface Sending {
        Outcome await();
    }

    @Override
    void close();

    /**
     * @param acknowledged the acknowledged prefix of the batch
     * @param acknowledgedAt when each of them was acknowledged, same order
     * @param failure why the rest was not sent, or {@code null} when all were acknowledged
     */
    record Outcome(List<PendingEvent> acknowledged, List<Instant> acknowledgedAt, RuntimeException failure) {
    }
}
