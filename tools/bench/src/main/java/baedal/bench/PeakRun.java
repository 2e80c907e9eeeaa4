package baedal.bench;

import baedal.bench.PeakBenchmark.RunPlan;
import baedal.bench.audit.EventTimes;
import baedal.bench.audit.RunAudit;
import baedal.bench.baseline.Baselines;
import baedal.bench.cluster.Cluster;
import baedal.bench.cluster.ShardNode;
import baedal.bench.fault.FaultPlan;
import baedal.bench.fault.FaultSchedule;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import baedal.bench.report.PeakResults.EndpointResult;
import baedal.bench.report.PeakResults.FaultOutcome;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.report.PeakResults.Step;
import baedal.bench.report.Results.Machine;
import baedal.bench.runner.MachineFacts;
import baedal.bench.identity.Identities;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Endpoint;
import baedal.bench.traffic.EndpointStats;
import baedal.bench.traffic.Menus.ShopMenu;
import baedal.bench.traffic.OrderMix;
import baedal.bench.traffic.RateCurve;
import baedal.bench.traffic.Traffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of the peak and fault harness: the cluster it needs (or the deployment it was given), traffic along the
 * plan's curve, the plan's faults while it runs, then the drain, the audit and — after a lunch, fixed or max run on
 * the harness's cluster — the baselines.
 */
final class PeakRun {

    /** How long the client retries an operation before it gives up. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(180);
    /** The wait for lifecycles to end after the load: longer than a retried operation can last. */
    static final Duration LIFECYCLE_DRAIN = GIVE_UP_AFTER.plusSeconds(30);
    static final Duration QUIET_WAIT = Duration.ofSeconds(180);

    /** A run's result, and the machine facts taken while its cluster was up. */
    record Outcome(RunResult result, Machine machine) {
    }

    private final PeakBenchmark settings;

    PeakRun(PeakBenchmark settings) {
        this.settings = settings;
    }

    /** The run on a fresh cluster of the plan's layout; its folder is kept when the audit found a problem. */
    Outcome onCluster(RunPlan plan) throws Exception {
        plan.faults().requireFits(plan.layout());
        Path dir = Files.createTempDirectory("baedal-peak-");
        boolean keep = false;
        Log.line("  starting the cluster in " + dir + ": " + describe(plan.layout()));
        try (Cluster cluster = Cluster.start(dir, plan.layout())) {
            Machine machine = MachineFacts.collect(cluster.shards());
            RunAudit audit = new RunAudit(cluster.shards(), cluster.orderViewUrl(), Cluster.USER,
                    cluster.kafkaBootstrap());
            keep = true; // until the audit says otherwise: a run that fails half-way keeps its data and logs
            RunResult result = drive(plan, cluster.baseUrls(), cluster, audit, cluster.identities());
            keep = !result.audit().clean();
            if (settings.baselines()) {
                JsonMapper compact = JsonMapper.builder().build();
                List<OrderMix.OrderSpec> mix = OrderMix.generate(new ApiClient(cluster.baseUrls().getFirst(), compact,
                        Duration.ofSeconds(10), cluster.identities().tokens()).menus(), settings.mix, settings.seed);
                result = result.withBaselines(Baselines.run(cluster, mix, compact, 16, Duration.ofSeconds(10),
                        Duration.ofSeconds(20), Math.min(100, settings.rate()), settings.peerClasspath));
            }
            return new Outcome(result, machine);
        } finally {
            if (keep) {
                Log.line("  the audit found problems: data and logs kept in " + dir);
            } else {
                delete(dir);
            }
        }
    }

    /** The run against the deployment at {@code --target}; audited only when its databases and Kafka were given. */
    Outcome onTarget(RunPlan plan) throws Exception {
        List<ShardNode> shards = new ArrayList<>();
        for (int i = 0; i < settings.jdbcUrls.size(); i++) {
            shards.add(new ShardNode(i, settings.jdbcUrls.get(i), "postgres", ""));
        }
        RunAudit audit = shards.isEmpty() || settings.orderViewUrl == null || settings.kafka == null ? null
                : new RunAudit(shards, settings.orderViewUrl, "postgres", settings.kafka);
        try (Identities identities = settings.identity.open()) {
            RunResult result = drive(plan, settings.targets, null, audit, identities);
            return new Outcome(result, MachineFacts.collect(shards));
        }
    }

    /**
     * Drives one run: traffic along the plan's curve, its faults, then the drain and the audit; every request with
     * a token of {@code identities}, from the shops it may act for.
     */
    private RunResult drive(RunPlan plan, List<String> baseUrls, Cluster cluster, RunAudit audit,
            Identities identities) throws Exception {
        JsonMapper compact = JsonMapper.builder().build();
        ApiClient api = new ApiClient(baseUrls.getFirst(), compact, Duration.ofSeconds(10), identities.tokens());
        List<ShopMenu> shops = api.menus().stream()
                .filter(menu -> identities.population().servesShop(menu.shop().shopId())).toList();
        List<OrderMix.OrderSpec> mix = OrderMix.generate(shops, settings.mix, settings.seed);
        Traffic.Settings defaults = Traffic.Settings.defaults(settings.seed);
        Traffic.Settings traffic = new Traffic.Settings(defaults.rejectShare(), defaults.memberCancelShare(),
                defaults.operatorCancelShare(), defaults.riderCapacity(), defaults.historyPerOrder(),
                defaults.viewShare(), settings.lifecycleScale, GIVE_UP_AFTER, settings.seed);
        try (Traffic load = new Traffic(baseUrls, mix, traffic, compact, identities)) {
            load.start(plan.curve());
            FaultSchedule faults = FaultSchedule.start(plan.faults(), cluster, load::elapsed);
            List<Step> steps = new ArrayList<>();
            Double maxRate = null;
            if (plan.findMax()) {
                maxRate = findMax(load, steps);
            } else {
                sleepUntil(load, plan.loadSeconds());
            }
            List<FaultPlan.Window> windows = faults.await();
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
                long until = EventTimes.micros(Timestamp.from(Instant.now()));
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
                    load.ledger().size(), load.ledger().size() / loadSeconds, endpoints, toKafka, toView, findings,
                    quiet, outcomes, steps, maxRate, load.staleViews(), riders[0], riders[1],
                    Figures.round(riders[2], 2), riders[3], load.seconds(), null);
        }
    }

    private static FaultOutcome outcome(FaultPlan.Window window, Traffic load, EventTimes times, long until) {
        long[] newOrders = load.newOrders((int) Math.floor(window.startSecond()), (int) Math.ceil(window.endSecond()));
        long end = EventTimes.micros(Timestamp.from(window.end()));
        long kafka = EventTimes.lagBackUnderASecond(times.written(), times.published(), end, until);
        long view = EventTimes.lagBackUnderASecond(times.written(), times.projected(), end, until);
        return new FaultOutcome(window.fault().label(), window.fault().spec(), Figures.round(window.startSecond(), 2),
                Figures.round(window.endSecond(), 2), newOrders[0], newOrders[1],
                newOrders[0] == 0 ? 1 : Figures.round((double) newOrders[1] / newOrders[0], 4),
                kafka < 0 ? null : Figures.round((kafka - end) / 1e6, 2),
                view < 0 ? null : Figures.round((view - end) / 1e6, 2));
    }

    /** Steps the rate up until a step misses the latency target or has errors; returns the last rate that held. */
    private Double findMax(Traffic load, List<Step> steps) throws InterruptedException {
        Double held = null;
        double rate = settings.rate();
        while (true) {
            load.rate(new RateCurve.Fixed(rate));
            long errorsBefore = errorTotal(load);
            double stepStart = load.elapsed();
            sleepUntil(load, stepStart + settings.stepSeconds / 3);
            load.takePlacementWindow(); // the first third settles the new rate
            sleepUntil(load, stepStart + settings.stepSeconds);
            Histogram window = load.takePlacementWindow();
            long errors = errorTotal(load) - errorsBefore;
            double p99 = window.getTotalCount() == 0 ? Double.MAX_VALUE : window.getValueAtPercentile(99) / 1000.0;
            boolean ok = p99 <= settings.p99Ms && errors == 0 && window.getTotalCount() > 0;
            steps.add(new Step(rate, window.getTotalCount(), Figures.round(p99, 2), errors, ok));
            Log.line(String.format(Locale.ROOT, "  step %s orders/s: placement p99 %.2f ms, %d errors: %s",
                    Figures.fmt(rate), p99, errors, ok ? "holds" : "does not hold"));
            if (!ok) {
                return held;
            }
            held = rate;
            rate += settings.step;
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

    static String describe(Cluster.Layout layout) {
        return layout.shards() + " shards (each its own PostgreSQL server), Kafka in its own process, "
                + layout.instances() + (layout.instances() == 1 ? " API instance" : " API instances")
                + (layout.separateProjector() ? " and the projector in an instance of its own" : " (projector inside)");
    }

    static void print(RunResult run) {
        RunAudit.Findings audit = run.audit();
        Log.line(String.format(Locale.ROOT, "  '%s': %d orders acknowledged (%.1f/s); lost %d, changes lost %d, "
                + "events lost %d, read model behind %d, duplicates %d, in flight at the audit %d; stored without "
                + "201: %d; Kafka re-deliveries %d%s",
                run.name(), run.acknowledged(), run.placedPerSecond(), audit.acknowledgedLost(), audit.changesLost(),
                audit.eventsLost(), audit.readModelBehind(), audit.duplicates(), audit.unfinished(),
                audit.storedWithoutAcknowledgement(), audit.kafkaRedeliveries(),
                audit.audited() ? "" : " (NOT AUDITED)"));
        for (String example : audit.examples()) {
            Log.line("    " + example);
        }
        for (FaultOutcome outcome : run.faults()) {
            Log.line(String.format(Locale.ROOT, "  %s: new orders %d, first-try success %.2f %%, lag back under 1 s "
                    + "after %s s (Kafka) / %s s (read model)", outcome.fault(), outcome.newOrders(),
                    100 * outcome.successRate(), outcome.kafkaLagBackUnder1sSeconds(),
                    outcome.readModelLagBackUnder1sSeconds()));
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }
}
