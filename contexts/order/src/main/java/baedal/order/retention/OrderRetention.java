package baedal.order.retention;

import baedal.order.events.ProjectedVersions;
import baedal.sharding.Shard;
import baedal.sharding.ShardUnavailable;
import baedal.sharding.Shards;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Removes finished orders — DELIVERED, REJECTED, CANCELLED — from their shards once they finished longer than
 * the retention ago, and only those the read model holds at their final version, so no order's history is ever
 * lost. An order goes with its lines and its idempotency key; its outbox rows stay until the outbox's own
 * retention. Each shard is worked through in small batches, each in one transaction; a shard that is down is
 * skipped until the next run.
 */
public final class OrderRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderRetention.class);

    private final Shards shards;
    private final ProjectedVersions projected;
    private final RetentionProperties settings;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public OrderRetention(Shards shards, ProjectedVersions projected, RetentionProperties settings, Clock clock) {
        this.shards = shards;
        this.projected = projected;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did: orders removed, and finished orders kept because the read model lacks their final version. */
    public record Run(long removed, long notProjected) {
    }

    /** One pass over every shard; also what the schedule runs. */
    public synchronized Run runOnce() {
        Instant cutoff = clock.instant().minus(settings.keep());
        long removed = 0;
        long notProjected = 0;
        for (Shard shard : shards.all()) {
            try {
                long after = Long.MIN_VALUE;
                while (true) {
                    Batch batch = removeBatch(shard, cutoff, after);
                    removed += batch.removed();
                    notProjected += batch.notProjected();
                    if (batch.last() == null) {
                        break;
                    }
                    after = batch.last();
                }
            } catch (ShardUnavailable unavailable) {
                log.warn("Order retention skips {} until the next run: {}", shard.no(), unavailable.getMessage());
            }
        }
        if (removed > 0 || notProjected > 0) {
            log.info("Order retention removed {} finished order(s); {} wait for the read model", removed,
                    notProjected);
        }
        return new Run(removed, notProjected);
    }

    private record Batch(Long last, long removed, long notProjected) {
    }

    /** The next batch of expired finished orders after {@code after} (by order number), in one transaction. */
    private Batch removeBatch(Shard shard, Instant cutoff, long after) {
        return shard.inTransaction(jdbc -> {
            Map<Long, Long> expired = new LinkedHashMap<>();
            jdbc.sql("""
                    select order_no, version from orders
                     where status in ('DELIVERED', 'REJECTED', 'CANCELLED')
                       and coalesce(delivered_at, rejected_at, cancelled_at) < :cutoff
                       and order_no > :after
                     order by order_no
                     limit :limit
                     for update skip locked""")
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("after", after)
                    .param("limit", settings.batchSize())
                    .query((rs, n) -> expired.put(rs.getLong(1), rs.getLong(2)))
                    .list();
            if (expired.isEmpty()) {
                return new Batch(null, 0, 0);
            }
            Map<Long, Long> held = projected.of(expired.keySet());
            List<Long> removable = new ArrayList<>();
            expired.forEach((orderNo, version) -> {
                Long projectedVersion = held.get(orderNo);
                if (projectedVersion != null && projectedVersion >= version) {
                    removable.add(orderNo);
                }
            });
            long last = expired.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            if (!removable.isEmpty()) {
                jdbc.sql("delete from idempotency_key where order_no in (:orderNos)")
                        .param("orderNos", removable).update();
                jdbc.sql("delete from order_line where order_no in (:orderNos)")
                        .param("orderNos", removable).update();
                jdbc.sql("delete from orders where order_no in (:orderNos)")
                        .param("orderNos", removable).update();
            }
            return new Batch(last, removable.size(), expired.size() - removable.size());
        });
    }

    @Override
    public synchronized void start() {
        if (schedule != null || !settings.enabled()) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "order-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        schedule.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException failed) {
                log.warn("Order retention run failed, trying again in {} ms: {}", every, failed.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }
}
