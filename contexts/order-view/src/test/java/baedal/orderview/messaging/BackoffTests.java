package baedal.orderview.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTests {

    private final List<Duration> waits = new ArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), waits::add);

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        for (int failure = 0; failure < 5; failure++) {
            assertThat(backoff.pause()).isTrue();
        }

        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void waitsTheInitialTimeAgainOnceABatchWentThrough() {
        backoff.pause();
        backoff.pause();

        backoff.reset();
        backoff.pause();

        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(100));
    }

    @Test
    void saysSoWhenInterruptedAndKeepsTheInterrupt() {
        Backoff interrupted = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), wait -> {
            throw new InterruptedException();
        });

        boolean waited = interrupted.pause();

        assertThat(waited).isFalse();
        assertThat(Thread.interrupted()).as("interrupt flag set again (and cleared here)").isTrue();
        assertThat(interrupted.current()).isEqualTo(Duration.ofMillis(200));
    }
}
