package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class LoadTests {

    private static AtomicLongArray perSecond(long... counts) {
        return new AtomicLongArray(counts);
    }

    @Test
    void callsThroughputSteadyWhenTwoWindowsAgreeWithinFivePercent() {
        long[] counts = new long[20];
        for (int i = 0; i < 20; i++) {
            counts[i] = i < 10 ? 1_000 : 1_040;
        }
        assertThat(Load.steady(perSecond(counts), 20)).isTrue();
    }

    @Test
    void keepsWarmingWhileThroughputStillClimbs() {
        long[] counts = new long[20];
        for (int i = 0; i < 20; i++) {
            counts[i] = 900 + 40L * i;
        }
        assertThat(Load.steady(perSecond(counts), 20)).isFalse();
    }

    @Test
    void needsTwoFullWindowsBeforeCallingAnythingSteady() {
        assertThat(Load.steady(perSecond(new long[30]), 19)).isFalse();
    }
}
