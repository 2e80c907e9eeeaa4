package baedal.order.persistence;

import baedal.kernel.Money;
import baedal.order.DeliveryAddress;
import baedal.order.IdempotencyKey;
import baedal.order.IdempotencyKeyReused;
import baedal.order.MemberId;
import baedal.order.Order;
import baedal.order.OrderLine;
import baedal.order.OrderNo;
import baedal.order.Orders.Placed;
import baedal.sharding.ShardNo;
import baedal.sharding.ShardUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Shard databases in memory, shared by any number of {@link View}s — one per application instance, each with its
 * own idea of which shards are down. A shard's {@code idempotency_key} table is a map from key to claim.
 */
final class InMemoryShards {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Map<ShardNo, Map<String, Claim>> keys = new ConcurrentHashMap<>();
    private final Map<ShardNo, Long> serials = new ConcurrentHashMap<>();
    private final Set<ShardNo> down = ConcurrentHashMap.newKeySet();
    /** Shards whose next commit is written but reported as failed (the outcome is unknown to the caller). */
    private final Set<ShardNo> commitLost = ConcurrentHashMap.newKeySet();

    record Claim(String fingerprint, Placed placed) {
    }

    void stop(int shard) {
        down.add(new ShardNo(shard));
    }

    void start(int shard) {
        down.remove(new ShardNo(shard));
    }

    void loseNextCommitOn(int shard) {
        commitLost.add(new ShardNo(shard));
    }

    /** Every (shard, order) the key placed, across all shards. */
    List<ShardNo> shardsHolding(String key) {
        List<ShardNo> holding = new ArrayList<>();
        keys.forEach((shard, claims) -> {
            if (claims.containsKey(key)) {
                holding.add(shard);
            }
        });
        return holding;
    }

    int orders() {
        return keys.values().stream().mapToInt(Map::size).sum();
    }

    /** One application instance's view of the shards. */
    final class View implements IdempotentPlacement.Store {

        private final Function<IdempotencyKey, List<ShardNo>> ranking;
        private final Set<ShardNo> seenDown = ConcurrentHashMap.newKeySet();
        private List<Integer> earlierShardCounts = List.of();
        final Map<ShardNo, Integer> finds = new HashMap<>();
        final Map<ShardNo, Integer> placements = new HashMap<>();

        View(Function<IdempotencyKey, List<ShardNo>> ranking) {
            this.ranking = ranking;
        }

        /** This instance believes the shard is down (its breaker is open), whatever the shard's real state. */
        View seesDown(int shard) {
            seenDown.add(new ShardNo(shard));
            return this;
        }

        View seesUp(int shard) {
            seenDown.remove(new ShardNo(shard));
            return this;
        }

        View consulting(Integer... counts) {
            earlierShardCounts = List.of(counts);
            return this;
        }

        @Override
        public List<ShardNo> ranking(IdempotencyKey key) {
            return ranking.apply(key);
        }

        @Override
        public List<Integer> earlierShardCounts() {
            return earlierShardCounts;
        }

        @Override
        public boolean acceptsNewWork(ShardNo shard) {
            return !seenDown.contains(shard);
        }

        @Override
        public synchronized Optional<Placed> find(ShardNo shard, IdempotencyKey key, String fingerprint) {
            finds.merge(shard, 1, Integer::sum);
            reachable(shard);
            return claimed(shard, key, fingerprint);
        }

        private Optional<Placed> claimed(ShardNo shard, IdempotencyKey key, String fingerprint) {
            Claim claim = keys.getOrDefault(shard, Map.of()).get(key.value());
            if (claim == null) {
                return Optional.empty();
            }
            if (!claim.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReused(key, claim.placed().order().orderNo());
            }
            return Optional.of(new Placed(claim.placed().order(), false));
        }

        @Override
        public synchronized Placed place(ShardNo shard, IdempotencyKey key, String fingerprint,
                Function<OrderNo, Order.Placement> create) {
            placements.merge(shard, 1, Integer::sum);
            reachable(shard);
            Optional<Placed> existing = claimed(shard, key, fingerprint);
            if (existing.isPresent()) {
                return existing.get();
            }
            long serial = serials.merge(shard, 1L, Long::sum);
            Placed placed = new Placed(create.apply(OrderNo.issue(serial, shard)).order().snapshot(), true);
            keys.computeIfAbsent(shard, s -> new ConcurrentHashMap<>()).put(key.value(), new Claim(fingerprint, placed));
            if (commitLost.remove(shard)) {
                throw new ShardUnavailable(shard, RETRY_AFTER, false, null);
            }
            return placed;
        }

        @Override
        public Duration retryAfter() {
            return RETRY_AFTER;
        }

        private void reachable(ShardNo shard) {
            if (down.contains(shard)) {
                seenDown.add(shard); // as the shard's breaker records a refused connection
            }
            if (seenDown.contains(shard)) {
                throw new ShardUnavailable(shard, RETRY_AFTER, true, null);
            }
        }
    }

    /** A placement of one simple order, as {@code OrderPlacement} would hand it to the store. */
    static Function<OrderNo, Order.Placement> anOrder() {
        return orderNo -> Order.place(orderNo, new MemberId(1001), new Order.ShopRef(1, "바삭치킨 역삼점"),
                List.of(new OrderLine(101, "후라이드치킨", Money.won(20_000), 1, List.of())),
                new DeliveryAddress("서울특별시 강남구 테헤란로 152", "12층", "06236", 37.5, 127.0364),
                Money.won(3_000), Money.won(23_000), "", "", Instant.parse("2026-11-25T03:00:00Z"));
    }
}
