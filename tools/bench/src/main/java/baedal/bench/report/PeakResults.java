package baedal.bench.report;

import baedal.bench.audit.RunAudit;
import baedal.bench.baseline.Baselines;
import baedal.bench.measure.Latency;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Target;
import baedal.bench.traffic.Traffic;
import java.util.List;
import java.util.Map;

/** What the peak and fault harness reports; serialized as {@code docs/benchmarks/peak-<scenario>.json}. */
public final class PeakResults {

    private PeakResults() {
    }

    /** Per endpoint: successes, latency from the intended time, operations the client gave up on, errors by kind. */
    public record EndpointResult(String endpoint, long succeeded, long gaveUp, Map<String, Long> errors, Latency latency) {
    }

    /** A fault as it happened, new orders while it lasted, and how long each lag took to be back under 1 s. */
    public record FaultOutcome(String fault, String spec, double startSecond, double endSecond, long newOrders,
            long acknowledgedFirstTry, double successRate, Double kafkaLagBackUnder1sSeconds,
            Double readModelLagBackUnder1sSeconds) {
    }

    /** One find-the-maximum step. */
    public record Step(double rate, long samples, double p99Ms, long errors, boolean held) {
    }

    public record RunResult(String name, String layout, String curve, double loadSeconds, long acknowledged,
            double placedPerSecond, List<EndpointResult> endpoints, Latency commitToKafka, Latency commitToReadModel,
            RunAudit.Findings audit, boolean quiet, List<FaultOutcome> faults, List<Step> steps, Double maxRate,
            long staleViews, double riders, double riderTrips, double ordersPerTrip, double mostOrdersOnATrip,
            List<Traffic.Second> seconds, Baselines.Outcome baselines) {

        public RunResult withBaselines(Baselines.Outcome outcome) {
            return new RunResult(name, layout, curve, loadSeconds, acknowledged, placedPerSecond, endpoints,
                    commitToKafka, commitToReadModel, audit, quiet, faults, steps, maxRate, staleViews, riders,
                    riderTrips, ordersPerTrip, mostOrdersOnATrip, seconds, outcome);
        }
    }

    public record PeakResult(String benchmark, String title, String scenario, String command, Machine machine,
            List<RunResult> runs, List<Target> targets, List<String> notes, String chart) implements Result {
    }
}
