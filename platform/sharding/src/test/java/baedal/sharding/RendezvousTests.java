package baedal.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTests {

    private static int winner(String key, int shardCount) {
        long hash = Rendezvous.hash(key.getBytes(StandardCharsets.UTF_8));
        return IntStream.range(0, shardCount).boxed()
                .max((a, b) -> Long.compare(Rendezvous.score(hash, a), Rendezvous.score(hash, b)))
                .orElseThrow();
    }

    @Test
    void spreadsRandomKeysEvenlyOverShards() {
        int[] counts = new int[4];
        for (int i = 0; i < 100_000; i++) {
            counts[winner(UUID.randomUUID().toString(), 4)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(24_000, 26_000);
        }
    }

    @Test
    void spreadsSequentialKeysEvenlyOverShards() {
        int[] counts = new int[8];
        for (int i = 0; i < 80_000; i++) {
            counts[winner("order-" + i, 8)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(9_500, 10_500);
        }
    }

    @Test
    void movesOnlyTheKeysThatTheNewShardWinsWhenAShardIsAdded() {
        int moved = 0;
        int keys = 40_000;
        for (int i = 0; i < keys; i++) {
            String key = "key-" + i;
            int before = winner(key, 4);
            int after = winner(key, 5);
            if (before != after) {
                assertThat(after).as("a key only ever moves to the new shard").isEqualTo(4);
                moved++;
            }
        }
        assertThat(moved).isBetween(keys / 5 - 800, keys / 5 + 800);
    }
}
