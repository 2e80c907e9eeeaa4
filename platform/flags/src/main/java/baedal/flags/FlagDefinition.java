package baedal.flags;

import java.util.regex.Pattern;

/**
 * A feature flag as the code declares it: a bean of this type puts the flag in the {@link FlagCatalogue}. Its
 * {@code safeDefault} is what every instance answers while the flag has never been changed, and what it falls back
 * to when it knows no state at all: always the old, proven path.
 *
 * @param key the flag's stable name, lower case with dots and dashes ({@code member.remote-calls})
 * @param description what switching it on changes, for the operator who has to decide
 * @param owner the team or context answerable for it
 * @param type whether it can be rolled out to a share of callers
 * @param safeDefault the old path's answer
 */
public record FlagDefinition(String key, String description, String owner, FlagType type, boolean safeDefault) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    public FlagDefinition {
        if (key == null || key.length() > 100 || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a flag key is lower case words joined by dots or dashes: " + key);
        }
        if (description == null || description.isBlank() || owner == null || owner.isBlank() || type == null) {
            throw new IllegalArgumentException("flag " + key + " needs a description, an owner and a type");
        }
    }

    /** A switch that is off (the old path) until an operator turns it on. */
    public static FlagDefinition onOff(String key, String description, String owner) {
        return new FlagDefinition(key, description, owner, FlagType.ON_OFF, false);
    }

    /** A switch that is off until an operator turns it on, for everyone or for a share of targeting keys. */
    public static FlagDefinition rollout(String key, String description, String owner) {
        return new FlagDefinition(key, description, owner, FlagType.ROLLOUT, false);
    }
}
