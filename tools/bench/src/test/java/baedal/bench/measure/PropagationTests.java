package baedal.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import baedal.bench.measure.Propagation.Arrival;
import baedal.bench.measure.Propagation.Change;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropagationTests {

    private static final Instant COMMIT = Instant.parse("2026-12-04T12:00:00Z");

    private static Arrival at(String who, long micros, Long reportedMs, String path) {
        return new Arrival(who, COMMIT.plusNanos(micros * 1_000), reportedMs, path);
    }

    @Test
    void theDelayIsFromTheCommitToTheApplicationInMicroseconds() {
        assertThat(Propagation.micros(COMMIT, COMMIT.plusNanos(61_234_567))).isEqualTo(61_234);
    }

    @Test
    void anApplicationStampedBeforeItsCommitCountsAsNoDelayAndIsCounted() {
        Propagation propagation = new Propagation(1);
        propagation.record(new Change(1, COMMIT, List.of(at("app-0", -300, null, "KAFKA"))));
        assertThat(Propagation.micros(COMMIT, COMMIT.minusMillis(1))).isZero();
        assertThat(propagation.beforeCommit()).isEqualTo(1);
        assertThat(propagation.allPairs().max()).isZero();
    }

    @Test
    void everyPairIsRecordedAndEachChangeOnceForItsSlowestInstance() {
        Propagation propagation = new Propagation(3);
        propagation.record(new Change(1, COMMIT, List.of(at("app-0", 50_000, 50L, "KAFKA"),
                at("app-1", 60_000, 60L, "KAFKA"), at("app-2", 90_000, 90L, "KAFKA"))));
        propagation.record(new Change(2, COMMIT, List.of(at("app-0", 40_000, 40L, "KAFKA"),
                at("app-1", 70_000, 70L, "KAFKA"), at("app-2", 45_000, 45L, "KAFKA"))));
        assertThat(propagation.allPairs().samples()).isEqualTo(6);
        assertThat(propagation.slowestReceiver().samples()).isEqualTo(2);
        assertThat(propagation.slowestReceiver().max()).isCloseTo(90.0, within(0.1)); // 3 significant digits
        assertThat(propagation.slowestMillisPerChange()).containsExactly(90.0, 70.0);
        assertThat(propagation.paths()).containsEntry("KAFKA", 6L);
        assertThat(propagation.missing()).isZero();
        assertThat(propagation.disagreeing()).isZero();
    }

    @Test
    void aChangeAnInstanceNeverAcknowledgedCountsAsMissingAndHasNoSlowestFigure() {
        Propagation propagation = new Propagation(3);
        propagation.record(new Change(1, COMMIT, List.of(at("app-0", 50_000, 50L, "KAFKA"))));
        assertThat(propagation.missing()).isEqualTo(2);
        assertThat(propagation.allPairs().samples()).isEqualTo(1);
        assertThat(propagation.slowestReceiver().samples()).isZero();
        assertThat(propagation.slowestMillisPerChange()).isEmpty();
    }

    @Test
    void aReportedDelayOffByMoreThanItsTruncationIsCountedAsDisagreeing() {
        Propagation propagation = new Propagation(2);
        propagation.record(new Change(1, COMMIT, List.of(at("app-0", 50_900, 51L, "KAFKA"),
                at("app-1", 50_900, 80L, "RECONCILIATION"))));
        assertThat(propagation.disagreeing()).isEqualTo(1);
        assertThat(propagation.paths()).containsEntry("RECONCILIATION", 1L);
    }

    @Test
    void reportsFromMoreInstancesThanThereAreOrTwiceFromOneAreRefused() {
        Propagation propagation = new Propagation(2);
        assertThatThrownBy(() -> propagation.record(new Change(1, COMMIT, List.of(at("app-0", 1, null, "KAFKA"),
                at("app-0", 2, null, "KAFKA"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Propagation(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
