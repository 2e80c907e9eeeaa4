package baedal.peer;

import baedal.peer.PeerLoad.Measured;
import baedal.peer.PeerOrders.PeerOrder;
import baedal.peer.PeerResult.Config;
import baedal.peer.PeerResult.Latency;
import baedal.peer.PeerResult.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.Externalized;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer baseline's entry point: places orders with {@link PeerPlacement} (the platform's order statements plus an
 * {@link OrderPlaced} event that Spring Modulith's JDBC event publication registry stores and externalizes to Kafka)
 * in a closed loop or at a fixed arrival rate, and measures throughput, placement latency and commit → Kafka ack
 * latency, then checks that every event of the measured window completed in the registry and arrived on Kafka.
 * Writes a JSON result to {@code --out} and prints a one-paragraph summary. See {@link PeerOptions#usage()}.
 */
public final class PeerBenchmark {

    /** Member ids of the peer's orders start here, one per placement. */
    static final long MEMBER_BASE = 800_000_000L;

    /** The measured window's placements count from here, so its members never repeat the warm-up's. */
    static final long WINDOW_SEQUENCE_BASE = 1_000_000_000L;

    /** How long open-model orders still outstanding after the window may take. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    /** How long reading the window's records back from Kafka may take. */
    static final Duration KAFKA_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final JsonMapper OUTPUT = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PeerBenchmark() {
    }

    public static void main(String[] args) {
        PeerOptions options;
        try {
            options = PeerOptions.parse(args);
        } catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println();
            System.err.print(PeerOptions.usage());
            System.exit(1);
            return;
        }
        if (options.help()) {
            System.out.print(PeerOptions.usage());
            return;
        }
        int code;
        try {
            code = run(options).success() ? 0 : 1;
        } catch (Exception ex) {
            System.err.println("The peer benchmark failed: " + ex);
            ex.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    /**
     * Runs the benchmark described by {@code options}: starts the peer's Spring context, empties its tables, warms
     * up, measures, checks, writes the JSON result (when {@code --out} is given) and prints the summary.
     */
    public static PeerResult run(PeerOptions options) throws Exception {
        Map<String, Object> properties = springProperties(options);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PeerApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run()) {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            PeerPlacement placement = context.getBean(PeerPlacement.class);
            JsonMapper json = context.getBean(JsonMapper.class);
            emptyTables(jdbc);
            try (KafkaConsumer<String, String> consumer = consumer(options.kafka())) {
                List<TopicPartition> partitions = consumer.partitionsFor(OrderPlaced.TOPIC, Duration.ofSeconds(30))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                Map<TopicPartition, Long> startOffsets = consumer.endOffsets(partitions);
                List<PeerOrder> mix = PeerOrders.generate(PeerOrders.MIX_SIZE, options.seed());
                PeerLoad.Placement place = sequence -> placement.place(
                        mix.get((int) (sequence % mix.size())).withMemberId(MEMBER_BASE + sequence));
                System.out.printf("Peer: %s, %d s warm-up, %d s measured...%n", model(options),
                        options.warmupSeconds(), options.durationSeconds());
                Warmup warmup = warmUp(options, jdbc, place);
                Measured measured = phase(options, Duration.ofSeconds(options.durationSeconds()),
                        sequence -> place.place(WINDOW_SEQUENCE_BASE + sequence));
                measured.firstErrors().forEach((kind, message) ->
                        System.out.printf("  first %s: %s%n", kind, message));
                long waitStart = System.nanoTime();
                long incompleteTotal = awaitCompletion(jdbc, Duration.ofSeconds(options.completionWaitSeconds()));
                double waited = (System.nanoTime() - waitStart) / 1e9;
                Publications publications = publications(jdbc, measured.orderNos());
                KafkaCheck kafka = readBack(consumer, json, partitions, startOffsets, measured.orderNos());
                PeerResult result = result(options, properties, warmup, measured, publications, incompleteTotal,
                        waited, kafka, machine(jdbc));
                if (options.out() != null) {
                    Path out = Path.of(options.out());
                    if (out.toAbsolutePath().getParent() != null) {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                    }
                    OUTPUT.writeValue(out.toFile(), result);
                    System.out.println("Wrote " + out);
                }
                System.out.println(result.summary());
                return result;
            }
        }
    }

    /** What the warm-up did: orders committed, then how long its backlog took to drain and what was left. */
    record Warmup(long committed, long errors, double drainSeconds, long incompleteAfterDrain) {
    }

    /**
     * Warms up (the placement, the registry, the externalizer, the JIT) with the run's own load model for
     * {@code --warmup} seconds, then stops the load and waits (at most {@code --completion-wait}) until the registry
     * has externalized the warm-up's events, so that the measured window starts without a backlog of its own.
     */
    static Warmup warmUp(PeerOptions options, JdbcClient jdbc, PeerLoad.Placement place) throws InterruptedException {
        if (options.warmupSeconds() == 0) {
            return new Warmup(0, 0, 0, 0);
        }
        Measured warm = phase(options, Duration.ofSeconds(options.warmupSeconds()), place);
        long drainStart = System.nanoTime();
        long left = awaitCompletion(jdbc, Duration.ofSeconds(options.completionWaitSeconds()));
        double drained = Math.round((System.nanoTime() - drainStart) / 1e8) / 10.0;
        System.out.printf("  warm-up: %d orders committed, %d errors; its backlog drained in %.1f s (%d left)%n",
                warm.committed(), warm.errorCount(), drained, left);
        return new Warmup(warm.committed(), warm.errorCount(), drained, left);
    }

    /** One phase of the run's load model: the closed loop or the open model. */
    static Measured phase(PeerOptions options, Duration length, PeerLoad.Placement place) throws InterruptedException {
        return options.openModel()
                ? PeerLoad.fixedRate(options.rate(), options.maxInFlight(), length, DRAIN_TIMEOUT, place)
                : PeerLoad.closedLoop(options.concurrency(), length, place);
    }

    /** The Spring properties the peer's context runs with, from the options. */
    static Map<String, Object> springProperties(PeerOptions options) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        // The embedded platform's environment post-processor must never start a platform in the peer's context
        // (the embedded module is on the test class path).
        properties.put("baedal.embedded.enabled", "false");
        properties.put("spring.datasource.url", options.jdbcUrl());
        properties.put("spring.datasource.username", options.jdbcUser());
        properties.put("spring.datasource.password", options.jdbcPassword());
        properties.put("spring.datasource.hikari.pool-name", "peer");
        properties.put("spring.datasource.hikari.maximum-pool-size", options.poolSize());
        properties.put("spring.datasource.hikari.minimum-idle", options.poolSize());
        properties.put("spring.flyway.locations", "classpath:db/peer");
        // Modulith may create event_publication before Flyway runs on a fresh database: a schema that is not
        // empty then still gets V1 (baseline 0 is below it).
        properties.put("spring.flyway.baseline-on-migrate", "true");
        properties.put("spring.flyway.baseline-version", "0");
        properties.put("spring.kafka.bootstrap-servers", options.kafka());
        properties.put("spring.kafka.producer.acks", "all");
        properties.put("spring.kafka.producer.properties.enable.idempotence", "true");
        properties.put("spring.modulith.events.jdbc.schema-initialization.enabled", "true");
        properties.put("spring.modulith.events.completion-mode", "update");
        properties.put("spring.modulith.events.externalization.enabled", "true");
        properties.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.baedal.peer", "INFO");
        return properties;
    }

    /** A fresh start for each run: the order tables and the registry are emptied; the order serial goes on. */
    static void emptyTables(JdbcClient jdbc) {
        jdbc.sql("truncate table order_line, idempotency_key, orders, event_publication").update();
    }

    /**
     * Waits until the registry has no incomplete publication left, or {@code timeout}; returns how many are left.
     */
    static long awaitCompletion(JdbcClient jdbc, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long incomplete = jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Long.class).single();
            if (incomplete == 0 || System.nanoTime() >= deadline) {
                return incomplete;
            }
            Thread.sleep(200);
        }
    }

    /** The measured window's publications in the registry. */
    record Publications(Histogram commitToAck, long found, long incomplete, long missing) {
    }

    /**
     * Reads the registry's publications of {@link OrderPlaced} and, for the measured orders, records
     * {@code completion_date - publication_date} in microseconds.
     */
    static Publications publications(JdbcClient jdbc, long[] measured) {
        Histogram commitToAck = new Histogram(PeerLoad.HIGHEST_MICROS, 3);
        BitSet seen = new BitSet(measured.length);
        long[] counts = new long[2]; // found, incomplete
        jdbc.sql("""
                select (serialized_event::jsonb ->> 'orderNo')::bigint as order_no, publication_date, completion_date
                from event_publication
                where event_type = ?""")
                .param(OrderPlaced.class.getName())
                .query(rs -> {
                    int index = Arrays.binarySearch(measured, rs.getLong("order_no"));
                    if (index < 0 || seen.get(index)) {
                        return;
                    }
                    seen.set(index);
                    counts[0]++;
                    Timestamp published = rs.getTimestamp("publication_date");
                    Timestamp completed = rs.getTimestamp("completion_date");
                    if (completed == null) {
                        counts[1]++;
                        return;
                    }
                    long micros = Duration.between(published.toInstant(), completed.toInstant()).toNanos() / 1000;
                    commitToAck.recordValue(Math.min(PeerLoad.HIGHEST_MICROS, Math.max(0, micros)));
                });
        return new Publications(commitToAck, counts[0], counts[1], measured.length - counts[0]);
    }

    /** What reading the topic back found for the measured orders. */
    record KafkaCheck(long found, long missing, long duplicates, long mismatched, long recordsRead) {
    }

    /**
     * Reads the topic from the offsets it had before the run up to its end now, and counts, for the measured
     * orders, the records keyed by their order number (and whose value carries the same order number). The
     * consumer is assigned to {@code partitions}.
     */
    static KafkaCheck readBack(KafkaConsumer<String, String> consumer, JsonMapper json, List<TopicPartition> partitions,
            Map<TopicPartition, Long> startOffsets, long[] measured) {
        Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
        startOffsets.forEach(consumer::seek);
        BitSet seen = new BitSet(measured.length);
        long duplicates = 0;
        long mismatched = 0;
        long read = 0;
        long deadline = System.nanoTime() + KAFKA_READ_TIMEOUT.toNanos();
        while (!reached(consumer, endOffsets) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                read++;
                long key;
                try {
                    key = Long.parseLong(record.key());
                } catch (NumberFormatException | NullPointerException ex) {
                    mismatched++;
                    continue;
                }
                int index = Arrays.binarySearch(measured, key);
                if (index < 0) {
                    continue;
                }
                if (orderNoOf(json, record.value()) != key) {
                    mismatched++;
                    continue;
                }
                if (seen.get(index)) {
                    duplicates++;
                } else {
                    seen.set(index);
                }
            }
        }
        long found = seen.cardinality();
        return new KafkaCheck(found, measured.length - found, duplicates, mismatched, read);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static long orderNoOf(JsonMapper json, String value) {
        if (value == null) {
            return Long.MIN_VALUE;
        }
        try {
            JsonNode orderNo = json.readTree(value).path("orderNo");
            return orderNo.isIntegralNumber() ? orderNo.asLong() : Long.MIN_VALUE;
        } catch (RuntimeException ex) {
            return Long.MIN_VALUE;
        }
    }

    static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "baedal-peer-check");
        return new KafkaConsumer<>(config);
    }

    static PeerResult result(PeerOptions options, Map<String, Object> properties, Warmup warmup, Measured measured,
            Publications publications, long incompleteTotal, double waited, KafkaCheck kafka, Machine machine) {
        long expected = measured.orderNos().length;
        boolean success = measured.committed() > 0 && measured.errorCount() == 0 && publications.missing() == 0
                && publications.incomplete() == 0 && kafka.missing() == 0 && kafka.mismatched() == 0;
        Map<String, String> reported = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (!name.equals("spring.datasource.password")) {
                reported.put(name, String.valueOf(value));
            }
        });
        Config config = new Config(model(options), options.jdbcUrl(), options.jdbcUser(), options.kafka(),
                OrderPlaced.TOPIC, PeerApplication.TOPIC_PARTITIONS, options.concurrency(), options.poolSize(),
                options.warmupSeconds(), options.durationSeconds(), options.rate(), options.maxInFlight(),
                options.completionWaitSeconds(), options.seed(), PeerOrders.MIX_SIZE, reported);
        Latency placement = Latency.of(measured.latency());
        Latency commitToAck = Latency.of(publications.commitToAck());
        List<String> notes = List.of(
                "Latencies in milliseconds from HdrHistograms recorded in microseconds (3 significant digits).",
                "placementLatency: from the start of a placement (open model: its intended start) to its return"
                        + " after the commit, including Spring's after-commit dispatch of the event to the"
                        + " externalizer (which itself runs asynchronously).",
                "commitToAck: event_publication.completion_date - publication_date of each measured order whose"
                        + " publication completed; the publication is the last statement of the order's transaction,"
                        + " so this is commit -> Kafka acknowledgement -> registry marked completed. Publications"
                        + " still incomplete after the wait are counted in incompletePublications, not here.",
                "Spring Modulith 2.0 as auto-configured: the externalizer is an @ApplicationModuleListener (@Async,"
                        + " on Boot's applicationTaskExecutor) that marks the publication PROCESSING in its own"
                        + " transaction and sends through KafkaTemplate; the send future's callback marks it"
                        + " COMPLETED in another transaction of its own (one UPDATE per event, on the Kafka"
                        + " producer's thread). The pool (--pool-size) is shared by placements and the registry.",
                "The warm-up runs the same load model, then the load stops until the registry has completed the"
                        + " warm-up's publications (warmupDrainSeconds), so the window starts without a backlog.",
                "Kafka check: the topic is read from its end offsets before the run; a measured order counts as"
                        + " found when a record keyed by its order number carries the same orderNo.",
                "Each run empties orders, order_line, idempotency_key and event_publication first.");
        PeerResult draft = new PeerResult("peer-placement",
                "Peer baseline: order placement with Spring Modulith's JDBC event publication registry and Kafka"
                        + " externalization",
                modulithVersion(), SpringBootVersion.getVersion(), config, machine, measured.model(),
                options.warmupSeconds(), warmup.committed(), warmup.drainSeconds(), warmup.incompleteAfterDrain(),
                measured.measureSeconds(), measured.attempted(), measured.committed(),
                measured.ordersPerSecond(), measured.perSecond(), placement, commitToAck, expected,
                publications.missing(), publications.incomplete(), incompleteTotal, Math.round(waited * 10) / 10.0,
                expected, kafka.found(), kafka.missing(), kafka.duplicates(), kafka.mismatched(), measured.errors(),
                measured.firstErrors(), success, notes, "");
        return withSummary(draft);
    }

    private static PeerResult withSummary(PeerResult r) {
        String errors = r.errors().isEmpty() ? "no errors"
                : r.errors().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ", "errors: ", ""));
        String summary = String.format(Locale.ROOT,
                "Peer (Spring Modulith %s JDBC registry + Kafka externalization), %s, pool %d, after a %.0f s"
                        + " warm-up whose backlog drained in %.1f s: %.1f orders/s committed over %.0f s (%d"
                        + " orders). Placement latency p50 %.2f ms, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f."
                        + " Commit -> Kafka ack (completion_date - publication_date) p50 %.2f ms, p90 %.2f, p99"
                        + " %.2f, p99.9 %.2f, max %.2f over %d events. Incomplete publications after %.1f s: %d"
                        + " (registry total %d); events on Kafka: %d of %d (%d duplicates, %d mismatched); %s. %s",
                r.modulithVersion(), r.config().model(), r.config().poolSize(), r.warmupSeconds(),
                r.warmupDrainSeconds(), r.ordersPerSecond(),
                r.measureSeconds(), r.committed(), r.placementLatency().p50(), r.placementLatency().p90(),
                r.placementLatency().p99(), r.placementLatency().p999(), r.placementLatency().max(),
                r.commitToAck().p50(), r.commitToAck().p90(), r.commitToAck().p99(), r.commitToAck().p999(),
                r.commitToAck().max(), r.commitToAck().samples(), r.completionWaitedSeconds(),
                r.incompletePublications(), r.incompletePublicationsTotal(), r.eventsFoundOnKafka(),
                r.eventsExpected(), r.duplicateEventsOnKafka(), r.mismatchedEventsOnKafka(), errors,
                r.success() ? "PASS" : "FAIL");
        return new PeerResult(r.benchmark(), r.title(), r.modulithVersion(), r.springBootVersion(), r.config(),
                r.machine(), r.model(), r.warmupSeconds(), r.warmupCommitted(), r.warmupDrainSeconds(),
                r.incompleteAfterWarmup(), r.measureSeconds(), r.attempted(), r.committed(),
                r.ordersPerSecond(), r.perSecond(), r.placementLatency(), r.commitToAck(), r.publicationsExpected(),
                r.publicationsMissing(), r.incompletePublications(), r.incompletePublicationsTotal(),
                r.completionWaitedSeconds(), r.eventsExpected(), r.eventsFoundOnKafka(), r.eventsMissingOnKafka(),
                r.duplicateEventsOnKafka(), r.mismatchedEventsOnKafka(), r.errors(), r.firstErrors(), r.success(),
                r.notes(), summary);
    }

    static String model(PeerOptions options) {
        return options.openModel()
                ? String.format(Locale.ROOT, "open model at %.1f orders/s (max %d in flight)", options.rate(),
                        options.maxInFlight())
                : "closed loop, " + options.concurrency() + " workers";
    }

    static Machine machine(JdbcClient jdbc) {
        String postgres;
        try {
            postgres = jdbc.sql("show server_version").query(String.class).single();
        } catch (RuntimeException ex) {
            postgres = "unknown";
        }
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), postgres, AppInfoParser.getVersion(),
                Instant.now().toString());
    }

    /** Spring Modulith's version, from its jar's manifest or, failing that, its Maven metadata. */
    static String modulithVersion() {
        String version = Externalized.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try (InputStream in = Externalized.class.getResourceAsStream(
                "/META-INF/maven/org.springframework.modulith/spring-modulith-events-api/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return pom.getProperty("version", "unknown");
            }
        } catch (IOException ex) {
            // fall through
        }
        return "unknown";
    }
}
