package baedal.bench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.report.Report;
import baedal.bench.report.Result;
import baedal.bench.report.Results.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What the runner does alike for every benchmark: the files it writes, the docs section, the exit codes. */
class BenchmarkRunnerTests {

    record Measured(String benchmark, String chart, List<Target> targets, double figure) implements Result {
    }

    @Command(name = "FakeBenchmark")
    static final class FakeBenchmark implements Benchmark<Measured> {

        @Option(names = "--out", defaultValue = "docs/benchmarks")
        String out;

        @Option(names = "--pass", arity = "1", defaultValue = "true")
        boolean pass;

        @Option(names = "--no-docs")
        boolean noDocs;

        @Option(names = "--crash")
        boolean crash;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Path out() {
            return Path.of(out);
        }

        @Override
        public boolean writesDocs() {
            return !noDocs;
        }

        @Override
        public Measured run(String chartLink) {
            if (crash) {
                throw new IllegalStateException("the platform did not start");
            }
            return new Measured("fake", chartLink, List.of(new Target("a target", "≥ 1", "2", pass)), 2.5);
        }

        @Override
        public String section(Measured result) {
            return "## Fake\n\nfigure " + result.figure() + "\n";
        }

        @Override
        public void drawChart(Measured result, Path png) throws IOException {
            Files.writeString(png, "a chart");
        }

        @Override
        public int exitCode(Measured result) {
            return result.targets().getFirst().pass() ? 0 : 1;
        }
    }

    @Test
    void writesTheJsonTheChartAndTheSectionUnderTheBenchmarksName(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("benchmarks");
        Files.writeString(dir.resolve("benchmarks.md"), Report.upsert(null, "other", "## Other\n\nkept\n"));

        Measured result = BenchmarkRunner.run(BenchmarkRunner.parse(new FakeBenchmark(), "--out", out.toString()));

        assertThat(result.chart()).isEqualTo("benchmarks/fake.png");
        assertThat(Files.readString(out.resolve("fake.json"))).contains("\"benchmark\" : \"fake\"")
                .contains("\"figure\" : 2.5").endsWith("}\n");
        assertThat(out.resolve("fake.png")).hasContent("a chart");
        String page = Files.readString(dir.resolve("benchmarks.md"));
        assertThat(page).contains("<!-- bench:fake:begin -->\n## Fake\n\nfigure 2.5\n<!-- bench:fake:end -->")
                .contains("kept").startsWith("# Benchmarks");
    }

    @Test
    void writesNoSectionWhenTheBenchmarkSaysNot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("benchmarks");

        BenchmarkRunner.run(BenchmarkRunner.parse(new FakeBenchmark(), "--out", out.toString(), "--no-docs"));

        assertThat(out.resolve("fake.json")).exists();
        assertThat(dir.resolve("benchmarks.md")).doesNotExist();
    }

    @Test
    void exitCodesSayWhetherTheRunWasRefusedFailedOrDone(@TempDir Path dir) {
        String out = dir.resolve("benchmarks").toString();
        assertThat(BenchmarkRunner.execute(new FakeBenchmark(), "--out", out)).isZero();
        assertThat(BenchmarkRunner.execute(new FakeBenchmark(), "--out", out, "--pass", "false")).isEqualTo(1);
        assertThat(BenchmarkRunner.execute(new FakeBenchmark(), "--out", out, "--crash")).isEqualTo(1);
        assertThat(BenchmarkRunner.execute(new FakeBenchmark(), "--out", out, "--unknown")).isEqualTo(2);
        assertThat(BenchmarkRunner.execute(new FakeBenchmark(), "--help")).isZero();
        assertThat(BenchmarkRunner.usage(new FakeBenchmark())).contains("--out", "--pass", "--help");
    }
}
