package baedal.bench;

import baedal.bench.OrderMix.OrderSpec;
import baedal.bench.Results.Latency;
import baedal.bench.Results.Run;
import baedal.outbox.OutboxProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
final class Baselines {

    static final String RAW_TOPIC = "bench.raw-producer";
    static final String PEER_DATABASE = "baedal_peer";

    /** One comparison: the baseline's and our figure, and ours / baseline. */
    record Comparison(String name, String measure, String unit, double baseline, double ours, double ratio, String how) {
    }

    /** Everything the baselines measured. */
    record Outcome(List<Comparison> comparisons, Run oursClosedLoop, Run jdbcClosedLoop, Latency oursCommitToKafka,
            Latency peerCommitToKafka, List<String> notes) {
    }

    private Baselines() {
    }

    static Outcome run(Cluster cluster, List<OrderSpec> mix, JsonMapper json, int concurrency, Duration warmup,
            Duration measure, double latencyRate, String peerClasspath) throws Exception {
        List<Comparison> comparisons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ApiClient api = new ApiClient(cluster.baseUrls().getFirst(), json, Duration.ofSeconds(30));
        List<String> bodies = mix.stream().map(order -> order.requestJson(json)).toList();
        Load.Operation place = seq -> api.place(bodies.get((int) (seq % bodies.size())));

        // 1. Placement: ours through the API, raw JDBC with the same statements.
        log("  baseline 1/3: POST /api/orders vs raw JDBC, closed loops of " + concurrency);
        Instant oursFrom = Instant.now().plus(warmup);
        Run ours = Load.closedLoop("ours: POST /api/orders", concurrency, warmup, measure, place);
        Instant oursTo = oursFrom.plus(measure);
        OutboxBenchmark.awaitNothingPending(cluster.shards(), Duration.ofMinutes(2));
        Latency oursAckAtFullLoad = Latency.of(OutboxBenchmark.commitToAck(cluster.shards(), oursFrom, oursTo));
        Run jdbc;
        try (JdbcPlacement raw = new JdbcPlacement(cluster.shards(), concurrency, json)) {
            jdbc = Load.closedLoop("raw JDBC", concurrency, warmup, measure,
                    seq -> raw.place(mix.get((int) (seq % mix.size()))));
        }
        comparisons.add(new Comparison("raw JDBC", "placements/s, closed loop of " + concurrency, "orders/s",
                jdbc.ordersPerSecond(), ours.ordersPerSecond(), ratio(ours.ordersPerSecond(), jdbc.ordersPerSecond()),
                "the same INSERTs in one transaction per order, same pool size, no HTTP"));

        // 2. Kafka: our relays drain a backlog of real events; a raw producer sends the same records.
        log("  baseline 2/3: relay drain vs raw Kafka producer");
        double[] drain = relayDrain(cluster, place, concurrency);
        List<ProducerRecord<byte[], byte[]>> records = lastRecords(cluster.kafkaBootstrap(), (long) drain[0]);
        double rawRate = rawSend(cluster, records);
        comparisons.add(new Comparison("raw Kafka producer", "records/s draining a backlog of " + (long) drain[0],
                "records/s", rawRate, drain[1], ratio(drain[1], rawRate),
                "our relays (one per shard) vs one raw producer per shard with the relay's settings"));

        // 3. The peer: Spring Modulith's registry and Kafka externalization.
        Latency oursAck = null;
        Latency peerAck = null;
        List<String> classpath = peerClasspath(peerClasspath);
        if (classpath == null) {
            notes.add("The Spring Modulith peer was not run: build it first (./mvnw -pl bench-peer -am package).");
        } else {
            log("  baseline 3/3: the Spring Modulith peer (closed loop, then " + Report.fmt(latencyRate) + "/s)");
            cluster.createMainDatabase(PEER_DATABASE);
            JsonNode peerMax = peer(cluster, classpath, List.of("--concurrency", Integer.toString(concurrency),
                    "--pool-size", Integer.toString(concurrency), "--warmup", Long.toString(warmup.toSeconds()),
                    "--duration", Long.toString(measure.toSeconds())), json);
            double peerRate = peerMax.path("ordersPerSecond").asDouble();
            comparisons.add(new Comparison("Spring Modulith peer", "placements/s, closed loop of " + concurrency,
                    "orders/s", peerRate, ours.ordersPerSecond(), ratio(ours.ordersPerSecond(), peerRate),
                    "peer: the same order INSERTs + Modulith's event_publication row, in-process (no HTTP); ours: "
                            + "through the HTTP API"));
            Latency peerAckAtFullLoad = latency(peerMax.path("commitToAck"));
            comparisons.add(new Comparison("Spring Modulith peer", "commit → Kafka ack p99 in that closed loop", "ms",
                    peerAckAtFullLoad.p99(), oursAckAtFullLoad.p99(), ratio(oursAckAtFullLoad.p99(),
                            peerAckAtFullLoad.p99()),
                    "at each one's full placement rate; lower is better"));
            if (peerMax.path("incompletePublications").asLong() > 0) {
                notes.add("In the peer's closed loop Modulith's externalization fell behind: "
                        + peerMax.path("incompletePublications").asLong() + " publications were still incomplete "
                        + peerMax.path("completionWaitedSeconds").asDouble() + " s after the load stopped.");
            }
            JsonNode peerFixed = peer(cluster, classpath, List.of("--rate", Double.toString(latencyRate),
                    "--warmup", Long.toString(warmup.toSeconds()), "--duration", Long.toString(measure.toSeconds())), json);
            peerAck = latency(peerFixed.path("commitToAck"));
            Instant from = Instant.now().plus(warmup);
            Run fixed = Load.fixedRate("ours at " + Report.fmt(latencyRate) + "/s", latencyRate, 1000, warmup, measure,
                    Duration.ofSeconds(30), place);
            Instant to = from.plus(measure);
            OutboxBenchmark.awaitNothingPending(cluster.shards(), Duration.ofMinutes(2));
            oursAck = Latency.of(OutboxBenchmark.commitToAck(cluster.shards(), from, to));
            comparisons.add(new Comparison("Spring Modulith peer", "commit → Kafka ack p99 at " + Report.fmt(latencyRate)
                    + "/s", "ms", peerAck.p99(), oursAck.p99(), ratio(oursAck.p99(), peerAck.p99()),
                    "peer: publication_date → completion_date; ours: outbox written_at → published_at (lower is better; "
                            + "fixed-rate placements of ours had p99 " + Report.ms(fixed.latency().p99()) + " ms)"));
        }
        return new Outcome(comparisons, ours, jdbc, oursAck, peerAck, notes);
    }

    /**
     * Stops Kafka, places orders for a while (placement goes on: the events wait in the outboxes), starts Kafka, and
     * times the relays from the first published row of the backlog to the last. Returns {records, records/s}.
     */
    private static double[] relayDrain(Cluster cluster, Load.Operation place, int concurrency) throws Exception {
        cluster.stopKafka();
        Load.closedLoop("backlog while Kafka is down", concurrency, Duration.ZERO, Duration.ofSeconds(20), place);
        long backlog = pending(cluster);
        cluster.startKafka();
        long start = 0;
        long last = backlog;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            long now = pending(cluster);
            if (start == 0 && now < last) {
                start = System.nanoTime();
                backlog = last; // rows placed just before the stop may have gone out: count from the first move
            }
            if (now == 0) {
                break;
            }
            last = now;
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log(String.format(Locale.ROOT, "    relays drained %d rows in %.2f s = %.0f/s", backlog, seconds,
                backlog / seconds));
        return new double[] {backlog, backlog / seconds};
    }

    private static long pending(Cluster cluster) throws Exception {
        long pending = 0;
        for (ShardNode shard : cluster.shards()) {
            try (Connection connection = DriverManager.getConnection(shard.url(), shard.username(), shard.password());
                    PreparedStatement query = connection.prepareStatement("""
                            select count(*) from outbox o
                            where (o.tx, o.seq) > (select up_to_tx, up_to_seq from outbox_publication
                                                   order by up_to_tx desc, up_to_seq desc limit 1)""");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                pending += rows.getLong(1);
            }
        }
        return pending;
    }

    /** The last {@code count} records of the order events topic (what the relays just published), from every partition. */
    private static List<ProducerRecord<byte[], byte[]>> lastRecords(String bootstrap, long count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(RunAudit.TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(RunAudit.TOPIC, info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            for (TopicPartition partition : partitions) {
                long share = Math.max(1, Math.round((double) count * end.get(partition) / Math.max(1, total)));
                consumer.seek(partition, Math.max(0, end.get(partition) - share));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new ProducerRecord<>(RAW_TOPIC, null, record.key(), record.value(), record.headers()));
                }
                if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    break;
                }
            }
        }
        return records;
    }

    /** Sends {@code records} with one producer and thread per shard (relay settings); returns records/s. */
    private static double rawSend(Cluster cluster, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        int senders = cluster.shards().size();
        Map<String, Object> base = new HashMap<>();
        base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrap());
        Map<String, Object> config = OutboxProperties.defaults().relayProducerConfig(base);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                cluster.kafkaBootstrap()))) {
            int partitions = admin.describeTopics(List.of(RunAudit.TOPIC)).allTopicNames().get().get(RunAudit.TOPIC)
                    .partitions().size();
            if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(RAW_TOPIC, partitions,
                        (short) 1))).all().get();
            }
        }
        List<KafkaProducer<byte[], byte[]>> producers = new ArrayList<>();
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start;
        long end;
        try {
            for (int i = 0; i < senders; i++) {
                Map<String, Object> own = new HashMap<>(config);
                own.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-" + i);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(own, new ByteArraySerializer(),
                        new ByteArraySerializer());
                producer.partitionsFor(RAW_TOPIC); // metadata before the clock starts, as the relays had it
                producers.add(producer);
            }
            start = System.nanoTime();
            try (ExecutorService threads = Executors.newFixedThreadPool(senders)) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < senders; i++) {
                    int sender = i;
                    sent.add(threads.submit(() -> {
                        KafkaProducer<byte[], byte[]> producer = producers.get(sender);
                        for (int r = sender; r < records.size(); r += senders) {
                            producer.send(records.get(r), (metadata, error) -> {
                                if (error == null) {
                                    acked.incrementAndGet();
                                } else {
                                    failure.compareAndSet(null, error);
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
            }
            end = System.nanoTime();
        } finally {
            producers.forEach(KafkaProducer::close);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the raw producer failed", failure.get());
        }
        double rate = acked.get() / ((end - start) / 1e9);
        log(String.format(Locale.ROOT, "    raw producers sent %d records = %.0f/s", acked.get(), rate));
        return rate;
    }

    /** The peer's class path, or {@code null} if it has not been built. */
    static List<String> peerClasspath(String given) {
        Path jar = Path.of("bench-peer/target/bench-peer-0.1.0-SNAPSHOT.jar");
        if (given != null) {
            return List.of(given);
        }
        if (!Files.exists(jar) || !Files.isDirectory(Path.of("bench-peer/target/lib"))) {
            return null;
        }
        return List.of(jar + ":bench-peer/target/lib/*");
    }

    private static JsonNode peer(Cluster cluster, List<String> classpath, List<String> arguments, JsonMapper json)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("baedal-peer-", ".json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseParallelGC", "-Xmx768m", "-cp", classpath.getFirst(), "baedal.peer.PeerBenchmark",
                "--jdbc-url", cluster.mainJdbcUrl(PEER_DATABASE), "--jdbc-user", Cluster.USER, "--kafka",
                cluster.kafkaBootstrap(), "--out", out.toString()));
        command.addAll(arguments);
        Path log = cluster.logFile("peer.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the peer did not finish within 10 minutes; see " + log);
        }
        if (Files.size(out) == 0) {
            throw new IllegalStateException("the peer wrote no result (exit " + process.exitValue() + "); see " + log);
        }
        JsonNode result = json.readTree(Files.readString(out));
        log(String.format(Locale.ROOT, "    peer: %.1f orders/s, commit → Kafka p99 %s ms, incomplete %d (exit %d)",
                result.path("ordersPerSecond").asDouble(), result.path("commitToAck").path("p99").asString(),
                result.path("incompletePublications").asLong(), process.exitValue()));
        Files.deleteIfExists(out);
        return result;
    }

    private static Latency latency(JsonNode node) {
        return new Latency(node.path("samples").asLong(), node.path("mean").asDouble(), node.path("p50").asDouble(),
                node.path("p90").asDouble(), node.path("p99").asDouble(), node.path("p999").asDouble(),
                node.path("max").asDouble());
    }

    /** ours / baseline: two decimals, or two significant digits below 0.1 (so a ratio far below 1 is not shown as 0). */
    static double ratio(double ours, double baseline) {
        if (baseline == 0) {
            return 0;
        }
        double ratio = ours / baseline;
        if (Math.abs(ratio) >= 0.1 || ratio == 0) {
            return Math.round(ratio * 100) / 100.0;
        }
        return new BigDecimal(ratio).round(new MathContext(2)).doubleValue();
    }

    static String formatRatio(double ratio) {
        if (Math.abs(ratio) >= 0.1 || ratio == 0) {
            return String.format(Locale.ROOT, "%.2f", ratio);
        }
        return new BigDecimal(ratio).round(new MathContext(2)).toPlainString();
    }

    private static void log(String message) {
        PeakBenchmark.log(message);
    }
}
