package baedal.bench.baseline;

import baedal.bench.audit.OutboxState;
import baedal.bench.cluster.Cluster;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Log;
import baedal.bench.measure.Run;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Load;
import baedal.bench.traffic.OrderMix.OrderSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness's same-run baselines, on the run's own cluster, each reported as the ratio ours / baseline:
 * <ul>
 * <li><b>raw JDBC</b>: the same INSERTs per order in one transaction (nextval, idempotency claim, order row, order
 * lines, outbox row), same pool size per shard, no HTTP, no framework — against our {@code POST /api/orders}, both
 * closed loops of the same concurrency;</li>
 * <li><b>raw Kafka producer</b>: a backlog of real order events, built by placing orders while Kafka is stopped, is
 * drained by our relays once Kafka is back; then a raw producer per shard with the relay's producer settings sends the
 * same records (key, value, headers) to a topic of the same partitions;</li>
 * <li><b>peer</b>: the same order writes with Spring Modulith's event publication registry and its Kafka
 * externalization ({@code bench-peer}, run as its own process against a database on the cluster's PostgreSQL and
 * the same broker): closed-loop throughput, and commit → Kafka acknowledgement at a fixed rate, against ours.</li>
 * </ul>
 */
public final class Baselines {

    /** One comparison: the baseline's and our figure, and ours / baseline. */
    public record Comparison(String name, String measure, String unit, double baseline, double ours, double ratio, String how) {
    }

    /** Everything the baselines measured. */
    public record Outcome(List<Comparison> comparisons, Run oursClosedLoop, Run jdbcClosedLoop, Latency oursCommitToKafka,
            Latency peerCommitToKafka, List<String> notes) {
    }

    private Baselines() {
    }

    public static Outcome run(Cluster cluster, List<OrderSpec> mix, JsonMapper json, int concurrency, Duration warmup,
            Duration measure, double latencyRate, String peerClasspath) throws Exception {
        List<Comparison> comparisons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ApiClient api = new ApiClient(cluster.baseUrls().getFirst(), json, Duration.ofSeconds(30),
                cluster.identities().tokens());
        List<String> bodies = mix.stream().map(order -> order.requestJson(json)).toList();
        api.prepare(mix);
        Load.Operation place = seq -> {
            int i = (int) (seq % bodies.size());
            api.place(mix.get(i).memberId(), bodies.get(i));
        };

        // 1. Placement: ours through the API, raw JDBC with the same statements.
        Log.line("  baseline 1/3: POST /api/orders vs raw JDBC, closed loops of " + concurrency);
        Instant oursFrom = Instant.now().plus(warmup);
        Run ours = Load.closedLoop("ours: POST /api/orders", concurrency, warmup, measure, place);
        Instant oursTo = oursFrom.plus(measure);
        OutboxState.awaitNothingPending(cluster.shards(), Duration.ofMinutes(2));
        Latency oursAckAtFullLoad = Latency.of(OutboxState.commitToAck(cluster.shards(), oursFrom, oursTo));
        Run jdbc;
        try (JdbcPlacement raw = new JdbcPlacement(cluster.shards(), concurrency, json)) {
            jdbc = Load.closedLoop("raw JDBC", concurrency, warmup, measure,
                    seq -> raw.place(mix.get((int) (seq % mix.size()))));
        }
        comparisons.add(new Comparison("raw JDBC", "placements/s, closed loop of " + concurrency, "orders/s",
                jdbc.ordersPerSecond(), ours.ordersPerSecond(), ratio(ours.ordersPerSecond(), jdbc.ordersPerSecond()),
                "the same INSERTs in one transaction per order, same pool size, no HTTP"));

        // 2. Kafka: our relays drain a backlog of real events; a raw producer sends the same records.
        Log.line("  baseline 2/3: relay drain vs raw Kafka producer");
        try {
            Drain drain = relayDrain(cluster, place, concurrency);
            List<ProducerRecord<byte[], byte[]>> records = RawProducer.lastRecords(cluster.kafkaBootstrap(), drain.rows());
            double rawRate = RawProducer.send(cluster, records);
            comparisons.add(new Comparison("raw Kafka producer", "records/s draining a backlog of " + drain.rows(),
                    "records/s", rawRate, drain.perSecond(), ratio(drain.perSecond(), rawRate),
                    "our relays (one per shard) vs one raw producer per shard with the relay's settings"));
        } catch (BaselineFailed failed) {
            notes.add(failedNote("The raw Kafka producer baseline", failed));
        }

        // 3. The peer: Spring Modulith's registry and Kafka externalization.
        Latency oursAck = null;
        Latency peerAck = null;
        List<String> classpath = Peer.classpath(peerClasspath);
        if (classpath == null) {
            notes.add("The Spring Modulith peer was not run: build it first (./mvnw -pl :bench-peer -am package).");
        } else {
            Log.line("  baseline 3/3: the Spring Modulith peer (closed loop, then " + Figures.fmt(latencyRate) + "/s)");
            try {
                cluster.createMainDatabase(Peer.DATABASE);
                JsonNode peerMax = Peer.run(cluster, classpath, List.of("--concurrency", Integer.toString(concurrency),
                        "--pool-size", Integer.toString(concurrency), "--warmup", Long.toString(warmup.toSeconds()),
                        "--duration", Long.toString(measure.toSeconds())), json);
                double peerRate = peerMax.path("ordersPerSecond").asDouble();
                comparisons.add(new Comparison("Spring Modulith peer", "placements/s, closed loop of " + concurrency,
                        "orders/s", peerRate, ours.ordersPerSecond(), ratio(ours.ordersPerSecond(), peerRate),
                        "peer: the same order INSERTs + Modulith's event_publication row, in-process (no HTTP); ours: "
                                + "through the HTTP API"));
                Latency peerAckAtFullLoad = Peer.latency(peerMax.path("commitToAck"));
                comparisons.add(new Comparison("Spring Modulith peer", "commit → Kafka ack p99 in that closed loop",
                        "ms", peerAckAtFullLoad.p99(), oursAckAtFullLoad.p99(), ratio(oursAckAtFullLoad.p99(),
                                peerAckAtFullLoad.p99()),
                        "at each one's full placement rate; lower is better"));
                if (peerMax.path("incompletePublications").asLong() > 0) {
                    notes.add("In the peer's closed loop Modulith's externalization fell behind: "
                            + peerMax.path("incompletePublications").asLong() + " publications were still incomplete "
                            + peerMax.path("completionWaitedSeconds").asDouble() + " s after the load stopped.");
                }
                JsonNode peerFixed = Peer.run(cluster, classpath, List.of("--rate", Double.toString(latencyRate),
                        "--warmup", Long.toString(warmup.toSeconds()), "--duration",
                        Long.toString(measure.toSeconds())), json);
                peerAck = Peer.latency(peerFixed.path("commitToAck"));
                Instant from = Instant.now().plus(warmup);
                Run fixed = Load.fixedRate("ours at " + Figures.fmt(latencyRate) + "/s", latencyRate, 1000, warmup,
                        measure, Duration.ofSeconds(30), place);
                Instant to = from.plus(measure);
                OutboxState.awaitNothingPending(cluster.shards(), Duration.ofMinutes(2));
                oursAck = Latency.of(OutboxState.commitToAck(cluster.shards(), from, to));
                comparisons.add(new Comparison("Spring Modulith peer", "commit → Kafka ack p99 at "
                        + Figures.fmt(latencyRate) + "/s", "ms", peerAck.p99(), oursAck.p99(),
                        ratio(oursAck.p99(), peerAck.p99()),
                        "peer: publication_date → completion_date; ours: outbox written_at → published_at (lower is "
                                + "better; fixed-rate placements of ours had p99 " + Figures.ms(fixed.latency().p99())
                                + " ms)"));
            } catch (BaselineFailed failed) {
                notes.add(failedNote("The Spring Modulith peer baseline", failed));
            }
        }
        return new Outcome(comparisons, ours, jdbc, oursAck, peerAck, notes);
    }

    private static String failedNote(String baseline, BaselineFailed failed) {
        Log.line("    " + baseline + " failed: " + failed.getMessage());
        return baseline + " was not measured: " + failed.getMessage();
    }

    /**
     * Stops Kafka, places orders for a while (placement goes on: the events wait in the outboxes), starts Kafka, and
     * times the relays with a {@link DrainTimer}; fails if the backlog has not drained within 5 minutes.
     */
    private static Drain relayDrain(Cluster cluster, Load.Operation place, int concurrency) throws Exception {
        cluster.stopKafka();
        Load.closedLoop("backlog while Kafka is down", concurrency, Duration.ZERO, Duration.ofSeconds(20), place);
        DrainTimer timer = new DrainTimer(pending(cluster));
        cluster.startKafka();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            long pending = pending(cluster);
            if (timer.observe(System.nanoTime(), pending)) {
                break;
            }
            Thread.sleep(20);
        }
        Drain drain = timer.drain();
        Log.line(String.format(Locale.ROOT, "    relays drained %d rows in %.2f s = %.0f/s", drain.rows(), drain.seconds(),
                drain.perSecond()));
        return drain;
    }

    private static long pending(Cluster cluster) throws SQLException {
        return OutboxState.pending(cluster.shards());
    }

    /** ours / baseline: two decimals, or two significant digits below 0.1 (so a ratio far below 1 is not shown as 0). */
    public static double ratio(double ours, double baseline) {
        if (baseline == 0) {
            return 0;
        }
        double ratio = ours / baseline;
        if (Math.abs(ratio) >= 0.1 || ratio == 0) {
            return Math.round(ratio * 100) / 100.0;
        }
        return new BigDecimal(ratio).round(new MathContext(2)).doubleValue();
    }

    public static String formatRatio(double ratio) {
        if (Math.abs(ratio) >= 0.1 || ratio == 0) {
            return String.format(Locale.ROOT, "%.2f", ratio);
        }
        return new BigDecimal(ratio).round(new MathContext(2)).toPlainString();
    }

}

