package baedal.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.sharding.ShardUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class TopologyHistoryTests {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(24);

    private final Map<Integer, Instant> oldestOrders = new HashMap<>();
    private final List<Integer> unreachable = new ArrayList<>();
    private final List<Integer> asked = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();

    private TopologyHistory history(int shardCount) {
        Executor queued = background::add;
        return new TopologyHistory(shardCount, shard -> {
            asked.add(shard.value());
            if (unreachable.contains(shard.value())) {
                throw new ShardUnavailable(shard, Duration.ofSeconds(5), true, null);
            }
            return Optional.ofNullable(oldestOrders.get(shard.value()));
        }, Clock.fixed(NOW, ZoneOffset.UTC), HORIZON, Duration.ofMinutes(1), queued);
    }

    @Test
    void consultsTheTopologyBeforeEveryShardNotKnownToBeSettled() {
        assertThat(TopologyHistory.earlierShardCounts(4, shard -> false)).containsExactly(1, 2, 3);
        assertThat(TopologyHistory.earlierShardCounts(4, shard -> shard != 3)).containsExactly(3);
        assertThat(TopologyHistory.earlierShardCounts(4, shard -> true)).isEmpty();
        assertThat(TopologyHistory.earlierShardCounts(1, shard -> false)).isEmpty();
    }

    @Test
    void knowsNothingUntilItHasLookedAndLooksInTheBackground() {
        TopologyHistory history = history(3);

        assertThat(history.earlierShardCounts()).containsExactly(1, 2);
        assertThat(background).hasSize(1);
        assertThat(history.earlierShardCounts()).as("one look at a time").containsExactly(1, 2);
        assertThat(background).hasSize(1);
    }

    @Test
    void aShardWithAnOrderOlderThanTheHorizonIsSettled() {
        oldestOrders.put(1, NOW.minus(Duration.ofDays(3)));
        oldestOrders.put(2, NOW.minus(Duration.ofHours(2))); // appended two hours ago
        TopologyHistory history = history(3);

        history.check();

        assertThat(history.earlierShardCounts()).containsExactly(2);
    }

    @Test
    void aShardThatIsEmptyOrCannotBeAskedIsNotSettled() {
        oldestOrders.put(1, NOW.minus(Duration.ofDays(3)));
        unreachable.add(1);
        TopologyHistory history = history(3);

        history.check();

        assertThat(history.earlierShardCounts()).containsExactly(1, 2);
    }

    @Test
    void aSettledShardIsNotAskedAgainAndTheOthersOnlyAfterTheRecheckInterval() {
        oldestOrders.put(1, NOW.minus(Duration.ofDays(3)));
        TopologyHistory history = history(3);
        history.check();
        asked.clear();

        history.check();
        assertThat(asked).containsExactly(2);

        background.clear();
        history.earlierShardCounts();
        assertThat(background).as("the last look was less than a minute ago").isEmpty();
    }
}
