package baedal.bench.report;

import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Target;
import java.util.List;

/**
 * The flag evaluation benchmark's result: ns per operation (JMH average time) with its error (99.9 %), for the
 * {@code AtomicBoolean} baseline and each kind of evaluation, and the ratios to the baseline measured in the same run.
 */
public record FlagEvaluationResult(String benchmark, String title, Machine machine, String jmh, int forks,
        int warmupIterations, int iterations, double secondsPerIteration, List<Score> scores, List<Target> targets,
        String command, String chart) implements Result {

    /** One JMH benchmark method's average and its 99.9 % error, in ns per operation, and its ratio to the baseline. */
    public record Score(String name, double nsPerOp, double error, double ratio) {
    }
}
