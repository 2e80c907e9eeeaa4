package baedal.orderview;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A parked (poison) record: one the projector could not apply — not JSON, an event type or schema version the
 * catalogue does not list, or an inconsistent snapshot — kept with the reason, where it was on the topic, its
 * key, raw value and headers, so the partition moves on and an operator can look at it and replay it.
 *
 * @param attempts how many times an operator replayed it
 * @param replayedAt when a replay applied it; {@code null} while it is parked
 */
public record DeadLetter(long id, String reason, String topic, int partition, long offset, String key, byte[] value,
        Map<String, String> headers, Instant parkedAt, int attempts, Instant lastAttemptAt, Instant replayedAt) {

    public DeadLetter {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public boolean parked() {
        return replayedAt == null;
    }

    /** The raw value as UTF-8 text (bytes that are not UTF-8 show as replacement characters). */
    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** A record to park, as the projector found it. */
    public record Parking(IncomingRecord record, String reason) {
    }
}
