package baedal.order.events;

import java.time.Instant;

/**
 * An order event as it is published: who and what it is about, when it happened, in which trace, under which
 * schema, and the order as it is after the change.
 *
 * @param eventId time-ordered UUID; kept when the event is re-published, so consumers de-duplicate by it
 * @param version the order's version after the change: a consumer applies an event only when it is newer
 *        than what it holds, which makes it idempotent and tolerant of reordering
 */
public record OrderEventEnvelope(String eventId, String type, String orderNo, int shard, long version,
        Instant occurredAt, String traceparent, int schemaVersion, OrderDocument order) {
}
