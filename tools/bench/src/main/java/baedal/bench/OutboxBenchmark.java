package baedal.bench;

import baedal.bench.audit.OutboxState;
import baedal.bench.cluster.Platform;
import baedal.bench.cluster.ShardNode;
import baedal.bench.cluster.SwitchableChangeLog;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import baedal.bench.measure.Run;
import baedal.bench.report.OutboxChart;
import baedal.bench.report.OutboxReport;
import baedal.bench.report.Report;
import baedal.bench.report.Results.Drain;
import baedal.bench.report.Results.OutboxConfig;
import baedal.bench.report.Results.OutboxResult;
import baedal.bench.report.Results.Target;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Load;
import baedal.bench.traffic.Menus.ShopMenu;
import baedal.bench.traffic.OrderMix.OrderSpec;
import baedal.bench.traffic.OrderMix;
import baedal.outbox.OutboxProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.Lifecycle;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox benchmark (issue 3), in one JVM run against one platform started in-process:
 * <ol>
 * <li>placement throughput with the outbox (event envelope, outbox row, relay publishing) and without it
 * (the order writes only, relay stopped), in alternating closed-loop phases;</li>
 * <li>commit → Kafka acknowledgement latency of every order placed at a fixed arrival rate, from each outbox
 * row's {@code written_at} and {@code published_at} (from the {@code outbox_state} view: one publication per batch);</li>
 * <li>draining a backlog of pending outbox rows, against a raw Kafka producer that sends the same records
 * with the same producer settings.</li>
 * </ol>
 * Writes {@code outbox.json}, {@code outbox.png} and the "Outbox and relay" section of {@code docs/benchmarks.md}.
 */
public final class OutboxBenchmark {

    static final double TARGET_MAX_COST = 0.15;
    static final double TARGET_DRAIN_RATIO = 0.8;
    static final double TARGET_ACK_P99_MS = 100;
    public static final Duration SETTLE = Duration.ofSeconds(10);
    static final long BACKLOG_ORDER_BASE = 900_000_000L;
    static final String RAW_TOPIC = "bench.raw-producer";

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (List.of(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options = Options.parse(args);
        if (options.target() != null) {
            throw new IllegalArgumentException("the outbox benchmark starts its own platform: it switches the "
                    + "outbox off and on inside it, which a running deployment cannot do (drop --target)");
        }
        int exit = 0;
        Log.line("starting the platform in-process (embedded PostgreSQL and Kafka, fresh data directory)");
        // The read model's projector is switched off: it consumes the events downstream of the outbox and would
        // take CPU from the phases with the outbox only.
        try (Platform platform = Platform.start(options.shards(), true,
                Map.of("baedal.order-view.projector.enabled", "false"))) {
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
        notes.add("The order read model's projector was off (`baedal.order-view.projector.enabled=false`): it "
                + "consumes the events downstream of the outbox and is measured by the read-model benchmark.");
        SwitchableChangeLog changeLog = platform.bean(SwitchableChangeLog.class);
        Lifecycle relay = platform.outboxRelay();
        MeterRegistry meters = platform.bean(MeterRegistry.class);
        OutboxProperties outbox = platform.bean(OutboxProperties.class);
        int concurrency = options.concurrency() == null ? platform.poolSize() : options.concurrency();
        List<ShardNode> shards = platform.shards();
        Log.line("API " + platform.baseUrl() + ", " + shards.size() + " shards, pool " + platform.poolSize() + ", concurrency "
                + concurrency + ", relay batch " + outbox.batchSize());

        ApiClient api = new ApiClient(platform.baseUrl(), compact, Duration.ofSeconds(10));
        List<ShopMenu> menus = api.menus();
        List<OrderSpec> mix = OrderMix.generate(menus, options.mixSize(), options.seed());
        List<String> bodies = mix.stream().map(order -> order.requestJson(compact)).toList();
        Load.Operation place = seq -> api.place(bodies.get((int) (seq % bodies.size())));

        // 1. Placement with and without the outbox.
        Duration warmup = Duration.ofSeconds(options.warmupSeconds());
        Duration warmupMax = Duration.ofSeconds(Math.max(options.warmupSeconds(), options.warmupMaxSeconds()));
        Duration phase = Duration.ofSeconds(options.phaseSeconds());
        Log.line("1/3 placement with and without the outbox: warm-up with the outbox until steady");
        Duration warmed = Load.warmUntilSteady(concurrency, warmup, warmupMax, place);
        Log.line("  warmed up for " + warmed.toSeconds() + " s");
        List<Run> without = new ArrayList<>();
        List<Run> with = new ArrayList<>();
        List<Run> writeOnly = new ArrayList<>();
        for (int p = 0; p < options.phases(); p++) {
            for (Mode mode : Mode.order(p, options.breakdown())) {
                mode.apply(changeLog, relay);
                Run run = Load.closedLoop(mode.label + " #" + (p + 1), concurrency, warmed, SETTLE, phase, place);
                print(run);
                (mode == Mode.WITH ? with : mode == Mode.WITHOUT ? without : writeOnly).add(run);
            }
        }
        Mode.WITH.apply(changeLog, relay);
        double withoutRate = meanRate(without);
        double withRate = meanRate(with);
        double cost = withoutRate == 0 ? 1 : round3(1 - withRate / withoutRate);
        Log.line(String.format(Locale.ROOT, "  without %.1f/s, with %.1f/s: the outbox costs %.1f %%", withoutRate,
                withRate, cost * 100));
        if (!writeOnly.isEmpty()) {
            double writeOnlyRate = meanRate(writeOnly);
            Log.line(String.format(Locale.ROOT, "  written but not relayed %.1f/s: writing costs %.1f %%, relaying %.1f %%",
                    writeOnlyRate, 100 * (1 - writeOnlyRate / withoutRate), 100 * (writeOnlyRate - withRate) / withoutRate));
        }

        // 2. Commit -> Kafka ack at a fixed rate.
        Log.line("2/3 commit → Kafka ack at " + Figures.fmt(options.rate()) + " orders/s (open model)");
        Instant wallStart = Instant.now();
        Duration measure = Duration.ofSeconds(options.durationSeconds());
        Run fixed = Load.fixedRate("API at fixed rate", options.rate(), options.maxInFlight(), warmup, measure,
                Duration.ofSeconds(30), seq -> api.place(bodies.get((int) ((seq * 7919) % bodies.size()))));
        print(fixed);
        OutboxState.awaitNothingPending(shards, Duration.ofMinutes(2));
        Instant from = wallStart.plus(warmup);
        Instant to = from.plus(measure);
        Histogram ackMicros = OutboxState.commitToAck(shards, from, to);
        Latency commitToAck = Latency.of(ackMicros);
        Log.line(String.format(Locale.ROOT, "  commit → ack over %d events: p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f ms",
                commitToAck.samples(), commitToAck.p50(), commitToAck.p90(), commitToAck.p99(), commitToAck.p999(),
                commitToAck.max()));

        // 3. Draining a backlog against a raw producer.
        Log.line("3/3 drain a backlog of " + options.backlog() + " pending rows against a raw producer");
        relay.stop();
        OutboxState.awaitNothingPending(shards, Duration.ofMinutes(1));
        Drain drain = drain(platform, shards, relay, meters, outbox, options.backlog());

        List<Target> targets = targets(cost, withoutRate, withRate, fixed, commitToAck, drain);
        OutboxConfig config = new OutboxConfig("in-process platform (embedded default)", shards.size(),
                platform.poolSize(), concurrency, options.warmupSeconds(), options.phaseSeconds(), options.phases(),
                options.rate(), options.durationSeconds(), options.backlog(), outbox.batchSize(), options.mixSize(),
                command(options));
        Path out = Path.of(options.out());
        Files.createDirectories(out);
        Path doc = out.toAbsolutePath().getParent().resolve(out.getFileName() + ".md");
        String chartLink = doc.getParent().relativize(out.toAbsolutePath().resolve("outbox.png")).toString()
                .replace('\\', '/');
        OutboxResult result = new OutboxResult("outbox", "Outbox and relay (issue 3)", config,
                PlacementBenchmark.machine(shards), without, with, round1(withoutRate), round1(withRate), cost, fixed,
                commitToAck, drain, targets, notes, chartLink, warmed.toSeconds(), writeOnly);
        Files.writeString(out.resolve("outbox.json"), json.writeValueAsString(result) + "\n");
        OutboxChart.write(result, out.resolve("outbox.png"));
        String existing = Files.exists(doc) ? Files.readString(doc) : null;
        Files.writeString(doc, Report.upsert(existing, "outbox", OutboxReport.section(result)));
        Log.line("wrote " + out.resolve("outbox.json") + ", " + out.resolve("outbox.png") + " and " + doc);
        for (Target target : targets) {
            Log.line(String.format(Locale.ROOT, "%-5s %s: %s (goal %s)", target.pass() ? "PASS" : "FAIL", target.name(),
                    target.actual(), target.goal()));
        }
    }

    /**
     * The placement phases' modes. {@link #WRITTEN_NOT_RELAYED} (only with {@code --breakdown}) splits the outbox's
     * cost into writing (envelope and row in the order's transaction) and relaying (relay and broker): its rows
     * stay pending until the next phase with the relay, which drains them during its settling time.
     */
    enum Mode {
        WITHOUT("without outbox"), WRITTEN_NOT_RELAYED("outbox written, relay stopped"), WITH("with outbox");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        /** Pair {@code p}'s modes in the order they run: alternating which end goes first. */
        static List<Mode> order(int p, boolean breakdown) {
            List<Mode> modes = breakdown ? List.of(WITHOUT, WRITTEN_NOT_RELAYED, WITH) : List.of(WITHOUT, WITH);
            return p % 2 == 0 ? modes : modes.reversed();
        }

        void apply(SwitchableChangeLog changeLog, Lifecycle relay) {
            changeLog.recording(this != WITHOUT);
            if (this == WITH) {
                relay.start();
            } else {
                relay.stop();
            }
        }
    }

    static double meanRate(List<Run> runs) {
        return runs.stream().mapToDouble(Run::ordersPerSecond).average().orElse(0);
    }

    /**
     * The backlog is drained in two halves, in the order raw, relay, relay, raw (ABBA), so that a drift over the run
     * (JIT, the broker's logs growing, autovacuum) weighs on both senders alike. Each half is inserted untimed;
     * each rate is the records of both halves over the seconds of both.
     */
    private static Drain drain(Platform platform, List<ShardNode> shards, Lifecycle relay, MeterRegistry meters,
            OutboxProperties outbox, long backlog) throws Exception {
        String payload;
        String traceparent;
        try (Connection connection = connect(shards.getFirst()); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        select payload::text, traceparent from outbox where type = 'OrderPlaced'
                        order by seq desc limit 1""")) {
            if (!row.next()) {
                throw new IllegalStateException("no OrderPlaced row on shard 0 to copy");
            }
            payload = row.getString(1);
            traceparent = row.getString(2);
        }
        byte[] value = payload.getBytes(StandardCharsets.UTF_8);
        Log.line("  backlog rows copy a real OrderPlaced envelope of " + value.length + " bytes; two halves, raw → relay → "
                + "relay → raw");
        KafkaProperties kafka = platform.bean(KafkaProperties.class);
        Map<String, Object> producerConfig = outbox.relayProducerConfig(kafka.buildProducerProperties());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, platform.outboxPartitions(), outbox.replicationFactor())))
                    .all().get(30, TimeUnit.SECONDS);
        }
        long firstHalf = backlog / 2;
        long[][] halves = {split(firstHalf, shards.size()), split(backlog - firstHalf, shards.size())};
        long[] offsets = {0, firstHalf};
        List<Long> rawProgress = new ArrayList<>();
        List<Long> relayProgress = new ArrayList<>();
        long rawRecords = 0;
        long relayRecords = 0;
        double rawSeconds = 0;
        double relaySeconds = 0;
        for (int half = 0; half < 2; half++) {
            insertAll(shards, halves[half], offsets[half], payload, traceparent);
            for (boolean rawTurn : half == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                if (rawTurn) {
                    double seconds = sendRaw(platform, producerConfig, shards, halves[half], offsets[half], value,
                            traceparent, rawProgress, rawRecords);
                    rawRecords += sum(halves[half]);
                    rawSeconds += seconds;
                } else {
                    long wanted = sum(halves[half]);
                    double seconds = relayDrain(relay, meters, wanted, relayProgress, relayRecords);
                    relayRecords += wanted;
                    relaySeconds += seconds;
                }
            }
        }
        long pendingAfter = OutboxState.awaitNothingPending(shards, Duration.ofMinutes(2));
        double rawRate = rawRecords / rawSeconds;
        double relayRate = relayRecords / relaySeconds;
        Log.line(String.format(Locale.ROOT, "  raw: %d records in %.1f s = %.0f/s; relay: %d in %.1f s = %.0f/s; "
                + "pending after: %d", rawRecords, rawSeconds, rawRate, relayRecords, relaySeconds, relayRate,
                pendingAfter));
        return new Drain(backlog, value.length, round1(rawSeconds), round1(rawRate), round1(relaySeconds),
                round1(relayRate), round3(relayRate / rawRate), relayRecords, pendingAfter, rawProgress, relayProgress);
    }

    private static long[] split(long rows, int shards) {
        long[] perShard = new long[shards];
        for (int s = 0; s < shards; s++) {
            perShard[s] = rows / shards + (s < rows % shards ? 1 : 0);
        }
        return perShard;
    }

    private static long sum(long[] values) {
        return java.util.Arrays.stream(values).sum();
    }

    private static void insertAll(List<ShardNode> shards, long[] perShard, long offset, String payload,
            String traceparent) throws Exception {
        long insertStart = System.nanoTime();
        try (ExecutorService writers = Executors.newFixedThreadPool(shards.size())) {
            List<Future<?>> done = new ArrayList<>();
            for (ShardNode shard : shards) {
                done.add(writers.submit(() -> {
                    insertBacklog(shard, perShard[shard.no()], offset, payload, traceparent);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        Log.line(String.format(Locale.ROOT, "  inserted %d pending rows and vacuumed in %.1f s", sum(perShard),
                (System.nanoTime() - insertStart) / 1e9));
    }

    /**
     * Sends the records of one half, like the relay one producer and thread per shard with the relay's producer
     * settings; returns the seconds from the first send to the last acknowledgement.
     */
    private static double sendRaw(Platform platform, Map<String, Object> producerConfig, List<ShardNode> shards,
            long[] perShard, long offset, byte[] value, String traceparent, List<Long> progress, long before)
            throws Exception {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> rawFailure = new AtomicReference<>();
        List<KafkaProducer<byte[], byte[]>> producers = new ArrayList<>();
        long rawStart;
        long rawEnd;
        try {
            for (ShardNode shard : shards) {
                Map<String, Object> config = new java.util.HashMap<>(producerConfig);
                config.put("client.id", "bench-raw-producer-" + shard.no());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                        new ByteArraySerializer());
                producers.add(producer);
                // Untimed: one record to every partition, so that the timed part starts, like the relay's
                // producers, with metadata known and leaders elected.
                for (int partition = 0; partition < platform.outboxPartitions(); partition++) {
                    producer.send(new ProducerRecord<>(RAW_TOPIC, partition, new byte[0], new byte[0]))
                            .get(60, TimeUnit.SECONDS);
                }
            }
            byte[] type = "OrderPlaced".getBytes(StandardCharsets.UTF_8);
            byte[] aggregateType = "Order".getBytes(StandardCharsets.UTF_8);
            byte[] trace = traceparent == null ? null : traceparent.getBytes(StandardCharsets.UTF_8);
            rawStart = System.nanoTime();
            try (Sampler sampler = new Sampler(() -> before + acked.get(), progress);
                    ExecutorService senders = Executors.newFixedThreadPool(shards.size())) {
                List<Future<?>> sent = new ArrayList<>();
                for (ShardNode shard : shards) {
                    KafkaProducer<byte[], byte[]> producer = producers.get(shard.no());
                    sent.add(senders.submit(() -> {
                        for (long g = offset + 1; g <= offset + perShard[shard.no()]; g++) {
                            RecordHeaders headers = new RecordHeaders();
                            headers.add("eventId", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                            headers.add("type", type);
                            headers.add("aggregateType", aggregateType);
                            if (trace != null) {
                                headers.add("traceparent", trace);
                            }
                            byte[] key = Long.toString((BACKLOG_ORDER_BASE + g) * 1000 + shard.no())
                                    .getBytes(StandardCharsets.UTF_8);
                            producer.send(new ProducerRecord<>(RAW_TOPIC, null, key, value, headers),
                                    (metadata, failure) -> {
                                        if (failure == null) {
                                            acked.incrementAndGet();
                                        } else {
                                            rawFailure.compareAndSet(null, failure);
                                        }
                                    });
                        }
                        producer.flush();
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
                rawEnd = System.nanoTime();
            }
        } finally {
            producers.forEach(KafkaProducer::close);
        }
        if (rawFailure.get() != null) {
            throw new IllegalStateException("the raw producer failed", rawFailure.get());
        }
        double seconds = (rawEnd - rawStart) / 1e9;
        Log.line(String.format(Locale.ROOT, "  raw producers: %d records in %.1f s = %.0f/s", acked.get(), seconds,
                acked.get() / seconds));
        return seconds;
    }

    /** Starts the relay on a backlog of {@code wanted} rows, times it until all are published, and stops it. */
    private static double relayDrain(Lifecycle relay, MeterRegistry meters, long wanted, List<Long> progress,
            long before) throws Exception {
        long published = published(meters);
        long start = System.nanoTime();
        long took;
        try (Sampler sampler = new Sampler(() -> before + published(meters) - published, progress)) {
            relay.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (published(meters) - published < wanted && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            took = System.nanoTime() - start;
        }
        relay.stop();
        long relayed = published(meters) - published;
        if (relayed < wanted) {
            throw new IllegalStateException("the relay published " + relayed + " of " + wanted + " rows in 30 min");
        }
        double seconds = took / 1e9;
        Log.line(String.format(Locale.ROOT, "  relay: %d records in %.1f s = %.0f/s", relayed, seconds, relayed / seconds));
        return seconds;
    }

    private static void insertBacklog(ShardNode shard, long rows, long offset, String payload, String traceparent)
            throws Exception {
        try (Connection connection = connect(shard)) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox (id, aggregatetype, aggregateid, type, payload, version, occurred_at, traceparent)
                    select gen_random_uuid(), 'Order', ((? + g) * 1000 + ?)::text, 'OrderPlaced', cast(? as json), 1,
                           now(), ?
                    from generate_series(?, ?) as g""")) {
                insert.setLong(1, BACKLOG_ORDER_BASE);
                insert.setInt(2, shard.no());
                insert.setString(3, payload);
                insert.setString(4, traceparent);
                insert.setLong(5, offset + 1);
                insert.setLong(6, offset + rows);
                insert.executeUpdate();
            }
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum analyze outbox");
            }
        }
    }

    private static long published(MeterRegistry meters) {
        return (long) meters.find("baedal.outbox.published").counters().stream().mapToDouble(Counter::count).sum();
    }

    static List<Target> targets(double cost, double withoutRate, double withRate, Run fixed, Latency ack, Drain drain) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("placement cost of the outbox (1 − with / without)",
                "≤ " + Math.round(TARGET_MAX_COST * 100) + " %",
                Figures.fmt(cost * 100) + " % (" + Figures.fmt(round1(withRate)) + " vs " + Figures.fmt(round1(withoutRate))
                        + " orders/s)",
                cost <= TARGET_MAX_COST));
        targets.add(new Target("commit → Kafka ack p99 at " + Figures.fmt(fixed.targetRate()) + " orders/s",
                "≤ " + Figures.fmt(TARGET_ACK_P99_MS) + " ms, every order's event published",
                Figures.fmt(ack.p99()) + " ms (p50 " + Figures.fmt(ack.p50()) + " ms) over " + ack.samples() + " events, "
                        + fixed.errorCount() + " placement errors",
                ack.p99() <= TARGET_ACK_P99_MS && ack.samples() >= fixed.succeeded() && fixed.errorCount() == 0));
        targets.add(new Target("backlog drain rate / raw producer rate",
                "≥ " + TARGET_DRAIN_RATIO + ", nothing left pending",
                Figures.fmt(drain.ratio()) + " (" + Figures.fmt(drain.relayPerSecond()) + " vs "
                        + Figures.fmt(drain.rawPerSecond()) + " records/s), " + drain.pendingAfter() + " pending",
                drain.ratio() >= TARGET_DRAIN_RATIO && drain.pendingAfter() == 0));
        return targets;
    }

    static String command(Options options) {
        StringBuilder args = new StringBuilder();
        args.append("--warmup ").append(options.warmupSeconds()).append(" --phase ").append(options.phaseSeconds())
                .append(" --phases ").append(options.phases()).append(" --rate ").append(Figures.fmt(options.rate()))
                .append(" --duration ").append(options.durationSeconds()).append(" --backlog ").append(options.backlog());
        if (options.shards() > 0) {
            args.append(" --shards ").append(options.shards());
        }
        List<String> jvm = PlacementBenchmark.jvmArguments();
        return "./mvnw -q -B -pl bench -am -DskipTests package\n"
                + "java " + String.join(" ", jvm) + (jvm.isEmpty() ? "" : " ") + "-Djava.awt.headless=true \\\n"
                + "  -cp 'bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' \\\n"
                + "  baedal.bench.OutboxBenchmark " + args;
    }

    private static Connection connect(ShardNode shard) throws SQLException {
        return DriverManager.getConnection(shard.url(), shard.username(), shard.password());
    }

    public static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void print(Run run) {
        Log.line(String.format(Locale.ROOT, "  %s: %.1f orders/s, p50 %.2f p99 %.2f ms, errors %s", run.name(),
                run.ordersPerSecond(), run.latency().p50(), run.latency().p99(), Figures.errors(run.errors())));
    }


    /** Samples a running total once a second into {@code into}, on a daemon thread, until closed. */
    private static final class Sampler implements AutoCloseable {
        private final Thread thread;

        Sampler(java.util.function.LongSupplier total, List<Long> into) {
            this.thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(1_000);
                        synchronized (into) {
                            into.add(total.getAsLong());
                        }
                    }
                } catch (InterruptedException stop) {
                    synchronized (into) {
                        into.add(total.getAsLong());
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }
}
