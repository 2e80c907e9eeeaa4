package baedal.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What the placement benchmark reports; serialized as {@code docs/benchmarks/placement.json}. */
public final class Results {

    private Results() {
    }

    /** Latency percentiles in milliseconds, from an HdrHistogram recorded in microseconds. */
    public record Latency(long samples, double mean, double p50, double p90, double p99, double p999, double max) {
        public static Latency of(Histogram micros) {
            return new Latency(micros.getTotalCount(), ms(micros.getMean()),
                    ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                    ms(micros.getMaxValue()));
        }

        private static double ms(double micros) {
            return Math.round(micros / 10.0) / 100.0;
        }
    }

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
    }

    public record Audit(long acknowledged, long found, long missing, long duplicateOrderNumbers,
            long storedButUnacknowledged, Map<String, Long> acknowledgedPerShard, Map<String, Long> foundPerShard,
            String method) {
    }

    public record Machine(int cores, String jdk, String os, String postgres, String kafka, String gitCommit,
            String date, long maxHeapMb, String garbageCollectors, String jvmArguments) {
    }

    public record Config(String target, int shards, int poolSize, int concurrency, double rate, int warmupSeconds,
            int durationSeconds, int mixSize, String command) {
    }

    public record Target(String name, String goal, String actual, boolean pass) {
    }

    public record Placement(String benchmark, String title, Config config, Machine machine, Run jdbcBaseline,
            Run apiMax, Double apiToJdbcRatio, Run apiFixedRate, Audit audit, List<Target> targets,
            List<String> notes, String chart) {
    }

    public record OutboxConfig(String target, int shards, int poolSize, int concurrency, int warmupSeconds,
            int phaseSeconds, int phases, double rate, int durationSeconds, long backlog, int relayBatchSize,
            int mixSize, String command) {
    }

    /**
     * Draining a backlog: the raw producer's and the relay's time and rate for the same records, and each one's
     * running total of acknowledged records sampled once a second.
     */
    public record Drain(long backlog, int payloadBytes, double rawSeconds, double rawPerSecond, double relaySeconds,
            double relayPerSecond, double ratio, long relayed, long pendingAfter, List<Long> rawProgress,
            List<Long> relayProgress) {
    }

    public record OutboxResult(String benchmark, String title, OutboxConfig config, Machine machine,
            List<Run> withoutOutbox, List<Run> withOutbox, double withoutPerSecond, double withPerSecond,
            double outboxCost, Run fixedRate, Latency commitToAck, Drain drain, List<Target> targets,
            List<String> notes, String chart, double warmupSeconds, List<Run> writtenNotRelayed) {
    }

    public record OrderViewConfig(String target, int shards, double rate, int warmupSeconds, int durationSeconds,
            long documents, double pageRate, int apiSampleEvery, String command) {
    }

    /**
     * Read-model freshness (outbox insert → store write for every order; 201 → visible through the API for a
     * sample) and member history pages over a large read model.
     */
    public record OrderViewResult(String benchmark, String title, OrderViewConfig config, Machine machine,
            Run placement, Latency commitToProjected, long placed, long notProjected, Latency ackToVisible,
            long apiStale, long apiFailed, long documents, Run pages, Latency pageServer, List<Target> targets, List<String> notes,
            String chart) {
    }
}
