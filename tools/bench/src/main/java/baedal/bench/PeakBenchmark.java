package baedal.bench;

import baedal.bench.cluster.Cluster;
import baedal.bench.fault.FaultPlan;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Log;
import baedal.bench.report.PeakChart;
import baedal.bench.report.PeakReport;
import baedal.bench.report.PeakResults.PeakResult;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.Benchmark;
import baedal.bench.runner.BenchmarkRunner;
import baedal.bench.runner.ReproduceCommand;
import baedal.bench.traffic.RateCurve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmark and fault harness (issue 5): baedal under a lunch peak and under failure. It starts the platform as
 * separate processes ({@link Cluster}: every shard its own PostgreSQL server, Kafka its own process, each instance
 * its own JVM) — or drives an external deployment ({@code --target}) — through its HTTP API with realistic
 * open-model traffic, breaks what a {@link FaultPlan} says while the load runs, and ends every run with the audit
 * ({@link PeakRun}). Scenarios ({@code --scenario}):
 * <ul>
 * <li>{@code lunch} (default): a day compressed into {@code --duration} seconds, lunch and dinner peaks at
 * {@code --rate};</li>
 * <li>{@code fixed}: {@code --rate} for {@code --duration} seconds, with {@code --faults} if given;</li>
 * <li>{@code max}: find the maximum — the rate steps up from {@code --rate} by {@code --step} every
 * {@code --step-seconds} until placement p99 exceeds {@code --p99-ms} or requests fail;</li>
 * <li>{@code faults}: each fault scenario in a fresh cluster of its own (kill -9 the app; stop Kafka; stop a shard's
 * PostgreSQL; kill -9 the projector; two instances and kill -9 one) under {@code --rate};</li>
 * <li>{@code short}: the CI mode — a low rate, one Kafka outage and one shard outage, in about two minutes; checks
 * correctness only.</li>
 * </ul>
 * Writes {@code peak-<scenario>.json}, {@code peak-<scenario>.png} and (unless {@code --no-docs}) the scenario's
 * section of {@code docs/benchmarks.md}. Exits with 1 when a target fails: an audit found a loss or a duplicate.
 * <p>
 * Every request carries a bearer token of its caller. The harness's own cluster trusts the harness's own issuer
 * ({@link baedal.bench.identity.HarnessIssuer}), so the traffic acts as thousands of distinct members, shops and
 * riders; a {@code --target} trusts whom it was told to ({@link TargetIdentityOptions}: {@code --issuer-port} or
 * {@code --token-url}).
 */
@Command(name = "PeakBenchmark", sortOptions = false,
        description = {"PeakBenchmark: baedal under a lunch peak and under failure (issue 5). Exits 1 when a target "
                + "fails, e.g. the audit found a loss or a duplicate."})
public final class PeakBenchmark implements Benchmark<PeakResult> {

    static final List<String> SCENARIOS = List.of("lunch", "fixed", "max", "faults", "short");
    /** The CI mode's faults: Kafka down for 12 s, then shard 1's PostgreSQL down for 12 s. */
    static final String SHORT_FAULTS = "kafka@5+12,shard1@22+12";

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "<s>", defaultValue = "lunch",
            description = "lunch (default) | fixed | max | faults | short")
    String scenario;

    @Option(names = "--rate", paramLabel = "<n>", description = "orders/s: the peak (lunch, default 150), the rate "
            + "(fixed, faults: 50; short: 20), the first step (max: 50)")
    Double rate;

    @Option(names = "--duration", paramLabel = "<s>", description = "seconds of load (lunch 300, short 45, else 120)")
    Double durationSeconds;

    @Option(names = "--from-hour", paramLabel = "<h>", defaultValue = "10",
            description = "the first hour of the day the lunch curve compresses (default ${DEFAULT-VALUE})")
    double fromHour;

    @Option(names = "--to-hour", paramLabel = "<h>", defaultValue = "21",
            description = "the last hour of the day the lunch curve compresses (default ${DEFAULT-VALUE})")
    double toHour;

    @Option(names = "--step", paramLabel = "<n>", defaultValue = "50",
            description = "max: orders/s added at each step (default ${DEFAULT-VALUE})")
    double step;

    @Option(names = "--step-seconds", paramLabel = "<s>", defaultValue = "30",
            description = "max: seconds of each step (default ${DEFAULT-VALUE})")
    double stepSeconds;

    @Option(names = "--p99-ms", paramLabel = "<ms>", defaultValue = "100",
            description = "max: the placement p99 a step must hold (default ${DEFAULT-VALUE})")
    double p99Ms;

    @Option(names = "--faults", paramLabel = "<list>", description = "kind@at+for, comma-separated: app, kafka, "
            + "shardN, projector, instance (e.g. kafka@20+60,shard0@100+60); default none, short: " + SHORT_FAULTS)
    String faults;

    @Option(names = "--fault-seconds", paramLabel = "<s>", defaultValue = "60",
            description = "how long each fault of --scenario faults lasts (default ${DEFAULT-VALUE})")
    double faultSeconds;

    @Option(names = "--instances", paramLabel = "<n>", defaultValue = "1",
            description = "API instances (default ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--separate-projector", paramLabel = "<bool>", arity = "0..1", defaultValue = "false",
            description = "run the projector in an instance of its own")
    boolean separateProjector;

    @Option(names = "--shards", paramLabel = "<n>", description = "shards, each its own PostgreSQL server (default 4; "
            + "short: 2)")
    Integer shards;

    @Option(names = "--target", paramLabel = "<url>", split = ",", description = "drive a running deployment "
            + "instead (no faults); with --jdbc-url, --order-view-url and --kafka the audit runs too; its tokens: "
            + "--issuer-port or --token-url")
    List<String> targets = new ArrayList<>();

    @Mixin
    final TargetIdentityOptions identity = new TargetIdentityOptions();

    @Option(names = "--jdbc-url", paramLabel = "<url>", split = ",",
            description = "with --target: the shards' JDBC URLs, in shard order")
    List<String> jdbcUrls = new ArrayList<>();

    @Option(names = "--order-view-url", paramLabel = "<url>", description = "with --target: the read model's JDBC URL")
    String orderViewUrl;

    @Option(names = "--kafka", paramLabel = "<bootstrap>", description = "with --target: Kafka's bootstrap servers")
    String kafka;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "docs/benchmarks",
            description = "where peak-<scenario>.json and .png go (default ${DEFAULT-VALUE})")
    String out;

    @Option(names = "--no-docs", paramLabel = "<bool>", arity = "0..1", description = "do not write the section of "
            + "<dir>/../benchmarks.md (short: not written by default)")
    Boolean noDocs;

    @Option(names = "--baselines", paramLabel = "<bool>", arity = "0..1", description = "after a lunch, fixed or max "
            + "run (default true there, without --target): raw JDBC, raw Kafka producer and the Spring Modulith peer "
            + "on the same cluster, as ratios to ours")
    Boolean baselines;

    @Option(names = "--peer-classpath", paramLabel = "<cp>", description = "the peer's class path (default "
            + "tools/bench-peer/target/...: build it first with ./mvnw -pl :bench-peer -am package)")
    String peerClasspath;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "20251202",
            description = "seed of the order mix and of the lifecycles' decisions (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--mix", paramLabel = "<n>", defaultValue = "2000",
            description = "distinct orders in the generated mix (default ${DEFAULT-VALUE})")
    int mix;

    @Option(names = "--lifecycle-scale", paramLabel = "<x>", defaultValue = "1",
            description = "multiplies every pause of a lifecycle (1: about 5–14 s from order to delivery)")
    double lifecycleScale;

    @Option(names = "--app-heap-mb", paramLabel = "<mb>", defaultValue = "768",
            description = "each application JVM's heap (default ${DEFAULT-VALUE})")
    int appHeapMb;

    public static void main(String[] args) {
        BenchmarkRunner.main(new PeakBenchmark(), args);
    }

    /** One run as planned: its cluster layout, arrival curve, load length and faults. */
    record RunPlan(String name, Cluster.Layout layout, RateCurve curve, double loadSeconds, FaultPlan faults,
            boolean findMax) {
    }

    // ---- the settings, with the scenario's defaults where an option was not given ----

    double rate() {
        if (rate != null) {
            return rate;
        }
        return switch (scenario) {
            case "lunch" -> 150;
            case "short" -> 20;
            default -> 50;
        };
    }

    double durationSeconds() {
        if (durationSeconds != null) {
            return durationSeconds;
        }
        return switch (scenario) {
            case "lunch" -> 300;
            case "short" -> 45;
            default -> 120;
        };
    }

    private boolean isShort() {
        return scenario.equals("short");
    }

    String faults() {
        return faults != null ? faults : isShort() ? SHORT_FAULTS : "none";
    }

    int shards() {
        return shards != null ? shards : isShort() ? 2 : 4;
    }

    /** Whether the baselines run after each run: by default after lunch, fixed and max on the harness's cluster. */
    boolean baselines() {
        return baselines != null ? baselines : List.of("lunch", "fixed", "max").contains(scenario) && targets.isEmpty();
    }

    @Override
    public String name() {
        return "peak-" + scenario;
    }

    @Override
    public Path out() {
        return Path.of(out);
    }

    @Override
    public boolean writesDocs() {
        return !(noDocs != null ? noDocs : isShort());
    }

    @Override
    public void check() {
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("--scenario is one of lunch, fixed, max, faults, short: " + scenario);
        }
        if (!(rate() > 0) || !(durationSeconds() > 0) || instances < 1 || shards() < 1) {
            throw new IllegalArgumentException("--rate and --duration must be > 0, --instances and --shards >= 1");
        }
        identity.check(!targets.isEmpty());
        FaultPlan given = FaultPlan.parse(faults()); // refuses a malformed list before anything starts
        if (!targets.isEmpty() && !given.faults().isEmpty()) {
            throw new IllegalArgumentException("faults need the harness's own cluster: drop --target or --faults");
        }
        if (!targets.isEmpty() && scenario.equals("faults")) {
            throw new IllegalArgumentException("--scenario faults needs the harness's own cluster (drop --target)");
        }
        for (RunPlan plan : plans()) {
            plan.faults().requireFits(plan.layout()); // e.g. shard3 with --shards 2: refused now, not after a start
        }
    }

    @Override
    public PeakResult run(String chartLink) throws Exception {
        PeakRun runner = new PeakRun(this);
        List<RunResult> runs = new ArrayList<>();
        Machine machine = null;
        for (RunPlan plan : plans()) {
            Log.line("run '" + plan.name() + "': " + plan.curve().label() + " for " + Figures.fmt(plan.loadSeconds())
                    + " s" + (plan.faults().faults().isEmpty() ? "" : ", faults " + plan.faults().faults().stream()
                            .map(FaultPlan.Fault::spec).toList()));
            PeakRun.Outcome outcome = targets.isEmpty() ? runner.onCluster(plan) : runner.onTarget(plan);
            runs.add(outcome.result());
            if (machine == null) {
                machine = outcome.machine();
            }
            PeakRun.print(outcome.result());
        }
        List<String> notes = new ArrayList<>();
        if (!targets.isEmpty()) {
            notes.add("Driven against a running deployment at " + targets + ".");
            notes.add(identity.note());
        }
        return new PeakResult(name(), title(scenario), scenario, command(), machine, runs, PeakTargets.of(runs), notes,
                chartLink);
    }

    @Override
    public String section(PeakResult result) {
        return PeakReport.section(result);
    }

    @Override
    public void drawChart(PeakResult result, Path png) throws IOException {
        PeakChart.write(result, png);
    }

    /** The harness's verdict: every target must hold (no loss, no duplicate, the audit ran). */
    @Override
    public int exitCode(PeakResult result) {
        return result.targets().stream().allMatch(Target::pass) ? 0 : 1;
    }

    static String title(String scenario) {
        return switch (scenario) {
            case "lunch" -> "A delivery day with its lunch and dinner peaks (issue 5)";
            case "fixed" -> "A fixed rate of orders with whole lifecycles (issue 5)";
            case "max" -> "The highest rate that holds the latency target (issue 5)";
            case "faults" -> "Faults under load, each ending with the audit (issue 5)";
            default -> "Short fault run: one Kafka outage and one shard outage (issue 5, CI)";
        };
    }

    /** The runs the scenario consists of. */
    List<RunPlan> plans() {
        Cluster.Layout layout = new Cluster.Layout(shards(), instances, separateProjector, appHeapMb, Map.of());
        FaultPlan given = FaultPlan.parse(faults());
        double extra = given.faults().isEmpty() ? 0
                : Math.max(0, given.lastRepairSecond() + 20 - durationSeconds());
        return switch (scenario) {
            case "lunch" -> List.of(new RunPlan("lunch", layout, new RateCurve.Day(rate(), durationSeconds(), fromHour,
                    toHour), durationSeconds(), given, false));
            case "fixed", "short" -> List.of(new RunPlan(scenario, layout, new RateCurve.Fixed(rate()),
                    durationSeconds() + extra, given, false));
            case "max" -> List.of(new RunPlan("max", layout, new RateCurve.Fixed(rate()), durationSeconds(),
                    FaultPlan.none(), true));
            default -> faultScenarios();
        };
    }

    /** The five fault scenarios of the issue, each in a fresh cluster: fault at 20 s, 30 s of load after its repair. */
    List<RunPlan> faultScenarios() {
        double at = 20;
        double lasts = faultSeconds;
        double load = at + lasts + 30;
        RateCurve curve = new RateCurve.Fixed(rate());
        Cluster.Layout one = new Cluster.Layout(shards(), 1, false, appHeapMb, Map.of());
        Cluster.Layout projector = new Cluster.Layout(shards(), 1, true, appHeapMb, Map.of());
        Cluster.Layout two = new Cluster.Layout(shards(), 2, false, appHeapMb, Map.of());
        String d = Figures.fmt(lasts);
        return List.of(
                new RunPlan("kill -9 the app and restart it", one, curve, at + 10 + 30,
                        FaultPlan.parse("app@" + at + "+10"), false),
                new RunPlan("stop Kafka for " + d + " s", one, curve, load, FaultPlan.parse("kafka@" + at + "+" + lasts),
                        false),
                new RunPlan("stop shard 0's PostgreSQL for " + d + " s", one, curve, load,
                        FaultPlan.parse("shard0@" + at + "+" + lasts), false),
                new RunPlan("kill -9 the projector (back after " + d + " s)", projector, curve, load,
                        FaultPlan.parse("projector@" + at + "+" + lasts), false),
                new RunPlan("two instances, kill -9 one (back after " + d + " s)", two, curve, load,
                        FaultPlan.parse("instance@" + at + "+" + lasts), false));
    }

    /**
     * How to run this again: the arguments as given. The platform runs in JVMs of its own, so the harness's JVM
     * options do not matter; the baselines need the peer built too.
     */
    String command() {
        List<String> given = spec == null ? List.of() : spec.commandLine().getParseResult().originalArgs();
        return ReproduceCommand.of(baselines() ? ReproduceCommand.BENCH_AND_PEER : ReproduceCommand.BENCH,
                List.of("-XX:+UseParallelGC"), PeakBenchmark.class, String.join(" ", given));
    }
}
