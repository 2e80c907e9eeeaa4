package baedal.order.persistence;

import static baedal.order.persistence.InMemoryShards.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.order.IdempotencyKey;
import baedal.order.IdempotencyKeyReused;
import baedal.order.Order;
import baedal.order.OrderNo;
import baedal.order.Orders.Placed;
import baedal.sharding.NoShardAvailable;
import baedal.sharding.ShardNo;
import baedal.sharding.ShardUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The placement rule of ADR 0001 on in-memory shards: which shards are asked, where an order goes, and that a
 * retry finds the first order after a fall-over, across instances that disagree about a shard, and after shards
 * were added — or is refused while a shard that this instance knows may hold it cannot be asked.
 */
class IdempotentPlacementTests {

    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");
    private static final String BODY = "fingerprint-1";

    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemoryShards shards = new InMemoryShards();

    @AfterEach
    void stopProbes() {
        probes.shutdownNow();
    }

    /** Every key ranks the shards in this order (best first). */
    private static Function<IdempotencyKey, List<ShardNo>> ranked(int... shardNumbers) {
        List<ShardNo> ranking = Arrays.stream(shardNumbers).mapToObj(ShardNo::new).toList();
        return key -> ranking;
    }

    /** One application instance: its view of the shards and its own memory of keys. */
    private IdempotentPlacement instance(InMemoryShards.View view) {
        return new IdempotentPlacement(view, new RememberedKeys(Clock.systemUTC(), Duration.ofHours(24), 1_000), probes,
                Duration.ofSeconds(1));
    }

    private static ShardNo shard(int no) {
        return new ShardNo(no);
    }

    private static int shardOf(Placed placed) {
        return placed.order().orderNo().shard().value();
    }

    @Test
    void aNewKeyAsksOnlyItsSecondShardAndIsPlacedOnItsFirst() {
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));

        Placed placed = instance(view).place(KEY, BODY, anOrder());

        assertThat(placed.created()).isTrue();
        assertThat(shardOf(placed)).isEqualTo(2);
        assertThat(view.finds).containsOnlyKeys(shard(0)).containsEntry(shard(0), 1);
        assertThat(view.placements).containsOnlyKeys(shard(2));
    }

    @Test
    void aRetryFindsTheOrderOnItsFirstShard() {
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));
        IdempotentPlacement placement = instance(view);
        Placed first = placement.place(KEY, BODY, anOrder());

        Placed retry = placement.place(KEY, BODY, anOrder());

        assertThat(retry.created()).isFalse();
        assertThat(retry.order().orderNo()).isEqualTo(first.order().orderNo());
        assertThat(shards.orders()).isOne();
    }

    @Test
    void fallsOverToTheSecondShardWhileTheFirstIsDown() {
        shards.stop(2);
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));

        Placed placed = instance(view).place(KEY, BODY, anOrder());

        assertThat(placed.created()).isTrue();
        assertThat(shardOf(placed)).isZero();
    }

    @Test
    void fallsOverWhenTheFirstShardFailsBeforeTheCommit() {
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));
        shards.stop(2); // the view still sends it work: the placement itself finds it down

        Placed placed = instance(view).place(KEY, BODY, anOrder());

        assertThat(shardOf(placed)).isZero();
        assertThat(view.placements).containsOnlyKeys(shard(2), shard(0));
    }

    @Test
    void neverFallsOverFurtherThanTheSecondShard() {
        shards.stop(2);
        shards.stop(0);
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));

        assertThatThrownBy(() -> instance(view).place(KEY, BODY, anOrder())).isInstanceOf(NoShardAvailable.class);
        assertThat(shards.orders()).isZero();
    }

    /** Scenario (a) of the issue: placed on the second shard while the first was down, retried once it is back. */
    @Test
    void aRetryAfterTheFirstShardIsBackFindsTheOrderPlacedOnTheSecond() {
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));
        IdempotentPlacement placement = instance(view);
        shards.stop(2);
        view.seesDown(2);
        Placed first = placement.place(KEY, BODY, anOrder());
        shards.start(2);
        view.seesUp(2);

        Placed retry = placement.place(KEY, BODY, anOrder());

        assertThat(retry.created()).isFalse();
        assertThat(retry.order().orderNo()).isEqualTo(first.order().orderNo());
        assertThat(shards.shardsHolding(KEY.value())).containsExactly(shard(0));
        assertThat(view.placements).doesNotContainKey(shard(2));
    }

    /** Scenario (c): one instance saw the first shard down and fell over, the other sees it up. */
    @Test
    void twoInstancesThatDisagreeAboutTheFirstShardMeetOnOneOrder() {
        InMemoryShards.View sawItDown = shards.new View(ranked(2, 0, 3, 1)).seesDown(2);
        InMemoryShards.View seesItUp = shards.new View(ranked(2, 0, 3, 1));
        Placed first = instance(sawItDown).place(KEY, BODY, anOrder());

        Placed retryElsewhere = instance(seesItUp).place(KEY, BODY, anOrder());
        Placed retryHere = instance(sawItDown).place(KEY, BODY, anOrder());

        assertThat(shardOf(first)).isZero();
        assertThat(retryElsewhere.created()).isFalse();
        assertThat(retryElsewhere.order().orderNo()).isEqualTo(first.order().orderNo());
        assertThat(retryHere.order().orderNo()).isEqualTo(first.order().orderNo());
        assertThat(shards.orders()).isOne();
    }

    /** Scenario (b): a shard appended on top of the key's ranking; the order is under the earlier topology's first. */
    @Test
    void aRetryAfterAShardWasAddedFindsTheOrderOfTheEarlierTopology() {
        InMemoryShards.View twoShards = shards.new View(ranked(1, 0));
        Placed first = instance(twoShards).place(KEY, BODY, anOrder());
        InMemoryShards.View threeShards = shards.new View(ranked(2, 1, 0)).consulting(2, 1);

        Placed retry = instance(threeShards).place(KEY, BODY, anOrder());

        assertThat(retry.created()).isFalse();
        assertThat(retry.order().orderNo()).isEqualTo(first.order().orderNo());
        assertThat(shards.shardsHolding(KEY.value())).containsExactly(shard(1));
    }

    /** An earlier topology's fall-over: two shards were added above, and the order is on the earlier second shard. */
    @Test
    void aRetryFindsAFallOverOfAnEarlierTopologyBelowTwoAddedShards() {
        shards.stop(1);
        InMemoryShards.View twoShards = shards.new View(ranked(1, 0));
        Placed first = instance(twoShards).place(KEY, BODY, anOrder());
        shards.start(1);
        assertThat(shardOf(first)).isZero();
        // four shards rank 3, 2, 1, 0: the order is fourth, and shards 2 and 3 are not yet settled
        InMemoryShards.View fourShards = shards.new View(ranked(3, 2, 1, 0)).consulting(3, 2);

        Placed retry = instance(fourShards).place(KEY, BODY, anOrder());

        assertThat(retry.created()).isFalse();
        assertThat(retry.order().orderNo()).isEqualTo(first.order().orderNo());
        assertThat(fourShards.finds).containsOnlyKeys(shard(2), shard(1), shard(0));
    }

    @Test
    void withoutTheEarlierTopologyTheRetryWouldBePlacedAgain() {
        InMemoryShards.View twoShards = shards.new View(ranked(1, 0));
        instance(twoShards).place(KEY, BODY, anOrder());
        // once every shard is settled the earlier first shard is not asked any more
        InMemoryShards.View settledThreeShards = shards.new View(ranked(2, 0, 1));

        Placed retry = instance(settledThreeShards).place(KEY, BODY, anOrder());

        assertThat(retry.created()).as("past the horizon a key is a new key").isTrue();
        assertThat(settledThreeShards.finds).containsOnlyKeys(shard(0));
    }

    @Test
    void refusesARetryWhileTheShardThisInstancePlacedItOnCannotBeAsked() {
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));
        IdempotentPlacement placement = instance(view);
        shards.stop(2);
        view.seesDown(2);
        Placed first = placement.place(KEY, BODY, anOrder());
        shards.start(2);
        view.seesUp(2);
        shards.stop(0);

        assertThatThrownBy(() -> placement.place(KEY, BODY, anOrder()))
                .isInstanceOfSatisfying(ShardUnavailable.class, refused -> {
                    assertThat(refused.shard()).isEqualTo(shard(0));
                    assertThat(refused.retryAfter()).isEqualTo(InMemoryShards.RETRY_AFTER);
                });
        assertThat(shards.shardsHolding(KEY.value())).containsExactly(shard(0));

        shards.start(0);
        view.seesUp(0); // its breaker lets a call through again
        assertThat(placement.place(KEY, BODY, anOrder()).order().orderNo()).isEqualTo(first.order().orderNo());
    }

    @Test
    void refusesARetryWhoseCommitWasNotConfirmedWhileItsShardIsDown() {
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));
        IdempotentPlacement placement = instance(view);
        shards.loseNextCommitOn(2);
        assertThatThrownBy(() -> placement.place(KEY, BODY, anOrder()))
                .isInstanceOfSatisfying(ShardUnavailable.class, unknown -> assertThat(unknown.nothingWritten()).isFalse());
        shards.stop(2);
        view.seesDown(2);

        assertThatThrownBy(() -> placement.place(KEY, BODY, anOrder()))
                .isInstanceOfSatisfying(ShardUnavailable.class, refused -> assertThat(refused.shard()).isEqualTo(shard(2)));
        assertThat(shards.shardsHolding(KEY.value())).containsExactly(shard(2));

        shards.start(2);
        view.seesUp(2);
        Placed retry = placement.place(KEY, BODY, anOrder());
        assertThat(retry.created()).isFalse();
        assertThat(shardOf(retry)).isEqualTo(2);
    }

    @Test
    void placesANewKeyWhileItsSecondShardIsDown() {
        shards.stop(0);
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1)).seesDown(0);

        Placed placed = instance(view).place(KEY, BODY, anOrder());

        assertThat(placed.created()).isTrue();
        assertThat(shardOf(placed)).isEqualTo(2);
    }

    @Test
    void findsTheOrderOnAnEarlierShardEvenWhenNeitherCurrentShardCanTakeWork() {
        InMemoryShards.View twoShards = shards.new View(ranked(1, 0));
        Placed first = instance(twoShards).place(KEY, BODY, anOrder());
        shards.stop(2);
        shards.stop(0);
        InMemoryShards.View threeShards = shards.new View(ranked(2, 0, 1)).consulting(2);

        assertThat(instance(threeShards).place(KEY, BODY, anOrder()).order().orderNo())
                .isEqualTo(first.order().orderNo());
    }

    @Test
    void refusesAKeyThatPlacedAnotherRequestOnAnyCandidate() {
        shards.stop(2);
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));
        instance(view).place(KEY, BODY, anOrder());
        shards.start(2);

        assertThatThrownBy(() -> instance(shards.new View(ranked(2, 0, 3, 1))).place(KEY, "another body", anOrder()))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(shards.orders()).isOne();
    }

    @Test
    void findsThePlacedOrderOfARetryThatCannotBePricedAnyMore() {
        InMemoryShards.View sawItDown = shards.new View(ranked(2, 0, 3, 1)).seesDown(2);
        Placed first = instance(sawItDown).place(KEY, BODY, anOrder());

        Optional<Placed> found = instance(shards.new View(ranked(2, 0, 3, 1))).placedUnder(KEY, BODY);

        assertThat(found).hasValueSatisfying(placed -> {
            assertThat(placed.created()).isFalse();
            assertThat(placed.order().orderNo()).isEqualTo(first.order().orderNo());
        });
        assertThat(instance(shards.new View(ranked(2, 0, 3, 1))).placedUnder(new IdempotencyKey("other"), BODY)).isEmpty();
    }

    @Test
    void aCandidateThatIsUpButDoesNotAnswerInTimeRefusesThePlacementRatherThanRiskASecondOrder() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        InMemoryShards.View view = shards.new View(ranked(2, 0, 3, 1));
        IdempotentPlacement.Store hanging = new ForwardingStore(view) {
            @Override
            public Optional<Placed> find(ShardNo shard, IdempotencyKey key, String fingerprint) {
                try {
                    never.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }
        };
        IdempotentPlacement placement = new IdempotentPlacement(hanging,
                new RememberedKeys(Clock.systemUTC(), Duration.ofHours(1), 10), probes, Duration.ofMillis(100));

        long started = System.nanoTime();
        assertThatThrownBy(() -> placement.place(KEY, BODY, anOrder()))
                .isInstanceOfSatisfying(ShardUnavailable.class, refused -> assertThat(refused.shard()).isNotEqualTo(shard(2)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(view.placements).as("nothing placed").isEmpty();
        never.countDown();
    }

    /** A store that passes every call to another, for tests that change one call. */
    private static class ForwardingStore implements IdempotentPlacement.Store {

        private final IdempotentPlacement.Store delegate;

        ForwardingStore(IdempotentPlacement.Store delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<ShardNo> ranking(IdempotencyKey key) {
            return delegate.ranking(key);
        }

        @Override
        public List<Integer> earlierShardCounts() {
            return delegate.earlierShardCounts();
        }

        @Override
        public boolean acceptsNewWork(ShardNo shard) {
            return delegate.acceptsNewWork(shard);
        }

        @Override
        public Optional<Placed> find(ShardNo shard, IdempotencyKey key, String fingerprint) {
            return delegate.find(shard, key, fingerprint);
        }

        @Override
        public Placed place(ShardNo shard, IdempotencyKey key, String fingerprint,
                Function<OrderNo, Order.Placement> create) {
            return delegate.place(shard, key, fingerprint, create);
        }

        @Override
        public Duration retryAfter() {
            return delegate.retryAfter();
        }
    }
}
