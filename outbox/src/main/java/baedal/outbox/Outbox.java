package baedal.outbox;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write side of the transactional outbox: appends an event to the outbox of the shard whose transaction
 * {@code transaction} belongs to. The event commits, or rolls back, with the change it records; the relay
 * publishes it afterwards.
 */
@Component
public class Outbox {

    public void append(JdbcClient transaction, OutboxRecord record) {
        transaction.sql("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, version, occurred_at, traceparent)
                values (:id, :aggregateType, :aggregateId, :type, cast(:payload as jsonb), :version, :occurredAt, :traceparent)""")
                .param("id", record.id())
                .param("aggregateType", record.aggregateType())
                .param("aggregateId", record.aggregateId())
                .param("type", record.type())
                .param("payload", record.payload())
                .param("version", record.version())
                .param("occurredAt", Timestamp.from(record.occurredAt()))
                .param("traceparent", record.traceparent(), java.sql.Types.VARCHAR)
                .update();
    }
}
