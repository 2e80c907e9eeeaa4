package baedal.bench;

import baedal.bench.audit.OutboxState;
import baedal.bench.cluster.Platform;
import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import baedal.bench.measure.Run;
import baedal.bench.report.OrderViewChart;
import baedal.bench.report.OrderViewReport;
import baedal.bench.report.Report;
import baedal.bench.report.Results.OrderViewConfig;
import baedal.bench.report.Results.OrderViewResult;
import baedal.bench.report.Results.Target;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.KeepAliveHttp;
import baedal.bench.traffic.Load;
import baedal.bench.traffic.Menus.ShopMenu;
import baedal.bench.traffic.OrderMix.OrderSpec;
import baedal.bench.traffic.OrderMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order read model benchmark (issue 4), against one platform started in-process with its projector on:
 * <ol>
 * <li>end-to-end freshness at a fixed placement rate: for every order placed in the measured window, from its
 * event's outbox insert (inside the placing transaction) to the read model's store write of that event, read
 * from both databases; and, for a sample, from the client's 201 to the order's document answering
 * {@code GET /api/order-views/{no}?minVersion=1} through the query API;</li>
 * <li>member history pages ({@code GET /api/members/{id}/orders}, 20 items, first and next pages) at a fixed
 * request rate with the read model holding at least {@code --documents} documents.</li>
 * </ol>
 * Writes {@code order-view.json}, {@code order-view.png} and the "Order read model" section of
 * {@code docs/benchmarks.md}.
 */
public final class OrderViewBenchmark {

    static final double TARGET_FRESHNESS_P99_MS = 200;
    static final double TARGET_PAGE_P99_MS = 5;
    static final long SEED_ORDER_BASE = 990_000_000_000L;
    static final long SEED_MEMBER_BASE = 5_000_000L;
    public static final int ORDERS_PER_SEEDED_MEMBER = 50;
    static final int API_SAMPLE_EVERY = 10;
    public static final int PAGE_SIZE = 20;

    private OrderViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (List.of(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options = Options.parse(args);
        if (options.target() != null) {
            throw new IllegalArgumentException("the read-model benchmark starts its own platform (drop --target)");
        }
        int exit = 0;
        Log.line("starting the platform in-process (embedded PostgreSQL and Kafka, fresh data directory)");
        try (Platform platform = Platform.start(options.shards(), false, Map.of())) {
            run(options, platform);
        } catch (Exception failed) {
            failed.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    private static void run(Options options, Platform platform) throws Exception {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        JsonMapper compact = JsonMapper.builder().build();
        List<String> notes = new ArrayList<>();
        ShardNode view = new ShardNode(-1, platform.property("baedal.order-view.datasource.url"),
                platform.property("baedal.order-view.datasource.username"),
                platform.property("baedal.order-view.datasource.password", ""));
        ApiClient api = new ApiClient(platform.baseUrl(), compact, Duration.ofSeconds(10));
        List<ShopMenu> menus = api.menus();
        List<OrderSpec> mix = OrderMix.generate(menus, options.mixSize(), options.seed());
        List<String> bodies = mix.stream().map(order -> order.requestJson(compact)).toList();

        // 1. Freshness at a fixed rate.
        Duration warmup = Duration.ofSeconds(Math.max(options.warmupSeconds(), 30));
        Duration measure = Duration.ofSeconds(options.durationSeconds());
        Log.line("1/2 freshness: placing " + Figures.fmt(options.rate()) + " orders/s for " + warmup.toSeconds()
                + " s warm-up + " + measure.toSeconds() + " s, projector on");
        Recorder apiFreshness = new Recorder(Latency.HIGHEST_MICROS, 3);
        AtomicLong apiStale = new AtomicLong();
        AtomicLong apiFailed = new AtomicLong();
        Instant wallStart = Instant.now();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        Run placement = Load.fixedRate("placement at fixed rate", options.rate(), options.maxInFlight(), warmup, measure,
                Duration.ofSeconds(30), seq -> {
                    long orderNo = api.place(bodies.get((int) ((seq * 7919) % bodies.size())));
                    long acknowledged = System.nanoTime();
                    if (seq % API_SAMPLE_EVERY == 0 && acknowledged >= measureFrom) {
                        Thread.startVirtualThread(() -> sampleApiFreshness(api, orderNo, acknowledged, apiFreshness,
                                apiStale, apiFailed));
                    }
                });
        Thread.sleep(3_000); // the last samples' reads (bounded by the API's 2 s wait) finish
        Log.line(String.format(Locale.ROOT, "  placement: %.1f orders/s, p99 %.2f ms, errors %s",
                placement.ordersPerSecond(), placement.latency().p99(), Figures.errors(placement.errors())));
        Instant from = wallStart.plus(warmup);
        Instant to = from.plus(measure);
        Freshness store = storeFreshness(platform.shards(), view, from, to, Duration.ofSeconds(60));
        Latency storeLatency = Latency.of(store.micros());
        Histogram apiHistogram = apiFreshness.getIntervalHistogram();
        Latency apiLatency = Latency.of(apiHistogram);
        Log.line(String.format(Locale.ROOT, "  commit → projected (all %d orders, %d not projected): p50 %.2f p99 %.2f max %.2f ms",
                store.placed(), store.missing(), storeLatency.p50(), storeLatency.p99(), storeLatency.max()));
        Log.line(String.format(Locale.ROOT, "  201 → visible through the API (%d samples, %d stale, %d failed): p50 %.2f p99 %.2f ms",
                apiLatency.samples(), apiStale.get(), apiFailed.get(), apiLatency.p50(), apiLatency.p99()));

        // 2. Member history pages over a large read model, once the placements above are published and projected
        // (an overloaded first part leaves a backlog that would otherwise compete with the page requests).
        long stillPending = OutboxState.awaitNothingPending(platform.shards(), Duration.ofMinutes(5));
        awaitStableCount(view, Duration.ofMinutes(5));
        if (stillPending > 0) {
            notes.add(stillPending + " outbox rows were still pending when the page measurement started.");
        }
        long existing = count(view, "select count(*) from order_view");
        long toSeed = Math.max(0, options.documents() - existing);
        Log.line("2/2 history pages: seeding " + toSeed + " documents (" + existing + " projected already)");
        long members = seed(view, toSeed);
        long documents = count(view, "select count(*) from order_view");
        Log.line("  the read model holds " + documents + " documents; " + members + " seeded members with "
                + ORDERS_PER_SEEDED_MEMBER + " orders each");
        List<String> nextPages = new ArrayList<>();
        int prefetch = (int) Math.min(members, 2_000);
        for (int i = 0; i < prefetch; i++) {
            KeepAliveHttp.Response first = api.read(memberPath(SEED_MEMBER_BASE + i, null));
            String cursor = compact.readTree(first.body()).path("nextCursor").asString(null);
            if (cursor != null) {
                nextPages.add(memberPath(SEED_MEMBER_BASE + i, cursor));
            }
        }
        long seededMembers = members;
        Recorder pageServer = new Recorder(Latency.HIGHEST_MICROS, 3);
        long pagesMeasuredFrom = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Run pages = Load.fixedRate("member history page", options.pageRate(), options.maxInFlight(),
                Duration.ofSeconds(10), Duration.ofSeconds(Math.min(60, options.durationSeconds())),
                Duration.ofSeconds(30), seq -> {
                    String path = seq % 2 == 0 || nextPages.isEmpty()
                            ? memberPath(SEED_MEMBER_BASE + (seq * 7919) % seededMembers, null)
                            : nextPages.get((int) ((seq * 104729) % nextPages.size()));
                    KeepAliveHttp.Response response = api.read(path);
                    if (response.status() != 200) {
                        throw new Load.HttpStatusException(response.status(), response.body());
                    }
                    if (!response.body().contains("\"nextCursor\"")) {
                        throw new IllegalStateException("not a history page: " + response.body());
                    }
                    if (response.serverMicros() < 0) {
                        throw new IllegalStateException("no Server-Timing header on " + path);
                    }
                    if (System.nanoTime() >= pagesMeasuredFrom) {
                        pageServer.recordValue(Math.min(Latency.HIGHEST_MICROS, response.serverMicros()));
                    }
                });
        Latency pageServerLatency = Latency.of(pageServer.getIntervalHistogram());
        Log.line(String.format(Locale.ROOT, "  pages: %.1f/s, client p50 %.2f p99 %.2f p99.9 %.2f ms, server p50 %.2f "
                        + "p99 %.2f ms, errors %s", pages.ordersPerSecond(), pages.latency().p50(), pages.latency().p99(),
                pages.latency().p999(), pageServerLatency.p50(), pageServerLatency.p99(), Figures.errors(pages.errors())));

        List<Target> targets = targets(placement, store, storeLatency, apiLatency, apiStale.get(), documents,
                options.documents(), pages, pageServerLatency);
        OrderViewConfig config = new OrderViewConfig("in-process platform (embedded default)", platform.shards().size(),
                options.rate(), (int) warmup.toSeconds(), options.durationSeconds(), options.documents(),
                options.pageRate(), API_SAMPLE_EVERY, command(options));
        Path out = Path.of(options.out());
        Files.createDirectories(out);
        Path doc = out.toAbsolutePath().getParent().resolve(out.getFileName() + ".md");
        // The issue's rate (500/s) owns the section "order-view"; a run at another rate gets a section of its own.
        boolean issueRate = options.rate() == 500;
        String id = issueRate ? "order-view" : "order-view-" + Figures.fmt(options.rate());
        String title = "Order read model (issue 4)" + (issueRate ? "" : " at " + Figures.fmt(options.rate()) + " orders/s");
        String chartLink = doc.getParent().relativize(out.toAbsolutePath().resolve(id + ".png")).toString()
                .replace('\\', '/');
        OrderViewResult result = new OrderViewResult(id, title, config,
                PlacementBenchmark.machine(platform.shards()), placement, storeLatency, store.placed(), store.missing(),
                apiLatency, apiStale.get(), apiFailed.get(), documents, pages, pageServerLatency, targets, notes, chartLink);
        Files.writeString(out.resolve(id + ".json"), json.writeValueAsString(result) + "\n");
        OrderViewChart.write(result, out.resolve(id + ".png"));
        String existingDoc = Files.exists(doc) ? Files.readString(doc) : null;
        Files.writeString(doc, Report.upsert(existingDoc, id, OrderViewReport.section(result)));
        Log.line("wrote " + out.resolve(id + ".json") + ", " + out.resolve(id + ".png") + " and " + doc);
        for (Target target : targets) {
            Log.line(String.format(Locale.ROOT, "%-5s %s: %s (goal %s)", target.pass() ? "PASS" : "FAIL", target.name(),
                    target.actual(), target.goal()));
        }
    }

    private static void sampleApiFreshness(ApiClient api, long orderNo, long acknowledged, Recorder into,
            AtomicLong stale, AtomicLong failed) {
        try {
            KeepAliveHttp.Response response = api.read("/api/order-views/" + orderNo + "?minVersion=1");
            long visible = System.nanoTime();
            if (response.status() == 200 && !response.stale()) {
                into.recordValue(Math.min(Latency.HIGHEST_MICROS, (visible - acknowledged) / 1000));
            } else {
                stale.incrementAndGet();
            }
        } catch (Exception e) {
            failed.incrementAndGet();
        }
    }

    static String memberPath(long memberId, String cursor) {
        return "/api/members/" + memberId + "/orders?size=" + PAGE_SIZE + (cursor == null ? "" : "&cursor=" + cursor);
    }

    /** Outbox insert → store write, per OrderPlaced event written in {@code [from, to)}. */
    record Freshness(Histogram micros, long placed, long missing) {
    }

    static Freshness storeFreshness(List<ShardNode> shards, ShardNode view, Instant from, Instant to,
            Duration atMost) throws Exception {
        Map<Long, Instant> written = new HashMap<>();
        for (ShardNode shard : shards) {
            try (Connection connection = connect(shard); PreparedStatement query = connection.prepareStatement("""
                    select aggregateid, written_at from outbox
                    where type = 'OrderPlaced' and written_at >= ? and written_at < ?""")) {
                query.setTimestamp(1, Timestamp.from(from));
                query.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        written.put(Long.parseLong(rows.getString(1)), rows.getTimestamp(2).toInstant());
                    }
                }
            }
        }
        Map<Long, Instant> projected = new HashMap<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            try (Connection connection = connect(view); PreparedStatement query = connection.prepareStatement("""
                    select order_no, projected_at from order_view_event
                    where version = 1 and projected_at >= ? and order_no < ?""")) {
                query.setTimestamp(1, Timestamp.from(from));
                query.setLong(2, SEED_ORDER_BASE);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        projected.put(rows.getLong(1), rows.getTimestamp(2).toInstant());
                    }
                }
            }
            if (projected.keySet().containsAll(written.keySet()) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        Histogram micros = new Histogram(Latency.HIGHEST_MICROS, 3);
        long missing = 0;
        for (Map.Entry<Long, Instant> entry : written.entrySet()) {
            Instant at = projected.get(entry.getKey());
            if (at == null) {
                missing++;
            } else {
                long took = Duration.between(entry.getValue(), at).toNanos() / 1000;
                micros.recordValue(Math.min(Latency.HIGHEST_MICROS, Math.max(0, took)));
            }
        }
        return new Freshness(micros, written.size(), missing);
    }

    /**
     * Adds {@code documents} delivered orders for members of their own, copies of a projected document with
     * their own order number, member and time; returns how many members they belong to.
     */
    static long seed(ShardNode view, long documents) throws Exception {
        long members = Math.max(1, documents / ORDERS_PER_SEEDED_MEMBER);
        if (documents == 0) {
            return members;
        }
        try (Connection connection = connect(view); Statement statement = connection.createStatement()) {
            long chunk = 200_000;
            for (long start = 0; start < documents; start += chunk) {
                long end = Math.min(documents, start + chunk);
                statement.executeUpdate("""
                        insert into order_view (order_no, member_id, shop_id, status, placed_at, placed_date, version,
                                                last_event_id, document, updated_at)
                        select o.order_no, o.member_id, t.shop_id, 'DELIVERED', o.placed_at,
                               (o.placed_at at time zone 'Asia/Seoul')::date, 6, gen_random_uuid(),
                               t.document || jsonb_build_object('orderNo', o.order_no::text, 'status', 'DELIVERED',
                                   'version', 6, 'placedAt', o.placed_at,
                                   'placedDate', (o.placed_at at time zone 'Asia/Seoul')::date,
                                   'member', (t.document -> 'member') || jsonb_build_object('memberId', o.member_id,
                                       'displayName', '회원 ' || o.member_id)),
                               now()
                        from (select document, shop_id from order_view where order_no < %d limit 1) t,
                             lateral (select %d + g as order_no, %d + g %% %d as member_id,
                                             now() - (g * interval '7 seconds') as placed_at
                                      from generate_series(%d, %d) g) o
                        """.formatted(SEED_ORDER_BASE, SEED_ORDER_BASE, SEED_MEMBER_BASE, members, start, end - 1));
            }
            statement.execute("vacuum analyze order_view");
        }
        return members;
    }

    static List<Target> targets(Run placement, Freshness store, Latency storeLatency, Latency apiLatency,
            long apiStale, long documents, long wantedDocuments, Run pages, Latency pageServer) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("freshness p99 at " + Figures.fmt(placement.targetRate()) + " orders/s: commit → projected",
                "≤ " + Figures.fmt(TARGET_FRESHNESS_P99_MS) + " ms, every order projected",
                Figures.fmt(storeLatency.p99()) + " ms (p50 " + Figures.fmt(storeLatency.p50()) + " ms) over "
                        + store.placed() + " orders, " + store.missing() + " not projected",
                storeLatency.p99() <= TARGET_FRESHNESS_P99_MS && store.missing() == 0 && store.placed() > 0));
        targets.add(new Target("freshness p99 through the query API (201 → document with minVersion)",
                "≤ " + Figures.fmt(TARGET_FRESHNESS_P99_MS) + " ms, none stale",
                Figures.fmt(apiLatency.p99()) + " ms (p50 " + Figures.fmt(apiLatency.p50()) + " ms) over "
                        + apiLatency.samples() + " samples, " + apiStale + " stale",
                apiLatency.p99() <= TARGET_FRESHNESS_P99_MS && apiStale == 0 && apiLatency.samples() > 0));
        targets.add(new Target("member history page (" + PAGE_SIZE + " items) server time p99 with ≥ "
                        + String.format(Locale.ROOT, "%,d", wantedDocuments) + " documents",
                "≤ " + Figures.fmt(TARGET_PAGE_P99_MS) + " ms, 0 errors",
                Figures.fmt(pageServer.p99()) + " ms (p50 " + Figures.fmt(pageServer.p50()) + " ms; at the client p99 "
                        + Figures.fmt(pages.latency().p99()) + " ms) with " + String.format(Locale.ROOT, "%,d", documents)
                        + " documents, " + pages.errorCount() + " errors",
                pageServer.p99() <= TARGET_PAGE_P99_MS && pageServer.samples() > 0 && pages.errorCount() == 0
                        && documents >= wantedDocuments));
        return targets;
    }

    static String command(Options options) {
        List<String> jvm = PlacementBenchmark.jvmArguments();
        return "./mvnw -q -B -pl bench -am -DskipTests package\n"
                + "java " + String.join(" ", jvm) + (jvm.isEmpty() ? "" : " ") + "-Djava.awt.headless=true \\\n"
                + "  -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' \\\n"
                + "  baedal.bench.OrderViewBenchmark --rate " + Figures.fmt(options.rate()) + " --duration "
                + options.durationSeconds() + " --documents " + options.documents() + " --page-rate "
                + Figures.fmt(options.pageRate());
    }

    /** Waits (bounded) until the number of documents stops changing for two seconds: the projector caught up. */
    private static void awaitStableCount(ShardNode view, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = count(view, "select count(*) from order_view");
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(2_000);
        }
    }

    private static long count(ShardNode node, String sql) throws Exception {
        try (Connection connection = connect(node); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect(ShardNode node) throws Exception {
        return DriverManager.getConnection(node.url(), node.username(), node.password());
    }

}
