package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.bench.report.FlagEvaluationReport;
import baedal.bench.report.FlagEvaluationResult;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.BenchmarkRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class FlagEvaluationBenchmarkTests {

    @Test
    void runsOneForkOfFiveIterationsOfTwoSecondsByDefault() {
        FlagEvaluationBenchmark benchmark = BenchmarkRunner.parse(new FlagEvaluationBenchmark());
        assertThat(benchmark.forks).isEqualTo(1);
        assertThat(benchmark.iterations).isEqualTo(5);
        assertThat(benchmark.seconds).isEqualTo(2);
        assertThat(benchmark.name()).isEqualTo("flag-evaluation");
    }

    @Test
    void refusesARunWithoutMeasuredIterations() {
        assertThatThrownBy(() -> BenchmarkRunner.parse(new FlagEvaluationBenchmark(), "--iterations", "0"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void itsSectionListsEveryScoreWithItsRatioAndTheTargets() {
        FlagEvaluationResult result = new FlagEvaluationResult("flag-evaluation", "Flag evaluation (issue 14)",
                new Machine(2, "jdk", "os", "n/a", "n/a", "abc123", "2026-12-04 20:00 +00:00", 256, "G1", ""), "1.37", 1,
                3, 5, 2, List.of(new FlagEvaluationResult.Score("atomicBooleanRead", 0.5, 0.01, 1),
                        new FlagEvaluationResult.Score("onOffFlag", 3.0, 0.1, 6),
                        new FlagEvaluationResult.Score("rolloutFlag", 12.0, 0.2, 24)),
                List.of(new Target("rollout evaluation ≤ 10× an AtomicBoolean read", "≤ 10×", "24.0× (12.00 ns)", false)),
                "./mvnw …", "benchmarks/flag-evaluation.png");
        String section = FlagEvaluationReport.section(result);
        assertThat(section).contains("| onOffFlag | 3.00 | 0.10 | 6.0 |").contains("| rolloutFlag | 12.00 | 0.20 | 24.0 |")
                .contains("❌").contains("commit abc123").contains("](benchmarks/flag-evaluation.png)");
    }
}
