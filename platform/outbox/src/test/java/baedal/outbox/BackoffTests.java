package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void doublesThePauseAfterEachFailureUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pauses.add(backoff.afterFailure().toMillis());
        }
        assertThat(pauses).containsExactly(100L, 200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 10_000L, 10_000L, 10_000L);
    }

    @Test
    void startsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        backoff.afterFailure();
        backoff.afterFailure();
        backoff.reset();
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void staysAtTheMaximumAfterVeryManyFailures() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        for (int i = 0; i < 1_000; i++) {
            backoff.afterFailure();
        }
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(10));
    }
}
