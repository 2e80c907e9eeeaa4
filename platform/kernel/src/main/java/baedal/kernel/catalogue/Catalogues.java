package baedal.kernel.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every context's declarations, merged by context, and the links between them checked: a policy reacts to
 * events some context publishes, a command emits published events, a read model is built from published
 * events, and no name is declared twice.
 */
public final class Catalogues {

    private final Map<String, Merged> byContext;

    private Catalogues(Map<String, Merged> byContext) {
        this.byContext = byContext;
    }

    /** The declarations of every module on the class path of {@code loader}. */
    public static Catalogues load(ClassLoader loader) {
        List<ContextCatalogue> found = new ArrayList<>();
        ServiceLoader.load(ContextCatalogue.class, loader).forEach(found::add);
        return of(found);
    }

    public static Catalogues of(Collection<? extends ContextCatalogue> contributions) {
        Map<String, Merged> merged = new TreeMap<>();
        for (ContextCatalogue contribution : contributions) {
            Names.require(contribution.context(), "context");
            merged.computeIfAbsent(contribution.context(), Merged::new).add(contribution);
        }
        Catalogues catalogues = new Catalogues(merged);
        catalogues.checkLinks();
        return catalogues;
    }

    /** The contexts declared, in name order. */
    public Set<String> contexts() {
        return byContext.keySet();
    }

    public Merged context(String name) {
        Merged merged = byContext.get(name);
        if (merged == null) {
            throw new IllegalArgumentException("no context named " + name + " is declared; declared: " + contexts());
        }
        return merged;
    }

    /** Every published event of every context. */
    public List<EventType> events() {
        return byContext.values().stream().flatMap(merged -> merged.events().stream()).toList();
    }

    private void checkLinks() {
        Set<String> events = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Merged merged : byContext.values()) {
            merged.events.forEach(event -> unique(names, event.name(), merged.name));
            merged.commands.forEach(command -> unique(names, command.name(), merged.name));
            merged.policies.forEach(policy -> unique(names, policy.name(), merged.name));
            merged.readModels.forEach(model -> unique(names, model.name(), merged.name));
            merged.events.forEach(event -> events.add(event.name()));
        }
        for (Merged merged : byContext.values()) {
            for (CommandType command : merged.commands) {
                command.emits().forEach(event -> published(events, event, "command " + command.name()));
            }
            for (PolicyType policy : merged.policies) {
                policy.whenever().forEach(event -> published(events, event, "policy " + policy.name()));
            }
            for (ReadModelType model : merged.readModels) {
                model.builtFrom().forEach(event -> published(events, event, "read model " + model.name()));
            }
        }
    }

    private static void unique(Set<String> names, String name, String context) {
        if (!names.add(name)) {
            throw new IllegalStateException(name + " is declared twice (again in context " + context + ")");
        }
    }

    private static void published(Set<String> events, String event, String by) {
        if (!events.contains(event)) {
            throw new IllegalStateException(by + " names event " + event + ", which no context publishes");
        }
    }

    /** One context's declarations from every module that contributes to it. */
    public static final class Merged {

        private final String name;
        private final List<EventType> events = new ArrayList<>();
        private final List<CommandType> commands = new ArrayList<>();
        private final List<PolicyType> policies = new ArrayList<>();
        private final List<ReadModelType> readModels = new ArrayList<>();

        private Merged(String name) {
            this.name = name;
        }

        private void add(ContextCatalogue contribution) {
            events.addAll(contribution.events());
            commands.addAll(contribution.commands());
            policies.addAll(contribution.policies());
            readModels.addAll(contribution.readModels());
        }

        public String name() {
            return name;
        }

        public List<EventType> events() {
            return List.copyOf(events);
        }

        public List<CommandType> commands() {
            return List.copyOf(commands);
        }

        public List<PolicyType> policies() {
            return List.copyOf(policies);
        }

        public List<ReadModelType> readModels() {
            return List.copyOf(readModels);
        }
    }
}
