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
import baedal.bench.report.Results.Drain;
import baedal.bench.report.Results.OutboxConfig;
import baedal.bench.report.Results.OutboxResult;
import baedal.bench.report.Results.Target;
import baedal.bench.runner.Benchmark;
import baedal.bench.runner.BenchmarkRunner;
import baedal.bench.runner.MachineFacts;
import baedal.bench.runner.ReproduceCommand;
import baedal.bench.runner.SystemPropertyDefaults;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Load;
import baedal.bench.traffic.OrderMix;
import baedal.bench.traffic.OrderMix.OrderSpec;
import baedal.outbox.OutboxProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox benchmark (issue 3), in one JVM run against one platform started in-process:
 * <ol>
 * <li>placement throughput with the outbox (event envelope, outbox row, relay publishing) and without it
 * (the order writes only, relay stopped), in alternating closed-loop phases;</li>
 * <li>commit → Kafka acknowledgement latency of every order placed at a fixed arrival rate, from each outbox
 * row's {@code written_at} and {@code published_at} (from the {@code outbox_state} view: one publication per batch);</li>
 * <li>draining a backlog of pending outbox rows, against a raw Kafka producer that sends the same records
 * with the same producer settings ({@link OutboxDrain}).</li>
 * </ol>
 * Writes {@code outbox.json}, {@code outbox.png} and the "Outbox and relay" section of {@code docs/benchmarks.md}.
 */
@Command(name = "OutboxBenchmark", sortOptions = false, defaultValueProvider = SystemPropertyDefaults.class,
        description = {"The outbox benchmark (issue 3): placement with and without the outbox, commit → Kafka ack at a "
                + "fixed rate, and the relay draining a backlog against a raw producer.",
                "It starts its own platform (there is no --target): it switches the outbox off and on inside it.",
                "Every option may also be given as -Dbench.<name>=<value>."})
public final class OutboxBenchmark implements Benchmark<OutboxResult> {

    static final double TARGET_MAX_COST = 0.15;
    static final double TARGET_DRAIN_RATIO = 0.8;
    static final double TARGET_ACK_P99_MS = 100;

    @Mixin
    final RunOptions run = new RunOptions();

    @Mixin
    final ClosedLoopOptions closedLoop = new ClosedLoopOptions();

    @Option(names = "--phase", paramLabel = "<s>", defaultValue = "30",
            description = "measured seconds of each with/without-outbox phase (default ${DEFAULT-VALUE})")
    int phaseSeconds;

    @Option(names = "--phases", paramLabel = "<n>", defaultValue = "2",
            description = "pairs of with/without phases, alternating which goes first (default ${DEFAULT-VALUE})")
    int phases;

    @Option(names = "--backlog", paramLabel = "<n>", defaultValue = "1000000",
            description = "pending outbox rows to drain, against a raw producer (default ${DEFAULT-VALUE})")
    long backlog;

    @Option(names = "--breakdown", paramLabel = "<bool>", arity = "0..1", defaultValue = "false",
            description = "also run, in each pair, a phase that writes the outbox but stops the relay: splits the "
                    + "cost into writing (envelope, row) and relaying (relay, broker)")
    boolean breakdown;

    public static void main(String[] args) {
        BenchmarkRunner.main(new OutboxBenchmark(), args);
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Path out() {
        return Path.of(run.out);
    }

    @Override
    public void check() {
        run.check();
        if (phaseSeconds < 1 || phases < 1 || backlog < 1) {
            throw new IllegalArgumentException("--phase, --phases and --backlog must be >= 1");
        }
    }

    @Override
    public OutboxResult run(String chartLink) throws Exception {
        Log.line("starting the platform in-process (embedded PostgreSQL and Kafka, fresh data directory)");
        // The read model's projector is switched off: it consumes the events downstream of the outbox and would
        // take CPU from the phases with the outbox only.
        try (Platform platform = Platform.start(run.shards, true,
                Map.of("baedal.order-view.projector.enabled", "false"))) {
            return measure(platform, chartLink);
        }
    }

    private OutboxResult measure(Platform platform, String chartLink) throws Exception {
        JsonMapper compact = JsonMapper.builder().build();
        List<String> notes = new ArrayList<>();
        notes.add("The order read model's projector was off (`baedal.order-view.projector.enabled=false`): it "
                + "consumes the events downstream of the outbox and is measured by the read-model benchmark.");
        SwitchableChangeLog changeLog = platform.bean(SwitchableChangeLog.class);
        Lifecycle relay = platform.outboxRelay();
        MeterRegistry meters = platform.bean(MeterRegistry.class);
        OutboxProperties outbox = platform.bean(OutboxProperties.class);
        int concurrency = closedLoop.concurrency(platform.poolSize());
        List<ShardNode> shards = platform.shards();
        Log.line("API " + platform.baseUrl() + ", " + shards.size() + " shards, pool " + platform.poolSize()
                + ", concurrency " + concurrency + ", relay batch " + outbox.batchSize());

        ApiClient api = new ApiClient(platform.baseUrl(), compact, Duration.ofSeconds(10),
                platform.identities().tokens());
        List<OrderSpec> mix = OrderMix.generate(api.menus(), run.mixSize, run.seed);
        List<String> bodies = mix.stream().map(order -> order.requestJson(compact)).toList();
        api.prepare(mix);
        Load.Operation place = seq -> {
            int i = (int) (seq % bodies.size());
            api.place(mix.get(i).memberId(), bodies.get(i));
        };

        // 1. Placement with and without the outbox.
        Duration warmup = Duration.ofSeconds(run.warmupSeconds);
        Duration warmupMax = Duration.ofSeconds(Math.max(run.warmupSeconds, closedLoop.warmupMaxSeconds));
        Duration phase = Duration.ofSeconds(phaseSeconds);
        Log.line("1/3 placement with and without the outbox: warm-up with the outbox until steady");
        Duration warmed = Load.warmUntilSteady(concurrency, warmup, warmupMax, place);
        Log.line("  warmed up for " + warmed.toSeconds() + " s");
        List<Run> without = new ArrayList<>();
        List<Run> with = new ArrayList<>();
        List<Run> writeOnly = new ArrayList<>();
        for (int p = 0; p < phases; p++) {
            for (Mode mode : Mode.order(p, breakdown)) {
                mode.apply(changeLog, relay);
                Run phaseRun = Load.closedLoop(mode.label + " #" + (p + 1), concurrency, warmed, OutboxConfig.SETTLE,
                        phase, place);
                print(phaseRun);
                (mode == Mode.WITH ? with : mode == Mode.WITHOUT ? without : writeOnly).add(phaseRun);
            }
        }
        Mode.WITH.apply(changeLog, relay);
        double withoutRate = Run.meanRate(without);
        double withRate = Run.meanRate(with);
        double cost = withoutRate == 0 ? 1 : Figures.round(1 - withRate / withoutRate, 3);
        Log.line(String.format(Locale.ROOT, "  without %.1f/s, with %.1f/s: the outbox costs %.1f %%", withoutRate,
                withRate, cost * 100));
        if (!writeOnly.isEmpty()) {
            double writeOnlyRate = Run.meanRate(writeOnly);
            Log.line(String.format(Locale.ROOT, "  written but not relayed %.1f/s: writing costs %.1f %%, relaying "
                    + "%.1f %%", writeOnlyRate, 100 * (1 - writeOnlyRate / withoutRate),
                    100 * (writeOnlyRate - withRate) / withoutRate));
        }

        // 2. Commit -> Kafka ack at a fixed rate.
        Log.line("2/3 commit → Kafka ack at " + Figures.fmt(run.rate) + " orders/s (open model)");
        Instant wallStart = Instant.now();
        Duration measure = Duration.ofSeconds(run.durationSeconds);
        Run fixed = Load.fixedRate("API at fixed rate", run.rate, run.maxInFlight, warmup, measure,
                Duration.ofSeconds(30), seq -> {
                    int i = (int) ((seq * 7919) % bodies.size());
                    api.place(mix.get(i).memberId(), bodies.get(i));
                });
        print(fixed);
        OutboxState.awaitNothingPending(shards, Duration.ofMinutes(2));
        Instant from = wallStart.plus(warmup);
        Latency commitToAck = Latency.of(OutboxState.commitToAck(shards, from, from.plus(measure)));
        Log.line(String.format(Locale.ROOT, "  commit → ack over %d events: p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f "
                        + "max %.2f ms", commitToAck.samples(), commitToAck.p50(), commitToAck.p90(), commitToAck.p99(),
                commitToAck.p999(), commitToAck.max()));

        // 3. Draining a backlog against a raw producer.
        Log.line("3/3 drain a backlog of " + backlog + " pending rows against a raw producer");
        relay.stop();
        OutboxState.awaitNothingPending(shards, Duration.ofMinutes(1));
        Drain drain = OutboxDrain.run(platform, shards, relay, meters, outbox, backlog);

        OutboxConfig config = new OutboxConfig("in-process platform (embedded default)", shards.size(),
                platform.poolSize(), concurrency, run.warmupSeconds, phaseSeconds, phases, run.rate,
                run.durationSeconds, backlog, outbox.batchSize(), run.mixSize, command());
        return new OutboxResult("outbox", "Outbox and relay (issue 3)", config, MachineFacts.collect(shards), without,
                with, Figures.round(withoutRate, 1), Figures.round(withRate, 1), cost, fixed, commitToAck, drain,
                targets(cost, withoutRate, withRate, fixed, commitToAck, drain), notes, chartLink, warmed.toSeconds(),
                writeOnly);
    }

    @Override
    public String section(OutboxResult result) {
        return OutboxReport.section(result);
    }

    @Override
    public void drawChart(OutboxResult result, Path png) throws IOException {
        OutboxChart.write(result, png);
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

    static List<Target> targets(double cost, double withoutRate, double withRate, Run fixed, Latency ack, Drain drain) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("placement cost of the outbox (1 − with / without)",
                "≤ " + Math.round(TARGET_MAX_COST * 100) + " %",
                Figures.fmt(cost * 100) + " % (" + Figures.fmt(Figures.round(withRate, 1)) + " vs "
                        + Figures.fmt(Figures.round(withoutRate, 1)) + " orders/s)",
                cost <= TARGET_MAX_COST));
        targets.add(new Target("commit → Kafka ack p99 at " + Figures.fmt(fixed.targetRate()) + " orders/s",
                "≤ " + Figures.fmt(TARGET_ACK_P99_MS) + " ms, every order's event published",
                Figures.fmt(ack.p99()) + " ms (p50 " + Figures.fmt(ack.p50()) + " ms) over " + ack.samples()
                        + " events, " + fixed.errorCount() + " placement errors",
                ack.p99() <= TARGET_ACK_P99_MS && ack.samples() >= fixed.succeeded() && fixed.errorCount() == 0));
        targets.add(new Target("backlog drain rate / raw producer rate",
                "≥ " + TARGET_DRAIN_RATIO + ", nothing left pending",
                Figures.fmt(drain.ratio()) + " (" + Figures.fmt(drain.relayPerSecond()) + " vs "
                        + Figures.fmt(drain.rawPerSecond()) + " records/s), " + drain.pendingAfter() + " pending",
                drain.ratio() >= TARGET_DRAIN_RATIO && drain.pendingAfter() == 0));
        return targets;
    }

    /** How to run this again: the options that matter, with this JVM's options. */
    String command() {
        StringBuilder args = new StringBuilder();
        args.append("--warmup ").append(run.warmupSeconds).append(" --phase ").append(phaseSeconds)
                .append(" --phases ").append(phases).append(" --rate ").append(Figures.fmt(run.rate))
                .append(" --duration ").append(run.durationSeconds).append(" --backlog ").append(backlog);
        if (run.shards > 0) {
            args.append(" --shards ").append(run.shards);
        }
        return ReproduceCommand.of(ReproduceCommand.BENCH, MachineFacts.jvmArguments(), OutboxBenchmark.class,
                args.toString());
    }

    private static void print(Run run) {
        Log.line(String.format(Locale.ROOT, "  %s: %.1f orders/s, p50 %.2f p99 %.2f ms, errors %s", run.name(),
                run.ordersPerSecond(), run.latency().p50(), run.latency().p99(), Figures.errors(run.errors())));
    }
}
