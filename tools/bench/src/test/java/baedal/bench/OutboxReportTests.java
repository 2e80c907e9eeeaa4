package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import baedal.bench.report.OutboxReport;
import baedal.bench.report.Results.Drain;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.OutboxConfig;
import baedal.bench.report.Results.OutboxResult;
import baedal.bench.report.Results.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxReportTests {

    private static Run run(String name, double perSecond, Double rate, Map<String, Long> errors) {
        return new Run(name, rate == null ? "closed loop" : "open model, fixed arrival rate", 16, rate, 10, 30,
                1000, 1000, perSecond, errors, new Latency(1000, 3.1, 2.5, 4.0, 9.0, 30.0, 45.5), List.of(10L, 12L));
    }

    private static OutboxResult result(double without, double with, double ackP99, double relayRate,
            long ackSamples) {
        return result(without, with, ackP99, relayRate, ackSamples, List.of());
    }

    private static OutboxResult result(double without, double with, double ackP99, double relayRate,
            long ackSamples, List<Run> writtenNotRelayed) {
        List<Run> withoutRuns = List.of(run("without outbox #1", without, null, Map.of()),
                run("without outbox #2", without, null, Map.of()));
        List<Run> withRuns = List.of(run("with outbox #1", with, null, Map.of()),
                run("with outbox #2", with, null, Map.of()));
        Run fixed = run("API at fixed rate", 500, 500.0, Map.of());
        Latency ack = new Latency(ackSamples, 8, 7, 12, ackP99, 60, 80);
        Drain drain = new Drain(1_000_000, 1450, 25, 40_000, 1_000_000 / relayRate, relayRate,
                Figures.round(relayRate / 40_000, 3), 1_000_000, 0, List.of(40_000L), List.of(20_000L));
        double cost = Figures.round(1 - with / without, 3);
        List<Target> targets = OutboxBenchmark.targets(cost, without, with, fixed, ack, drain);
        return new OutboxResult("outbox", "Outbox and relay (issue 3)",
                new OutboxConfig("in-process", 4, 16, 16, 15, 30, 2, 500, 60, 1_000_000, 2000, 2000, "java ... OutboxBenchmark"),
                new Machine(2, "JDK 25", "Linux", "PostgreSQL 14", "4.1.2", "abc1234", "2026-11-25 12:00 +00:00", 1024,
                        "PS Scavenge", "-XX:+UseParallelGC"),
                withoutRuns, withRuns, without, with, cost, fixed, ack, drain, targets, List.of(),
                "benchmarks/outbox.png", 60, writtenNotRelayed);
    }

    @Test
    void splitsTheCostIntoWritingAndRelayingWhenTheBreakdownRan() {
        List<Run> written = List.of(run("outbox written, relay stopped #1", 950, null, Map.of()),
                run("outbox written, relay stopped #2", 930, null, Map.of()));
        String section = OutboxReport.section(result(1000, 800, 20, 35_000, 30_000, written));
        assertThat(section).contains("### Where the cost goes: outbox written, relay stopped");
        assertThat(section).contains("| outbox written, relay stopped #2 | 930 |");
        assertThat(section).contains("(1 − written / without) | 6 |");
        assertThat(section).contains("((written − with) / without) | 14 |");
        assertThat(OutboxReport.section(result(1000, 800, 20, 35_000, 30_000))).doesNotContain("Where the cost goes");
    }

    @Test
    void listsThePhasesInTheOrderTheyRan() {
        assertThat(OutboxReport.phases(result(1000, 900, 20, 35_000, 30_000)))
                .extracting(Run::name)
                .containsExactly("without outbox #1", "with outbox #1", "with outbox #2", "without outbox #2");
    }

    @Test
    void rendersTargetsTablesAndChart() {
        String section = OutboxReport.section(result(1000, 900, 20, 35_000, 30_000));
        assertThat(section).startsWith("## Outbox and relay (issue 3)");
        assertThat(section).contains("| **mean without / with** | **1,000 / 900** |");
        assertThat(section).contains("| raw Kafka producer (baseline) | 1000000 | 25 | 40,000 |");
        assertThat(section).contains("| **ratio relay / raw** | | | **0.88** |");
        assertThat(section).contains("![outbox and relay](benchmarks/outbox.png)");
        assertThat(section).doesNotContain("**FAIL**");
    }

    @Test
    void failsEachTargetByItsOwnNumber() {
        List<Target> costly = result(1000, 800, 20, 35_000, 30_000).targets();
        assertThat(costly).extracting(Target::pass).containsExactly(false, true, true);
        List<Target> slowAck = result(1000, 900, 150, 35_000, 30_000).targets();
        assertThat(slowAck).extracting(Target::pass).containsExactly(true, false, true);
        List<Target> missingEvents = result(1000, 900, 20, 35_000, 999).targets();
        assertThat(missingEvents).extracting(Target::pass).containsExactly(true, false, true);
        List<Target> slowDrain = result(1000, 900, 20, 20_000, 30_000).targets();
        assertThat(slowDrain).extracting(Target::pass).containsExactly(true, true, false);
    }
}
