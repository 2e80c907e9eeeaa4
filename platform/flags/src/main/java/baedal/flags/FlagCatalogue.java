package baedal.flags;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every flag the code declares ({@link FlagDefinition} beans), by key; a key declared twice is refused. */
public final class FlagCatalogue {

    private final Map<String, FlagDefinition> byKey;

    private FlagCatalogue(Map<String, FlagDefinition> byKey) {
        this.byKey = byKey;
    }

    public static FlagCatalogue of(Collection<FlagDefinition> definitions) {
        Map<String, FlagDefinition> byKey = new LinkedHashMap<>();
        definitions.stream().sorted(java.util.Comparator.comparing(FlagDefinition::key)).forEach(definition -> {
            if (byKey.putIfAbsent(definition.key(), definition) != null) {
                throw new IllegalStateException("flag " + definition.key() + " is declared twice");
            }
        });
        return new FlagCatalogue(java.util.Collections.unmodifiableMap(byKey));
    }

    public static FlagCatalogue of(FlagDefinition... definitions) {
        return of(List.of(definitions));
    }

    public Optional<FlagDefinition> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The definition of {@code key}; {@link UnknownFlag} when the code declares no such flag. */
    public FlagDefinition get(String key) {
        FlagDefinition definition = byKey.get(key);
        if (definition == null) {
            throw new UnknownFlag(key);
        }
        return definition;
    }

    /** Every definition, by key. */
    public Collection<FlagDefinition> all() {
        return byKey.values();
    }
}
