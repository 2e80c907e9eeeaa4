package baedal.bench.audit;

import baedal.bench.cluster.ShardNode;
import baedal.bench.traffic.Ledger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-of-run audit: holds the platform to what it acknowledged. After the load has stopped and the platform has
 * caught up, for every order in the {@link Ledger}:
 * <ul>
 * <li>it is on exactly one shard, at least at the version last acknowledged and, at that version, in the acknowledged
 * status with the acknowledged rider (else an acknowledged order or change was lost);</li>
 * <li>no idempotency key placed more than one order on the shards (a retry placed twice) — whether the platform
 * stores the client's key as sent or scoped to the caller ({@code <token subject>:<client key>});</li>
 * <li>Kafka's {@code baedal.order-events} holds an event for every version from 1 to the shard's (else events
 * were lost), and no version under two different event ids (one change published as two events);</li>
 * <li>the read model's document is at the shard's version and status, with its payment and timeline as the order
 * has them (else a duplicate was applied), and it recorded every version from 1 (else it is behind).</li>
 * </ul>
 * It also measures, per event, commit → Kafka acknowledgement and commit → read model, and from those how long
 * each lag took to fall back under a second after each fault.
 */
public final class RunAudit {

    public static final String TOPIC = "baedal.order-events";

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The numbers the audit reports. {@code duplicatePlacements}: idempotency keys that placed more than one order,
     * and orders found on more than one shard; {@code duplicateEvents}: versions published under more than one event
     * id; {@code unfinished}: operations the client still had in flight when the audit began (their outcome is
     * unknown, so the audit cannot vouch for them). Clean only when audited and every count that means a loss or a
     * duplicate is 0.
     */
    public record Findings(boolean audited, long acknowledged, long acknowledgedLost, long changesLost, long eventsLost,
            long duplicatesApplied, long readModelBehind, long duplicateOrderNumbers, long duplicatePlacements,
            long duplicateEvents, long unfinished, long storedWithoutAcknowledgement, long kafkaRedeliveries,
            long events, List<String> examples) {

        /** What a run without database and Kafka access can say: only what the client saw itself. */
        public static Findings notAudited(long acknowledged, long duplicateOrderNumbers, long unfinished) {
            return new Findings(false, acknowledged, 0, 0, 0, 0, 0, duplicateOrderNumbers, 0, 0, unfinished, 0, 0, 0,
                    List.of("no audit: no database or Kafka access given (--jdbc-url, --order-view-url, --kafka)"));
        }

        /** Duplicates of every kind: applied twice, order numbers, placements, events. */
        public long duplicates() {
            return duplicatesApplied + duplicateOrderNumbers + duplicatePlacements + duplicateEvents;
        }

        public boolean clean() {
            return audited && acknowledgedLost == 0 && changesLost == 0 && eventsLost == 0 && readModelBehind == 0
                    && duplicates() == 0 && unfinished == 0;
        }

        public Findings withUnfinished(long unfinished) {
            return new Findings(audited, acknowledged, acknowledgedLost, changesLost, eventsLost, duplicatesApplied,
                    readModelBehind, duplicateOrderNumbers, duplicatePlacements, duplicateEvents, unfinished,
                    storedWithoutAcknowledgement, kafkaRedeliveries, events, examples);
        }
    }

    private record ShardOrder(int shard, String status, long version, Long riderId) {
    }

    /** The orders found on the shards, and how many of them were found on more than one. */
    private record OnShards(Map<Long, ShardOrder> orders, long onSeveralShards, List<String> examples) {
    }

    private final List<ShardNode> shards;
    private final String orderViewUrl;
    private final String user;
    private final String kafkaBootstrap;
    private final JsonMapper json = JsonMapper.shared();

    public RunAudit(List<ShardNode> shards, String orderViewUrl, String user, String kafkaBootstrap) {
        this.shards = shards;
        this.orderViewUrl = orderViewUrl;
        this.user = user;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /**
     * Waits until nothing is pending in any outbox and the read model holds every acknowledged order at its shard
     * version, at most {@code max}; returns whether it got there (the audit then reports whatever is still missing).
     */
    public boolean awaitQuiet(Ledger ledger, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (pendingInOutboxes() == 0 && behind(ledger) == 0) {
                    return true;
                }
            } catch (SQLException notYet) {
                // a server may still be coming back
            }
            Thread.sleep(1000);
        }
        return false;
    }

    long pendingInOutboxes() throws SQLException {
        return OutboxState.pending(shards);
    }

    private long behind(Ledger ledger) throws SQLException {
        Long[] numbers = numbers(ledger);
        Map<Long, ShardOrder> onShards = shardOrders(numbers).orders();
        Map<Long, Long> views = new HashMap<>();
        try (Connection connection = connect(orderViewUrl);
                PreparedStatement query = connection.prepareStatement(
                        "select order_no, version from order_view where order_no = any(?)")) {
            query.setArray(1, connection.createArrayOf("bigint", numbers));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    views.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        long behind = 0;
        for (Map.Entry<Long, ShardOrder> order : onShards.entrySet()) {
            Long view = views.get(order.getKey());
            if (view == null || view < order.getValue().version()) {
                behind++;
            }
        }
        return behind;
    }

    /** Runs every check; {@code runStart} bounds the "stored without acknowledgement" count to this run's orders. */
    public Findings audit(Ledger ledger, Instant runStart) throws SQLException {
        Long[] numbers = numbers(ledger);
        List<String> examples = new ArrayList<>();
        OnShards found = shardOrders(numbers);
        found.examples().forEach(text -> example(examples, text));
        Map<Long, ShardOrder> onShards = found.orders();
        long placedTwice = placedTwice(runStart, examples);
        Map<Long, Map<Long, Set<String>>> onKafka = new HashMap<>();
        long redeliveries = KafkaEvents.read(kafkaBootstrap, onKafka);
        Map<Long, JsonNode> documents = new HashMap<>();
        Map<Long, Long> viewVersions = new HashMap<>();
        Map<Long, List<Long>> projectedVersions = new HashMap<>();
        try (Connection connection = connect(orderViewUrl)) {
            Array array = connection.createArrayOf("bigint", numbers);
            try (PreparedStatement query = connection.prepareStatement(
                    "select order_no, version, document::text from order_view where order_no = any(?)")) {
                query.setArray(1, array);
                query.setFetchSize(5000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        viewVersions.put(rows.getLong(1), rows.getLong(2));
                        documents.put(rows.getLong(1), json.readTree(rows.getString(3)));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "select order_no, version from order_view_event where order_no = any(?)")) {
                query.setArray(1, array);
                query.setFetchSize(20_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        projectedVersions.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getLong(2));
                    }
                }
            }
        }
        long acknowledgedLost = 0;
        long changesLost = 0;
        long eventsLost = 0;
        long duplicatesApplied = 0;
        long readModelBehind = 0;
        long duplicateEvents = 0;
        long events = 0;
        for (Ledger.Entry entry : ledger.entries()) {
            ShardOrder order = onShards.get(entry.orderNo());
            if (order == null) {
                acknowledgedLost++;
                example(examples, "order " + entry.orderNo() + " was acknowledged but is on no shard");
                continue;
            }
            String changeLost = changeLost(entry.version(), entry.status(), entry.riderId(), order);
            if (changeLost != null) {
                changesLost++;
                example(examples, "order " + entry.orderNo() + " on shard " + order.shard() + ": " + changeLost);
            }
            events += order.version();
            Map<Long, Set<String>> versions = onKafka.getOrDefault(entry.orderNo(), Map.of());
            for (long v = 1; v <= order.version(); v++) {
                Set<String> eventIds = versions.get(v);
                if (eventIds == null) {
                    eventsLost++;
                    example(examples, "order " + entry.orderNo() + " version " + v + " is not on Kafka");
                } else if (eventIds.size() > 1) {
                    duplicateEvents++;
                    example(examples, "order " + entry.orderNo() + " version " + v + " is on Kafka under "
                            + eventIds.size() + " event ids");
                }
            }
            Long viewVersion = viewVersions.get(entry.orderNo());
            if (viewVersion == null || viewVersion != order.version()) {
                readModelBehind++;
                example(examples, "order " + entry.orderNo() + " is at version " + order.version()
                        + " on its shard but " + viewVersion + " in the read model");
                continue;
            }
            String missing = OrderChecks.versionsMissing(order.version(), projectedVersions.getOrDefault(entry.orderNo(), List.of()));
            if (missing != null) {
                readModelBehind++;
                example(examples, "order " + entry.orderNo() + ": " + missing);
                continue;
            }
            String duplicate = OrderChecks.duplicatedEffect(entry.paymentAmount(), order.status(), order.version(),
                    documents.get(entry.orderNo()));
            if (duplicate != null) {
                duplicatesApplied++;
                example(examples, "order " + entry.orderNo() + ": " + duplicate);
            }
        }
        long storedWithoutAck = storedWithoutAcknowledgement(numbers, runStart);
        return new Findings(true, ledger.size(), acknowledgedLost, changesLost, eventsLost, duplicatesApplied,
                readModelBehind, ledger.duplicateNumbers(), placedTwice + found.onSeveralShards(), duplicateEvents, 0,
                storedWithoutAck, redeliveries, events, List.copyOf(examples));
    }

    private static String changeLost(long acknowledgedVersion, String acknowledgedStatus, long acknowledgedRider,
            ShardOrder order) {
        return OrderChecks.changeLost(acknowledgedVersion, acknowledgedStatus, acknowledgedRider, order.version(),
                order.status(), order.riderId());
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 20) {
            examples.add(text);
        }
    }

    private OnShards shardOrders(Long[] numbers) throws SQLException {
        Map<Long, ShardOrder> found = new HashMap<>();
        long onSeveral = 0;
        List<String> examples = new ArrayList<>();
        for (ShardNode shard : shards) {
            try (Connection connection = connect(shard.url());
                    PreparedStatement query = connection.prepareStatement("""
                            select order_no, status, version, rider_id from orders where order_no = any(?)""")) {
                query.setArray(1, connection.createArrayOf("bigint", numbers));
                query.setFetchSize(5000);
                connection.setAutoCommit(false);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long rider = rows.getLong(4);
                        ShardOrder order = new ShardOrder(shard.no(), rows.getString(2), rows.getLong(3),
                                rows.wasNull() ? null : rider);
                        ShardOrder other = found.putIfAbsent(rows.getLong(1), order);
                        if (other != null) {
                            onSeveral++;
                            example(examples, "order " + rows.getLong(1) + " is on shard " + other.shard()
                                    + " and on shard " + shard.no());
                        }
                    }
                }
            }
        }
        return new OnShards(found, onSeveral, examples);
    }

    /**
     * Idempotency keys (used since {@code runStart}) under which more than one order was placed, across all shards:
     * a retried placement that the platform placed again instead of answering with the first order. Keys are grouped
     * by {@link #placement}: the harness's own keys (a UUID per placement) by the client key, whatever caller scope
     * the platform stored it under; any other key by its stored value.
     */
    private long placedTwice(Instant runStart, List<String> examples) throws SQLException {
        Map<String, Set<Long>> byKey = new HashMap<>();
        for (ShardNode shard : shards) {
            try (Connection connection = connect(shard.url());
                    PreparedStatement query = connection.prepareStatement(
                            "select idempotency_key, order_no from idempotency_key where created_at >= ?")) {
                connection.setAutoCommit(false);
                query.setTimestamp(1, Timestamp.from(runStart));
                query.setFetchSize(20_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byKey.computeIfAbsent(placement(rows.getString(1)), k -> new HashSet<>()).add(rows.getLong(2));
                    }
                }
            }
        }
        long twice = 0;
        for (Map.Entry<String, Set<Long>> key : byKey.entrySet()) {
            if (key.getValue().size() > 1) {
                twice += key.getValue().size() - 1;
                example(examples, "idempotency key " + key.getKey() + " placed orders " + key.getValue());
            }
        }
        return twice;
    }

    /**
     * Which placement a stored idempotency key stands for. The platform stores a key scoped to its caller,
     * {@code <token subject>:<client key>} (e.g. {@code member-1001:3f2a…}), or — before identity — as the client
     * sent it. The harness sends a fresh UUID per placement, so a UUID after the last {@code ':'} (or the whole value)
     * is one placement whatever the scope: two orders under it are a duplicate even under two scopes. Any other
     * key (another client's, in a run against a target) is one placement per stored value, since two callers may
     * legitimately use the same key of their own.
     */
    static String placement(String storedKey) {
        String clientKey = storedKey.substring(storedKey.lastIndexOf(':') + 1);
        return UUID_FORM.matcher(clientKey).matches() ? clientKey.toLowerCase(Locale.ROOT) : storedKey;
    }

    private long storedWithoutAcknowledgement(Long[] numbers, Instant runStart) throws SQLException {
        long count = 0;
        for (ShardNode shard : shards) {
            try (Connection connection = connect(shard.url());
                    PreparedStatement query = connection.prepareStatement(
                            "select count(*) from orders where placed_at >= ? and not (order_no = any(?))")) {
                query.setTimestamp(1, Timestamp.from(runStart));
                query.setArray(2, connection.createArrayOf("bigint", numbers));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    count += rows.getLong(1);
                }
            }
        }
        return count;
    }

    /**
     * Every event written since {@code runStart} by an order of the ledger: written, published (Kafka ack) and
     * projected times.
     */
    public EventTimes eventTimes(Ledger ledger, Instant runStart) throws SQLException {
        return EventTimes.read(shards, orderViewUrl, user, ledger, runStart);
    }

    private static Long[] numbers(Ledger ledger) {
        return ledger.entries().stream().map(entry -> entry.orderNo()).toArray(Long[]::new);
    }

    private Connection connect(String url) throws SQLException {
        return connect(url, user);
    }

    /** A connection to one of the run's databases that gives up soon when its server is down. */
    static Connection connect(String url, String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }
}
