package baedal.app;

import static baedal.app.OrderRequests.aChickenOrder;
import static baedal.app.OrderRequests.aSimpleOrder;
import static baedal.app.OrderRequests.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The order HTTP API end to end: a real app on real PostgreSQL shard databases. */
class OrderApiIntegrationTests {

    private static final String[] SHARDS = {"shard_0", "shard_1", "shard_2", "shard_3"};

    @TempDir
    static Path data;

    static PostgresServer postgres;
    static RunningPlatform platform;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(data.resolve("pg"), "catalog", "shard_0", "shard_1", "shard_2", "shard_3");
        platform = RunningPlatform.start(postgres.url("catalog"), postgres.url("shard_0"), postgres.url("shard_1"),
                postgres.url("shard_2"), postgres.url("shard_3"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static RunningPlatform.Response place(OrderRequests order, String key) {
        return platform.post("/api/orders", order.body(), "Idempotency-Key", key);
    }

    private static long ordersStored() {
        long total = 0;
        for (String shard : SHARDS) {
            total += postgres.count(shard, "select count(*) from orders")
                    + postgres.count(shard, "select count(*) from idempotency_key")
                    + postgres.count(shard, "select count(*) from outbox");
        }
        return total;
    }

    @Test
    void placesAnOrderPricedByTheCatalog() {
        RunningPlatform.Response response = place(aChickenOrder(), UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(201);
        JsonNode order = response.json();
        String orderNo = order.path("orderNo").asString();
        assertThat(response.header("Location")).isEqualTo("/api/orders/" + orderNo);
        assertThat(order.path("status").asString()).isEqualTo("PLACED");
        assertThat(order.path("version").asLong()).isEqualTo(1);
        assertThat(order.path("shard").asInt()).isEqualTo((int) (Long.parseLong(orderNo) % 1000));
        assertThat(order.path("items").get(0).path("unitPrice").asLong()).isEqualTo(20_000);
        assertThat(order.path("items").get(0).path("options").get(0).path("price").asLong()).isEqualTo(4_000);
        assertThat(order.path("items").get(0).path("lineTotal").asLong()).isEqualTo(52_000);
        assertThat(order.path("itemsTotal").asLong()).isEqualTo(56_500);
        assertThat(order.path("deliveryFee").asLong()).isEqualTo(3_000);
        assertThat(order.path("totalAmount").asLong()).isEqualTo(59_500);
        assertThat(order.path("shop").path("name").asString()).isEqualTo("바삭치킨 역삼점");
        assertThat(order.path("timestamps").path("placedAt").asString()).isNotBlank();

        RunningPlatform.Response read = platform.get("/api/orders/" + orderNo);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("totalAmount").asLong()).isEqualTo(59_500);
        assertThat(read.json().path("deliveryAddress").path("road").asString()).isEqualTo("서울특별시 강남구 테헤란로 152");
    }

    @Test
    void returnsTheSameOrderForARetryWithTheSameKeyAndBody() {
        String key = UUID.randomUUID().toString();
        RunningPlatform.Response first = place(aChickenOrder(), key);
        long stored = ordersStored();

        RunningPlatform.Response retry = place(aChickenOrder(), key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("orderNo").asString()).isEqualTo(first.json().path("orderNo").asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ordersStored()).isEqualTo(stored);
    }

    @Test
    void refusesAKeyReusedForADifferentOrder() {
        String key = UUID.randomUUID().toString();
        place(aChickenOrder(), key);
        long stored = ordersStored();

        RunningPlatform.Response reuse = place(aSimpleOrder(), key);

        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.problemType()).isEqualTo("https://baedal.io/problems/idempotency-key-reused");
        assertThat(ordersStored()).isEqualTo(stored);
    }

    @Test
    void placesExactlyOneOrderForConcurrentRetriesWithOneKey() throws Exception {
        String key = UUID.randomUUID().toString();
        long stored = ordersStored();
        List<Callable<RunningPlatform.Response>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retries.add(() -> place(aChickenOrder().forMember(777), key));
        }
        Set<String> orderNumbers = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<RunningPlatform.Response> response : pool.invokeAll(retries)) {
                assertThat(response.get().status()).isEqualTo(201);
                orderNumbers.add(response.get().json().path("orderNo").asString());
            }
        }
        assertThat(orderNumbers).hasSize(1);
        assertThat(ordersStored()).isEqualTo(stored + 3);
    }

    @Test
    void refusesAPaymentAmountThatDiffersFromTheComputedTotal() {
        long stored = ordersStored();

        RunningPlatform.Response response = place(aChickenOrder().with("paymentAmount", 59_000L), UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.problemType()).isEqualTo("https://baedal.io/problems/payment-amount-mismatch");
        assertThat(response.json().path("expectedAmount").asLong()).isEqualTo(59_500);
        assertThat(ordersStored()).isEqualTo(stored);
    }

    @Test
    void refusesAnOrderWithoutAnIdempotencyKey() {
        RunningPlatform.Response response = platform.post("/api/orders", aChickenOrder().body());

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).contains("Idempotency-Key");
    }

    @Test
    void namesTheFieldOfEveryShapeError() {
        long stored = ordersStored();
        List<Map<String, Object>> tooMany = IntStream.range(0, 51).mapToObj(i -> item(104, 1, List.of())).toList();

        assertInvalid(aChickenOrder().withItems(List.of(item(104, 0, List.of()))), 400, "items[0].quantity");
        assertInvalid(aChickenOrder().withItems(List.of(item(104, 100, List.of()))), 400, "items[0].quantity");
        assertInvalid(aChickenOrder().withItems(tooMany), 400, "items");
        assertInvalid(aChickenOrder().withItems(List.of()), 400, "items");
        assertInvalid(aChickenOrder().without("memberId"), 400, "memberId");
        assertInvalid(aChickenOrder().without("paymentAmount"), 400, "paymentAmount");
        assertInvalid(aChickenOrder().without("deliveryAddress"), 400, "deliveryAddress");
        assertInvalid(aChickenOrder().withAddress("zipCode", "1234"), 400, "deliveryAddress.zipCode");
        assertInvalid(aChickenOrder().withAddress("lat", 91.0), 400, "deliveryAddress.lat");
        assertInvalid(aChickenOrder().with("requestToShop", "가".repeat(201)), 400, "requestToShop");
        assertInvalid(aChickenOrder().with("memberId", "not-a-number"), 400, "memberId");

        assertThat(ordersStored()).isEqualTo(stored);
    }

    @Test
    void refusesWhatTheCatalogCannotSell() {
        long stored = ordersStored();

        assertInvalid(aChickenOrder().with("shopId", 999L), 422, "shopId");
        assertInvalid(aChickenOrder().withItems(List.of(item(201, 1, List.of(2001L)))), 422, "items[0].menuId");
        assertInvalid(aChickenOrder().withItems(List.of(item(101, 1, List.of(1001L, 2001L)))), 422, "items[0].optionIds");
        assertInvalid(aChickenOrder().withItems(List.of(item(101, 1, List.of()))), 422, "items[0].optionIds");

        assertThat(ordersStored()).isEqualTo(stored);
    }

    @Test
    void refusesMalformedJsonWithoutWritingAnything() {
        long stored = ordersStored();

        RunningPlatform.Response response = platform.post("/api/orders", "{\"memberId\": 1, \"items\": [",
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("https://baedal.io/problems/malformed-request");
        assertThat(ordersStored()).isEqualTo(stored);
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() {
        long stored = ordersStored();

        RunningPlatform.Response response = place(aChickenOrder().with("requestToShop", "가".repeat(40_000)),
                UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problemType()).isEqualTo("https://baedal.io/problems/request-too-large");
        assertThat(ordersStored()).isEqualTo(stored);
    }

    @Test
    void answers404ForUnknownAndMalformedOrderNumbers() {
        assertThat(platform.get("/api/orders/999999999003").status()).isEqualTo(404);
        assertThat(platform.get("/api/orders/abc").status()).isEqualTo(404);
        assertThat(platform.get("/api/orders/12").status()).isEqualTo(404);
        assertThat(platform.get("/api/orders/1000999").problemType()).isEqualTo("https://baedal.io/problems/order-not-found");
        assertThat(platform.post("/api/orders/abc/accept", Map.of("cookingMinutes", 10)).status()).isEqualTo(404);
    }

    @Test
    void walksAnOrderThroughItsWholeLifecycle() {
        String orderNo = place(aChickenOrder(), UUID.randomUUID().toString()).json().path("orderNo").asString();
        String path = "/api/orders/" + orderNo;

        JsonNode accepted = platform.post(path + "/accept", Map.of("cookingMinutes", 20)).json();
        JsonNode dispatched = platform.post(path + "/dispatch", Map.of("riderId", 501)).json();
        JsonNode atShop = platform.post(path + "/arrive-at-shop", "").json();
        JsonNode pickedUp = platform.post(path + "/pick-up", "").json();
        RunningPlatform.Response delivered = platform.post(path + "/deliver", "");

        assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("cookingMinutes").asInt()).isEqualTo(20);
        assertThat(dispatched.path("riderId").asLong()).isEqualTo(501);
        assertThat(atShop.path("status").asString()).isEqualTo("RIDER_AT_SHOP");
        assertThat(pickedUp.path("version").asLong()).isEqualTo(5);
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.header("ETag")).isEqualTo("\"6\"");
        JsonNode done = platform.get(path).json();
        assertThat(done.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(done.path("version").asLong()).isEqualTo(6);
        assertThat(done.path("timestamps").propertyNames()).containsExactly("placedAt", "acceptedAt",
                "riderDispatchedAt", "riderAtShopAt", "pickedUpAt", "deliveredAt");
        assertThat(postgres.longs("shard_" + done.path("shard").asInt(),
                "select version from outbox where aggregateid = '" + orderNo + "' order by seq"))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(postgres.count("shard_" + done.path("shard").asInt(), "select count(*) from outbox where aggregateid = '"
                + orderNo + "' and payload->'order'->>'status' = 'DELIVERED' and type = 'OrderDelivered'"
                + " and (payload->>'version')::int = 6")).as("the last event carries the order after the change").isEqualTo(1);
    }

    @Test
    void listsAnOrdersEventsWithTheirTraceAsWritten() {
        String orderNo = place(aChickenOrder(), UUID.randomUUID().toString()).json().path("orderNo").asString();
        platform.post("/api/orders/" + orderNo + "/accept", Map.of("cookingMinutes", 20));

        RunningPlatform.Response events = platform.get("/api/orders/" + orderNo + "/events");

        assertThat(events.status()).isEqualTo(200);
        JsonNode list = events.json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).path("type").asString()).isEqualTo("OrderPlaced");
        assertThat(list.get(1).path("type").asString()).isEqualTo("OrderAccepted");
        assertThat(list.get(1).path("version").asLong()).isEqualTo(2);
        assertThat(list.get(0).path("writtenAt").asString()).isNotBlank();
        assertThat(list.get(0).path("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(list.get(0).path("eventId").asString()).isNotEqualTo(list.get(1).path("eventId").asString());
        assertThat(platform.get("/api/orders/999999999003/events").status()).isEqualTo(404);
    }

    @Test
    void continuesTheCallersTraceIntoTheOrdersEvents() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        RunningPlatform.Response placed = platform.post("/api/orders", aChickenOrder().body(),
                "Idempotency-Key", UUID.randomUUID().toString(), "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        JsonNode events = platform.get("/api/orders/" + placed.json().path("orderNo").asString() + "/events").json();

        assertThat(events.get(0).path("traceparent").asString()).startsWith("00-" + traceId + "-");
    }

    @Test
    void exposesShardPoolAndRequestMetricsForScraping() {
        place(aSimpleOrder(), UUID.randomUUID().toString());

        RunningPlatform.Response metrics = platform.get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections_active{pool=\"shard-0\"}")
                .contains("http_server_requests_seconds_count{");
    }

    @Test
    void refusesATransitionTheStatusDoesNotAllow() {
        String orderNo = place(aChickenOrder(), UUID.randomUUID().toString()).json().path("orderNo").asString();
        String path = "/api/orders/" + orderNo;

        RunningPlatform.Response pickUpTooEarly = platform.post(path + "/pick-up", "");
        platform.post(path + "/reject", Map.of("reason", "재료 소진"));
        RunningPlatform.Response cancelRejected = platform.post(path + "/cancel", Map.of("reason", "변심"));

        assertThat(pickUpTooEarly.status()).isEqualTo(409);
        assertThat(pickUpTooEarly.problemType()).isEqualTo("https://baedal.io/problems/transition-refused");
        assertThat(cancelRejected.status()).isEqualTo(409);
        JsonNode order = platform.get(path).json();
        assertThat(order.path("status").asString()).isEqualTo("REJECTED");
        assertThat(order.path("rejectionReason").asString()).isEqualTo("재료 소진");
        assertThat(order.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void cancelsAnAcceptedOrderForAnOperatorWithTheReason() {
        String orderNo = place(aChickenOrder(), UUID.randomUUID().toString()).json().path("orderNo").asString();
        String path = "/api/orders/" + orderNo;
        platform.post(path + "/accept", Map.of("cookingMinutes", 15));

        RunningPlatform.Response cancelled = platform.post(path + "/cancel",
                Map.of("reason", "가게 사정으로 취소", "cancelledBy", "OPERATOR"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancellation").path("by").asString()).isEqualTo("OPERATOR");
        assertThat(cancelled.json().path("timestamps").path("cancelledAt").asString()).isNotBlank();
    }

    @Test
    void refusesAChangeConditionalOnAStaleVersion() {
        String orderNo = place(aChickenOrder(), UUID.randomUUID().toString()).json().path("orderNo").asString();
        String path = "/api/orders/" + orderNo;

        RunningPlatform.Response stale = platform.post(path + "/accept", Map.of("cookingMinutes", 20), "If-Match", "\"2\"");
        RunningPlatform.Response current = platform.post(path + "/accept", Map.of("cookingMinutes", 20), "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).isEqualTo("https://baedal.io/problems/version-mismatch");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void refusesAnInvalidLifecycleRequestBody() {
        String orderNo = place(aChickenOrder(), UUID.randomUUID().toString()).json().path("orderNo").asString();

        RunningPlatform.Response response = platform.post("/api/orders/" + orderNo + "/accept", Map.of("cookingMinutes", 0));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).contains("cookingMinutes");
        assertThat(platform.get("/api/orders/" + orderNo).json().path("status").asString()).isEqualTo("PLACED");
    }

    private static void assertInvalid(OrderRequests order, int status, String field) {
        RunningPlatform.Response response = place(order, UUID.randomUUID().toString());
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(response)).as(response.body()).contains(field);
    }

    private static List<String> fields(RunningPlatform.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
