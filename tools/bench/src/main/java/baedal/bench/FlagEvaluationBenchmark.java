package baedal.bench;

import baedal.bench.evaluation.FlagEvaluationJmh;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Log;
import baedal.bench.report.FlagEvaluationReport;
import baedal.bench.report.FlagEvaluationResult;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.Benchmark;
import baedal.bench.runner.BenchmarkRunner;
import baedal.bench.runner.MachineFacts;
import baedal.bench.runner.ReproduceCommand;
import baedal.bench.runner.SystemPropertyDefaults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The flag evaluation benchmark (issue 14): with JMH, the ns an instance spends on one evaluation of an on/off flag
 * and of a rollout flag, against a plain {@code AtomicBoolean} read measured in the same run (target: at most 10×
 * that baseline). It measures the provider's evaluation (the live state's lookup and {@code FlagState.evaluate}), not
 * the OpenFeature SDK's own work around it. Writes {@code flag-evaluation.json}, {@code flag-evaluation.png} and the
 * "Flag evaluation" section of {@code docs/benchmarks.md}.
 */
@Command(name = "FlagEvaluationBenchmark", sortOptions = false, defaultValueProvider = SystemPropertyDefaults.class,
        description = {"The flag evaluation benchmark (issue 14): JMH, ns per on/off and rollout evaluation against an "
                + "AtomicBoolean read.", "Every option may also be given as -Dbench.<name>=<value>."})
public final class FlagEvaluationBenchmark implements Benchmark<FlagEvaluationResult> {

    static final double TARGET_RATIO = 10;

    @Option(names = "--forks", paramLabel = "<n>", defaultValue = "1", description = "JMH forks (default ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--warmup-iterations", paramLabel = "<n>", defaultValue = "3",
            description = "JMH warm-up iterations (default ${DEFAULT-VALUE})")
    int warmupIterations;

    @Option(names = "--iterations", paramLabel = "<n>", defaultValue = "5",
            description = "JMH measured iterations (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--seconds", paramLabel = "<s>", defaultValue = "2",
            description = "seconds per iteration (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "docs/benchmarks",
            description = "where the JSON and the chart go; the docs page is <dir>.md (default ${DEFAULT-VALUE})")
    String out;

    public static void main(String[] args) {
        BenchmarkRunner.main(new FlagEvaluationBenchmark(), args);
    }

    @Override
    public String name() {
        return "flag-evaluation";
    }

    @Override
    public Path out() {
        return Path.of(out);
    }

    @Override
    public void check() {
        if (forks < 0 || warmupIterations < 0 || iterations < 1 || seconds < 1) {
            throw new IllegalArgumentException("--forks and --warmup-iterations are at least 0, --iterations and "
                    + "--seconds at least 1");
        }
    }

    @Override
    public FlagEvaluationResult run(String chartLink) throws Exception {
        Log.line("JMH: " + FlagEvaluationJmh.class.getSimpleName() + ", " + forks + " fork(s), " + warmupIterations
                + " + " + iterations + " iterations of " + seconds + " s");
        Options options = new OptionsBuilder()
                .include(FlagEvaluationJmh.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .threads(1)
                .jvmArgsAppend("-Xmx256m")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double baseline = score(results, "atomicBooleanRead");
        List<FlagEvaluationResult.Score> scores = new ArrayList<>();
        for (String method : List.of("atomicBooleanRead", "onOffFlag", "rolloutFlag", "memberRotation")) {
            RunResult result = find(results, method);
            double ns = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            scores.add(new FlagEvaluationResult.Score(method, Figures.round(ns, 3),
                    Double.isNaN(error) ? 0 : Figures.round(error, 3), Figures.round(ns / baseline, 2)));
        }
        List<Target> targets = List.of(
                target("on/off evaluation ≤ 10× an AtomicBoolean read", scores.get(1)),
                target("rollout evaluation ≤ 10× an AtomicBoolean read", scores.get(2)));
        return new FlagEvaluationResult(name(), "Flag evaluation (issue 14)", MachineFacts.collect(List.of()),
                Version.getPlainVersion(), forks, warmupIterations, iterations, seconds, scores, targets, command(),
                chartLink);
    }

    private static Target target(String name, FlagEvaluationResult.Score score) {
        return new Target(name, "≤ " + Figures.fmt(TARGET_RATIO) + "×",
                String.format(Locale.ROOT, "%.1f× (%.2f ns)", score.ratio(), score.nsPerOp()), score.ratio() <= TARGET_RATIO);
    }

    private static double score(Collection<RunResult> results, String method) {
        return find(results, method).getPrimaryResult().getScore();
    }

    private static RunResult find(Collection<RunResult> results, String method) {
        return results.stream().filter(result -> result.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH ran no " + method));
    }

    private String command() {
        return ReproduceCommand.of(ReproduceCommand.BENCH, MachineFacts.jvmArguments(), FlagEvaluationBenchmark.class,
                "--forks " + forks + " --warmup-iterations " + warmupIterations + " --iterations " + iterations
                        + " --seconds " + seconds);
    }

    @Override
    public String section(FlagEvaluationResult result) {
        return FlagEvaluationReport.section(result);
    }

    @Override
    public void drawChart(FlagEvaluationResult result, Path png) throws IOException {
        FlagEvaluationReport.chart(result, png);
    }
}
