package baedal.bench;

import baedal.bench.audit.Auditor;
import baedal.bench.audit.Auditor.Audit;
import baedal.bench.baseline.JdbcPlacement;
import baedal.bench.cluster.Platform;
import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Log;
import baedal.bench.measure.Run;
import baedal.bench.report.PlacementChart;
import baedal.bench.report.PlacementReport;
import baedal.bench.report.Results.Config;
import baedal.bench.report.Results.Placement;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.Benchmark;
import baedal.bench.runner.BenchmarkRunner;
import baedal.bench.runner.MachineFacts;
import baedal.bench.runner.ReproduceCommand;
import baedal.bench.runner.SystemPropertyDefaults;
import baedal.bench.identity.Identities;
import baedal.bench.identity.Population;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Load;
import baedal.bench.traffic.Menus.ShopMenu;
import baedal.bench.traffic.OrderMix;
import baedal.bench.traffic.OrderMix.OrderSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order placement benchmark (issue 2). In one JVM run against one freshly started platform (or
 * {@code --target}): the raw-JDBC baseline, the API's maximum throughput with the same concurrency, the API
 * at a fixed arrival rate with coordinated omission corrected, and a completeness audit on the shards.
 * Writes {@code placement.json}, {@code placement.png} and the "Order placement" section of
 * {@code docs/benchmarks.md}.
 */
@Command(name = "PlacementBenchmark", sortOptions = false, defaultValueProvider = SystemPropertyDefaults.class,
        description = {"The order placement benchmark (issue 2): the raw-JDBC baseline, the API's maximum throughput "
                + "with the same concurrency, the API at a fixed arrival rate, and a completeness audit on the shards.",
                "Every option may also be given as -Dbench.<name>=<value>."})
public final class PlacementBenchmark implements Benchmark<Placement> {

    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 25;
    static final double TARGET_RATE_SHARE = 0.99;

    @Mixin
    final RunOptions run = new RunOptions();

    @Mixin
    final ClosedLoopOptions closedLoop = new ClosedLoopOptions();

    @Option(names = "--target", paramLabel = "<url>", description = "drive an already running platform instead of "
            + "starting one (its tokens: --issuer-port or --token-url)")
    String target;

    @Mixin
    final TargetIdentityOptions identity = new TargetIdentityOptions();

    @Option(names = "--jdbc-url", paramLabel = "<url>", split = ",", description = "with --target: the shard JDBC "
            + "URLs in shard order (else the baseline and the audit are skipped)")
    List<String> jdbcUrls = new ArrayList<>();

    @Option(names = "--jdbc-user", paramLabel = "<user>", defaultValue = "postgres",
            description = "with --target: the shards' user (default ${DEFAULT-VALUE})")
    String jdbcUser;

    @Option(names = "--jdbc-password", paramLabel = "<password>", defaultValue = "",
            description = "with --target: the shards' password (default empty)")
    String jdbcPassword;

    @Option(names = "--pool-size", paramLabel = "<n>", description = "with --target: connections per shard pool "
            + "of the platform, for the baseline and the workers (default 16)")
    Integer poolSize;

    public static void main(String[] args) {
        BenchmarkRunner.main(new PlacementBenchmark(), args);
    }

    @Override
    public String name() {
        return "placement";
    }

    @Override
    public Path out() {
        return Path.of(run.out);
    }

    @Override
    public void check() {
        run.check();
        identity.check(target != null);
    }

    @Override
    public Placement run(String chartLink) throws Exception {
        Platform platform = null;
        try {
            if (target == null) {
                Log.line("starting the platform in-process (embedded PostgreSQL and Kafka, fresh data directory)");
                platform = Platform.start(run.shards);
                return measure(platform.baseUrl(), platform.shards(), platform.poolSize(), List.of(),
                        platform.identities(), chartLink);
            }
            List<ShardNode> shards = new ArrayList<>();
            for (int i = 0; i < jdbcUrls.size(); i++) {
                shards.add(new ShardNode(i, jdbcUrls.get(i).strip(), jdbcUser, jdbcPassword));
            }
            List<String> notes = new ArrayList<>();
            notes.add("Drove an already running platform at " + target + ".");
            if (shards.isEmpty()) {
                notes.add("No --jdbc-url given: the raw-JDBC baseline, the ratio and the audit were skipped.");
            }
            try (Identities identities = identity.open()) {
                notes.add("Tokens: " + identities.description() + ".");
                return measure(target, shards, poolSize == null ? 16 : poolSize, notes, identities, chartLink);
            }
        } finally {
            if (platform != null) {
                Log.line("stopping the platform");
                try {
                    platform.close();
                } catch (RuntimeException ignored) {
                    // what it measured is in the result already
                }
            }
        }
    }

    private Placement measure(String baseUrl, List<ShardNode> shards, int poolSize, List<String> notes,
            Identities identities, String chartLink) throws Exception {
        JsonMapper compact = JsonMapper.builder().build();
        int concurrency = closedLoop.concurrency(poolSize);
        Log.line("API " + baseUrl + ", " + shards.size() + " shards, pool " + poolSize + ", concurrency "
                + concurrency);

        ApiClient api = new ApiClient(baseUrl, compact, Duration.ofSeconds(10), identities.tokens());
        Population population = identities.population();
        List<ShopMenu> menus = api.menus().stream().filter(menu -> population.servesShop(menu.shop().shopId()))
                .toList();
        List<OrderSpec> mix = OrderMix.generate(menus, run.mixSize, run.seed).stream()
                .map(order -> order.byMember(population.member(order.memberId()))).toList();
        List<String> bodies = mix.stream().map(order -> order.requestJson(compact)).toList();
        api.prepare(mix);
        Log.line("order mix: " + mix.size() + " orders over " + menus.size() + " shops, mean payment ₩"
                + Math.round(mix.stream().mapToLong(OrderSpec::paymentAmount).average().orElse(0)));

        Duration warmup = Duration.ofSeconds(run.warmupSeconds);
        Duration warmupMax = Duration.ofSeconds(Math.max(run.warmupSeconds, closedLoop.warmupMaxSeconds));
        Duration measure = Duration.ofSeconds(run.durationSeconds);

        Run jdbcRun = null;
        if (!shards.isEmpty()) {
            Log.line("1/3 raw-JDBC baseline: " + concurrency + " workers, warm-up " + warmup.toSeconds()
                    + " s, measure " + measure.toSeconds() + " s");
            List<OrderSpec> baselineMix = mix.stream().map(PlacementBenchmark::baselineMember).toList();
            try (JdbcPlacement jdbc = new JdbcPlacement(shards, poolSize, compact)) {
                Load.Operation placeByJdbc = seq -> jdbc.place(baselineMix.get((int) (seq % baselineMix.size())));
                Duration warmed = Load.warmUntilSteady(concurrency, warmup, warmupMax, placeByJdbc);
                Log.line("  warmed up for " + warmed.toSeconds() + " s (steady throughput)");
                jdbcRun = Load.closedLoop("raw JDBC baseline", concurrency, warmed, Duration.ZERO, measure,
                        placeByJdbc);
            }
            print(jdbcRun);
        }

        Log.line("2/3 API max throughput: " + concurrency + " HTTP workers");
        Load.Operation placeByApi = seq -> {
            int i = (int) (seq % bodies.size());
            api.place(mix.get(i).memberId(), bodies.get(i));
        };
        Duration apiWarmed = Load.warmUntilSteady(concurrency, warmup, warmupMax, placeByApi);
        Log.line("  warmed up for " + apiWarmed.toSeconds() + " s (steady throughput)");
        Run apiMax = Load.closedLoop("API max (closed loop)", concurrency, apiWarmed, Duration.ZERO, measure,
                placeByApi);
        print(apiMax);

        Log.line("3/3 API at a fixed rate of " + run.rate + " orders/s (open model)");
        Run fixed = Load.fixedRate("API at fixed rate", run.rate, run.maxInFlight, warmup, measure,
                Duration.ofSeconds(30), seq -> {
                    int i = (int) ((seq * 7919) % bodies.size());
                    api.place(mix.get(i).memberId(), bodies.get(i));
                });
        print(fixed);

        Audit audit = null;
        if (!shards.isEmpty()) {
            Log.line("audit: counting acknowledged orders on their shards");
            audit = Auditor.audit(shards, api.acknowledged(), api.duplicates());
            Log.line("audit: acknowledged " + audit.acknowledged() + ", found " + audit.found() + ", missing "
                    + audit.missing() + ", duplicates " + audit.duplicateOrderNumbers());
        }

        Double ratio = jdbcRun == null || jdbcRun.ordersPerSecond() == 0 ? null
                : Math.round(apiMax.ordersPerSecond() / jdbcRun.ordersPerSecond() * 1000) / 1000.0;
        Config config = new Config(target == null ? "in-process platform (embedded default)" : target, shards.size(),
                poolSize, concurrency, run.rate, run.warmupSeconds, run.durationSeconds, run.mixSize, command());
        return new Placement("placement", "Order placement (issue 2)", config, MachineFacts.collect(shards), jdbcRun,
                apiMax, ratio, fixed, audit, targets(ratio, fixed, audit), notes, chartLink);
    }

    @Override
    public String section(Placement result) {
        return PlacementReport.section(result);
    }

    @Override
    public void drawChart(Placement result, Path png) throws IOException {
        PlacementChart.write(result, png);
    }

    static OrderSpec baselineMember(OrderSpec order) {
        return new OrderSpec(OrderMix.BASELINE_MEMBER_BASE + order.memberId(), order.shopId(), order.shopName(),
                order.lines(), order.address(), order.itemsTotal(), order.deliveryFee(), order.paymentAmount(),
                order.requestToShop(), order.requestToRider());
    }

    static List<Target> targets(Double ratio, Run fixed, Audit audit) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("API max throughput / raw-JDBC baseline", "≥ " + TARGET_RATIO,
                ratio == null ? "n/a (no baseline)" : Figures.fmt(ratio), ratio != null && ratio >= TARGET_RATIO));
        if (fixed != null) {
            double share = fixed.ordersPerSecond() / fixed.targetRate();
            targets.add(new Target("sustains the offered rate",
                    "≥ " + Math.round(TARGET_RATE_SHARE * 100) + " % of " + Figures.fmt(fixed.targetRate())
                            + " orders/s accepted, 0 errors",
                    Figures.fmt(fixed.ordersPerSecond()) + " orders/s, " + fixed.errorCount() + " errors",
                    share >= TARGET_RATE_SHARE && fixed.errorCount() == 0));
            targets.add(new Target("p99 at " + Figures.fmt(fixed.targetRate()) + " orders/s (from intended send time)",
                    "≤ " + Figures.fmt(TARGET_P99_MS) + " ms", Figures.fmt(fixed.latency().p99()) + " ms",
                    fixed.latency().samples() > 0 && fixed.latency().p99() <= TARGET_P99_MS));
        }
        if (audit != null) {
            targets.add(new Target("completeness: acknowledged orders on their shard, no duplicate numbers",
                    "0 missing, 0 duplicates", audit.missing() + " missing, " + audit.duplicateOrderNumbers()
                            + " duplicates of " + audit.acknowledged(),
                    audit.missing() == 0 && audit.duplicateOrderNumbers() == 0));
        }
        return targets;
    }

    /** How to run this again: the options that matter, with this JVM's options. */
    String command() {
        StringBuilder args = new StringBuilder();
        args.append("--warmup ").append(run.warmupSeconds).append(" --duration ").append(run.durationSeconds)
                .append(" --rate ").append(Figures.fmt(run.rate));
        if (closedLoop.concurrency != null) {
            args.append(" --concurrency ").append(closedLoop.concurrency);
        }
        if (run.shards > 0) {
            args.append(" --shards ").append(run.shards);
        }
        if (target != null) {
            args.append(" --target ").append(target);
            if (!jdbcUrls.isEmpty()) {
                args.append(" --jdbc-url ").append(String.join(",", jdbcUrls));
            }
            if (poolSize != null) {
                args.append(" --pool-size ").append(poolSize);
            }
        }
        if (!run.out.equals("docs/benchmarks")) {
            args.append(" --out ").append(run.out);
        }
        return ReproduceCommand.of(ReproduceCommand.BENCH, MachineFacts.jvmArguments(), PlacementBenchmark.class,
                args.toString());
    }

    private static void print(Run run) {
        Log.line(String.format(Locale.ROOT, "  %s: %.1f orders/s, %d samples, p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f "
                        + "max %.2f ms, errors %s", run.name(), run.ordersPerSecond(), run.latency().samples(),
                run.latency().p50(), run.latency().p90(), run.latency().p99(), run.latency().p999(),
                run.latency().max(), Figures.errors(run.errors())));
    }
}
