package baedal.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BaselinesTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void timesTheDrainFromTheFirstObservedDropAndCountsOnlyWhatDrainedAfterIt() throws BaselineFailed {
        DrainTimer timer = new DrainTimer(1000);
        assertThat(timer.observe(1 * SECOND, 1000)).isFalse(); // Kafka not back yet
        assertThat(timer.observe(2 * SECOND, 800)).isFalse(); // the clock starts here; the 200 before are not timed
        assertThat(timer.observe(3 * SECOND, 300)).isFalse();
        assertThat(timer.observe(6 * SECOND, 0)).isTrue();

        Drain drain = timer.drain();

        assertThat(drain.rows()).isEqualTo(800);
        assertThat(drain.seconds()).isEqualTo(4.0);
        assertThat(drain.perSecond()).isEqualTo(200.0);
    }

    @Test
    void aBacklogStillPendingAtTheDeadlineIsAFailureNotARate() {
        DrainTimer timer = new DrainTimer(1000);
        timer.observe(1 * SECOND, 900);
        timer.observe(2 * SECOND, 400);

        assertThatThrownBy(timer::drain).isInstanceOf(BaselineFailed.class)
                .hasMessageContaining("400 of 1000 rows still pending");
    }

    @Test
    void aBacklogThatNeverMovedIsAFailure() {
        DrainTimer timer = new DrainTimer(1000);
        timer.observe(1 * SECOND, 1000);
        timer.observe(2 * SECOND, 1000);

        assertThatThrownBy(timer::drain).isInstanceOf(BaselineFailed.class)
                .hasMessageContaining("1000 of 1000 rows still pending, none published");
    }

    @Test
    void aDrainBetweenTwoPollsCannotBeTimed() {
        DrainTimer timer = new DrainTimer(1000);
        assertThat(timer.observe(1 * SECOND, 0)).isTrue();

        assertThatThrownBy(timer::drain).isInstanceOf(BaselineFailed.class).hasMessageContaining("too fast to time");
    }

    @Test
    void noBacklogIsAFailure() {
        DrainTimer timer = new DrainTimer(0);
        assertThat(timer.observe(1 * SECOND, 0)).isTrue();

        assertThatThrownBy(timer::drain).isInstanceOf(BaselineFailed.class).hasMessageContaining("no backlog");
    }

    @Test
    void lastLinesSkipsBlankLinesAndKeepsTheEnd() {
        assertThat(Peer.lastLines("a\nb\n\nc\nd\n", 2)).isEqualTo("c\nd");
        assertThat(Peer.lastLines("only\n", 5)).isEqualTo("only");
        assertThat(Peer.lastLines("", 3)).isEmpty();
    }

    @Test
    void aPeerThatOnlyFellBehindIsMeasuredAndOneThatLostOrFailedIsNot() {
        String behind = """
                {"committed":1000,"errors":{},"publicationsMissing":0,"mismatchedEventsOnKafka":0,
                 "incompletePublications":40,"incompletePublicationsTotal":60,"eventsMissingOnKafka":60}""";
        assertThat(Peer.onlyFellBehind(JsonMapper.shared().readTree(behind))).isTrue();
        for (String broken : List.of(behind.replace("\"publicationsMissing\":0", "\"publicationsMissing\":1"),
                behind.replace("\"errors\":{}", "\"errors\":{\"SQLException\":3}"),
                behind.replace("\"eventsMissingOnKafka\":60", "\"eventsMissingOnKafka\":61"),
                behind.replace("\"mismatchedEventsOnKafka\":0", "\"mismatchedEventsOnKafka\":1"),
                behind.replace("\"incompletePublications\":40", "\"incompletePublications\":0"))) {
            assertThat(Peer.onlyFellBehind(JsonMapper.shared().readTree(broken)))
                    .as(broken).isFalse();
        }
    }
}
