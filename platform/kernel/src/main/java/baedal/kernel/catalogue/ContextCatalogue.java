package baedal.kernel.catalogue;

import java.util.List;

/**
 * One module's declarations about its bounded context. A context may be declared by several modules (its
 * {@code -events} module lists the events, its implementation the commands, a consumer the policies it runs);
 * {@link Catalogues} merges them by {@link #context()}.
 */
public interface ContextCatalogue {

    /** The bounded context these declarations belong to, e.g. {@code order}. */
    String context();

    /** The domain events the context publishes, each with its topic and schema version. */
    default List<EventType> events() {
        return List.of();
    }

    /** The commands the context accepts (its application services' intents). */
    default List<CommandType> commands() {
        return List.of();
    }

    /** The policies the context runs: whenever an event happens, a command or an effect follows. */
    default List<PolicyType> policies() {
        return List.of();
    }

    /** The read models the context keeps, and the events they are built from. */
    default List<ReadModelType> readModels() {
        return List.of();
    }
}
