package baedal.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row the relay has read and not yet published; {@code payload} is the envelope's UTF-8 text as
 * stored, sent to Kafka without being decoded. {@code tx} and {@code seq} are its position in the relay's read
 * order (the writing transaction, then insertion order).
 */
record PendingEvent(UUID id, String aggregateType, String aggregateId, String type, byte[] payload,
        String traceparent, Instant writtenAt, long tx, long seq, long version) {
}
