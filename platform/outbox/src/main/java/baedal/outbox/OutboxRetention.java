package baedal.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes rows written and published longer than the retention ago (a re-published row is kept for the retention
 * after its latest publication, a row queued for re-publishing is kept), a batch per statement with a pause
 * between; never an unpublished row. Publication entries older than the retention go too, except the newest (the
 * cursor). Only the lease holder runs it, every {@code baedal.outbox.retention-interval}.
 */
final class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxDatabase database;
    private final Duration retention;
    private final int batchSize;
    private final Duration pause;
    private final Schedule schedule;

    OutboxRetention(OutboxDatabase database, OutboxProperties properties) {
        this.database = database;
        this.retention = properties.retention();
        this.batchSize = properties.retentionBatchSize();
        this.pause = properties.retentionPause();
        this.schedule = new Schedule(properties.retentionInterval());
    }

    /** Removes expired rows if the interval has passed since the last time; returns how many. */
    int removeExpiredIfDue(OutboxStore store, BooleanSupplier running, Consumer<Duration> sleep) throws SQLException {
        return schedule.dueNow() ? removeExpired(store, running, sleep) : 0;
    }

    int removeExpired(OutboxStore store, BooleanSupplier running, Consumer<Duration> sleep) throws SQLException {
        Position expired = store.expiredUpTo(retention);
        if (expired == null) {
            return 0;
        }
        int total = 0;
        while (running.getAsBoolean()) {
            int removed = store.removeExpired(expired, retention, batchSize);
            total += removed;
            if (removed < batchSize) {
                break;
            }
            sleep.accept(pause);
        }
        store.removePublicationsBelow(expired);
        if (total > 0) {
            log.info("Outbox retention removed {} published rows from {}", total, database.name());
        }
        return total;
    }
}
