package baedal.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what a database's outbox holds about one aggregate: each event with when it was written and when Kafka
 * acknowledged it. Published rows older than the outbox's retention are gone from here.
 */
@Component
public class OutboxEntries {

    /** One outbox row as operators see it; {@code publishedAt} is null while the event is pending. */
    public record Entry(UUID eventId, String type, long version, Instant occurredAt, String traceparent,
            Instant writtenAt, Instant publishedAt) {
    }

    /** The aggregate's events in the outbox of the database {@code shard} reaches, in the order they were written. */
    public List<Entry> forAggregate(JdbcClient shard, String aggregateId) {
        return shard.sql(OutboxStore.ENTRIES_OF_AGGREGATE)
                .param("aggregateId", aggregateId)
                .query((row, n) -> new Entry(row.getObject("id", UUID.class), row.getString("type"),
                        row.getLong("version"), instant(row.getTimestamp("occurred_at")), row.getString("traceparent"),
                        instant(row.getTimestamp("written_at")), instant(row.getTimestamp("published_at"))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
