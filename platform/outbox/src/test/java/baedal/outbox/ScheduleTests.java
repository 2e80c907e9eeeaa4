package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTests {

    @Test
    void isDueAtOnceThenOncePerInterval() {
        Schedule every = new Schedule(Duration.ofNanos(100));

        assertThat(every.due(-1_000)).as("first time, even on a negative clock").isTrue();
        assertThat(every.due(-950)).isFalse();
        assertThat(every.due(-900)).isTrue();
        assertThat(every.due(-801)).isFalse();
        assertThat(every.due(-800)).isTrue();
    }

    @Test
    void survivesTheMonotonicClockWrappingAround() {
        Schedule every = new Schedule(Duration.ofNanos(100));

        assertThat(every.due(Long.MAX_VALUE - 10)).isTrue();
        assertThat(every.due(Long.MAX_VALUE)).isFalse();
        assertThat(every.due(Long.MIN_VALUE + 89)).isTrue();
    }
}
