package baedal.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row the relay has read and not yet marked published. */
record PendingEvent(UUID id, String aggregateType, String aggregateId, String type, String payload,
        String traceparent, Instant writtenAt) {
}
