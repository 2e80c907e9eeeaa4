package baedal.outbox;

import baedal.sharding.ShardNo;
import baedal.sharding.ShardProperties;
import baedal.sharding.Shards;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A context's declaration that its database has a transactional outbox for the relay to publish: a bean of this
 * type in the context's configuration. Either one database of its own ({@link #database}: riders, insurance…; one
 * relay worker) or the deployment's shards ({@link #shards}: the orders; one worker per shard). Every registered
 * database gets the same guarantees: rows appended in the caller's transaction ({@link Outbox#append}), one active
 * publisher per database across all instances (a lease), per-aggregate order, at least once, re-publishing on
 * demand, retention, metrics and health.
 * <p>
 * The outbox brings its own tables to each database: its migrations ({@value OutboxConfiguration#LOCATION}, history
 * table {@value OutboxConfiguration#HISTORY_TABLE}) are applied to a registered database before its relay starts,
 * and to every shard with the shards' own migrations. The outbox registers the deployment's shards itself.
 * <pre>{@code
 * @Bean
 * OutboxRegistration riderOutbox(RiderDatabaseProperties db) {
 *     return OutboxRegistration.database("riders", db.url(), db.username(), db.password()).publishing("Rider");
 * }
 * // in the rider context's transaction:
 * outbox.append(transaction, "riders", new OutboxRecord(id, "Rider", riderId, "ShiftStarted", ...));
 * }</pre>
 */
public final class OutboxRegistration {

    /** The name the outbox registers the deployment's shards under. */
    public static final String SHARDS = "shards";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final String name;
    private final List<OutboxDatabase> databases;
    private final Set<String> aggregateTypes;

    private OutboxRegistration(String name, List<OutboxDatabase> databases, Set<String> aggregateTypes) {
        this.name = name;
        this.databases = List.copyOf(databases);
        this.aggregateTypes = Set.copyOf(aggregateTypes);
    }

    /**
     * One database of its own, reached at {@code url}: the relay opens its own connections there (a lease and a
     * notification connection per instance, outside the context's pool).
     *
     * @param name the database's name in health, metrics (tag {@code database}) and the operator's API; lower case,
     *        digits and dashes, e.g. {@code riders}
     */
    public static OutboxRegistration database(String name, String url, String username, String password) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("shard-") || name.equals(SHARDS)) {
            throw new IllegalArgumentException("an outbox database is named in lower case, digits and dashes (not "
                    + SHARDS + " nor shard-*): " + name);
        }
        return new OutboxRegistration(name, List.of(new OutboxDatabase(name, null, url, username, password)), Set.of());
    }

    /** Every shard the deployment has opened: one relay worker per shard, tagged {@code shard}. */
    public static OutboxRegistration shards(Shards shards, ShardProperties properties) {
        List<OutboxDatabase> databases = new ArrayList<>();
        for (int i = 0; i < shards.count(); i++) {
            ShardProperties.Node node = properties.nodes().get(i);
            databases.add(new OutboxDatabase(SHARDS, new ShardNo(i), node.url(), node.username(), node.password()));
        }
        return new OutboxRegistration(SHARDS, databases, Set.of(TopicRouter.ORDER));
    }

    /** The aggregate types this database writes, so their topics are created at start when missing. */
    public OutboxRegistration publishing(String... types) {
        Set<String> all = new LinkedHashSet<>(aggregateTypes);
        all.addAll(List.of(types));
        return new OutboxRegistration(name, databases, all);
    }

    public String name() {
        return name;
    }

    public boolean sharded() {
        return databases.getFirst().shard() != null;
    }

    Set<String> aggregateTypes() {
        return aggregateTypes;
    }

    List<OutboxDatabase> databases() {
        return databases;
    }

    @Override
    public String toString() {
        return "OutboxRegistration[" + name + ", " + databases.size() + " database(s)]";
    }
}
