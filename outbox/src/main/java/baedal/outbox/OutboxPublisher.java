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
