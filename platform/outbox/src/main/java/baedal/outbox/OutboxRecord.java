package baedal.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as it is written to a database's outbox, in the transaction of the change it records.
 *
 * @param id the event id, a time-ordered UUID (version 7) that stays the event's id for ever, also when it
 *        is re-published, so consumers can de-duplicate by it
 * @param aggregateType the kind of aggregate, e.g. {@code Order}; it names the topic the event goes to
 *        ({@code baedal.outbox.topics}, else {@code baedal.<kebab-case type>-events})
 * @param aggregateId the aggregate's id (the order number); the Kafka record key, so one aggregate's events
 *        keep their order on the topic
 * @param type the event type, e.g. {@code OrderPlaced}
 * @param version the aggregate's version after the change
 * @param occurredAt when the change happened
 * @param traceparent the W3C trace context of the request that made the change, or {@code null}
 * @param payload the event envelope as JSON: its metadata and the aggregate's state after the change
 */
public record OutboxRecord(UUID id, String aggregateType, String aggregateId, String type, long version,
        Instant occurredAt, String traceparent, String payload) {

    public OutboxRecord {
        if (id == null || aggregateType == null || aggregateId == null || type == null || occurredAt == null
                || payload == null) {
            throw new IllegalArgumentException("an outbox record needs id, aggregate, type, time and payload");
        }
        if (aggregateType.chars().noneMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("an aggregate type names its topic: '" + aggregateType + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
    }
}
