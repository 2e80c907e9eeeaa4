package baedal.bench;

import baedal.bench.audit.OutboxState;
import baedal.bench.cluster.Platform;
import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Log;
import baedal.bench.report.Results.Drain;
import baedal.outbox.OutboxProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.Lifecycle;

/**
 * The outbox benchmark's drain: a backlog of pending outbox rows, copies of a real {@code OrderPlaced} envelope,
 * published by the relay and, for the baseline, sent as the same records by raw Kafka producers with the relay's
 * producer settings.
 */
final class OutboxDrain {

    static final long BACKLOG_ORDER_BASE = 900_000_000L;
    static final String RAW_TOPIC = "bench.raw-producer";

    private OutboxDrain() {
    }

    /**
     * The backlog is drained in two halves, in the order raw, relay, relay, raw (ABBA), so that a drift over the run
     * (JIT, the broker's logs growing, autovacuum) weighs on both senders alike. Each half is inserted untimed;
     * each rate is the records of both halves over the seconds of both.
     */
    static Drain run(Platform platform, List<ShardNode> shards, Lifecycle relay, MeterRegistry meters,
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
        return new Drain(backlog, value.length, Figures.round(rawSeconds, 1), Figures.round(rawRate, 1), Figures.round(relaySeconds, 1),
                Figures.round(relayRate, 1), Figures.round(relayRate / rawRate, 3), relayRecords, pendingAfter, rawProgress, relayProgress);
    }

    private static long[] split(long rows, int shards) {
        long[] perShard = new long[shards];
        for (int s = 0; s < shards; s++) {
            perShard[s] = rows / shards + (s < rows % shards ? 1 : 0);
        }
        return perShard;
    }

    private static long sum(long[] values) {
        return Arrays.stream(values).sum();
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
                Map<String, Object> config = new HashMap<>(producerConfig);
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

    private static Connection connect(ShardNode shard) throws SQLException {
        return DriverManager.getConnection(shard.url(), shard.username(), shard.password());
    }

    /** Samples a running total once a second into {@code into}, on a daemon thread, until closed. */
    private static final class Sampler implements AutoCloseable {
        private final Thread thread;

        Sampler(LongSupplier total, List<Long> into) {
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
