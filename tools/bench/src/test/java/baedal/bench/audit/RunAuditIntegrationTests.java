package baedal.bench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.bench.cluster.Cluster;
import baedal.bench.traffic.ApiClient;
import baedal.bench.traffic.Ledger;
import baedal.bench.traffic.OrderMix;
import baedal.bench.traffic.RateCurve;
import baedal.bench.traffic.Traffic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit against a real cluster (each shard its own PostgreSQL server, Kafka its own process, the app its own
 * JVM): a run of whole lifecycles audits clean, and then each kind of damage the audit exists to find — an
 * acknowledged order gone from its shard, an acknowledged change the shard does not hold, a read-model document
 * gone, one change published under a second event id, one idempotency key that placed two orders, and one client
 * key that placed a second order under another caller's scope — is found and counted. A clean audit that could not
 * see damage would prove nothing. The traffic authenticates with the cluster's own issuer; the checks hold whether
 * the platform stores idempotency keys as sent or scoped to the caller ({@code <subject>:<key>}).
 */
class RunAuditIntegrationTests {

    @Test
    void aCleanRunAuditsCleanAndEveryKindOfDamageIsFound(@TempDir Path dir) throws Exception {
        Cluster.Layout layout = new Cluster.Layout(2, 1, false, 512, Map.of());
        try (Cluster cluster = Cluster.start(dir, layout)) {
            JsonMapper json = JsonMapper.builder().build();
            List<OrderMix.OrderSpec> mix = OrderMix.generate(new ApiClient(cluster.baseUrls().getFirst(), json,
                    Duration.ofSeconds(10), cluster.identities().tokens()).menus(), 50, 7);
            Traffic.Settings defaults = Traffic.Settings.defaults(7);
            Traffic.Settings fast = new Traffic.Settings(defaults.rejectShare(), defaults.memberCancelShare(),
                    defaults.operatorCancelShare(), defaults.riderCapacity(), defaults.historyPerOrder(),
                    defaults.viewShare(), 0.1, Duration.ofSeconds(60), 7);
            RunAudit audit = new RunAudit(cluster.shards(), cluster.orderViewUrl(), Cluster.USER,
                    cluster.kafkaBootstrap());
            Ledger ledger;
            Instant startedAt;
            try (Traffic traffic = new Traffic(cluster.baseUrls(), mix, fast, json, cluster.identities())) {
                traffic.start(new RateCurve.Fixed(20));
                Thread.sleep(4000);
                traffic.stopArrivals();
                assertThat(traffic.awaitLifecycles(Duration.ofSeconds(60))).isTrue();
                assertThat(traffic.stop()).isZero();
                ledger = traffic.ledger();
                startedAt = traffic.startedAt();
            }
            assertThat(ledger.size()).isGreaterThan(40);
            assertThat(audit.awaitQuiet(ledger, Duration.ofSeconds(60))).isTrue();

            RunAudit.Findings clean = audit.audit(ledger, startedAt);
            assertThat(clean.examples()).isEmpty();
            assertThat(clean.clean()).isTrue();

            List<Ledger.Entry> delivered = new ArrayList<>();
            for (Ledger.Entry entry : ledger.entries()) {
                if ("DELIVERED".equals(entry.status())) {
                    delivered.add(entry);
                }
            }
            assertThat(delivered).hasSizeGreaterThanOrEqualTo(4);
            Ledger.Entry gone = delivered.get(0);
            Ledger.Entry wrongStatus = delivered.get(1);
            Ledger.Entry noDocument = delivered.get(2);
            Ledger.Entry publishedTwice = delivered.get(3);

            execute(shardOf(cluster, gone), "delete from orders where order_no = " + gone.orderNo());
            execute(shardOf(cluster, wrongStatus),
                    "update orders set status = 'PICKED_UP' where order_no = " + wrongStatus.orderNo());
            execute(cluster.orderViewUrl(), "delete from order_view where order_no = " + noDocument.orderNo());
            publishUnderANewEventId(cluster.kafkaBootstrap(), publishedTwice.orderNo(), 2);
            placeTwiceUnderOneKey(cluster);

            RunAudit.Findings damaged = audit.audit(ledger, startedAt);
            assertThat(damaged.acknowledgedLost()).isEqualTo(1);
            assertThat(damaged.changesLost()).isEqualTo(1);
            assertThat(damaged.readModelBehind()).isEqualTo(1);
            assertThat(damaged.duplicateEvents()).isEqualTo(1);
            assertThat(damaged.duplicatePlacements()).isEqualTo(2);
            assertThat(damaged.clean()).isFalse();
            assertThat(damaged.examples()).anyMatch(text -> text.contains(gone.orderNo() + " was acknowledged but is on no shard"));
        }
    }

    private static String shardOf(Cluster cluster, Ledger.Entry entry) {
        return cluster.shards().get((int) (entry.orderNo() % 1000)).url();
    }

    /**
     * Other orders on shard 1 registered under idempotency keys that placed orders on shard 0: one under the very
     * stored key, one under the second key's client part scoped to another caller ({@code operator:<client key>}).
     */
    private static void placeTwiceUnderOneKey(Cluster cluster) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = connect(cluster.shards().get(0).url());
                ResultSet rows = connection.createStatement().executeQuery(
                        "select idempotency_key from idempotency_key order by created_at limit 2")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        assertThat(keys).hasSize(2);
        String stored = keys.get(0);
        String clientKey = keys.get(1).substring(keys.get(1).lastIndexOf(':') + 1);
        List<String> copies = List.of(stored, "operator:" + clientKey);
        for (int i = 0; i < copies.size(); i++) {
            try (Connection connection = connect(cluster.shards().get(1).url());
                    PreparedStatement insert = connection.prepareStatement("""
                            insert into idempotency_key (idempotency_key, request_hash, order_no, created_at)
                            select ?, 'copied', order_no, now() from orders order by order_no offset ? limit 1""")) {
                insert.setString(1, copies.get(i));
                insert.setInt(2, i);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static void publishUnderANewEventId(String bootstrap, long orderNo, long version) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"OrderAccepted\",\"orderNo\":"
                    + orderNo + ",\"version\":" + version + "}";
            producer.send(new ProducerRecord<>(RunAudit.TOPIC, Long.toString(orderNo).getBytes(StandardCharsets.UTF_8),
                    envelope.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url)) {
            assertThat(connection.createStatement().executeUpdate(sql)).isEqualTo(1);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", Cluster.USER);
        return DriverManager.getConnection(url, properties);
    }
}
