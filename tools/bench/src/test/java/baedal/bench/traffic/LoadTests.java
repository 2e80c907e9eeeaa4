package baedal.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class LoadTests {

    private static AtomicLongArray perSecond(long... counts) {
        return new AtomicLongArray(counts);
    }

    @Test
    void callsThroughputSteadyWhenThreeWindowsAgreeWithinFivePercent() {
        long[] counts = new long[30];
        for (int i = 0; i < 30; i++) {
            counts[i] = i < 10 ? 1_000 : i < 20 ? 1_040 : 1_020;
        }
        assertThat(Load.steady(perSecond(counts), 30)).isTrue();
    }

    @Test
    void keepsWarmingWhenAPlateauIsFollowedByAnotherStep() {
        long[] counts = new long[30];
        for (int i = 0; i < 30; i++) {
            counts[i] = i < 20 ? 1_000 : 1_300;
        }
        assertThat(Load.steady(perSecond(counts), 30)).isFalse();
    }

    @Test
    void keepsWarmingWhileThroughputStillClimbs() {
        long[] counts = new long[30];
        for (int i = 0; i < 30; i++) {
            counts[i] = 900 + 40L * i;
        }
        assertThat(Load.steady(perSecond(counts), 30)).isFalse();
    }

    @Test
    void needsThreeFullWindowsBeforeCallingAnythingSteady() {
        long[] counts = new long[40];
        java.util.Arrays.fill(counts, 1_000);
        assertThat(Load.steady(perSecond(counts), 29)).isFalse();
        assertThat(Load.steady(perSecond(counts), 30)).isTrue();
    }
}
