package baedal.bench;

import baedal.bench.baseline.KafkaRoundTrip;
import baedal.bench.cluster.Cluster;
import baedal.bench.identity.Subject;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import baedal.bench.measure.Propagation;
import baedal.bench.report.FlagPropagationReport;
import baedal.bench.report.FlagPropagationResult;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.Benchmark;
import baedal.bench.runner.BenchmarkRunner;
import baedal.bench.runner.MachineFacts;
import baedal.bench.runner.ReproduceCommand;
import baedal.bench.runner.SystemPropertyDefaults;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The flag propagation benchmark (issue 14, ADR 0011): the platform as processes with {@code --instances} app
 * instances (3), each with the flags' own database {@code baedal_flags}; {@code --changes} flag changes (1,000)
 * through the operator API of the first instance; for each, commit → applied on every instance, from the
 * acknowledgements the instances write to the flags' database ({@code flag_ack.applied_at} − the version's
 * {@code flag_state.changed_at}), over every (change, instance) pair and per change for its slowest instance (target
 * p99 ≤ 250 ms). Beside it, in the same run and on the same broker, the broker's own hop: a raw producer → consumers
 * round trip of one small record, measured the same way, and the ratio. Writes {@code flag-propagation.json},
 * {@code flag-propagation.png} and the "Flag propagation" section of {@code docs/benchmarks.md}.
 */
@Command(name = "FlagPropagationBenchmark", sortOptions = false, defaultValueProvider = SystemPropertyDefaults.class,
        description = {"The flag propagation benchmark (issue 14): commit → applied on every instance, app instances "
                + "as processes, against a raw Kafka round trip on the same broker.",
                "It starts its own platform as processes (there is no --target).",
                "Every option may also be given as -Dbench.<name>=<value>."})
public final class FlagPropagationBenchmark implements Benchmark<FlagPropagationResult> {

    static final double TARGET_P99_MS = 250;
    static final String FLAG = "member.remote-calls";

    @Option(names = "--changes", paramLabel = "<n>", defaultValue = "1000",
            description = "measured flag changes (default ${DEFAULT-VALUE})")
    int changes;

    @Option(names = "--warmup-changes", paramLabel = "<n>", defaultValue = "50",
            description = "changes made first, not measured (default ${DEFAULT-VALUE})")
    int warmupChanges;

    @Option(names = "--instances", paramLabel = "<n>", defaultValue = "3",
            description = "app instances, each a JVM of its own (default ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--app-heap-mb", paramLabel = "<mb>", defaultValue = "384",
            description = "each instance's maximum heap (default ${DEFAULT-VALUE})")
    int appHeapMb;

    @Option(names = "--ack-timeout-seconds", paramLabel = "<s>", defaultValue = "40",
            description = "how long a change waits for every instance's acknowledgement; longer than the 30 s "
                    + "reconciliation (default ${DEFAULT-VALUE})")
    int ackTimeoutSeconds;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "docs/benchmarks",
            description = "where the JSON and the chart go; the docs page is <dir>.md (default ${DEFAULT-VALUE})")
    String out;

    public static void main(String[] args) {
        BenchmarkRunner.main(new FlagPropagationBenchmark(), args);
    }

    @Override
    public String name() {
        return "flag-propagation";
    }

    @Override
    public Path out() {
        return Path.of(out);
    }

    @Override
    public void check() {
        if (changes < 1 || warmupChanges < 1 || instances < 1 || appHeapMb < 128 || ackTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--changes, --warmup-changes, --instances and --ack-timeout-seconds "
                    + "are at least 1, --app-heap-mb at least 128");
        }
    }

    @Override
    public FlagPropagationResult run(String chartLink) throws Exception {
        Path dir = Files.createTempDirectory("bench-flag-propagation-");
        Log.line("starting the platform as processes: 1 shard, " + instances + " instances, Kafka, under " + dir);
        Cluster.Layout layout = new Cluster.Layout(1, instances, false, appHeapMb, Map.of());
        boolean measured = false;
        try {
            FlagPropagationResult result;
            try (Cluster cluster = Cluster.start(dir, layout)) {
                result = measure(cluster, chartLink);
            }
            measured = true;
            return result;
        } finally {
            if (measured) {
                delete(dir);
            } else {
                Log.line("  the run failed: data and logs kept in " + dir);
            }
        }
    }

    private static void delete(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    private FlagPropagationResult measure(Cluster cluster, String chartLink) throws Exception {
        List<String> notes = new ArrayList<>();
        Set<String> ids = IntStream.range(0, instances).mapToObj(Cluster::instanceId).collect(Collectors.toSet());
        String operator = cluster.identities().bearer(Subject.operator());
        String base = cluster.baseUrls().getFirst();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Duration timeout = Duration.ofSeconds(ackTimeoutSeconds);
        Propagation flags = new Propagation(instances);
        Propagation raw = new Propagation(instances);
        double seconds;
        double loadBefore;
        double loadAfter;
        try (Connection db = DriverManager.getConnection(cluster.flagsUrl(), Cluster.USER, "");
                PreparedStatement acks = db.prepareStatement("""
                        select s.version as state_version, s.changed_at, a.instance_id, a.version, a.applied_at,
                               a.delay_ms, a.source
                        from flag_state s left join flag_ack a on a.flag_key = s.flag_key and a.version = s.version
                        where s.flag_key = ?""");
                KafkaRoundTrip trip = KafkaRoundTrip.open(cluster.kafkaBootstrap(), instances)) {
            acks.setString(1, FLAG);
            long version = currentVersion(http, base, operator);
            Log.line(warmupChanges + " warm-up + " + changes + " measured changes of " + FLAG + " through " + base
                    + " (version " + version + " now), each followed by one raw Kafka round trip to " + instances
                    + " consumers (the baseline)");
            Propagation warmup = new Propagation(instances);
            for (int i = 0; i < warmupChanges; i++) {
                version = change(http, base, operator, version, i);
                // the first changes may wait for the relay's lease and the feeds' first fetch
                warmup.record(awaitAcks(acks, version, ids, Duration.ofSeconds(Math.max(ackTimeoutSeconds, 60))));
                trip.once(timeout);
            }
            Log.line(String.format(Locale.ROOT, "  warm-up: slowest instance p50 %.2f max %.2f ms, %d missing",
                    warmup.slowestReceiver().p50(), warmup.slowestReceiver().max(), warmup.missing()));
            loadBefore = loadAverage();
            long started = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                version = change(http, base, operator, version, warmupChanges + i);
                flags.record(awaitAcks(acks, version, ids, timeout));
                raw.record(trip.once(timeout));
                if ((i + 1) % 200 == 0) {
                    Log.line(String.format(Locale.ROOT, "  %d changes: all pairs p50 %.2f p99 %.2f ms, slowest "
                            + "instance p99 %.2f ms, %d missing; raw Kafka slowest p50 %.2f p99 %.2f ms", i + 1,
                            flags.allPairs().p50(), flags.allPairs().p99(), flags.slowestReceiver().p99(),
                            flags.missing(), raw.slowestReceiver().p50(), raw.slowestReceiver().p99()));
                }
            }
            seconds = (System.nanoTime() - started) / 1e9;
            loadAfter = loadAverage();
        }
        Latency all = flags.allPairs();
        Latency slowest = flags.slowestReceiver();
        Log.line(String.format(Locale.ROOT, "  flags: all pairs p50 %.2f p99 %.2f max %.2f ms; slowest instance p50 "
                + "%.2f p99 %.2f ms; paths %s; %d missing; %d ack delays disagree", all.p50(), all.p99(), all.max(),
                slowest.p50(), slowest.p99(), flags.paths(), flags.missing(), flags.disagreeing()));
        if (flags.beforeCommit() > 0) {
            notes.add(flags.beforeCommit() + " acknowledgement(s) were stamped before their change's commit time "
                    + "(counted as 0 ms).");
        }
        notes.add(String.format(Locale.ROOT, "The machine's 1-minute load average was %.2f when the measured changes "
                + "began and %.2f when they ended (everything on the box counts, other processes too).", loadBefore,
                loadAfter));
        Latency rawAll = raw.allPairs();
        Latency rawSlowest = raw.slowestReceiver();
        Log.line(String.format(Locale.ROOT, "  raw Kafka: all pairs p50 %.2f p99 %.2f ms; slowest consumer p50 %.2f "
                + "p99 %.2f ms; %d missing", rawAll.p50(), rawAll.p99(), rawSlowest.p50(), rawSlowest.p99(),
                raw.missing()));

        Double ratioP50 = ratio(slowest.p50(), rawSlowest.p50());
        Double ratioP99 = ratio(slowest.p99(), rawSlowest.p99());
        List<Target> targets = targets(all, slowest, flags.missing(), flags.changes() * instances);
        FlagPropagationResult.Config config = new FlagPropagationResult.Config(instances, FLAG, changes, warmupChanges,
                appHeapMb, ackTimeoutSeconds, command());
        return new FlagPropagationResult(name(), "Flag propagation (issue 14)", config,
                MachineFacts.collect(cluster.shards()), all, slowest, flags.missing(), flags.paths(),
                flags.disagreeing(), flags.slowestMillisPerChange(), rawAll, rawSlowest, raw.missing(), ratioP50,
                ratioP99, Figures.round(seconds, 1), targets, notes, chartLink);
    }

    private static double loadAverage() {
        return Figures.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
    }

    /** {@code a ÷ b} to two decimals; none when {@code b} is 0. */
    static Double ratio(double a, double b) {
        return b <= 0 ? null : Figures.round(a / b, 2);
    }

    static List<Target> targets(Latency all, Latency slowest, long missing, long pairs) {
        return List.of(
                new Target("commit → applied on every instance, p99 over all (change, instance) pairs",
                        "≤ " + Figures.fmt(TARGET_P99_MS) + " ms", Figures.ms(all.p99()) + " ms (p50 "
                                + Figures.ms(all.p50()) + " ms, max " + Figures.ms(all.max()) + " ms)",
                        all.samples() > 0 && all.p99() <= TARGET_P99_MS),
                new Target("commit → applied on the slowest instance, p99 per change",
                        "≤ " + Figures.fmt(TARGET_P99_MS) + " ms", Figures.ms(slowest.p99()) + " ms (p50 "
                                + Figures.ms(slowest.p50()) + " ms)",
                        slowest.samples() > 0 && slowest.p99() <= TARGET_P99_MS),
                new Target("every change acknowledged by every instance", "0 missing",
                        missing + " missing of " + pairs, missing == 0));
    }

    /** The flag's version as the instance holds it (its ETag). */
    private long currentVersion(HttpClient http, String base, String operator) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/operator/flags/" + FLAG))
                .header("Authorization", "Bearer " + operator).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + FLAG + ": " + response.statusCode() + " " + response.body());
        }
        return etagVersion(response.headers().firstValue("ETag").orElseThrow());
    }

    /** Makes change {@code n} against {@code version}; returns the new version. */
    private long change(HttpClient http, String base, String operator, long version, int n) throws Exception {
        String reason = "flag propagation benchmark, change " + n;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/operator/flags/" + FLAG))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .header("If-Match", "\"" + version + "\"").header("Baedal-Reason", reason)
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(changeBody(n, reason))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + FLAG + " at version " + version + ": " + response.statusCode()
                    + " " + response.body());
        }
        long next = etagVersion(response.headers().firstValue("ETag").orElseThrow());
        if (next != version + 1) {
            throw new IllegalStateException("PUT " + FLAG + " at version " + version + " answered version " + next);
        }
        return next;
    }

    /** Change {@code n}: on for even {@code n}, off for odd, each with another rollout percent (1–99). */
    static String changeBody(int n, String reason) {
        return "{\"enabled\":" + (n % 2 == 0) + ",\"rolloutPercent\":" + (1 + (n * 37) % 99) + ",\"reason\":\""
                + reason.replace("\"", "'") + "\"}";
    }

    static long etagVersion(String etag) {
        String bare = etag.trim();
        if (bare.startsWith("W/")) {
            bare = bare.substring(2);
        }
        return Long.parseLong(bare.replace("\"", ""));
    }

    /**
     * Polls the flags' database until every instance of {@code ids} has acknowledged {@code version} (or
     * {@code timeout} passed); the change's commit time is the version's {@code changed_at}.
     */
    private static Propagation.Change awaitAcks(PreparedStatement query, long version, Set<String> ids,
            Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Instant committed = null;
            List<Propagation.Arrival> arrivals = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong("state_version") != version) {
                        throw new IllegalStateException(FLAG + " is at version " + rs.getLong("state_version")
                                + " in the database, expected " + version + ": someone else changed it");
                    }
                    committed = rs.getTimestamp("changed_at").toInstant();
                    String instance = rs.getString("instance_id");
                    if (instance != null && ids.contains(instance)) {
                        arrivals.add(new Propagation.Arrival(instance, rs.getTimestamp("applied_at").toInstant(),
                                rs.getObject("delay_ms", Long.class), rs.getString("source")));
                    }
                }
            }
            if (committed == null) {
                throw new IllegalStateException("no state of " + FLAG + " in the flags' database");
            }
            if (arrivals.size() == ids.size() || System.nanoTime() > deadline) {
                return new Propagation.Change(version, committed, arrivals);
            }
            Thread.sleep(2);
        }
    }

    /** How to run this again: the platform runs in JVMs of its own, so the harness's JVM options matter little. */
    private String command() {
        return ReproduceCommand.of(ReproduceCommand.BENCH, List.of("-XX:+UseParallelGC"), FlagPropagationBenchmark.class,
                "--changes " + changes + " --warmup-changes " + warmupChanges + " --instances " + instances);
    }

    @Override
    public String section(FlagPropagationResult result) {
        return FlagPropagationReport.section(result);
    }

    @Override
    public void drawChart(FlagPropagationResult result, Path png) throws IOException {
        FlagPropagationReport.chart(result, TARGET_P99_MS, png);
    }
}
