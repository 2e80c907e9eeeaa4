package baedal.outbox;

import baedal.sharding.ShardNo;
import baedal.sharding.Shards;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends events again on an operator's demand, e.g. after a consumer lost data: the matching published outbox rows
 * are queued for the shard's relay ({@code outbox_republish}), which sends them with their original event ids, in
 * their original order, so consumers that de-duplicate by event id or version stay correct. Rows already removed
 * by retention cannot be re-sent; rows still pending are sent anyway and are not queued twice.
 */
public class OutboxRepublisher {

    /** The payload of the notification that tells the shard's relay to look at its re-publish queue. */
    static final String REPUBLISH = "republish";

    private final Shards shards;

    public OutboxRepublisher(Shards shards) {
        this.shards = shards;
    }

    /** Re-queues every kept event of one aggregate on its shard; returns how many. */
    public int republishAggregate(ShardNo shard, String aggregateId) {
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("an aggregate id is required");
        }
        return shards.get(shard).inTransaction(jdbc -> wakeRelay(jdbc, jdbc.sql("""
                insert into outbox_republish (id)
                select id from outbox_state where aggregateid = :aggregateId and published_at is not null
                on conflict (id) do nothing""")
                .param("aggregateId", aggregateId)
                .update()));
    }

    /** Re-queues every kept event written on the shard in {@code [from, to)}; returns how many. */
    public int republishRange(ShardNo shard, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("a range needs from before to");
        }
        return shards.get(shard).inTransaction(jdbc -> wakeRelay(jdbc, jdbc.sql("""
                insert into outbox_republish (id)
                select id from outbox_state
                where written_at >= :from and written_at < :to and published_at is not null
                on conflict (id) do nothing""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .update()));
    }

    /** Operator actions are rare, so notifying inside their transaction costs nothing worth avoiding. */
    private static int wakeRelay(JdbcClient jdbc, int requeued) {
        if (requeued > 0) {
            jdbc.sql("notify outbox, '" + REPUBLISH + "'").update();
        }
        return requeued;
    }
}
