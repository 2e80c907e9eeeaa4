package baedal.outbox;

import baedal.sharding.ShardNo;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The write side of the transactional outbox: appends an event to the outbox of the shard whose transaction
 * {@code transaction} belongs to. The event commits, or rolls back, with the change it records; after the
 * commit the shard's relay is woken ({@link OutboxNotifier}) and publishes it.
 */
public class Outbox {

    private final OutboxNotifier notifier;

    /** An outbox that wakes relays through {@code notifier}; with {@code null}, relays find rows by their poll. */
    public Outbox(OutboxNotifier notifier) {
        this.notifier = notifier;
    }

    public void append(JdbcClient transaction, ShardNo shard, OutboxRecord record) {
        transaction.sql("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, version, occurred_at, traceparent)
                values (:id, :aggregateType, :aggregateId, :type, cast(:payload as json), :version, :occurredAt, :traceparent)""")
                .param("id", record.id())
                .param("aggregateType", record.aggregateType())
                .param("aggregateId", record.aggregateId())
                .param("type", record.type())
                .param("payload", record.payload())
                .param("version", record.version())
                .param("occurredAt", Timestamp.from(record.occurredAt()))
                .param("traceparent", record.traceparent(), java.sql.Types.VARCHAR)
                .update();
        if (notifier == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notifier.committed(shard);
                }
            });
        } else {
            notifier.committed(shard); // auto-commit: the row is committed already
        }
    }
}
