package baedal.bench.measure;

import java.util.List;
import java.util.Map;

/**
 * One measured run. {@code ordersPerSecond} counts successes completed inside the measure window;
 * {@code perSecond} is the same count second by second; {@code errors} counts failures by kind.
 */
public record Run(String name, String model, int concurrency, Double targetRate, double warmupSeconds,
        double measureSeconds, long attempted, long succeeded, double ordersPerSecond, Map<String, Long> errors,
        Latency latency, List<Long> perSecond) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The mean of the runs' orders/s (0 for none). */
    public static double meanRate(List<Run> runs) {
        return runs.stream().mapToDouble(Run::ordersPerSecond).average().orElse(0);
    }
}
