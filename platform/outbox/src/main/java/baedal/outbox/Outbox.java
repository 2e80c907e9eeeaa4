package baedal.outbox;

import baedal.sharding.ShardNo;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The write side of the transactional outbox: appends an event to the outbox of the database whose transaction
 * {@code transaction} belongs to — a shard ({@link #append(JdbcClient, ShardNo, OutboxRecord)}) or a database
 * registered by name ({@link #append(JdbcClient, String, OutboxRecord)}, see {@link OutboxRegistration}). The event
 * commits, or rolls back, with the change it records; after the commit the database's relay is woken
 * ({@link OutboxNotifier}) and publishes it to its aggregate type's topic.
 */
public class Outbox {

    private final OutboxNotifier notifier;

    /** An outbox that wakes relays through {@code notifier}; with {@code null}, relays find rows by their poll. */
    public Outbox(OutboxNotifier notifier) {
        this.notifier = notifier;
    }

    /** Appends {@code record} in {@code transaction}, a transaction on {@code shard}. */
    public void append(JdbcClient transaction, ShardNo shard, OutboxRecord record) {
        append(transaction, OutboxDatabase.nameOf(shard), record);
    }

    /**
     * Appends {@code record} in {@code transaction}, a transaction on the registered database {@code database}.
     * Throws {@link IllegalArgumentException} for a database no {@link OutboxRegistration} names: its rows would
     * never be published.
     */
    public void append(JdbcClient transaction, String database, OutboxRecord record) {
        if (notifier != null && !notifier.knows(database)) {
            throw new IllegalArgumentException("no outbox is registered for database " + database);
        }
        transaction.sql(OutboxStore.APPEND)
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
                    notifier.committed(database);
                }
            });
        } else {
            notifier.committed(database); // auto-commit: the row is committed already
        }
    }
}
