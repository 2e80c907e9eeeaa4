package baedal.orderview.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LastFailureTests {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void reportsNothingUntilSomethingFailed() {
        LastFailure failures = new LastFailure(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(failures.error()).isNull();
        assertThat(failures.at()).isNull();
    }

    @Test
    void reportsTheLatestFailureAndWhenItHappened() {
        LastFailure failures = new LastFailure(Clock.fixed(NOW, ZoneOffset.UTC));

        failures.record(new IllegalStateException("database down"));
        failures.record(new IllegalStateException("snapshots not acknowledged"));

        assertThat(failures.error()).isEqualTo("java.lang.IllegalStateException: snapshots not acknowledged");
        assertThat(failures.at()).isEqualTo(NOW);
    }
}
