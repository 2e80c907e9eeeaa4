package baedal.flags;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one instance reported it applied of a flag: the version, when, how long after the commit, and by which path
 * ({@code KAFKA}, {@code RECONCILIATION}, {@code DATABASE} at start, {@code SNAPSHOT}).
 */
public record FlagAcknowledgement(String instanceId, String key, long version, Instant appliedAt,
        @Nullable Long delayMillis, String source) {
}
