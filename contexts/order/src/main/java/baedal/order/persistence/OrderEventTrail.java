package baedal.order.persistence;

import baedal.order.OrderNo;
import baedal.order.OrderNotFound;
import baedal.outbox.OutboxEntries;
import baedal.sharding.Shards;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The events of one order as its shard's outbox holds them: for operators who follow an order's event flow
 * (when each event was written and when Kafka acknowledged it, under which trace).
 */
@Component
public class OrderEventTrail {

    private final Shards shards;
    private final OutboxEntries entries;

    public OrderEventTrail(Shards shards, OutboxEntries entries) {
        this.shards = shards;
        this.entries = entries;
    }

    /** The order's outbox entries in the order they were written; throws {@link OrderNotFound} for none. */
    public List<OutboxEntries.Entry> of(OrderNo no) {
        if (!shards.has(no.shard())) {
            throw new OrderNotFound(no.toString());
        }
        List<OutboxEntries.Entry> found = shards.get(no.shard())
                .inTransaction(jdbc -> entries.forAggregate(jdbc, no.toString()));
        if (found.isEmpty()) {
            throw new OrderNotFound(no.toString());
        }
        return found;
    }
}
