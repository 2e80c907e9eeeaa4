package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.bench.measure.Latency;
import baedal.bench.report.FlagPropagationReport;
import baedal.bench.report.FlagPropagationResult;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.BenchmarkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

class FlagPropagationBenchmarkTests {

    @Test
    void makesAThousandChangesOnThreeInstancesByDefault() {
        FlagPropagationBenchmark benchmark = BenchmarkRunner.parse(new FlagPropagationBenchmark());
        assertThat(benchmark.changes).isEqualTo(1_000);
        assertThat(benchmark.instances).isEqualTo(3);
        assertThat(benchmark.name()).isEqualTo("flag-propagation");
    }

    @Test
    void refusesARunWithoutChanges() {
        assertThatThrownBy(() -> BenchmarkRunner.parse(new FlagPropagationBenchmark(), "--changes", "0"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void changesAlternateOnAndOffEachWithARolloutPercentInRange() {
        assertThat(FlagPropagationBenchmark.changeBody(0, "r")).contains("\"enabled\":true");
        assertThat(FlagPropagationBenchmark.changeBody(1, "r")).contains("\"enabled\":false");
        for (int n = 0; n < 500; n++) {
            String body = FlagPropagationBenchmark.changeBody(n, "why \"not\"");
            int percent = Integer.parseInt(body.replaceAll(".*\"rolloutPercent\":(\\d+).*", "$1"));
            assertThat(percent).isBetween(1, 99);
            assertThat(body).contains("\"reason\":\"why 'not'\"");
        }
    }

    @Test
    void theVersionIsReadFromAStrongOrWeakEtag() {
        assertThat(FlagPropagationBenchmark.etagVersion("\"42\"")).isEqualTo(42);
        assertThat(FlagPropagationBenchmark.etagVersion("W/\"7\"")).isEqualTo(7);
    }

    @Test
    void aTargetFailsWhenTheSlowestInstanceIsOverItsBoundEvenIfMostPairsAreUnder() {
        Latency all = new Latency(3_000, 60, 55, 70, 240, 260, 300);
        Latency slowest = new Latency(1_000, 80, 75, 90, 260, 280, 300);
        List<Target> targets = FlagPropagationBenchmark.targets(all, slowest, 0, 3_000);
        assertThat(targets).extracting(Target::pass).containsExactly(true, false, true);
        assertThat(FlagPropagationBenchmark.targets(all, slowest, 2, 3_000).get(2).pass()).isFalse();
    }

    @Test
    void theRatioIsNoneWithoutABaseline() {
        assertThat(FlagPropagationBenchmark.ratio(60, 20)).isEqualTo(3.0);
        assertThat(FlagPropagationBenchmark.ratio(60, 0)).isNull();
    }

    @Test
    void itsSectionShowsBothMeasurementsTheRatioAndTheTargetsAndItsChartIsDrawn(@TempDir Path dir) throws Exception {
        Latency flags = new Latency(3_000, 61, 58.2, 70, 95.5, 120, 140);
        Latency slowest = new Latency(1_000, 66, 63.1, 75, 99.9, 130, 140);
        Latency raw = new Latency(3_000, 3, 2.5, 4, 8, 10, 12);
        Latency rawSlowest = new Latency(1_000, 3.5, 3, 4.5, 9, 11, 12);
        FlagPropagationResult result = new FlagPropagationResult("flag-propagation", "Flag propagation (issue 14)",
                new FlagPropagationResult.Config(3, "member.remote-calls", 1_000, 50, 384, 40, "./mvnw …"),
                new Machine(2, "jdk", "os", "PostgreSQL 15", "4.1", "abc123", "2026-12-04 20:00 +00:00", 256, "G1", ""),
                flags, slowest, 0, Map.of("KAFKA", 3_000L), 0, List.of(60.0, 99.0, 70.0), raw, rawSlowest, 0, 21.03,
                11.1, 80.5, FlagPropagationBenchmark.targets(flags, slowest, 0, 3_000), List.of("a note"),
                "benchmarks/flag-propagation.png");
        String section = FlagPropagationReport.section(result);
        assertThat(section).contains("## Flag propagation (issue 14)").contains("commit `abc123`")
                .contains("| 3000 | 58.20 | 70.00 | 95.50 | 120.00 | 140.00 |")
                .contains("p50 **21.0×**, p99 **11.1×**").contains("by path: KAFKA 3000").contains("**PASS**")
                .contains("](benchmarks/flag-propagation.png)").contains("- a note");
        Path png = dir.resolve("chart.png");
        FlagPropagationReport.chart(result, 250, png);
        assertThat(Files.size(png)).isPositive();
    }
}
