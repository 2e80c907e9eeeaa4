package baedal.flags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketsTests {

    @Test
    void bucketsAreMurmur3OfTheFlagAndTargetingKeySoEveryInstanceAndReleaseAgrees() {
        // Expected values computed with Guava's Hashing.murmur3_32_fixed().hashUnencodedChars(flag + ":" + key).
        assertThat(Buckets.of("member.remote-calls", "member-1001")).isEqualTo(7621);
        assertThat(Buckets.of("rider.licence-automation", "rider-501")).isEqualTo(30);
        assertThat(Buckets.of("member.remote-calls", "x")).isEqualTo(8721);
        assertThat(Buckets.of("a", "")).isEqualTo(6631);
    }

    @Test
    void theSameKeyFallsInDifferentBucketsForDifferentFlags() {
        int differing = 0;
        for (int i = 0; i < 1_000; i++) {
            if (Buckets.of("member.remote-calls", "member-" + i) != Buckets.of("rider.licence-automation", "member-" + i)) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(990);
    }

    @Test
    void bucketsAreUniformOverTenThousandBuckets() {
        int keys = 200_000;
        int[] deciles = new int[10];
        for (int i = 0; i < keys; i++) {
            deciles[Buckets.of("member.remote-calls", "member-" + i) / 1_000]++;
        }
        for (int count : deciles) {
            assertThat(count).isBetween(keys / 10 * 97 / 100, keys / 10 * 103 / 100);
        }
    }

    @Test
    void aRolloutTakesItsShareAndWideningItKeepsEveryoneAlreadyIn() {
        int in10 = 0;
        int in30 = 0;
        for (int i = 0; i < 100_000; i++) {
            boolean at10 = Buckets.inRollout("member.remote-calls", "member-" + i, 10);
            boolean at30 = Buckets.inRollout("member.remote-calls", "member-" + i, 30);
            assertThat(!at10 || at30).as("member-%d in at 10 %% stays in at 30 %%", i).isTrue();
            in10 += at10 ? 1 : 0;
            in30 += at30 ? 1 : 0;
        }
        assertThat(in10).isBetween(9_500, 10_500);
        assertThat(in30).isBetween(29_300, 30_700);
        assertThat(Buckets.inRollout("member.remote-calls", "anyone", 0)).isFalse();
        assertThat(Buckets.inRollout("member.remote-calls", "anyone", 100)).isTrue();
    }
}
