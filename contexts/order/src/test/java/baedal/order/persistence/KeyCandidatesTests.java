package baedal.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.sharding.ShardNo;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCandidatesTests {

    private static List<ShardNo> shards(int... numbers) {
        return Arrays.stream(numbers).mapToObj(ShardNo::new).toList();
    }

    @Test
    void aSettledTopologyHasTwoCandidatesTheFirstAndTheSecondOfTheRanking() {
        KeyCandidates candidates = KeyCandidates.of(shards(5, 2, 7, 0, 1, 3, 4, 6), List.of());

        assertThat(candidates.first()).isEqualTo(new ShardNo(5));
        assertThat(candidates.second()).isEqualTo(new ShardNo(2));
        assertThat(candidates.earlier()).isEmpty();
        assertThat(candidates.targets()).isEqualTo(shards(5, 2));
        assertThat(candidates.all()).isEqualTo(shards(5, 2));
    }

    @Test
    void aSingleShardIsTheOnlyCandidate() {
        KeyCandidates candidates = KeyCandidates.of(shards(0), List.of(1, 2));

        assertThat(candidates.second()).isNull();
        assertThat(candidates.all()).isEqualTo(shards(0));
    }

    @Test
    void anEarlierTopologyAddsTheFirstTwoOfTheRankingAmongItsShards() {
        // four shards now; the key ranks 3, 2, 0, 1; before shards 2 and 3 were added it ranked 0, 1
        KeyCandidates candidates = KeyCandidates.of(shards(3, 2, 0, 1), List.of(2));

        assertThat(candidates.targets()).isEqualTo(shards(3, 2));
        assertThat(candidates.earlier()).isEqualTo(shards(0, 1));
    }

    @Test
    void anEarlierTopologyWhoseFirstTwoAreStillCandidatesAddsNothing() {
        // shard 3 appended, but it ranks third for this key: the first two are those of the earlier topology
        assertThat(KeyCandidates.of(shards(1, 0, 3, 2), List.of(3)).earlier()).isEmpty();
    }

    @Test
    void everyEarlierTopologyAddsItsOwnFirstTwoOnceInRankingOrder() {
        KeyCandidates candidates = KeyCandidates.of(shards(3, 1, 2, 0), List.of(1, 2, 3, 3));

        // count 3: shards 1, 2 → adds 2; count 2: shards 1, 0 → adds 0; count 1: shard 0 → nothing new
        assertThat(candidates.earlier()).isEqualTo(shards(2, 0));
        assertThat(candidates.all()).isEqualTo(shards(3, 1, 2, 0));
    }

    @Test
    void ignoresCountsThatAreNoEarlierTopology() {
        assertThat(KeyCandidates.of(shards(2, 0, 1), List.of(0, 3, 4)).earlier()).isEmpty();
        assertThatThrownBy(() -> KeyCandidates.of(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
