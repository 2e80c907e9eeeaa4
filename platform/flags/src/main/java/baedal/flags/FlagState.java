package baedal.flags;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a flag answers, at one version. Version 0 is the code's safe default (never changed); each accepted change
 * makes the next version. When the flag is off it answers off whatever its rollout and rules say: off is the kill
 * switch. When it is on, a caller must meet every rule and, with a rollout, fall in the rollout's share of buckets.
 *
 * @param key the flag
 * @param version 0 for the code default, then 1, 2… per accepted change
 * @param enabled on or off
 * @param rolloutPercent the share of targeting keys that get on (0–100), or {@code null} for all
 * @param rules conditions every caller must meet (empty: none)
 * @param changedAt when the version was committed ({@code null} for the code default)
 * @param changedBy the token subject who made it ({@code null} for the code default)
 */
public record FlagState(String key, long version, boolean enabled, @Nullable Integer rolloutPercent,
        List<FlagRule> rules, @Nullable Instant changedAt, @Nullable String changedBy) {

    public FlagState {
        if (version < 0) {
            throw new IllegalArgumentException("a flag's version is never negative: " + version);
        }
        if (rolloutPercent != null && (rolloutPercent < 0 || rolloutPercent > 100)) {
            throw new IllegalArgumentException("a rollout is 0 to 100 percent: " + rolloutPercent);
        }
        rules = List.copyOf(rules);
    }

    /** The state of a flag never changed: its code default. */
    public static FlagState initial(FlagDefinition definition) {
        return new FlagState(definition.key(), 0, definition.safeDefault(), null, List.of(), null, null);
    }

    /** The next version, as {@code change} (validated) makes it. */
    public FlagState next(FlagChange change, String by, Instant at) {
        return new FlagState(key, version + 1, change.enabled(), change.rolloutPercent(), change.parsedRules(), at, by);
    }

    /**
     * What the flag answers to a caller. Off answers off (kill switch); on answers off to a caller who misses a rule
     * or, with a rollout, has no targeting key or a bucket outside the share.
     */
    public boolean evaluate(@Nullable String targetingKey, Map<String, String> attributes) {
        if (!enabled) {
            return false;
        }
        for (int i = 0; i < rules.size(); i++) {
            if (!rules.get(i).matches(attributes)) {
                return false;
            }
        }
        if (rolloutPercent == null) {
            return true;
        }
        if (targetingKey == null || targetingKey.isEmpty()) {
            return rolloutPercent == 100;
        }
        return Buckets.inRollout(key, targetingKey, rolloutPercent);
    }
}
