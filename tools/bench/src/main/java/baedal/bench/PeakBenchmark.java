package baedal.bench;

import baedal.bench.audit.EventTimes;
import baedal.bench.audit.RunAudit;
import baedal.bench.baseline.Baselines;
import baedal.bench.cluster.Cluster;
import baedal.bench.cluster.ShardNode;
import baedal.bench.fault.FaultPlan;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import baedal.bench.report.PeakChart;
import baedal.bench.report.PeakReport;
import baedal.bench.report.PeakResults.EndpointResult;
import baedal.bench.report.PeakResults.FaultOutcome;
import baedal.bench.report.PeakResults.PeakResult;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.report.PeakResults.Step;
import baedal.bench.report.Report;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Target;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Endpoint;
import baedal.bench.traffic.EndpointStats;
import baedal.bench.traffic.OrderMix;
import baedal.bench.traffic.RateCurve;
import baedal.bench.traffic.Traffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark and fault harness (issue 5): baedal under a lunch peak and under failure. It starts the platform as
 * separate processes ({@link Cluster}: every shard its own PostgreSQL server, Kafka its own process, each instance
 * its own JVM) — or drives an external deployment ({@code --target}) — through its HTTP API with realistic
 * open-model {@link Traffic}, breaks what a {@link FaultPlan} says while the load runs, and ends every run with the
 * {@link RunAudit}. Scenarios ({@code --scenario}):
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
 * section of {@code docs/benchmarks.md}. Exits with 1 when an audit finds a loss or a duplicate.
 */
public final class PeakBenchmark {

    static final double TARGET_SUCCESS_WHILE_SHARD_DOWN = 0.999;
    /** How long the client retries an operation before it gives up. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(180);
    /** The wait for lifecycles to end after the load: longer than a retried operation can last. */
    static final Duration LIFECYCLE_DRAIN = GIVE_UP_AFTER.plusSeconds(30);
    static final Duration QUIET_WAIT = Duration.ofSeconds(180);
    /** The CI mode's faults: Kafka down for 12 s, then shard 1's PostgreSQL down for 12 s. */
    static final String SHORT_FAULTS = "kafka@5+12,shard1@22+12";

    private PeakBenchmark() {
    }

    /** The harness's settings; see {@link #USAGE}. */
    record Settings(String scenario, double rate, double durationSeconds, double fromHour, double toHour, double step,
            double stepSeconds, double p99Ms, String faults, double faultSeconds, int instances,
            boolean separateProjector, int shards, List<String> targets, List<String> jdbcUrls, String orderViewUrl,
            String kafka, String out, boolean docs, long seed, int mix, double lifecycleScale, int appHeapMb,
            boolean baselines, String peerClasspath) {

        static final Set<String> KNOWN = Set.of("scenario", "rate", "duration", "from-hour", "to-hour", "step",
                "step-seconds", "p99-ms", "faults", "fault-seconds", "instances", "separate-projector", "shards",
                "target", "jdbc-url", "order-view-url", "kafka", "out", "no-docs", "seed", "mix", "lifecycle-scale",
                "app-heap-mb", "baselines", "peer-classpath", "help");

        static Settings parse(String[] args) {
            Map<String, String> given = Options.arguments(args, KNOWN);
            String scenario = given.getOrDefault("scenario", "lunch");
            if (!List.of("lunch", "fixed", "max", "faults", "short").contains(scenario)) {
                throw new IllegalArgumentException("--scenario is one of lunch, fixed, max, faults, short: " + scenario);
            }
            boolean isShort = scenario.equals("short");
            double defaultRate = switch (scenario) {
                case "lunch" -> 150;
                case "max" -> 50;
                case "short" -> 20;
                default -> 50;
            };
            double defaultDuration = switch (scenario) {
                case "lunch" -> 300;
                case "short" -> 45;
                default -> 120;
            };
            String target = given.get("target");
            String jdbc = given.get("jdbc-url");
            Settings settings = new Settings(scenario,
                    Double.parseDouble(given.getOrDefault("rate", Double.toString(defaultRate))),
                    Double.parseDouble(given.getOrDefault("duration", Double.toString(defaultDuration))),
                    Double.parseDouble(given.getOrDefault("from-hour", "10")),
                    Double.parseDouble(given.getOrDefault("to-hour", "21")),
                    Double.parseDouble(given.getOrDefault("step", "50")),
                    Double.parseDouble(given.getOrDefault("step-seconds", "30")),
                    Double.parseDouble(given.getOrDefault("p99-ms", "100")),
                    given.getOrDefault("faults", isShort ? SHORT_FAULTS : "none"),
                    Double.parseDouble(given.getOrDefault("fault-seconds", "60")),
                    Integer.parseInt(given.getOrDefault("instances", "1")),
                    Boolean.parseBoolean(given.getOrDefault("separate-projector", "false")),
                    Integer.parseInt(given.getOrDefault("shards", isShort ? "2" : "4")),
                    target == null ? List.of() : List.of(target.split(",")),
                    jdbc == null ? List.of() : List.of(jdbc.split(",")),
                    given.get("order-view-url"), given.get("kafka"),
                    given.getOrDefault("out", "docs/benchmarks"),
                    !Boolean.parseBoolean(given.getOrDefault("no-docs", Boolean.toString(isShort))),
                    Long.parseLong(given.getOrDefault("seed", "20251202")),
                    Integer.parseInt(given.getOrDefault("mix", "2000")),
                    Double.parseDouble(given.getOrDefault("lifecycle-scale", "1")),
                    Integer.parseInt(given.getOrDefault("app-heap-mb", "768")),
                    Boolean.parseBoolean(given.getOrDefault("baselines",
                            Boolean.toString(List.of("lunch", "fixed", "max").contains(scenario) && target == null))),
                    given.get("peer-classpath"));
            if (!(settings.rate() > 0) || !(settings.durationSeconds() > 0) || settings.instances() < 1
                    || settings.shards() < 1) {
                throw new IllegalArgumentException("--rate and --duration must be > 0, --instances and --shards >= 1");
            }
            if (!settings.targets().isEmpty() && !FaultPlan.parse(settings.faults()).faults().isEmpty()) {
                throw new IllegalArgumentException("faults need the harness's own cluster: drop --target or --faults");
            }
            if (!settings.targets().isEmpty() && scenario.equals("faults")) {
                throw new IllegalArgumentException("--scenario faults needs the harness's own cluster (drop --target)");
            }
            return settings;
        }
    }

    static final String USAGE = """
            PeakBenchmark: baedal under a lunch peak and under failure (issue 5).
              --scenario <s>        lunch (default) | fixed | max | faults | short
              --rate <n>            orders/s: the peak (lunch), the rate (fixed, faults, short), the first step (max)
              --duration <s>        seconds of load (lunch 300, short 45, else 120)
              --from-hour, --to-hour  the part of the day the lunch curve compresses (10 and 21)
              --step <n>, --step-seconds <s>, --p99-ms <ms>   find-the-maximum steps (50, 30) and latency target (100)
              --faults <list>       kind@at+for, comma-separated: app, kafka, shardN, projector, instance
                                    (e.g. kafka@20+60,shard0@100+60); short: kafka@5+12,shard1@22+12
              --fault-seconds <s>   how long each fault of --scenario faults lasts (60)
              --instances <n>       API instances (1); --separate-projector  run the projector in its own instance
              --shards <n>          shards, each its own PostgreSQL server (4; short: 2)
              --target <url,...>    drive a running deployment instead (no faults); with --jdbc-url <shard urls,...>,
                                    --order-view-url <url> and --kafka <bootstrap> the audit runs too
              --out <dir>           where peak-<scenario>.json and .png go (docs/benchmarks); --no-docs: do not
                                    write the section of <dir>/../benchmarks.md (short: not written by default)
              --baselines <bool>    after a lunch, fixed or max run (default true there): raw JDBC, raw Kafka
                                    producer and the Spring Modulith peer on the same cluster, as ratios to ours
              --peer-classpath <cp> the peer's class path (default bench-peer/target/...: build bench-peer first)
              --seed, --mix, --lifecycle-scale (1: ~5-14 s from order to delivery), --app-heap-mb (768)
            """;

    /** One run as planned: its cluster layout, arrival curve, load length and faults. */
    record RunPlan(String name, Cluster.Layout layout, RateCurve curve, double loadSeconds, FaultPlan faults,
            boolean findMax) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        int exit;
        try {
            PeakResult result = run(Settings.parse(args), String.join(" ", args));
            exit = result.targets().stream().allMatch(Target::pass) ? 0 : 1;
        } catch (Exception failed) {
            failed.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    /** Runs the scenario, writes its results, and returns them. */
    static PeakResult run(Settings settings, String arguments) throws Exception {
        List<RunPlan> plans = plans(settings);
        List<RunResult> runs = new ArrayList<>();
        Machine machine = null;
        for (RunPlan plan : plans) {
            Log.line("run '" + plan.name() + "': " + plan.curve().label() + " for " + Figures.fmt(plan.loadSeconds()) + " s"
                    + (plan.faults().faults().isEmpty() ? "" : ", faults " + plan.faults().faults().stream()
                            .map(FaultPlan.Fault::spec).toList()));
            RunOutcome outcome = settings.targets().isEmpty() ? runOnCluster(plan, settings) : runOnTarget(plan, settings);
            runs.add(outcome.result());
            if (machine == null) {
                machine = outcome.machine();
            }
            print(outcome.result());
        }
        List<Target> targets = targets(runs);
        List<String> notes = notes(settings);
        Path out = Path.of(settings.out());
        Files.createDirectories(out);
        String chartName = "peak-" + settings.scenario() + ".png";
        Path doc = out.toAbsolutePath().getParent().resolve(out.getFileName() + ".md");
        String chartLink = doc.getParent().relativize(out.toAbsolutePath().resolve(chartName)).toString()
                .replace('\\', '/');
        PeakResult result = new PeakResult("peak-" + settings.scenario(), title(settings.scenario()),
                settings.scenario(), command(arguments), machine, runs, targets, notes, chartLink);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(out.resolve("peak-" + settings.scenario() + ".json"), json.writeValueAsString(result) + "\n");
        PeakChart.write(result, out.resolve(chartName));
        if (settings.docs()) {
            String existing = Files.exists(doc) ? Files.readString(doc) : null;
            Files.writeString(doc, Report.upsert(existing, result.benchmark(), PeakReport.section(result)));
            Log.line("wrote " + out.resolve("peak-" + settings.scenario() + ".json") + ", " + out.resolve(chartName)
                    + " and " + doc);
        } else {
            Log.line("wrote " + out.resolve("peak-" + settings.scenario() + ".json") + " and " + out.resolve(chartName));
        }
        for (Target target : targets) {
            Log.line(String.format(Locale.ROOT, "%-5s %s: %s (goal %s)", target.pass() ? "PASS" : "FAIL", target.name(),
                    target.actual(), target.goal()));
        }
        return result;
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

    /** The runs a scenario consists of. */
    static List<RunPlan> plans(Settings settings) {
        Map<String, String> app = Map.of();
        Cluster.Layout layout = new Cluster.Layout(settings.shards(), settings.instances(), settings.separateProjector(),
                settings.appHeapMb(), app);
        FaultPlan given = FaultPlan.parse(settings.faults());
        double extra = given.faults().isEmpty() ? 0 : Math.max(0, given.lastRepairSecond() + 20 - settings.durationSeconds());
        return switch (settings.scenario()) {
            case "lunch" -> List.of(new RunPlan("lunch", layout, new RateCurve.Day(settings.rate(),
                    settings.durationSeconds(), settings.fromHour(), settings.toHour()), settings.durationSeconds(), given,
                    false));
            case "fixed", "short" -> List.of(new RunPlan(settings.scenario(), layout, new RateCurve.Fixed(settings.rate()),
                    settings.durationSeconds() + extra, given, false));
            case "max" -> List.of(new RunPlan("max", layout, new RateCurve.Fixed(settings.rate()),
                    settings.durationSeconds(), FaultPlan.none(), true));
            default -> faultScenarios(settings);
        };
    }

    /** The five fault scenarios of the issue, each in a fresh cluster: fault at 20 s, 30 s of load after its repair. */
    static List<RunPlan> faultScenarios(Settings settings) {
        double at = 20;
        double lasts = settings.faultSeconds();
        double load = at + lasts + 30;
        RateCurve curve = new RateCurve.Fixed(settings.rate());
        Cluster.Layout one = new Cluster.Layout(settings.shards(), 1, false, settings.appHeapMb(), Map.of());
        Cluster.Layout projector = new Cluster.Layout(settings.shards(), 1, true, settings.appHeapMb(), Map.of());
        Cluster.Layout two = new Cluster.Layout(settings.shards(), 2, false, settings.appHeapMb(), Map.of());
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

    private record RunOutcome(RunResult result, Machine machine) {
    }

    private static RunOutcome runOnCluster(RunPlan plan, Settings settings) throws Exception {
        plan.faults().requireFits(plan.layout());
        Path dir = Files.createTempDirectory("baedal-peak-");
        boolean keep = false;
        Log.line("  starting the cluster in " + dir + ": " + describe(plan.layout()));
        try (Cluster cluster = Cluster.start(dir, plan.layout())) {
            Machine machine = PlacementBenchmark.machine(cluster.shards());
            RunAudit audit = new RunAudit(cluster.shards(), cluster.orderViewUrl(), Cluster.USER,
                    cluster.kafkaBootstrap());
            keep = true; // until the audit says otherwise: a run that fails half-way keeps its data and logs
            RunResult result = drive(plan, settings, cluster.baseUrls(), cluster, audit);
            keep = !result.audit().clean();
            if (settings.baselines()) {
                JsonMapper compact = JsonMapper.builder().build();
                List<OrderMix.OrderSpec> mix = OrderMix.generate(new ApiClient(cluster.baseUrls().getFirst(), compact,
                        Duration.ofSeconds(10)).menus(), settings.mix(), settings.seed());
                result = result.withBaselines(Baselines.run(cluster, mix, compact, 16, Duration.ofSeconds(10),
                        Duration.ofSeconds(20), Math.min(100, settings.rate()), settings.peerClasspath()));
            }
            return new RunOutcome(result, machine);
        } finally {
            if (keep) {
                Log.line("  the audit found problems: data and logs kept in " + dir);
            } else {
                delete(dir);
            }
        }
    }

    private static RunOutcome runOnTarget(RunPlan plan, Settings settings) throws Exception {
        List<ShardNode> shards = new ArrayList<>();
        for (int i = 0; i < settings.jdbcUrls().size(); i++) {
            shards.add(new ShardNode(i, settings.jdbcUrls().get(i), "postgres", ""));
        }
        RunAudit audit = shards.isEmpty() || settings.orderViewUrl() == null || settings.kafka() == null ? null
                : new RunAudit(shards, settings.orderViewUrl(), "postgres", settings.kafka());
        RunResult result = drive(plan, settings, settings.targets(), null, audit);
        return new RunOutcome(result, PlacementBenchmark.machine(shards));
    }

    /** Drives one run: traffic along the plan's curve, its faults, then the drain and the audit. */
    static RunResult drive(RunPlan plan, Settings settings, List<String> baseUrls, Cluster cluster, RunAudit audit)
            throws Exception {
        JsonMapper compact = JsonMapper.builder().build();
        ApiClient api = new ApiClient(baseUrls.getFirst(), compact, Duration.ofSeconds(10));
        List<OrderMix.OrderSpec> mix = OrderMix.generate(api.menus(), settings.mix(), settings.seed());
        Traffic.Settings defaults = Traffic.Settings.defaults(settings.seed());
        Traffic.Settings traffic = new Traffic.Settings(defaults.rejectShare(), defaults.memberCancelShare(),
                defaults.operatorCancelShare(), defaults.riderCapacity(), defaults.historyPerOrder(),
                defaults.viewShare(), settings.lifecycleScale(), GIVE_UP_AFTER, settings.seed());
        try (Traffic load = new Traffic(baseUrls, mix, traffic, compact)) {
            load.start(plan.curve());
            List<FaultPlan.Window> windows = new ArrayList<>();
            AtomicReference<RuntimeException> faultFailure = new AtomicReference<>();
            Thread faults = Thread.ofPlatform().name("faults").start(() -> {
                try {
                    runFaults(plan.faults(), cluster, load, windows);
                } catch (RuntimeException failed) {
                    faultFailure.set(failed);
                }
            });
            List<Step> steps = new ArrayList<>();
            Double maxRate = null;
            if (plan.findMax()) {
                maxRate = findMax(load, settings, steps);
            } else {
                sleepUntil(load, plan.loadSeconds());
            }
            faults.join();
            if (faultFailure.get() != null) {
                throw faultFailure.get(); // a fault that did not happen must not pass as survived
            }
            load.stopArrivals();
            double loadSeconds = load.elapsed();
            Log.line(String.format(Locale.ROOT, "  load stopped after %.0f s: %d orders acknowledged; waiting for %d "
                    + "lifecycles to end", loadSeconds, load.ledger().size(), load.inFlight()));
            if (!load.awaitLifecycles(LIFECYCLE_DRAIN)) {
                Log.line("  " + load.inFlight() + " lifecycles still in flight after " + LIFECYCLE_DRAIN.toSeconds()
                        + " s: abandoned, and reported");
            }
            Thread.sleep(1100); // the sampler's last second
            int unfinished = load.stop(); // nothing is acknowledged after this: the audit sees the final ledger
            RunAudit.Findings findings = RunAudit.Findings.notAudited(load.ledger().size(),
                    load.ledger().duplicateNumbers(), unfinished);
            boolean quiet = false;
            Latency toKafka = null;
            Latency toView = null;
            List<FaultOutcome> outcomes = new ArrayList<>();
            if (audit != null) {
                Log.line("  waiting for the outboxes and the read model to catch up");
                quiet = audit.awaitQuiet(load.ledger(), QUIET_WAIT);
                findings = audit.audit(load.ledger(), load.startedAt()).withUnfinished(unfinished);
                EventTimes times = audit.eventTimes(load.ledger(), load.startedAt());
                toKafka = Latency.of(EventTimes.delays(times.written(), times.published()));
                toView = Latency.of(EventTimes.delays(times.written(), times.projected()));
                long until = EventTimes.micros(java.sql.Timestamp.from(Instant.now()));
                for (FaultPlan.Window window : windows) {
                    outcomes.add(outcome(window, load, times, until));
                }
            }
            List<EndpointResult> endpoints = new ArrayList<>();
            for (Map.Entry<Endpoint, EndpointStats> entry : load.stats().entrySet()) {
                EndpointStats stat = entry.getValue();
                if (!stat.used()) {
                    continue;
                }
                endpoints.add(new EndpointResult(entry.getKey().label(), stat.succeeded(), stat.gaveUp(),
                        stat.errorCounts(), stat.latency()));
            }
            double[] riders = load.riders().summary();
            return new RunResult(plan.name(), describe(plan.layout()), plan.curve().label(), Math.round(loadSeconds),
                    load.ledger().size(), load.ledger().size() / loadSeconds, endpoints, toKafka, toView, findings, quiet,
                    outcomes, steps, maxRate, load.staleViews(), riders[0], riders[1], round2(riders[2]), riders[3],
                    load.seconds(), null);
        }
    }

    private static FaultOutcome outcome(FaultPlan.Window window, Traffic load, EventTimes times, long until) {
        long[] newOrders = load.newOrders((int) Math.floor(window.startSecond()), (int) Math.ceil(window.endSecond()));
        long end = EventTimes.micros(java.sql.Timestamp.from(window.end()));
        long kafka = EventTimes.lagBackUnderASecond(times.written(), times.published(), end, until);
        long view = EventTimes.lagBackUnderASecond(times.written(), times.projected(), end, until);
        return new FaultOutcome(window.fault().label(), window.fault().spec(), round2(window.startSecond()),
                round2(window.endSecond()), newOrders[0], newOrders[1],
                newOrders[0] == 0 ? 1 : round4((double) newOrders[1] / newOrders[0]),
                kafka < 0 ? null : round2((kafka - end) / 1e6), view < 0 ? null : round2((view - end) / 1e6));
    }

    private static void runFaults(FaultPlan plan, Cluster cluster, Traffic load, List<FaultPlan.Window> windows) {
        for (FaultPlan.Fault fault : plan.faults()) {
            try {
                sleepUntil(load, fault.atSecond());
                double start = load.elapsed();
                Instant startedAt = Instant.now();
                Log.line(String.format(Locale.ROOT, "  %.1f s: %s", start, fault.label()));
                FaultPlan.apply(fault, cluster);
                sleepUntil(load, start + fault.forSeconds());
                FaultPlan.heal(fault, cluster);
                double end = load.elapsed();
                Log.line(String.format(Locale.ROOT, "  %.1f s: repaired (%s)", end, fault.spec()));
                synchronized (windows) {
                    windows.add(new FaultPlan.Window(fault, start, end, startedAt, Instant.now()));
                }
            } catch (Exception failed) {
                throw new IllegalStateException("fault " + fault.spec() + " could not be applied or repaired", failed);
            }
        }
    }

    /** Steps the rate up until a step misses the latency target or has errors; returns the last rate that held. */
    private static Double findMax(Traffic load, Settings settings, List<Step> steps) throws InterruptedException {
        Double held = null;
        double rate = settings.rate();
        while (true) {
            load.rate(new RateCurve.Fixed(rate));
            long errorsBefore = errorTotal(load);
            double stepStart = load.elapsed();
            sleepUntil(load, stepStart + settings.stepSeconds() / 3);
            load.takePlacementWindow(); // the first third settles the new rate
            sleepUntil(load, stepStart + settings.stepSeconds());
            Histogram window = load.takePlacementWindow();
            long errors = errorTotal(load) - errorsBefore;
            double p99 = window.getTotalCount() == 0 ? Double.MAX_VALUE : window.getValueAtPercentile(99) / 1000.0;
            boolean ok = p99 <= settings.p99Ms() && errors == 0 && window.getTotalCount() > 0;
            steps.add(new Step(rate, window.getTotalCount(), round2(p99), errors, ok));
            Log.line(String.format(Locale.ROOT, "  step %s orders/s: placement p99 %.2f ms, %d errors: %s",
                    Figures.fmt(rate), p99, errors, ok ? "holds" : "does not hold"));
            if (!ok) {
                return held;
            }
            held = rate;
            rate += settings.step();
        }
    }

    private static long errorTotal(Traffic load) {
        return load.stats().values().stream().mapToLong(EndpointStats::errorTotal).sum();
    }

    private static void sleepUntil(Traffic load, double second) throws InterruptedException {
        double left = second - load.elapsed();
        if (left > 0) {
            Thread.sleep((long) (left * 1000));
        }
    }

    static List<Target> targets(List<RunResult> runs) {
        List<Target> targets = new ArrayList<>();
        long acknowledged = runs.stream().mapToLong(run -> run.audit().acknowledged()).sum();
        long lost = runs.stream().mapToLong(run -> run.audit().acknowledgedLost() + run.audit().changesLost()).sum();
        long events = runs.stream().mapToLong(run -> run.audit().events()).sum();
        long eventsLost = runs.stream().mapToLong(run -> run.audit().eventsLost()).sum();
        long behind = runs.stream().mapToLong(run -> run.audit().readModelBehind()).sum();
        long duplicates = runs.stream().mapToLong(run -> run.audit().duplicates()).sum();
        long unfinished = runs.stream().mapToLong(run -> run.audit().unfinished()).sum();
        List<String> notAudited = runs.stream().filter(run -> !run.audit().audited()).map(RunResult::name).toList();
        if (!notAudited.isEmpty()) {
            targets.add(new Target("the audit ran (shards, Kafka and the read model checked)", "every run",
                    "not run for " + String.join(", ", notAudited)
                            + ": give --jdbc-url, --order-view-url and --kafka", false));
        }
        targets.add(new Target("acknowledged orders (and acknowledged changes) lost", "0",
                lost + " of " + acknowledged + " orders", lost == 0 && acknowledged > 0));
        targets.add(new Target("events lost (a version missing from Kafka)", "0", eventsLost + " of " + events,
                eventsLost == 0));
        targets.add(new Target("documents not at their order's final version in the read model", "0",
                behind + " of " + acknowledged, behind == 0));
        targets.add(new Target("duplicates (effects applied twice, order numbers, placements or events)", "0",
                Long.toString(duplicates), duplicates == 0));
        targets.add(new Target("operations still in flight when the audit began (outcome unknown)", "0",
                Long.toString(unfinished), unfinished == 0));
        List<FaultOutcome> shardOutages = runs.stream().flatMap(run -> run.faults().stream())
                .filter(outcome -> outcome.spec().startsWith("shard")).toList();
        if (!shardOutages.isEmpty()) {
            long attempted = shardOutages.stream().mapToLong(FaultOutcome::newOrders).sum();
            long firstTry = shardOutages.stream().mapToLong(FaultOutcome::acknowledgedFirstTry).sum();
            double rate = attempted == 0 ? 1 : (double) firstTry / attempted;
            targets.add(new Target("new-order success while a shard is down (acknowledged at the first attempt)",
                    "≥ 99.9 %", String.format(Locale.ROOT, "%.2f %% (%d of %d)", 100 * rate, firstTry, attempted),
                    rate >= TARGET_SUCCESS_WHILE_SHARD_DOWN));
        }
        List<FaultOutcome> all = runs.stream().flatMap(run -> run.faults().stream()).toList();
        if (!all.isEmpty()) {
            long recovered = all.stream().filter(o -> o.kafkaLagBackUnder1sSeconds() != null
                    && o.readModelLagBackUnder1sSeconds() != null).count();
            double worst = all.stream().mapToDouble(o -> Math.max(
                    o.kafkaLagBackUnder1sSeconds() == null ? Double.MAX_VALUE : o.kafkaLagBackUnder1sSeconds(),
                    o.readModelLagBackUnder1sSeconds() == null ? Double.MAX_VALUE : o.readModelLagBackUnder1sSeconds()))
                    .max().orElse(0);
            targets.add(new Target("lag back under 1 s after each fault (commit → Kafka and → read model)",
                    "every fault, time reported", recovered + " of " + all.size() + " faults"
                            + (recovered == all.size() ? ", slowest " + Figures.fmt(round2(worst)) + " s" : ""),
                    recovered == all.size()));
        }
        return targets;
    }

    private static List<String> notes(Settings settings) {
        List<String> notes = new ArrayList<>();
        if (!settings.targets().isEmpty()) {
            notes.add("Driven against a running deployment at " + settings.targets() + ".");
        }
        return notes;
    }

    static String describe(Cluster.Layout layout) {
        return layout.shards() + " shards (each its own PostgreSQL server), Kafka in its own process, "
                + layout.instances() + (layout.instances() == 1 ? " API instance" : " API instances")
                + (layout.separateProjector() ? " and the projector in an instance of its own" : " (projector inside)");
    }

    private static void print(RunResult run) {
        RunAudit.Findings audit = run.audit();
        Log.line(String.format(Locale.ROOT, "  '%s': %d orders acknowledged (%.1f/s); lost %d, changes lost %d, events "
                + "lost %d, read model behind %d, duplicates %d, in flight at the audit %d; stored without 201: %d; "
                + "Kafka re-deliveries %d%s",
                run.name(), run.acknowledged(), run.placedPerSecond(), audit.acknowledgedLost(), audit.changesLost(),
                audit.eventsLost(), audit.readModelBehind(), audit.duplicates(), audit.unfinished(),
                audit.storedWithoutAcknowledgement(), audit.kafkaRedeliveries(), audit.audited() ? "" : " (NOT AUDITED)"));
        for (String example : audit.examples()) {
            Log.line("    " + example);
        }
        for (FaultOutcome outcome : run.faults()) {
            Log.line(String.format(Locale.ROOT, "  %s: new orders %d, first-try success %.2f %%, lag back under 1 s after "
                    + "%s s (Kafka) / %s s (read model)", outcome.fault(), outcome.newOrders(),
                    100 * outcome.successRate(), outcome.kafkaLagBackUnder1sSeconds(),
                    outcome.readModelLagBackUnder1sSeconds()));
        }
    }

    static String command(String arguments) {
        return "./mvnw -q -B -pl bench -am -DskipTests package\n"
                + "java -XX:+UseParallelGC -Djava.awt.headless=true \\\n"
                + "  -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' \\\n"
                + "  baedal.bench.PeakBenchmark" + (arguments.isBlank() ? "" : " " + arguments);
    }

    public static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

}
