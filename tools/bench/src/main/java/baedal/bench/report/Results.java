package baedal.bench.report;

import baedal.bench.audit.Auditor.Audit;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import java.time.Duration;
import java.util.List;

/**
 * What the in-process benchmarks report, serialized as {@code docs/benchmarks/<benchmark>.json}: their results, and
 * the machine facts and targets every benchmark reports.
 */
public final class Results {

    private Results() {
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
            List<String> notes, String chart) implements Result {
    }

    public record OutboxConfig(String target, int shards, int poolSize, int concurrency, int warmupSeconds,
            int phaseSeconds, int phases, double rate, int durationSeconds, long backlog, int relayBatchSize,
            int mixSize, String command) {

        /** Each with/without phase settles this long before it measures (not serialized: the same for every run). */
        public static final Duration SETTLE = Duration.ofSeconds(10);
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
            List<String> notes, String chart, double warmupSeconds, List<Run> writtenNotRelayed) implements Result {
    }

    public record OrderViewConfig(String target, int shards, double rate, int warmupSeconds, int durationSeconds,
            long documents, double pageRate, int apiSampleEvery, String command) {

        /** Items on a member history page the benchmark requests. */
        public static final int PAGE_SIZE = 20;
        /** Orders of each member the benchmark seeds into the read model. */
        public static final int ORDERS_PER_SEEDED_MEMBER = 50;
    }

    /**
     * Read-model freshness (outbox insert → store write for every order; 201 → visible through the API for a
     * sample) and member history pages over a large read model.
     */
    public record OrderViewResult(String benchmark, String title, OrderViewConfig config, Machine machine,
            Run placement, Latency commitToProjected, long placed, long notProjected, Latency ackToVisible,
            long apiStale, long apiFailed, long documents, Run pages, Latency pageServer, List<Target> targets, List<String> notes,
            String chart) implements Result {
    }
}
