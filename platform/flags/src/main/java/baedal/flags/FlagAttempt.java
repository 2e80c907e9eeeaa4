package baedal.flags;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to change a flag, as the audit keeps it: who, when, why, against which version, the state before and
 * after, and what came of it — also when it was refused.
 *
 * @param outcome {@code applied}, {@code stale-version} or {@code invalid}
 * @param before the state it was made against (when known)
 * @param after the state it made ({@code applied} only)
 */
public record FlagAttempt(long id, String key, Instant attemptedAt, String subject, @Nullable String reason,
        String outcome, @Nullable Long expectedVersion, @Nullable FlagState before, @Nullable FlagState after,
        @Nullable String detail) {
}
