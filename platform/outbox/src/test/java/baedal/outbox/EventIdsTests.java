package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTests {

    @Test
    void issuesVersionSevenIdsCarryingTheirMillisecond() {
        Instant at = Instant.parse("2026-11-25T03:00:00.123Z");
        UUID id = new EventIds(Clock.fixed(at, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void sortsIdsOfLaterMillisecondsAfterEarlierOnes() {
        UUID earlier = new EventIds(Clock.fixed(Instant.parse("2026-11-25T03:00:00.001Z"), ZoneOffset.UTC)).next();
        UUID later = new EventIds(Clock.fixed(Instant.parse("2026-11-25T03:00:00.002Z"), ZoneOffset.UTC)).next();

        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }
}
