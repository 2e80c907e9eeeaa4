package baedal.order.persistence;

import baedal.sharding.ShardNo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shards on which an idempotency key's order can be, a pure function of the key's rendezvous ranking and of
 * the topologies that may have placed it (ADR 0001, "Placement and retries").
 * <p>
 * A placement under a topology goes to the key's first shard in that topology's ranking, or — only if that shard
 * cannot take it — to its second; never further. So under one topology the order is on one of two shards. Shards
 * are only ever appended and a shard's rendezvous score does not depend on how many shards exist, so the ranking
 * under an earlier topology of {@code n} shards is the current ranking restricted to shard numbers below
 * {@code n}. The candidates are therefore the first two of the current ranking, followed by the first two of the
 * ranking of each earlier topology that may still have placed a key within the horizon.
 *
 * @param first the key's first shard now: where a new order goes when that shard takes work
 * @param second the key's second shard now (where it falls over to), or {@code null} with a single shard
 * @param earlier further shards that held one of the first two places under an earlier topology, best first
 */
record KeyCandidates(ShardNo first, ShardNo second, List<ShardNo> earlier) {

    KeyCandidates {
        earlier = List.copyOf(earlier);
    }

    /**
     * The candidates for a key, given its ranking over the current shards (best first, every shard once) and the
     * shard counts of the earlier topologies to consult (counts of 0, or of the current size and more, are ignored).
     */
    static KeyCandidates of(List<ShardNo> ranking, Collection<Integer> earlierShardCounts) {
        if (ranking.isEmpty()) {
            throw new IllegalArgumentException("a ranking names at least one shard");
        }
        ShardNo first = ranking.get(0);
        ShardNo second = ranking.size() > 1 ? ranking.get(1) : null;
        Set<ShardNo> earlier = new LinkedHashSet<>();
        earlierShardCounts.stream().distinct().sorted(Comparator.reverseOrder())
                .filter(count -> count >= 1 && count < ranking.size())
                .forEach(count -> ranking.stream().filter(shard -> shard.value() < count).limit(2)
                        .filter(shard -> !shard.equals(first) && !shard.equals(second))
                        .forEach(earlier::add));
        // best first: in the order of the current ranking
        List<ShardNo> ordered = ranking.stream().filter(earlier::contains).toList();
        return new KeyCandidates(first, second, ordered);
    }

    /** The shards a new order may go to now, in the order they are tried: the first, then the second. */
    List<ShardNo> targets() {
        return second == null ? List.of(first) : List.of(first, second);
    }

    /** Every candidate, best first: the first, the second, then the earlier topologies' shards. */
    List<ShardNo> all() {
        List<ShardNo> all = new ArrayList<>(targets());
        all.addAll(earlier);
        return all;
    }
}
