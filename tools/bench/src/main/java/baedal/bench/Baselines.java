package baedal.bench;

import baedal.bench.OrderMix.OrderSpec;
import baedal.bench.Results.Latency;
import baedal.bench.Results.Run;
import baedal.outbox.OutboxProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
    private static final int TAIL_LINES = 15;
    private static final long TAIL_BYTES = 16 * 1024;

    /** One comparison: the baseline's and our figure, and ours / baseline. */
    record Comparison(String name, String measure, String unit, double baseline, double ours, double ratio, String how) {
    }

    /** Everything the baselines measured. */
    record Outcome(List<Comparison> comparisons, Run oursClosedLoop, Run jdbcClosedLoop, Latency oursCommitToKafka,
            Latency peerCommitToKafka, List<String> notes) {
    }

    /**
     * A baseline that could not be measured (the peer failed, the backlog did not drain): {@link #run} reports it as a
     * note instead of a comparison and goes on with the other baselines.
     */
    static final class BaselineFailed extends Exception {

        BaselineFailed(String message) {
            super(message);
        }
    }

    /** Rows the relays published between two polls of the pending count, and the time between those polls. */
    record Drain(long rows, double seconds) {

        double perSecond() {
            return rows / seconds;
        }
    }

    /**
     * Times a backlog's drain from polls of the pending count: from the first poll that saw it drop (rows published
     * before that poll are not counted, as their time is unknown) to the first poll that saw none left.
     */
    static final class DrainTimer {

        private final long backlog;
        private long last;
        private long fromNanos;
        private long fromPending = -1;
        private long toNanos = -1;

        /** @param backlog the pending count polled before the relays could publish */
        DrainTimer(long backlog) {
            this.backlog = backlog;
            this.last = backlog;
        }

        /** Takes the pending count polled at {@code nanos}; returns whether the backlog is gone. */
        boolean observe(long nanos, long pending) {
            if (fromPending < 0 && pending < last) {
                fromNanos = nanos;
                fromPending = pending;
            }
            last = pending;
            if (pending == 0) {
                toNanos = nanos;
                return true;
            }
            return false;
        }

        /** The timed drain; fails if there was none, it did not finish, or it finished between two polls. */
        Drain drain() throws BaselineFailed {
            if (backlog == 0) {
                throw new BaselineFailed("no backlog built up while Kafka was down");
            }
            if (toNanos < 0) {
                throw new BaselineFailed("the relays did not drain the backlog in time: " + last + " of " + backlog
                        + " rows still pending" + (fromPending < 0 ? ", none published" : ""));
            }
            if (fromPending <= 0 || toNanos <= fromNanos) {
                throw new BaselineFailed("the backlog of " + backlog + " rows drained between two polls: too fast to "
                        + "time");
            }
            return new Drain(fromPending, (toNanos - fromNanos) / 1e9);
        }
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
        try {
            Drain drain = relayDrain(cluster, place, concurrency);
            List<ProducerRecord<byte[], byte[]>> records = lastRecords(cluster.kafkaBootstrap(), drain.rows());
            double rawRate = rawSend(cluster, records);
            comparisons.add(new Comparison("raw Kafka producer", "records/s draining a backlog of " + drain.rows(),
                    "records/s", rawRate, drain.perSecond(), ratio(drain.perSecond(), rawRate),
                    "our relays (one per shard) vs one raw producer per shard with the relay's settings"));
        } catch (BaselineFailed failed) {
            notes.add(failedNote("The raw Kafka producer baseline", failed));
        }

        // 3. The peer: Spring Modulith's registry and Kafka externalization.
        Latency oursAck = null;
        Latency peerAck = null;
        List<String> classpath = peerClasspath(peerClasspath);
        if (classpath == null) {
            notes.add("The Spring Modulith peer was not run: build it first (./mvnw -pl :bench-peer -am package).");
        } else {
            log("  baseline 3/3: the Spring Modulith peer (closed loop, then " + Report.fmt(latencyRate) + "/s)");
            try {
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
                comparisons.add(new Comparison("Spring Modulith peer", "commit → Kafka ack p99 in that closed loop",
                        "ms", peerAckAtFullLoad.p99(), oursAckAtFullLoad.p99(), ratio(oursAckAtFullLoad.p99(),
                                peerAckAtFullLoad.p99()),
                        "at each one's full placement rate; lower is better"));
                if (peerMax.path("incompletePublications").asLong() > 0) {
                    notes.add("In the peer's closed loop Modulith's externalization fell behind: "
                            + peerMax.path("incompletePublications").asLong() + " publications were still incomplete "
                            + peerMax.path("completionWaitedSeconds").asDouble() + " s after the load stopped.");
                }
                JsonNode peerFixed = peer(cluster, classpath, List.of("--rate", Double.toString(latencyRate),
                        "--warmup", Long.toString(warmup.toSeconds()), "--duration",
                        Long.toString(measure.toSeconds())), json);
                peerAck = latency(peerFixed.path("commitToAck"));
                Instant from = Instant.now().plus(warmup);
                Run fixed = Load.fixedRate("ours at " + Report.fmt(latencyRate) + "/s", latencyRate, 1000, warmup,
                        measure, Duration.ofSeconds(30), place);
                Instant to = from.plus(measure);
                OutboxBenchmark.awaitNothingPending(cluster.shards(), Duration.ofMinutes(2));
                oursAck = Latency.of(OutboxBenchmark.commitToAck(cluster.shards(), from, to));
                comparisons.add(new Comparison("Spring Modulith peer", "commit → Kafka ack p99 at "
                        + Report.fmt(latencyRate) + "/s", "ms", peerAck.p99(), oursAck.p99(),
                        ratio(oursAck.p99(), peerAck.p99()),
                        "peer: publication_date → completion_date; ours: outbox written_at → published_at (lower is "
                                + "better; fixed-rate placements of ours had p99 " + Report.ms(fixed.latency().p99())
                                + " ms)"));
            } catch (BaselineFailed failed) {
                notes.add(failedNote("The Spring Modulith peer baseline", failed));
            }
        }
        return new Outcome(comparisons, ours, jdbc, oursAck, peerAck, notes);
    }

    private static String failedNote(String baseline, BaselineFailed failed) {
        log("    " + baseline + " failed: " + failed.getMessage());
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
        log(String.format(Locale.ROOT, "    relays drained %d rows in %.2f s = %.0f/s", drain.rows(), drain.seconds(),
                drain.perSecond()));
        return drain;
    }

    private static long pending(Cluster cluster) throws SQLException {
        return OutboxBenchmark.pending(cluster.shards());
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
        Path jar = Path.of("tools/bench-peer/target/bench-peer-0.1.0-SNAPSHOT.jar");
        if (given != null) {
            return List.of(given);
        }
        if (!Files.exists(jar) || !Files.isDirectory(Path.of("tools/bench-peer/target/lib"))) {
            return null;
        }
        return List.of(jar + ":tools/bench-peer/target/lib/*");
    }

    /**
     * Runs the peer once and returns its JSON result. Fails the baseline if it does not finish, writes no result, or
     * exits non-zero (it exits 1 when its own check fails, e.g. events missing from Kafka: its figures are then not
     * comparable); the failure quotes the end of its log, since the cluster's folder may be deleted after the run.
     * The process is killed and its result file deleted however this ends.
     */
    private static JsonNode peer(Cluster cluster, List<String> classpath, List<String> arguments, JsonMapper json)
            throws IOException, InterruptedException, BaselineFailed {
        Path out = Files.createTempFile("baedal-peer-", ".json");
        Process process = null;
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:+UseParallelGC", "-Xmx768m", "-cp", classpath.getFirst(),
                    "baedal.peer.PeerBenchmark", "--jdbc-url", cluster.mainJdbcUrl(PEER_DATABASE), "--jdbc-user",
                    Cluster.USER, "--kafka", cluster.kafkaBootstrap(), "--out", out.toString()));
            command.addAll(arguments);
            Path log = cluster.logFile("peer.log");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new BaselineFailed("the peer did not finish within 10 minutes" + logTail(log));
            }
            if (Files.size(out) == 0) {
                throw new BaselineFailed("the peer exited with " + process.exitValue() + " and wrote no result"
                        + logTail(log));
            }
            JsonNode result = json.readTree(Files.readString(out));
            if (process.exitValue() != 0 && !onlyFellBehind(result)) {
                throw new BaselineFailed("the peer exited with " + process.exitValue() + logTail(log));
            }
            log(String.format(Locale.ROOT, "    peer: %.1f orders/s, commit → Kafka p99 %s ms, incomplete %d",
                    result.path("ordersPerSecond").asDouble(), result.path("commitToAck").path("p99").asString(),
                    result.path("incompletePublications").asLong()));
            return result;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(out);
        }
    }

    /**
     * Whether a peer run that did not succeed failed only by falling behind — publications still incomplete after
     * its wait, and only those events not yet on Kafka — which is what the closed loop measures about the peer, not a
     * fault of the run: it committed orders, had no errors, lost no publication and mismatched no event.
     */
    static boolean onlyFellBehind(JsonNode result) {
        return result.path("committed").asLong() > 0 && result.path("errors").isEmpty()
                && result.path("publicationsMissing").asLong() == 0 && result.path("mismatchedEventsOnKafka").asLong() == 0
                && result.path("incompletePublications").asLong() > 0
                && result.path("eventsMissingOnKafka").asLong() <= result.path("incompletePublicationsTotal").asLong();
    }

    /** The last lines of a log, as a fenced block for a report's note ({@code ""} if it cannot be read). */
    private static String logTail(Path log) {
        try (var file = Files.newByteChannel(log)) {
            long from = Math.max(0, file.size() - TAIL_BYTES);
            ByteBuffer bytes = ByteBuffer.allocate((int) (file.size() - from));
            file.position(from);
            while (bytes.hasRemaining() && file.read(bytes) >= 0) {
                // read on
            }
            String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
            return "; the end of its log:\n\n```\n" + lastLines(text, TAIL_LINES) + "\n```";
        } catch (IOException unreadable) {
            return "; its log could not be read: " + unreadable.getMessage();
        }
    }

    /** The last {@code count} non-blank lines of {@code text}. */
    static String lastLines(String text, int count) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
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
