package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.audit.Auditor.Audit;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import baedal.bench.report.PlacementReport;
import baedal.bench.report.Results;
import baedal.bench.report.Results.Config;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Placement;
import baedal.bench.runner.BenchmarkRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementBenchmarkTests {

    private static Run run(String name, double perSecond, Double rate, double p99, Map<String, Long> errors) {
        return new Run(name, rate == null ? "closed loop" : "open model, fixed arrival rate", 16, rate, 15, 60,
                1000, 990, perSecond, errors, new Latency(990, 3.1, 2.5, 4.0, p99, 30.0, 45.5), List.of(10L, 12L));
    }

    private static Placement placement(double apiPerSecond, double p99) {
        Run jdbc = run("raw JDBC baseline", 2000, null, 9, Map.of());
        Run api = run("API max (closed loop)", apiPerSecond, null, 20, Map.of());
        Run fixed = run("API at fixed rate", 499.2, 500.0, p99, Map.of("HTTP 503", 2L));
        Audit audit = new Audit(1000, 1000, 0, 0, 0, Map.of("0", 500L, "1", 500L), Map.of("0", 500L, "1", 500L), "test");
        Double ratio = apiPerSecond / 2000;
        return new Placement("placement", "Order placement (issue 2)",
                new Config("in-process", 2, 16, 16, 500, 15, 60, 2000, "java ... PlacementBenchmark"),
                new Machine(2, "JDK 25", "Linux", "PostgreSQL 15.4", "4.1.0", "abc1234", "2025-06-01 12:00 +09:00", 1024, "PS Scavenge, PS MarkSweep", "-XX:+UseParallelGC"),
                jdbc, api, ratio, fixed, audit, PlacementBenchmark.targets(ratio, fixed, audit), List.of(),
                "benchmarks/placement.png");
    }

    @Test
    void rendersTheTableTargetsAndChartLink() {
        String section = PlacementReport.section(placement(1200, 18));
        assertThat(section).startsWith("## Order placement (issue 2)");
        assertThat(section).contains("| raw JDBC baseline | closed loop, 16 workers | 2,000 | 990 | 2.50 | 4.00 | 9.00 | 30.00 | 45.50 | 0 |");
        assertThat(section).contains("| ratio API / JDBC | 0.60 |");
        assertThat(section).contains("HTTP 503: 2");
        assertThat(section).contains("| 0 missing, 0 duplicates |");
        assertThat(section).contains("![order placement](benchmarks/placement.png)");
        assertThat(section).contains("java ... PlacementBenchmark");
    }

    @Test
    void targetsArePassOrFailByTheNumbers() {
        List<Results.Target> good = placement(1200, 18).targets();
        assertThat(good.get(0).pass()).isTrue();
        assertThat(good.get(1).pass()).isFalse(); // 2 errors fail it
        assertThat(good.get(2).pass()).isTrue();
        assertThat(good.get(3).pass()).isTrue();
        List<Results.Target> bad = placement(800, 40).targets();
        assertThat(bad.get(0).pass()).isFalse();
        assertThat(bad.get(2).pass()).isFalse();
        assertThat(PlacementReport.section(placement(800, 40))).contains("**FAIL**");
    }

    @Test
    void theReproduceCommandBuildsTheHarnessAndRunsItFromTheRepositoryRoot() {
        String command = BenchmarkRunner.parse(new PlacementBenchmark(), "--rate", "250", "--shards", "2").command();

        assertThat(command).startsWith("./mvnw -q -B -pl :bench -am -DskipTests package\njava ")
                .contains("-Djava.awt.headless=true \\\n  -cp 'tools/bench/target/bench-0.1.0-SNAPSHOT.jar:"
                        + "tools/bench/target/lib/*' \\\n")
                .endsWith("  baedal.bench.PlacementBenchmark --warmup 15 --duration 60 --rate 250 --shards 2");
    }

    @Test
    void thePeakCommandBuildsThePeerWhenItsBaselinesRun() {
        assertThat(BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "lunch").command())
                .startsWith("./mvnw -q -B -pl :bench,:bench-peer -am -DskipTests package\n")
                .contains("java -XX:+UseParallelGC -Djava.awt.headless=true")
                .endsWith("baedal.bench.PeakBenchmark --scenario lunch");
        assertThat(BenchmarkRunner.parse(new PeakBenchmark(), "--scenario=short").command())
                .startsWith("./mvnw -q -B -pl :bench -am -DskipTests package\n")
                .endsWith("baedal.bench.PeakBenchmark --scenario=short");
    }
}
