package baedal.order.persistence;

import baedal.sharding.ShardNo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which earlier topologies may have placed an idempotency key that is still within the horizon, found from the
 * shards' own orders — no configuration to forget when a shard is appended.
 * <p>
 * Shards are only appended, so an earlier topology is the shards numbered below some {@code n}. Shard {@code n}
 * is <em>settled</em> once it holds an order placed longer than the horizon ago: it has taken orders since before
 * the horizon began, so no key of the horizon was placed without it. For every shard not known to be settled, the
 * topology before it ({@code n} shards) is consulted. That is sound when nothing is known (a shard that is down,
 * a fresh deployment) and costs nothing once every shard is settled; a settled shard stays settled. Unsettled
 * shards are looked at again in the background at most every {@code recheck}.
 */
final class TopologyHistory {

    private static final Logger log = LoggerFactory.getLogger(TopologyHistory.class);

    private final int shardCount;
    private final Function<ShardNo, Optional<Instant>> oldestOrder;
    private final Clock clock;
    private final Duration horizon;
    private final Duration recheck;
    private final Executor executor;
    private final boolean[] settled;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile List<Integer> earlierShardCounts;
    private volatile Instant nextCheck = Instant.MIN;

    /**
     * @param oldestOrder when the shard's oldest order still on it was placed (empty if it holds none); may throw
     *        when the shard cannot be asked
     */
    TopologyHistory(int shardCount, Function<ShardNo, Optional<Instant>> oldestOrder, Clock clock, Duration horizon,
            Duration recheck, Executor executor) {
        this.shardCount = shardCount;
        this.oldestOrder = oldestOrder;
        this.clock = clock;
        this.horizon = horizon;
        this.recheck = recheck;
        this.executor = executor;
        this.settled = new boolean[shardCount];
        this.earlierShardCounts = earlierShardCounts(shardCount, shard -> false);
    }

    /**
     * The shard counts of the earlier topologies to consult: {@code n} for every shard {@code n ≥ 1} that is not
     * known to be settled. A pure function of the shard count and what is known.
     */
    static List<Integer> earlierShardCounts(int shardCount, IntPredicate settled) {
        List<Integer> counts = new ArrayList<>();
        for (int shard = 1; shard < shardCount; shard++) {
            if (!settled.test(shard)) {
                counts.add(shard);
            }
        }
        return List.copyOf(counts);
    }

    /** The earlier shard counts as now known; starts a background look at the unsettled shards when one is due. */
    List<Integer> earlierShardCounts() {
        List<Integer> counts = earlierShardCounts;
        if (!counts.isEmpty() && !clock.instant().isBefore(nextCheck) && checking.compareAndSet(false, true)) {
            try {
                executor.execute(this::check);
            } catch (RuntimeException rejected) {
                checking.set(false);
            }
        }
        return counts;
    }

    /** Looks at every unsettled shard once (synchronously); what {@link #earlierShardCounts()} runs in the background. */
    void check() {
        try {
            Instant before = clock.instant().minus(horizon);
            for (int shard = 1; shard < shardCount; shard++) {
                if (settled[shard]) {
                    continue;
                }
                try {
                    Optional<Instant> oldest = oldestOrder.apply(new ShardNo(shard));
                    if (oldest.isPresent() && oldest.get().isBefore(before)) {
                        settled[shard] = true;
                    }
                } catch (RuntimeException unavailable) {
                    log.debug("shard-{} could not be asked for its oldest order: {}", shard, unavailable.getMessage());
                }
            }
            earlierShardCounts = earlierShardCounts(shardCount, shard -> settled[shard]);
        } finally {
            nextCheck = clock.instant().plus(recheck);
            checking.set(false);
        }
    }
}
