package baedal.bench.report;

import baedal.bench.measure.Latency;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Target;
import java.util.List;
import java.util.Map;

/**
 * The flag propagation benchmark's result: commit → applied on every instance for each change, over every
 * (change, instance) pair and per change for its slowest instance, beside the same-run baseline (a raw Kafka producer
 * → consumers hop of one small record on the same broker, measured the same way) and the ratios between them.
 *
 * @param config what ran
 * @param flags every (change, instance) pair
 * @param flagsSlowest per change, its slowest instance
 * @param flagsMissing (change, instance) pairs never acknowledged within the timeout
 * @param ackPaths acknowledgements by the path that brought the change ({@code KAFKA}, {@code RECONCILIATION}, …)
 * @param ackDelayDisagreements acknowledgements whose own {@code delay_ms} differs from applied_at − changed_at by
 *        more than its truncation to whole milliseconds
 * @param flagsSlowestPerChangeMs the slowest instance's delay of each measured change, in order, ms
 * @param baseline every (record, consumer) pair of the raw Kafka hop
 * @param baselineSlowest per record, its slowest consumer
 * @param baselineMissing (record, consumer) pairs never received within the timeout
 * @param ratioP50 flags' slowest-instance p50 ÷ the baseline's slowest-consumer p50
 * @param ratioP99 the same at p99
 * @param seconds how long the measured changes took, with their baseline round trips, from the first PUT to the last round trip
 */
public record FlagPropagationResult(String benchmark, String title, Config config, Machine machine, Latency flags,
        Latency flagsSlowest, long flagsMissing, Map<String, Long> ackPaths, long ackDelayDisagreements,
        List<Double> flagsSlowestPerChangeMs, Latency baseline, Latency baselineSlowest, long baselineMissing,
        Double ratioP50, Double ratioP99, double seconds, List<Target> targets, List<String> notes, String chart)
        implements Result {

    /**
     * @param instances app instances, each a JVM of its own
     * @param flag the flag changed
     * @param changes measured changes
     * @param warmupChanges changes made before, not measured
     * @param appHeapMb each instance's heap
     * @param ackTimeoutSeconds how long a change waits for every acknowledgement before it counts the missing ones
     * @param command how to run it again
     */
    public record Config(int instances, String flag, int changes, int warmupChanges, int appHeapMb,
            double ackTimeoutSeconds, String command) {
    }
}
