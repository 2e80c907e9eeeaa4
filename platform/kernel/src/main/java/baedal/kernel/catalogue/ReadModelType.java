package baedal.kernel.catalogue;

import java.util.List;

/** A read model a context keeps (CQRS query side) and the events it is built from. */
public record ReadModelType(String name, String meaning, List<String> builtFrom) {

    public ReadModelType {
        Names.require(name, "read model name");
        Names.require(meaning, "meaning");
        builtFrom = Names.requireAll(builtFrom, "event");
    }
}
