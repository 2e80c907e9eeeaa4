package baedal.kernel.catalogue;

import java.util.List;

/**
 * A reaction: "whenever {@code whenever} happens, {@code then}". {@code whenever} names events (of any
 * context); {@code then} names the command it issues, or an effect in words when it issues none (a
 * projection).
 */
public record PolicyType(String name, List<String> whenever, String then, String meaning) {

    public PolicyType {
        Names.require(name, "policy name");
        Names.require(then, "then");
        Names.require(meaning, "meaning");
        whenever = Names.requireAll(whenever, "event");
        if (whenever.isEmpty()) {
            throw new IllegalArgumentException("a policy reacts to at least one event");
        }
    }
}
