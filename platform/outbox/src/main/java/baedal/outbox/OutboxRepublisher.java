package baedal.outbox;

import baedal.sharding.ShardNo;
import baedal.sharding.Shards;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends events again on an operator's demand, e.g. after a consumer lost data: the matching published outbox rows
 * are queued for the database's relay ({@code outbox_republish}), which sends them with their original event ids,
 * in their original order, so consumers that de-duplicate by event id or version stay correct. Rows already
 * removed by retention cannot be re-sent; rows still pending are sent anyway and are not queued twice.
 */
public class OutboxRepublisher {

    /** The payload of the notification that tells the database's relay to look at its re-publish queue. */
    static final String REPUBLISH = "republish";

    private final Shards shards;
    private final OutboxDatabases databases;

    /** Re-publishes on the shards only. */
    public OutboxRepublisher(Shards shards) {
        this(shards, OutboxDatabases.of(java.util.List.of()));
    }

    OutboxRepublisher(Shards shards, OutboxDatabases databases) {
        this.shards = shards;
        this.databases = databases;
    }

    /** Re-queues every kept event of one aggregate on its shard; returns how many. */
    public int republishAggregate(ShardNo shard, String aggregateId) {
        requireAggregate(aggregateId);
        return shards.get(shard).inTransaction(jdbc -> requeueAggregate(jdbc, aggregateId));
    }

    /** Re-queues every kept event written on the shard in {@code [from, to)}; returns how many. */
    public int republishRange(ShardNo shard, Instant from, Instant to) {
        requireRange(from, to);
        return shards.get(shard).inTransaction(jdbc -> requeueRange(jdbc, from, to));
    }

    /** Whether a database of its own is registered under {@code name}. */
    public boolean hasDatabase(String name) {
        return databases.named(name).filter(database -> database.shard() == null).isPresent();
    }

    /** Re-queues every kept event of one aggregate on a registered database of its own; returns how many. */
    public int republishAggregate(String database, String aggregateId) {
        requireAggregate(aggregateId);
        return onDatabase(database, jdbc -> requeueAggregate(jdbc, aggregateId));
    }

    /** Re-queues every kept event written on a registered database of its own in {@code [from, to)}. */
    public int republishRange(String database, Instant from, Instant to) {
        requireRange(from, to);
        return onDatabase(database, jdbc -> requeueRange(jdbc, from, to));
    }

    private int onDatabase(String database, Function<JdbcClient, Integer> work) {
        if (!hasDatabase(database)) {
            throw new IllegalArgumentException("no outbox database of its own named " + database);
        }
        return databases.inTransaction(database, work);
    }

    private static int requeueAggregate(JdbcClient jdbc, String aggregateId) {
        return wakeRelay(jdbc, jdbc.sql(OutboxStore.REQUEUE_AGGREGATE).param("aggregateId", aggregateId).update());
    }

    private static int requeueRange(JdbcClient jdbc, Instant from, Instant to) {
        return wakeRelay(jdbc, jdbc.sql(OutboxStore.REQUEUE_RANGE)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .update());
    }

    private static void requireAggregate(String aggregateId) {
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("an aggregate id is required");
        }
    }

    private static void requireRange(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("a range needs from before to");
        }
    }

    /** Operator actions are rare, so notifying inside their transaction costs nothing worth avoiding. */
    private static int wakeRelay(JdbcClient jdbc, int requeued) {
        if (requeued > 0) {
            jdbc.sql(OutboxStore.NOTIFY_REPUBLISH).update();
        }
        return requeued;
    }
}
