package baedal.bench;

import baedal.bench.audit.Auditor.Audit;
import baedal.bench.audit.Auditor;
import baedal.bench.baseline.JdbcPlacement;
import baedal.bench.cluster.Platform;
import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Log;
import baedal.bench.measure.Run;
import baedal.bench.report.PlacementChart;
import baedal.bench.report.PlacementReport;
import baedal.bench.report.Report;
import baedal.bench.report.Results.Config;
import baedal.bench.report.Results.Machine;
import baedal.bench.report.Results.Placement;
import baedal.bench.report.Results.Target;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Load;
import baedal.bench.traffic.Menus.ShopMenu;
import baedal.bench.traffic.OrderMix.OrderSpec;
import baedal.bench.traffic.OrderMix;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order placement benchmark (issue 2). In one JVM run against one freshly started platform (or
 * {@code --target}): the raw-JDBC baseline, the API's maximum throughput with the same concurrency, the API
 * at a fixed arrival rate with coordinated omission corrected, and a completeness audit on the shards.
 * Writes {@code placement.json}, {@code placement.png} and the "Order placement" section of
 * {@code docs/benchmarks.md}.
 */
public final class PlacementBenchmark {

    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 25;
    static final double TARGET_RATE_SHARE = 0.99;

    private PlacementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (List.of(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options = Options.parse(args);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        JsonMapper compact = JsonMapper.builder().build();
        List<String> notes = new ArrayList<>();
        Platform platform = null;
        int exit = 0;
        try {
            String baseUrl;
            List<ShardNode> shards;
            int poolSize;
            if (options.target() == null) {
                Log.line("starting the platform in-process (embedded PostgreSQL and Kafka, fresh data directory)");
                platform = Platform.start(options.shards());
                baseUrl = platform.baseUrl();
                shards = platform.shards();
                poolSize = platform.poolSize();
            } else {
                baseUrl = options.target();
                poolSize = options.poolSize() == null ? 16 : options.poolSize();
                shards = new ArrayList<>();
                for (int i = 0; i < options.jdbcUrls().size(); i++) {
                    shards.add(new ShardNode(i, options.jdbcUrls().get(i).strip(), options.jdbcUser(),
                            options.jdbcPassword()));
                }
                notes.add("Drove an already running platform at " + baseUrl + ".");
                if (shards.isEmpty()) {
                    notes.add("No --jdbc-url given: the raw-JDBC baseline, the ratio and the audit were skipped.");
                }
            }
            int concurrency = options.concurrency() == null ? poolSize : options.concurrency();
            Log.line("API " + baseUrl + ", " + shards.size() + " shards, pool " + poolSize + ", concurrency " + concurrency);

            ApiClient api = new ApiClient(baseUrl, compact, Duration.ofSeconds(10));
            List<ShopMenu> menus = api.menus();
            List<OrderSpec> mix = OrderMix.generate(menus, options.mixSize(), options.seed());
            List<String> bodies = mix.stream().map(order -> order.requestJson(compact)).toList();
            Log.line("order mix: " + mix.size() + " orders over " + menus.size() + " shops, mean payment ₩"
                    + Math.round(mix.stream().mapToLong(OrderSpec::paymentAmount).average().orElse(0)));

            Duration warmup = Duration.ofSeconds(options.warmupSeconds());
            Duration warmupMax = Duration.ofSeconds(Math.max(options.warmupSeconds(), options.warmupMaxSeconds()));
            Duration measure = Duration.ofSeconds(options.durationSeconds());

            Run jdbcRun = null;
            if (!shards.isEmpty()) {
                Log.line("1/3 raw-JDBC baseline: " + concurrency + " workers, warm-up " + warmup.toSeconds() + " s, measure "
                        + measure.toSeconds() + " s");
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
            Load.Operation placeByApi = seq -> api.place(bodies.get((int) (seq % bodies.size())));
            Duration apiWarmed = Load.warmUntilSteady(concurrency, warmup, warmupMax, placeByApi);
            Log.line("  warmed up for " + apiWarmed.toSeconds() + " s (steady throughput)");
            Run apiMax = Load.closedLoop("API max (closed loop)", concurrency, apiWarmed, Duration.ZERO, measure,
                    placeByApi);
            print(apiMax);

            Log.line("3/3 API at a fixed rate of " + options.rate() + " orders/s (open model)");
            Run fixed = Load.fixedRate("API at fixed rate", options.rate(), options.maxInFlight(), warmup, measure,
                    Duration.ofSeconds(30), seq -> api.place(bodies.get((int) ((seq * 7919) % bodies.size()))));
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
            List<Target> targets = targets(ratio, fixed, audit);
            Machine machine = machine(shards);
            Config config = new Config(options.target() == null ? "in-process platform (embedded default)"
                    : options.target(), shards.size(), poolSize, concurrency, options.rate(), options.warmupSeconds(),
                    options.durationSeconds(), options.mixSize(), command(options));
            Path out = Path.of(options.out());
            Files.createDirectories(out);
            Path doc = out.toAbsolutePath().getParent().resolve(out.getFileName() + ".md");
            String chartLink = doc.getParent().relativize(out.toAbsolutePath().resolve("placement.png")).toString()
                    .replace('\\', '/');
            Placement result = new Placement("placement", "Order placement (issue 2)", config, machine, jdbcRun,
                    apiMax, ratio, fixed, audit, targets, notes, chartLink);

            Files.writeString(out.resolve("placement.json"), json.writeValueAsString(result) + "\n");
            PlacementChart.write(result, out.resolve("placement.png"));
            String existing = Files.exists(doc) ? Files.readString(doc) : null;
            Files.writeString(doc, Report.upsert(existing, "placement", PlacementReport.section(result)));
            Log.line("wrote " + out.resolve("placement.json") + ", " + out.resolve("placement.png") + " and " + doc);
            for (Target target : targets) {
                Log.line(String.format(Locale.ROOT, "%-5s %s: %s (goal %s)", target.pass() ? "PASS" : "FAIL",
                        target.name(), target.actual(), target.goal()));
            }
        } catch (Exception failed) {
            failed.printStackTrace();
            exit = 1;
        } finally {
            if (platform != null) {
                Log.line("stopping the platform");
                try {
                    platform.close();
                } catch (RuntimeException ignored) {
                    // the numbers are written already
                }
            }
        }
        System.exit(exit);
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

    static String command(Options options) {
        StringBuilder args = new StringBuilder();
        args.append("--warmup ").append(options.warmupSeconds()).append(" --duration ").append(options.durationSeconds())
                .append(" --rate ").append(Figures.fmt(options.rate()));
        if (options.concurrency() != null) {
            args.append(" --concurrency ").append(options.concurrency());
        }
        if (options.shards() > 0) {
            args.append(" --shards ").append(options.shards());
        }
        if (options.target() != null) {
            args.append(" --target ").append(options.target());
            if (!options.jdbcUrls().isEmpty()) {
                args.append(" --jdbc-url ").append(String.join(",", options.jdbcUrls()));
            }
            if (options.poolSize() != null) {
                args.append(" --pool-size ").append(options.poolSize());
            }
        }
        if (!options.out().equals("docs/benchmarks")) {
            args.append(" --out ").append(options.out());
        }
        return "./mvnw -q -B -pl bench -am -DskipTests package\n"
                + "java " + String.join(" ", jvmArguments()) + (jvmArguments().isEmpty() ? "" : " ")
                + "-Djava.awt.headless=true \\\n"
                + "  -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' \\\n"
                + "  baedal.bench.PlacementBenchmark " + args;
    }

    static Machine machine(List<ShardNode> shards) {
        String postgres = "n/a";
        if (!shards.isEmpty()) {
            ShardNode node = shards.getFirst();
            try (Connection connection = DriverManager.getConnection(node.url(), node.username(), node.password());
                    ResultSet rs = connection.createStatement().executeQuery("select version()")) {
                rs.next();
                postgres = rs.getString(1);
                int comma = postgres.indexOf(',');
                postgres = comma > 0 ? postgres.substring(0, comma) : postgres;
            } catch (Exception e) {
                postgres = "unknown (" + e.getClass().getSimpleName() + ")";
            }
        }
        String kafka;
        try {
            kafka = (String) Class.forName("org.apache.kafka.common.utils.AppInfoParser").getMethod("getVersion")
                    .invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            kafka = "n/a";
        }
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vendor") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                postgres, kafka, gitCommit(),
                OffsetDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .collect(java.util.stream.Collectors.joining(", ")),
                String.join(" ", jvmArguments()));
    }

    /** The JVM options this run was started with (the platform runs in this JVM), for the reproduce command. */
    static List<String> jvmArguments() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-X") && !argument.startsWith("-XX:StartFlightRecording")
                        && !argument.startsWith("-Xlog"))
                .toList();
    }

    static String gitCommit() {
        try {
            String commit = run("git", "rev-parse", "--short", "HEAD");
            if (commit.isBlank()) {
                return "unknown";
            }
            // The harness's own output (docs/) does not make the measured code dirty: a batch of runs
            // writes docs/benchmarks.md between its scenarios.
            String dirty = run("git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)docs");
            return commit + (dirty.isBlank() ? "" : "-dirty");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", reader.lines().toList());
        }
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return "";
        }
        return output.strip();
    }

    private static void print(Run run) {
        Log.line(String.format(Locale.ROOT, "  %s: %.1f orders/s, %d samples, p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f ms, errors %s",
                run.name(), run.ordersPerSecond(), run.latency().samples(), run.latency().p50(), run.latency().p90(),
                run.latency().p99(), run.latency().p999(), run.latency().max(), Figures.errors(run.errors())));
    }

}
