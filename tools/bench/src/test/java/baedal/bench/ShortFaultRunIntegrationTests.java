package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.report.PeakResults.EndpointResult;
import baedal.bench.report.PeakResults.FaultOutcome;
import baedal.bench.report.PeakResults.PeakResult;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.BenchmarkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's CI mode (issue 5): the platform as separate processes (each shard its own PostgreSQL server, Kafka its
 * own process, the app its own JVM) under a low rate of whole order lifecycles, with Kafka stopped for a while and
 * then one shard's PostgreSQL; the build fails when the audit finds any loss or duplicate. Correctness only, never
 * speed: no timing is asserted.
 */
class ShortFaultRunIntegrationTests {

    @Test
    void aKafkaOutageAndAShardOutageUnderLoadLoseNothingAndDuplicateNothing(@TempDir Path out) throws Exception {
        PeakResult result = BenchmarkRunner.run(BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "short",
                "--out", out.resolve("benchmarks").toString(), "--no-docs"));

        RunResult run = result.runs().getFirst();
        assertThat(run.faults()).extracting(FaultOutcome::spec)
                .containsExactly("kafka@5+12", "shard1@22+12");
        assertThat(run.acknowledged()).isGreaterThan(100);
        assertThat(run.audit().examples()).isEmpty();
        assertThat(run.audit().acknowledgedLost()).isZero();
        assertThat(run.audit().changesLost()).isZero();
        assertThat(run.audit().eventsLost()).isZero();
        assertThat(run.audit().readModelBehind()).isZero();
        assertThat(run.audit().duplicatesApplied()).isZero();
        assertThat(run.audit().duplicateOrderNumbers()).isZero();
        assertThat(run.audit().duplicatePlacements()).isZero();
        assertThat(run.audit().duplicateEvents()).isZero();
        assertThat(run.audit().unfinished()).isZero();
        assertThat(run.audit().clean()).isTrue();
        assertThat(run.endpoints()).extracting(EndpointResult::endpoint)
                .contains("POST /api/orders", "POST /api/orders/{no}/deliver", "GET /api/members/{id}/orders");
        assertThat(result.targets().subList(0, 5)).extracting(Target::pass).containsOnly(true);
        assertThat(Files.readString(out.resolve("benchmarks/peak-short.json"))).contains("\"acknowledgedLost\" : 0");
        assertThat(out.resolve("benchmarks/peak-short.png")).exists();
    }
}
