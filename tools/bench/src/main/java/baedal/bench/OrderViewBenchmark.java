package baedal.bench;

import static baedal.bench.OrderViewDatabase.SEED_MEMBER_BASE;

import baedal.bench.OrderViewDatabase.Freshness;
import baedal.bench.audit.OutboxState;
import baedal.bench.cluster.Platform;
import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import baedal.bench.measure.Run;
import baedal.bench.report.OrderViewChart;
import baedal.bench.report.OrderViewReport;
import baedal.bench.report.Results.OrderViewConfig;
import baedal.bench.report.Results.OrderViewResult;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.Benchmark;
import baedal.bench.runner.BenchmarkRunner;
import baedal.bench.runner.MachineFacts;
import baedal.bench.runner.ReproduceCommand;
import baedal.bench.runner.SystemPropertyDefaults;
import baedal.bench.identity.Subject;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.KeepAliveHttp;
import baedal.bench.traffic.Load;
import baedal.bench.traffic.OrderMix;
import baedal.bench.traffic.OrderMix.OrderSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
 * {@code docs/benchmarks.md}; a run at another rate than the issue's 500/s writes {@code order-view-<rate>.*} and a
 * section of its own.
 */
@Command(name = "OrderViewBenchmark", sortOptions = false, defaultValueProvider = SystemPropertyDefaults.class,
        description = {"The order read model benchmark (issue 4): freshness at a fixed placement rate, and member "
                + "history pages over a large read model.",
                "It starts its own platform (there is no --target). Its fixed-rate placement warms up for at least 30 s.",
                "Every option may also be given as -Dbench.<name>=<value>."})
public final class OrderViewBenchmark implements Benchmark<OrderViewResult> {

    static final double TARGET_FRESHNESS_P99_MS = 200;
    static final double TARGET_PAGE_P99_MS = 5;
    static final int API_SAMPLE_EVERY = 10;
    /** The issue's rate: a run at it owns the section {@code order-view}. */
    static final double ISSUE_RATE = 500;

    @Mixin
    final RunOptions run = new RunOptions();

    @Option(names = "--documents", paramLabel = "<n>", defaultValue = "1000000",
            description = "documents in the read model when member history pages are measured (default "
                    + "${DEFAULT-VALUE})")
    long documents;

    @Option(names = "--page-rate", paramLabel = "<n>", defaultValue = "200",
            description = "member history pages requested per second (default ${DEFAULT-VALUE})")
    double pageRate;

    public static void main(String[] args) {
        BenchmarkRunner.main(new OrderViewBenchmark(), args);
    }

    @Override
    public String name() {
        return run.rate == ISSUE_RATE ? "order-view" : "order-view-" + Figures.fmt(run.rate);
    }

    private String title() {
        return "Order read model (issue 4)" + (run.rate == ISSUE_RATE ? "" : " at " + Figures.fmt(run.rate)
                + " orders/s");
    }

    @Override
    public Path out() {
        return Path.of(run.out);
    }

    @Override
    public void check() {
        run.check();
    }

    @Override
    public OrderViewResult run(String chartLink) throws Exception {
        Log.line("starting the platform in-process (embedded PostgreSQL and Kafka, fresh data directory)");
        try (Platform platform = Platform.start(run.shards, false, Map.of())) {
            return measure(platform, chartLink);
        }
    }

    private OrderViewResult measure(Platform platform, String chartLink) throws Exception {
        JsonMapper compact = JsonMapper.builder().build();
        List<String> notes = new ArrayList<>();
        ShardNode view = new ShardNode(-1, platform.property("baedal.order-view.datasource.url"),
                platform.property("baedal.order-view.datasource.username"),
                platform.property("baedal.order-view.datasource.password", ""));
        ApiClient api = new ApiClient(platform.baseUrl(), compact, Duration.ofSeconds(10),
                platform.identities().tokens());
        List<OrderSpec> mix = OrderMix.generate(api.menus(), run.mixSize, run.seed);
        List<String> bodies = mix.stream().map(order -> order.requestJson(compact)).toList();
        api.prepare(mix);

        // 1. Freshness at a fixed rate.
        Duration warmup = Duration.ofSeconds(Math.max(run.warmupSeconds, 30));
        Duration measure = Duration.ofSeconds(run.durationSeconds);
        Log.line("1/2 freshness: placing " + Figures.fmt(run.rate) + " orders/s for " + warmup.toSeconds()
                + " s warm-up + " + measure.toSeconds() + " s, projector on");
        Recorder apiFreshness = new Recorder(Latency.HIGHEST_MICROS, 3);
        AtomicLong apiStale = new AtomicLong();
        AtomicLong apiFailed = new AtomicLong();
        Instant wallStart = Instant.now();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        Run placement = Load.fixedRate("placement at fixed rate", run.rate, run.maxInFlight, warmup, measure,
                Duration.ofSeconds(30), seq -> {
                    OrderSpec order = mix.get((int) ((seq * 7919) % bodies.size()));
                    long orderNo = api.place(order.memberId(), bodies.get((int) ((seq * 7919) % bodies.size())));
                    long acknowledged = System.nanoTime();
                    if (seq % API_SAMPLE_EVERY == 0 && acknowledged >= measureFrom) {
                        Thread.startVirtualThread(() -> sampleApiFreshness(api, order.memberId(), orderNo,
                                acknowledged, apiFreshness, apiStale, apiFailed));
                    }
                });
        Thread.sleep(3_000); // the last samples' reads (bounded by the API's 2 s wait) finish
        Log.line(String.format(Locale.ROOT, "  placement: %.1f orders/s, p99 %.2f ms, errors %s",
                placement.ordersPerSecond(), placement.latency().p99(), Figures.errors(placement.errors())));
        Instant from = wallStart.plus(warmup);
        Freshness store = OrderViewDatabase.storeFreshness(platform.shards(), view, from, from.plus(measure),
                Duration.ofSeconds(60));
        Latency storeLatency = Latency.of(store.micros());
        Latency apiLatency = Latency.of(apiFreshness.getIntervalHistogram());
        Log.line(String.format(Locale.ROOT, "  commit → projected (all %d orders, %d not projected): p50 %.2f p99 "
                + "%.2f max %.2f ms", store.placed(), store.missing(), storeLatency.p50(), storeLatency.p99(),
                storeLatency.max()));
        Log.line(String.format(Locale.ROOT, "  201 → visible through the API (%d samples, %d stale, %d failed): "
                + "p50 %.2f p99 %.2f ms", apiLatency.samples(), apiStale.get(), apiFailed.get(), apiLatency.p50(),
                apiLatency.p99()));

        // 2. Member history pages over a large read model, once the placements above are published and projected
        // (an overloaded first part leaves a backlog that would otherwise compete with the page requests).
        long stillPending = OutboxState.awaitNothingPending(platform.shards(), Duration.ofMinutes(5));
        OrderViewDatabase.awaitStableCount(view, Duration.ofMinutes(5));
        if (stillPending > 0) {
            notes.add(stillPending + " outbox rows were still pending when the page measurement started.");
        }
        long existing = OrderViewDatabase.count(view, "select count(*) from order_view");
        long toSeed = Math.max(0, documents - existing);
        Log.line("2/2 history pages: seeding " + toSeed + " documents (" + existing + " projected already)");
        long members = OrderViewDatabase.seed(view, toSeed);
        long held = OrderViewDatabase.count(view, "select count(*) from order_view");
        Log.line("  the read model holds " + held + " documents; " + members + " seeded members with "
                + OrderViewConfig.ORDERS_PER_SEEDED_MEMBER + " orders each");
        Recorder pageServer = new Recorder(Latency.HIGHEST_MICROS, 3);
        Run pages = historyPages(api, compact, members, pageServer);
        Latency pageServerLatency = Latency.of(pageServer.getIntervalHistogram());
        Log.line(String.format(Locale.ROOT, "  pages: %.1f/s, client p50 %.2f p99 %.2f p99.9 %.2f ms, server p50 "
                        + "%.2f p99 %.2f ms, errors %s", pages.ordersPerSecond(), pages.latency().p50(),
                pages.latency().p99(), pages.latency().p999(), pageServerLatency.p50(), pageServerLatency.p99(),
                Figures.errors(pages.errors())));

        List<Target> targets = targets(placement, store, storeLatency, apiLatency, apiStale.get(), held, documents,
                pages, pageServerLatency);
        OrderViewConfig config = new OrderViewConfig("in-process platform (embedded default)",
                platform.shards().size(), run.rate, (int) warmup.toSeconds(), run.durationSeconds, documents,
                pageRate, API_SAMPLE_EVERY, command());
        return new OrderViewResult(name(), title(), config, MachineFacts.collect(platform.shards()), placement,
                storeLatency, store.placed(), store.missing(), apiLatency, apiStale.get(), apiFailed.get(), held, pages,
                pageServerLatency, targets, notes, chartLink);
    }

    /**
     * Member history pages at {@code --page-rate}: first pages of the seeded members, and next pages from cursors
     * fetched beforehand; each page's server time ({@code Server-Timing}) goes into {@code serverTimes}.
     */
    private Run historyPages(ApiClient api, JsonMapper json, long members, Recorder serverTimes) throws Exception {
        api.prepare(java.util.stream.LongStream.range(0, members).mapToObj(i -> Subject.member(SEED_MEMBER_BASE + i))
                .toList()); // their tokens before the pages are measured
        List<String> nextPages = new ArrayList<>();
        List<Long> nextPageMembers = new ArrayList<>();
        int prefetch = (int) Math.min(members, 2_000);
        for (int i = 0; i < prefetch; i++) {
            KeepAliveHttp.Response first = api.read(Subject.member(SEED_MEMBER_BASE + i),
                    memberPath(SEED_MEMBER_BASE + i, null));
            String cursor = json.readTree(first.body()).path("nextCursor").asString(null);
            if (cursor != null) {
                nextPages.add(memberPath(SEED_MEMBER_BASE + i, cursor));
                nextPageMembers.add(SEED_MEMBER_BASE + i);
            }
        }
        long pagesMeasuredFrom = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        return Load.fixedRate("member history page", pageRate, run.maxInFlight, Duration.ofSeconds(10),
                Duration.ofSeconds(Math.min(60, run.durationSeconds)), Duration.ofSeconds(30), seq -> {
                    boolean firstPage = seq % 2 == 0 || nextPages.isEmpty();
                    int next = firstPage ? -1 : (int) ((seq * 104729) % nextPages.size());
                    long member = firstPage ? SEED_MEMBER_BASE + (seq * 7919) % members : nextPageMembers.get(next);
                    String path = firstPage ? memberPath(member, null) : nextPages.get(next);
                    KeepAliveHttp.Response response = api.read(Subject.member(member), path);
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
                        serverTimes.recordValue(Math.min(Latency.HIGHEST_MICROS, response.serverMicros()));
                    }
                });
    }

    @Override
    public String section(OrderViewResult result) {
        return OrderViewReport.section(result);
    }

    @Override
    public void drawChart(OrderViewResult result, Path png) throws IOException {
        OrderViewChart.write(result, png);
    }

    private static void sampleApiFreshness(ApiClient api, long memberId, long orderNo, long acknowledged,
            Recorder into, AtomicLong stale, AtomicLong failed) {
        try {
            KeepAliveHttp.Response response = api.read(Subject.member(memberId),
                    "/api/order-views/" + orderNo + "?minVersion=1");
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
        return "/api/members/" + memberId + "/orders?size=" + OrderViewConfig.PAGE_SIZE
                + (cursor == null ? "" : "&cursor=" + cursor);
    }

    static List<Target> targets(Run placement, Freshness store, Latency storeLatency, Latency apiLatency,
            long apiStale, long documents, long wantedDocuments, Run pages, Latency pageServer) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("freshness p99 at " + Figures.fmt(placement.targetRate())
                        + " orders/s: commit → projected",
                "≤ " + Figures.fmt(TARGET_FRESHNESS_P99_MS) + " ms, every order projected",
                Figures.fmt(storeLatency.p99()) + " ms (p50 " + Figures.fmt(storeLatency.p50()) + " ms) over "
                        + store.placed() + " orders, " + store.missing() + " not projected",
                storeLatency.p99() <= TARGET_FRESHNESS_P99_MS && store.missing() == 0 && store.placed() > 0));
        targets.add(new Target("freshness p99 through the query API (201 → document with minVersion)",
                "≤ " + Figures.fmt(TARGET_FRESHNESS_P99_MS) + " ms, none stale",
                Figures.fmt(apiLatency.p99()) + " ms (p50 " + Figures.fmt(apiLatency.p50()) + " ms) over "
                        + apiLatency.samples() + " samples, " + apiStale + " stale",
                apiLatency.p99() <= TARGET_FRESHNESS_P99_MS && apiStale == 0 && apiLatency.samples() > 0));
        targets.add(new Target("member history page (" + OrderViewConfig.PAGE_SIZE + " items) server time p99 with ≥ "
                        + String.format(Locale.ROOT, "%,d", wantedDocuments) + " documents",
                "≤ " + Figures.fmt(TARGET_PAGE_P99_MS) + " ms, 0 errors",
                Figures.fmt(pageServer.p99()) + " ms (p50 " + Figures.fmt(pageServer.p50()) + " ms; at the client p99 "
                        + Figures.fmt(pages.latency().p99()) + " ms) with "
                        + String.format(Locale.ROOT, "%,d", documents) + " documents, " + pages.errorCount()
                        + " errors",
                pageServer.p99() <= TARGET_PAGE_P99_MS && pageServer.samples() > 0 && pages.errorCount() == 0
                        && documents >= wantedDocuments));
        return targets;
    }

    /** How to run this again: the options that matter, with this JVM's options. */
    String command() {
        return ReproduceCommand.of(ReproduceCommand.BENCH, MachineFacts.jvmArguments(), OrderViewBenchmark.class,
                "--rate " + Figures.fmt(run.rate) + " --duration " + run.durationSeconds + " --documents "
                        + documents + " --page-rate " + Figures.fmt(pageRate));
    }
}
