package baedal.flags;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change an operator asks for: the new switch, rollout and rules, and why. It validates itself against the flag's
 * definition ({@link #validFor}).
 *
 * @param enabled on or off
 * @param rolloutPercent 0–100, or {@code null} for everyone (rollout flags only)
 * @param rules rules as text ({@link FlagRule#parse}), or {@code null} for none (rollout flags only)
 * @param reason why, for the audit; mandatory
 */
public record FlagChange(boolean enabled, @Nullable Integer rolloutPercent, @Nullable List<String> rules,
        @Nullable String reason) {

    private static final int MAX_RULES = 20;
    private static final int MAX_REASON = 500;

    /** This change checked against {@code definition}; {@link InvalidFlagChange} says what is wrong. */
    public FlagChange validFor(FlagDefinition definition) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFlagChange("a change to a flag needs a reason");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidFlagChange("a reason has at most " + MAX_REASON + " characters");
        }
        if (rolloutPercent != null && (rolloutPercent < 0 || rolloutPercent > 100)) {
            throw new InvalidFlagChange("rolloutPercent is 0 to 100: " + rolloutPercent);
        }
        boolean narrowed = rolloutPercent != null || (rules != null && !rules.isEmpty());
        if (narrowed && definition.type() == FlagType.ON_OFF) {
            throw new InvalidFlagChange("flag " + definition.key() + " is on/off: no rollout, no rules");
        }
        if (rules != null && rules.size() > MAX_RULES) {
            throw new InvalidFlagChange("a flag has at most " + MAX_RULES + " rules");
        }
        parsedRules();
        return this;
    }

    /** The rules, parsed. */
    public List<FlagRule> parsedRules() {
        return rules == null ? List.of() : rules.stream().map(FlagRule::parse).toList();
    }
}
