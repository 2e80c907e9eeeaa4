package baedal.kernel.catalogue;

import java.util.List;

/**
 * A command a context accepts, in the imperative ({@code PlaceOrder}): who issues it and which events it may
 * emit.
 *
 * @param actors the roles that issue it (e.g. {@code MEMBER}, {@code SHOP}, {@code OPERATOR}, or a policy's
 *        context)
 */
public record CommandType(String name, List<String> actors, String meaning, List<String> emits) {

    public CommandType {
        Names.require(name, "command name");
        Names.require(meaning, "meaning");
        actors = Names.requireAll(actors, "actor");
        emits = Names.requireAll(emits, "emitted event");
    }
}
