package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.bench.audit.RunAudit;
import baedal.bench.baseline.Baselines;
import baedal.bench.fault.FaultPlan;
import baedal.bench.measure.Latency;
import baedal.bench.report.PeakReport;
import baedal.bench.report.PeakResults.EndpointResult;
import baedal.bench.report.PeakResults.FaultOutcome;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.BenchmarkRunner;
import baedal.bench.traffic.Traffic;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakBenchmarkTests {

    private static RunResult run(RunAudit.Findings audit, List<FaultOutcome> faults) {
        Latency latency = new Latency(10, 1, 1, 2, 3, 4, 5);
        return new RunResult("short", "2 shards", "fixed 20/s", 45, audit.acknowledged(), 20,
                List.of(new EndpointResult("POST /api/orders", 900, 0, java.util.Map.of(), latency)),
                latency, latency, audit, true, faults, List.of(), null, 0, 10, 5, 1.8, 3,
                List.of(new Traffic.Second(1, 20, 20, 30, 10, 0, 2, 8, 40)), null);
    }

    private static RunAudit.Findings clean(long acknowledged) {
        return new RunAudit.Findings(true, acknowledged, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, acknowledged * 4, List.of());
    }

    /** An audit of 900 orders with one finding: {@code which} names the count that is 1. */
    private static RunAudit.Findings oneFinding(String which) {
        return new RunAudit.Findings(true, 900, which.equals("lost") ? 1 : 0, which.equals("changeLost") ? 1 : 0,
                which.equals("eventLost") ? 1 : 0, which.equals("applied") ? 1 : 0, which.equals("behind") ? 1 : 0,
                which.equals("number") ? 1 : 0, which.equals("placement") ? 1 : 0, which.equals("event") ? 1 : 0,
                which.equals("unfinished") ? 1 : 0, 0, 0, 3600, List.of());
    }

    private static FaultOutcome shardDown(long attempted, long firstTry) {
        return new FaultOutcome("stop shard 1's PostgreSQL at 22s for 12s", "shard1@22+12", 22, 36, attempted, firstTry,
                (double) firstTry / attempted, 2.5, 3.1);
    }

    @Test
    void aCleanAuditPassesEveryTarget() {
        List<Target> targets = PeakTargets.of(List.of(run(clean(900), List.of(shardDown(2000, 2000)))));
        assertThat(targets).extracting(Target::pass).containsOnly(true);
        assertThat(targets).extracting(Target::name).contains("new-order success while a shard is down "
                + "(acknowledged at the first attempt)");
    }

    @Test
    void eachLossOrDuplicateFailsItsOwnTarget() {
        for (String lost : List.of("lost", "changeLost")) {
            assertThat(PeakTargets.of(List.of(run(oneFinding(lost), List.of())))).extracting(Target::pass)
                    .containsExactly(false, true, true, true, true);
            assertThat(oneFinding(lost).clean()).isFalse();
        }
        assertThat(PeakTargets.of(List.of(run(oneFinding("eventLost"), List.of())))).extracting(Target::pass)
                .containsExactly(true, false, true, true, true);
        assertThat(PeakTargets.of(List.of(run(oneFinding("behind"), List.of())))).extracting(Target::pass)
                .containsExactly(true, true, false, true, true);
        for (String duplicate : List.of("applied", "number", "placement", "event")) {
            assertThat(PeakTargets.of(List.of(run(oneFinding(duplicate), List.of())))).extracting(Target::pass)
                    .as(duplicate).containsExactly(true, true, true, false, true);
            assertThat(oneFinding(duplicate).clean()).isFalse();
        }
        assertThat(PeakTargets.of(List.of(run(oneFinding("unfinished"), List.of())))).extracting(Target::pass)
                .containsExactly(true, true, true, true, false);
        assertThat(oneFinding("unfinished").clean()).isFalse();
    }

    @Test
    void aRunWithoutTheAuditNeverPasses() {
        RunAudit.Findings unaudited = RunAudit.Findings.notAudited(900, 0, 0);
        assertThat(unaudited.clean()).isFalse();
        List<Target> targets = PeakTargets.of(List.of(run(unaudited, List.of())));
        assertThat(targets.getFirst().pass()).isFalse();
        assertThat(targets.getFirst().actual()).contains("not run for short");
        assertThat(PeakReport.run(run(unaudited, List.of()))).contains("**not audited**");
    }

    @Test
    void newOrdersFailingWhileAShardIsDownMissTheTarget() {
        List<Target> targets = PeakTargets.of(List.of(run(clean(900), List.of(shardDown(1000, 998)))));
        assertThat(targets.get(5).pass()).isFalse();
        assertThat(targets.get(5).actual()).startsWith("99.80 %");
    }

    @Test
    void theShortModeRunsAKafkaOutageAndAShardOutageAtALowRate() {
        PeakBenchmark peak = BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "short");
        List<PeakBenchmark.RunPlan> plans = peak.plans();
        assertThat(plans).hasSize(1);
        assertThat(plans.getFirst().faults().faults()).extracting(FaultPlan.Fault::kind)
                .containsExactly(FaultPlan.Kind.KAFKA, FaultPlan.Kind.SHARD);
        assertThat(plans.getFirst().curve().rateAt(0)).isEqualTo(20.0);
        assertThat(plans.getFirst().loadSeconds()).isLessThanOrEqualTo(60);
        assertThat(peak.writesDocs()).isFalse();
        assertThat(peak.baselines()).isFalse();
    }

    @Test
    void theFaultScenariosEachGetTheLayoutTheirFaultNeeds() {
        List<PeakBenchmark.RunPlan> plans = BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "faults",
                "--fault-seconds", "60").plans();
        assertThat(plans).hasSize(5);
        for (PeakBenchmark.RunPlan plan : plans) {
            plan.faults().requireFits(plan.layout());
        }
        assertThat(plans).extracting(plan -> plan.faults().faults().getFirst().kind()).containsExactly(
                FaultPlan.Kind.APP, FaultPlan.Kind.KAFKA, FaultPlan.Kind.SHARD, FaultPlan.Kind.PROJECTOR,
                FaultPlan.Kind.INSTANCE);
    }

    @Test
    void faultsNeedTheHarnessesOwnCluster() {
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--target", "http://localhost:8080",
                "--faults", "kafka@1+1")).hasMessageContaining("own cluster");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--target", "http://localhost:8080",
                "--scenario", "faults")).hasMessageContaining("own cluster");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "noon"))
                .hasMessageContaining("--scenario");
    }

    @Test
    void theReportShowsTheAuditTheFaultsAndTheEndpoints() {
        RunResult run = run(clean(900), List.of(shardDown(2000, 2000)));
        String section = PeakReport.run(run);
        assertThat(section).contains("| acknowledged orders lost | 0 |");
        assertThat(section).contains("| stop shard 1's PostgreSQL at 22s for 12s | 22 | 36 | 2000 | 100.00 % | 2.50 s | 3.10 s |");
        assertThat(section).contains("| `POST /api/orders` | 900 |");
        assertThat(section).contains("| commit → read model | 10 |");
        assertThat(section).doesNotContain("Baselines in the same run");
    }

    @Test
    void theReportShowsEachBaselineAsARatioToOurs() {
        Baselines.Outcome outcome = new Baselines.Outcome(List.of(
                new Baselines.Comparison("raw JDBC", "placements/s", "orders/s", 1800, 1170, Baselines.ratio(1170, 1800),
                        "same INSERTs"),
                new Baselines.Comparison("Spring Modulith peer", "commit → Kafka ack p99 at 100/s", "ms", 24, 30,
                        Baselines.ratio(30, 24), "completion_date")), null, null, null, null, List.of("a note"));
        String section = PeakReport.run(run(clean(900), List.of()).withBaselines(outcome));
        assertThat(section).contains("| raw JDBC | placements/s | 1,800 orders/s | 1,170 orders/s | **0.65** |");
        assertThat(section).contains("| Spring Modulith peer | commit → Kafka ack p99 at 100/s | 24 ms | 30 ms | **1.25** |");
        assertThat(section).contains("a note");
    }

    @Test
    void aRatioFarBelowOneKeepsTwoSignificantDigitsInsteadOfShowingZero() {
        assertThat(Baselines.ratio(103.1, 29_261.8)).isEqualTo(0.0035);
        assertThat(Baselines.formatRatio(Baselines.ratio(103.1, 29_261.8))).isEqualTo("0.0035");
        assertThat(Baselines.formatRatio(Baselines.ratio(1162.8, 1998.8))).isEqualTo("0.58");
        assertThat(Baselines.formatRatio(Baselines.ratio(33.02, 13.82))).isEqualTo("2.39");
    }
}
