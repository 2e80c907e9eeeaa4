package baedal.app;

import static baedal.app.OrderRequests.aChickenOrder;
import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Order history end to end on the embedded default: orders placed and moved through the order API reach the read
 * model through the outbox, Kafka and the projector, and are read back from it only.
 */
class OrderHistoryIntegrationTests {

    private static final String PROBLEMS = "https://baedal.io/problems/";
    private static final AtomicLong members = new AtomicLong(50_000);

    @TempDir
    static Path data;

    static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.embedded(data, "--baedal.order-view.read-your-writes-timeout=1s");
        // The tests read with a 1 s wait: the projector must have joined its group and taken its partitions
        // before the first of them, which a freshly started platform on a busy machine may not have yet.
        String warmUp = place(aChickenOrder().forMember(members.incrementAndGet())).path("orderNo").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> view(warmUp, 1).status() == 200);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static JsonNode place(OrderRequests order) {
        RunningPlatform.Response placed = platform.post("/api/orders", order.body(), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json();
    }

    private static RunningPlatform.Response view(String orderNo, long minVersion) {
        return platform.get("/api/order-views/" + orderNo + "?minVersion=" + minVersion);
    }

    @Test
    void showsAnOrderMovedThroughItsLifecycleAtItsFinalVersionWithTheWholeTimeline() {
        long member = members.incrementAndGet();
        String orderNo = place(aChickenOrder().forMember(member)).path("orderNo").asString();
        String path = "/api/orders/" + orderNo;
        platform.post(path + "/accept", Map.of("cookingMinutes", 20));
        platform.post(path + "/dispatch", Map.of("riderId", 501));
        platform.post(path + "/arrive-at-shop", "");
        platform.post(path + "/pick-up", "");
        assertThat(platform.post(path + "/deliver", "").header("ETag")).isEqualTo("\"6\"");

        RunningPlatform.Response read = view(orderNo, 6);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("Baedal-Stale")).isEqualTo("false");
        assertThat(read.header("Baedal-View-Version")).isEqualTo("6");
        assertThat(read.header("ETag")).isEqualTo("\"6\"");
        JsonNode document = read.json();
        assertThat(document.path("orderNo").asString()).isEqualTo(orderNo);
        assertThat(document.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(document.path("version").asLong()).isEqualTo(6);
        assertThat(document.path("lastEventId").asString()).isNotBlank();
        assertThat(document.path("member").path("displayName").asString()).isEqualTo("회원 " + member);
        assertThat(document.path("shop").path("name").asString()).isEqualTo("바삭치킨 역삼점");
        assertThat(document.path("items").get(0).path("options").get(0).path("price").asLong()).isEqualTo(4_000);
        assertThat(document.path("payment").path("totalAmount").asLong()).isEqualTo(59_500);
        assertThat(document.path("rider").path("riderId").asLong()).isEqualTo(501);
        assertThat(document.path("deliveryAddress").path("zipCode").asString()).isEqualTo("06236");
        List<String> steps = new ArrayList<>();
        document.path("timeline").forEach(step -> {
            steps.add(step.path("status").asString());
            assertThat(step.path("at").asString()).isNotBlank();
        });
        assertThat(steps).containsExactly("PLACED", "ACCEPTED", "RIDER_DISPATCHED", "RIDER_AT_SHOP", "PICKED_UP",
                "DELIVERED");

        JsonNode events = platform.get(path + "/events").json();
        assertThat(events.size()).isEqualTo(6);
        events.forEach(event -> assertThat(event.path("projectedAt").asString()).as(event.toString()).isNotBlank());
    }

    @Test
    void readsYourWritesWithinTheWaitAndSaysSoWhenTheVersionNeverComes() {
        String orderNo = place(aSimpleOrder().forMember(members.incrementAndGet())).path("orderNo").asString();
        assertThat(platform.post("/api/orders/" + orderNo + "/accept", Map.of("cookingMinutes", 15)).status())
                .isEqualTo(200);

        RunningPlatform.Response fresh = view(orderNo, 2);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("Baedal-Stale")).isEqualTo("false");
        assertThat(fresh.json().path("status").asString()).isEqualTo("ACCEPTED");

        long started = System.nanoTime();
        RunningPlatform.Response stale = view(orderNo, 9);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.header("Baedal-Stale")).isEqualTo("true");
        assertThat(stale.header("Baedal-View-Version")).isEqualTo("2");
        assertThat(stale.json().path("version").asLong()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the configured 1 s")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));

        RunningPlatform.Response never = view("999999999001", 1);
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.header("Baedal-Stale")).isEqualTo("true");
        assertThat(never.problemType()).isEqualTo(PROBLEMS + "order-not-found");
        assertThat(platform.get("/api/order-views/999999999001").status()).isEqualTo(404);
        assertThat(platform.get("/api/order-views/abc").status()).isEqualTo(404);
    }

    @Test
    void pagesEveryOrderOfAMemberExactlyOnceWhileNewOrdersKeepArriving() {
        long member = members.incrementAndGet();
        Set<String> existing = new HashSet<>();
        String last = null;
        for (int i = 0; i < 11; i++) {
            last = place(aSimpleOrder().forMember(member)).path("orderNo").asString();
            existing.add(last);
        }
        assertThat(view(last, 1).header("Baedal-Stale")).isEqualTo("false");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(platform
                .get("/api/members/" + member + "/orders?size=50").json().path("items").size()).isEqualTo(11));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = platform.get("/api/members/" + member + "/orders?size=4"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(item -> seen.add(item.path("orderNo").asString()));
            assertThat(page.has("nextCursor")).as("nextCursor is always there, null at the end").isTrue();
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            String arriving = place(aSimpleOrder().forMember(member)).path("orderNo").asString();
            assertThat(view(arriving, 1).header("Baedal-Stale")).isEqualTo("false");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).as("no order twice").doesNotHaveDuplicates();
        assertThat(seen).as("every order that existed when paging began").containsAll(existing);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listsAShopsOrdersOfTheDayAndFiltersByStatus() {
        String orderNo = place(aSimpleOrder().forMember(members.incrementAndGet())).path("orderNo").asString();
        platform.post("/api/orders/" + orderNo + "/reject", Map.of("reason", "재료 소진"));
        assertThat(view(orderNo, 2).header("Baedal-Stale")).isEqualTo("false");

        List<String> rejectedToday = new ArrayList<>();
        platform.get("/api/shops/1/orders?status=REJECTED&size=50").json().path("items")
                .forEach(item -> rejectedToday.add(item.path("orderNo").asString()));
        assertThat(rejectedToday).contains(orderNo);

        JsonNode longAgo = platform.get("/api/shops/1/orders?date=2020-01-01").json();
        assertThat(longAgo.path("items").size()).isZero();
        assertThat(longAgo.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void refusesBadQueriesWithStableProblemTypes() {
        assertProblem("/api/members/abc/orders", "invalid-request", "memberId");
        assertProblem("/api/members/7/orders?size=0", "invalid-request", "size");
        assertProblem("/api/members/7/orders?size=51", "invalid-request", "size");
        assertProblem("/api/members/7/orders?from=2026-13-01", "invalid-request", "from");
        assertProblem("/api/members/7/orders?from=2026-11-25&to=2026-11-24", "invalid-request", "from");
        assertProblem("/api/members/7/orders?status=FLYING", "invalid-request", "status");
        assertProblem("/api/members/7/orders?cursor=bm90LWEtY3Vyc29y", "invalid-cursor", "cursor");
        assertProblem("/api/members/7/orders?cursor=%25%25", "invalid-cursor", "cursor");
        assertProblem("/api/members/7/orders?cursor=bad!&size=0", "invalid-request", "cursor");
        assertProblem("/api/shops/1/orders?date=tomorrow", "invalid-request", "date");
        assertProblem("/api/shops/0/orders", "invalid-request", "shopId");
        assertProblem("/api/order-views/1234001?minVersion=0", "invalid-request", "minVersion");
        assertProblem("/api/operator/order-view/dead-letters?limit=0", "invalid-request", "limit");
    }

    private static void assertProblem(String path, String type, String field) {
        RunningPlatform.Response response = platform.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).as(path).isEqualTo(PROBLEMS + type);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(path).contains(field);
    }

    @Test
    void parksAPoisonRecordWithoutBlockingItsPartitionAndReplaysParkedRecords() throws Exception {
        String orderNo = place(aSimpleOrder().forMember(members.incrementAndGet())).path("orderNo").asString();
        assertThat(view(orderNo, 1).header("Baedal-Stale")).isEqualTo("false");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.property("spring.kafka.bootstrap-servers")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("baedal.order-events", orderNo,
                    "{\"type\": \"OrderAccepted\", broken".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        }
        platform.post("/api/orders/" + orderNo + "/accept", Map.of("cookingMinutes", 10));

        assertThat(view(orderNo, 2).json().path("status").asString()).as("the record after the poison").isEqualTo("ACCEPTED");
        JsonNode parked = findParked(orderNo);
        assertThat(parked.path("reason").asString()).startsWith("unparseable");
        assertThat(parked.path("topic").asString()).isEqualTo("baedal.order-events");
        assertThat(parked.path("value").asString()).isEqualTo("{\"type\": \"OrderAccepted\", broken");

        RunningPlatform.Response stillBad = platform.post("/api/operator/order-view/dead-letters/"
                + parked.path("id").asLong() + "/replay", "");
        assertThat(stillBad.status()).isEqualTo(422);
        assertThat(stillBad.problemType()).isEqualTo(PROBLEMS + "dead-letter-still-poison");
        assertThat(findParked(orderNo).path("attempts").asInt()).isEqualTo(1);
        assertThat(platform.post("/api/operator/order-view/dead-letters/987654321/replay", "").problemType())
                .isEqualTo(PROBLEMS + "dead-letter-not-found");

        String parkedByAnOlderRelease = anotherOrdersEvent(orderNo, "999999998001");
        long id = parkDirectly(parkedByAnOlderRelease);
        RunningPlatform.Response replayed = platform.post("/api/operator/order-view/dead-letters/" + id + "/replay", "");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().path("status").asString()).isEqualTo("REPLAYED");
        assertThat(platform.get("/api/order-views/999999998001").status()).isEqualTo(200);

        String metrics = platform.get("/actuator/prometheus").body();
        assertThat(metrics).contains("baedal_order_view_projection_lag_seconds_bucket")
                .contains("baedal_order_view_dead_letters_pending")
                .contains("baedal_order_view_dead_letters_parked_total")
                .containsPattern("baedal_order_view_consumer_lag\\{partition=\"\\d+\",topic=\"baedal.order-events\"}")
                .contains("hikaricp_connections_active{pool=\"order-view\"}");
        JsonNode health = platform.get("/actuator/health").json().path("components").path("orderView");
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("details").path("projector").asString()).isEqualTo("running");
        assertThat(health.path("details").path("parked").asLong()).isPositive();
    }

    private static JsonNode findParked(String key) {
        for (JsonNode letter : platform.get("/api/operator/order-view/dead-letters").json()) {
            if (key.equals(letter.path("key").asString())) {
                return letter;
            }
        }
        throw new AssertionError("no parked record with key " + key);
    }

    /** An OrderPlaced event as the write side would publish it, for a copy of {@code orderNo} under another number. */
    private static String anotherOrdersEvent(String orderNo, String otherNo) {
        ObjectNode order = (ObjectNode) platform.get("/api/orders/" + orderNo).json();
        order.put("orderNo", otherNo);
        order.put("status", "PLACED");
        order.put("version", 1);
        ObjectNode event = RunningPlatform.JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "OrderPlaced");
        event.put("orderNo", otherNo);
        event.put("shard", 1);
        event.put("version", 1);
        event.put("occurredAt", order.path("timestamps").path("placedAt").asString());
        event.put("schemaVersion", 1);
        ObjectNode timestamps = RunningPlatform.JSON.createObjectNode();
        timestamps.set("placedAt", order.path("timestamps").path("placedAt"));
        order.set("timestamps", timestamps);
        event.set("order", order);
        return event.toString();
    }

    private static long parkDirectly(String value) throws Exception {
        try (Connection connection = DriverManager.getConnection(platform.property("baedal.order-view.datasource.url"),
                "postgres", "");
                PreparedStatement insert = connection.prepareStatement("""
                        insert into order_view_dead_letter (reason, topic, kafka_partition, kafka_offset, record_key,
                            value, parked_at)
                        values ('unknown-type: parked by an older release', 'baedal.order-events', 99, 1, 'k', ?, now())
                        returning id""")) {
            insert.setBytes(1, value.getBytes(StandardCharsets.UTF_8));
            var rows = insert.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }
}
