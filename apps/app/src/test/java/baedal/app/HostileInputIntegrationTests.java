package baedal.app;

import static baedal.app.OrderRequests.aChickenOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Input a generator of hostile requests finds, against the whole platform over real HTTP: control characters in
 * every kind of text, fractions and out-of-range numbers where whole numbers are expected, and requests the
 * servlet container refuses before Spring sees them. None is answered with a 5xx or with HTML: each is
 * {@code application/problem+json} with its stable type, and nothing is written for any of them.
 */
class HostileInputIntegrationTests {

    private static final String[] SHARDS = {"shard_0", "shard_1"};
    private static final String TYPES = "https://baedal.io/problems/";

    @TempDir
    static Path data;

    static PostgresServer postgres;
    static RunningPlatform platform;
    static int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** External mode without Kafka, as {@link RunningPlatform#start}, but with the read model on its own database. */
    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(data.resolve("pg"), "catalog", "order_view", "shard_0", "shard_1");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--baedal.embedded.enabled=false",
                "--spring.datasource.url=" + postgres.url("catalog"), "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=localhost:1", "--spring.kafka.admin.auto-create=false",
                "--baedal.outbox.enabled=false", "--baedal.order-view.projector.enabled=false",
                "--baedal.order-view.datasource.url=" + postgres.url("order_view"),
                "--baedal.order-view.datasource.username=postgres", "--baedal.shards.pool-size=4",
                "--logging.level.baedal=WARN"));
        arguments.addAll(RunningPlatform.identityArguments());
        for (int i = 0; i < SHARDS.length; i++) {
            arguments.add("--baedal.shards.nodes[" + i + "].url=" + postgres.url(SHARDS[i]));
            arguments.add("--baedal.shards.nodes[" + i + "].username=postgres");
        }
        platform = RunningPlatform.attach(new SpringApplicationBuilder(BaedalApplication.class)
                .run(arguments.toArray(String[]::new)));
        port = Integer.parseInt(platform.property("local.server.port"));
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

    /** Every row any request could have written: orders, their lines, keys, events, re-publications, documents. */
    private static long written() {
        long total = 0;
        for (String shard : SHARDS) {
            total += postgres.count(shard, "select count(*) from orders")
                    + postgres.count(shard, "select count(*) from order_line")
                    + postgres.count(shard, "select count(*) from idempotency_key")
                    + postgres.count(shard, "select count(*) from outbox")
                    + postgres.count(shard, "select count(*) from outbox_republish");
        }
        return total + postgres.count("order_view", "select count(*) from order_view");
    }

    // ---------------------------------------------------------------------------------------------------- bodies

    /** The order's JSON with every {@code "@@"} (a string value) replaced by raw JSON, e.g. {@code 1.5}. */
    private static String withRaw(OrderRequests order, String rawJson) {
        return RunningPlatform.JSON.writeValueAsString(order.body()).replace("\"@@\"", rawJson);
    }

    /** The order's JSON with every {@code @@} inside a string replaced by a JSON escape, e.g. {@code \u0000}. */
    private static String withEscape(OrderRequests order, String escape) {
        return RunningPlatform.JSON.writeValueAsString(order.body()).replace("@@", escape);
    }

    private static RunningPlatform.Response place(String json) {
        return platform.post("/api/orders", json, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static Map<String, Object> line(Object menuId, Object quantity, Object... optionIds) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("menuId", menuId);
        line.put("quantity", quantity);
        line.put("optionIds", List.of(optionIds));
        return line;
    }

    @ParameterizedTest(name = "{0} = …{1}…")
    @CsvSource({
            "requestToShop, \\u0000", "requestToShop, \\u0001", "requestToShop, \\u001b", "requestToShop, \\u007f",
            "requestToShop, \\u0085", "requestToShop, \\u009f", "requestToShop, \\ud800", "requestToShop, \\udfff",
            "requestToRider, \\u0000", "requestToRider, \\u000b",
            "deliveryAddress.road, \\u0000", "deliveryAddress.road, \\u0008", "deliveryAddress.detail, \\u0000",
            "deliveryAddress.zipCode, \\u0000"})
    void refusesAControlCharacterInEveryTextOfAnOrderNamingTheField(String field, String escape) {
        long before = written();
        OrderRequests order = aChickenOrder();
        if (field.startsWith("deliveryAddress.")) {
            String name = field.substring("deliveryAddress.".length());
            order.withAddress(name, name.equals("zipCode") ? "06@@236" : "테헤란로 @@152");
        } else {
            order.with(field, "맵지 않게 @@ 해주세요");
        }

        RunningPlatform.Response response = place(withEscape(order, escape));

        assertFieldError(response, field);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void takesLineBreaksAndTabsInFreeTexts() {
        RunningPlatform.Response response = place(withEscape(aChickenOrder().with("requestToShop", "맵지 않게@@해주세요"),
                "\\r\\n\\t"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("requestToShop").asString()).isEqualTo("맵지 않게\r\n\t해주세요");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "memberId | 1.5", "memberId | 1001.0", "shopId | 1.5", "paymentAmount | 59500.5", "paymentAmount | 5.95e4",
            "memberId | 99999999999999999999", "memberId | -9223372036854775809", "paymentAmount | 9223372036854775808"})
    void refusesAFractionOrAnOutOfRangeNumberWhereAWholeNumberIsExpected(String field, String number) {
        long before = written();

        RunningPlatform.Response response = place(withRaw(aChickenOrder().with(field, "@@"), number));

        assertFieldError(response, field);
        assertThat(written()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "items[0].quantity | 2.7", "items[0].quantity | 2147483648", "items[0].quantity | -2147483649",
            "items[0].menuId | 101.5", "items[0].menuId | 1e30", "items[0].optionIds[0] | 1002.5",
            "items[0].optionIds[1] | 18446744073709551616"})
    void refusesAFractionOrAnOutOfRangeNumberInAnOrderLine(String field, String number) {
        long before = written();
        Map<String, Object> first = switch (field) {
            case "items[0].quantity" -> line(101, "@@", 1002, 1003);
            case "items[0].menuId" -> line("@@", 2, 1002, 1003);
            case "items[0].optionIds[0]" -> line(101, 2, "@@", 1003);
            default -> line(101, 2, 1002, "@@");
        };
        OrderRequests order = aChickenOrder().withItems(List.of(first, line(104, 1)));

        RunningPlatform.Response response = place(withRaw(order, number));

        assertFieldError(response, field);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void stillPlacesAnOrderWithWholeNumbers() {
        RunningPlatform.Response response = place(withRaw(aChickenOrder().with("memberId", "@@"), "1001"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void refusesHostileLifecycleBodiesAndLeavesTheOrderAsItWas() {
        RunningPlatform.Response placed = place(RunningPlatform.JSON.writeValueAsString(aChickenOrder().body()));
        String path = "/api/orders/" + placed.json().path("orderNo").asString();
        long before = written();

        assertFieldError(platform.post(path + "/accept", "{\"cookingMinutes\": 10.5}"), "cookingMinutes");
        assertFieldError(platform.post(path + "/accept", "{\"cookingMinutes\": 3000000000}"), "cookingMinutes");
        assertFieldError(platform.post(path + "/reject", "{\"reason\": \"재료 소진\\u0000\"}"), "reason");
        assertFieldError(platform.post(path + "/cancel", "{\"reason\": \"\\u0000\"}"), "reason");
        assertFieldError(platform.post(path + "/cancel", "{\"reason\": \"x\", \"cancelledBy\": \"MEMBER\\u0000\"}"),
                "cancelledBy");
        assertFieldError(platform.post(path + "/dispatch", "{\"riderId\": 1.5}"), "riderId");

        JsonNode order = platform.get(path).json();
        assertThat(order.path("status").asString()).isEqualTo("PLACED");
        assertThat(order.path("version").asLong()).isEqualTo(1);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void refusesAControlCharacterInTheOperatorsRepublishBody() {
        RunningPlatform.Response placed = place(RunningPlatform.JSON.writeValueAsString(aChickenOrder().body()));
        String orderNo = placed.json().path("orderNo").asString();
        int shard = placed.json().path("shard").asInt();
        String path = "/api/operator/outbox/shards/" + shard + "/republish";
        long before = written();

        assertFieldError(platform.post(path, "{\"aggregateId\": \"\\u0000\"}"), "aggregateId");
        assertFieldError(platform.post(path, "{\"aggregateId\": \"" + orderNo + "\\u0000\"}"), "aggregateId");
        assertFieldError(platform.post(path, "{\"from\": \"2026-01-01T00:00:00Z\\u0000\", \"to\": \"2026-01-02T00:00:00Z\"}"),
                "from");
        assertFieldError(platform.post("/api/operator/outbox/shards/99999999999/republish", "{\"aggregateId\": \"1\"}"),
                "shard");

        assertThat(written()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------ query parameters and paths

    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/members/1001/orders?cursor=%00 | cursor",
            "/api/members/1001/orders?status=%00 | status",
            "/api/members/1001/orders?status=PLACED%0A | status",
            "/api/members/1001/orders?status=PLACED,%C2%85 | status",
            "/api/members/1001/orders?from=2026-01-01%00 | from",
            "/api/members/1001/orders?to=%7F | to",
            "/api/members/1001/orders?size=%00 | size",
            "/api/members/1001/orders?size=%zz | size",
            "/api/members/1%01/orders | memberId",
            "/api/shops/1/orders?date=%00 | date",
            "/api/shops/1/orders?cursor=x%1b | cursor",
            "/api/order-views/1000999?minVersion=%00 | minVersion",
            "/api/order-views/1000%01 | orderNo",
            "/api/orders/1000999?x=%00 | x",
            "/api/operator/order-view/dead-letters?limit=%00 | limit",
            "/api/members/1001/orders?from=%2B999999999-12-31 | from",
            "/api/members/1001/orders?to=%2B999999999-12-31 | to",
            "/api/members/1001/orders?from=-999999999-01-01 | from",
            "/api/members/1001/orders?to=%2B10000-01-01 | to",
            "/api/shops/1/orders?date=%2B999999999-12-31 | date",
            "/api/shops/1/orders?date=-4714-11-23 | date"})
    void refusesAHostileQueryParameterOrPathVariableNamingIt(String target, String field) {
        RawHttp.Answer answer = raw("GET " + target + " HTTP/1.1");

        assertFieldError(answer.status(), answer.header("Content-Type"), answer.body(), field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1:-9223372036854775808:1", "1:9223372036854775807:999999999999999999",
            "1:-210866803200000001:1", "1:253402300800000000:1", "1:0:0"})
    void answersAnyCursorThatDecodesWithoutFailing(String plain) {
        for (String target : List.of("/api/members/1001/orders?cursor=", "/api/shops/1/orders?cursor=")) {
            RunningPlatform.Response response = platform.get(target + cursor(plain));

            assertThat(response.status()).as(target + plain + ": " + response.body()).isIn(200, 400);
            if (response.status() == 400) {
                assertProblem(response.status(), response.header("Content-Type"), response.body(), 400, "invalid-cursor");
            }
        }
    }

    // -------------------------------------------------------------------------- the servlet container's errors

    private static RawHttp.Answer raw(String requestLine, String... headers) {
        return rawRequest(requestLine, List.of(headers), null);
    }

    /** A raw request as the operator (its token and the reason of a change, as every request of these tests). */
    private static RawHttp.Answer rawRequest(String requestLine, List<String> headers, String body) {
        List<String> all = new ArrayList<>(List.of(authHeader(), RunningPlatform.REASON + ": " + RunningPlatform.TEST_REASON));
        all.addAll(headers);
        return RawHttp.request(port, requestLine, all, body);
    }

    private static String authHeader() {
        return "Authorization: Bearer " + platform.token(RunningPlatform.OPERATOR);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/orders/%00", "/api/orders/1%2F2", "/api/orders/1%5C2", "/%2e%2e/etc/passwd",
            "/api/shops/..%2F..%2F", "/api/orders/%", "/api/orders/%zz", "/api/orders/%C0%AF"})
    void answersAPathTomcatRefusesWithProblemJson(String path) {
        RawHttp.Answer answer = raw("GET " + path + " HTTP/1.1");

        // refused as a URI (400), or decoded into a path that names nothing (404)
        assertThat(answer.status()).as(answer.toString()).isIn(400, 404);
        assertProblem(answer.status(), answer.header("Content-Type"), answer.body(), answer.status(),
                answer.status() == 400 ? "bad-request" : answer.json().path("type").asString().substring(TYPES.length()));
        assertThat(answer.json().path("type").asString()).isIn(TYPES + "bad-request", TYPES + "not-found",
                TYPES + "order-not-found");
    }

    @Test
    void answersARequestLineTomcatCannotParseWithProblemJson() {
        assertBadRequest(raw("GET /api/shops|x HTTP/1.1"));
        assertBadRequest(raw("GET /api/shops?q=<x> HTTP/1.1"));
        assertBadRequest(raw("G\u0001T /api/shops HTTP/1.1"));
        assertBadRequest(RawHttp.send(port, "GET /api/shops\u0000 HTTP/1.1\r\nHost: localhost\r\nConnection: close", null));
    }

    @Test
    void answersABadHeaderWithProblemJson() {
        assertBadRequest(raw("GET /api/shops HTTP/1.1", "X-Evil: a\u0001b"));
        assertBadRequest(raw("GET /api/shops HTTP/1.1", "X-Evil: a\u0000b"));
        assertBadRequest(raw("GET /api/shops HTTP/1.1", "Bad Header: x"));
        assertBadRequest(raw("GET /api/shops HTTP/1.1", "X-Big: " + "a".repeat(20_000)));
        assertBadRequest(RawHttp.send(port, "GET /api/shops HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close", null));
        assertBadRequest(RawHttp.send(port, "POST /api/orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: abc", "{}"));
    }

    @Test
    void refusesAnIdempotencyKeyWithAC1ControlCharacterWithoutWriting() {
        long before = written();
        RawHttp.Answer answer = rawRequest("POST /api/orders HTTP/1.1",
                List.of("Idempotency-Key: key\u0085" + UUID.randomUUID()),
                RunningPlatform.JSON.writeValueAsString(aChickenOrder().body()));

        assertProblem(answer.status(), answer.header("Content-Type"), answer.body(), 400, "invalid-request");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void answersAnOversizedHeaderSentByAnOrdinaryClientWithProblemJson() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/shops"))
                .header("X-Big", "a".repeat(20_000)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(),
                400, "bad-request");
    }

    @Test
    void answersWhatTomcatCannotServeWithProblemJson() {
        RawHttp.Answer version = raw("GET /api/shops HTTP/1.5");
        assertProblem(version.status(), version.header("Content-Type"), version.body(), 505, "http-error");

        RawHttp.Answer encoding = RawHttp.send(port, "POST /api/orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked", "0\r\n\r\n");
        assertProblem(encoding.status(), encoding.header("Content-Type"), encoding.body(), 501, "http-error");

        RawHttp.Answer trace = raw("TRACE /api/shops HTTP/1.1");
        assertProblem(trace.status(), trace.header("Content-Type"), trace.body(), 405, "method-not-allowed");
    }

    @Test
    void answersAWrongMethodWithProblemJsonWhateverTheClientAccepts() {
        // a route whose rule is for every method (an unlisted method of another route is denied first: 403)
        for (String accept : List.of("application/json", "application/json, */*", "text/html", "*/*")) {
            RawHttp.Answer answer = raw("DELETE /actuator/health HTTP/1.1", "Accept: " + accept);

            assertProblem(answer.status(), answer.header("Content-Type"), answer.body(), 405, "method-not-allowed");
            assertThat(answer.header("Allow")).contains("GET");
        }
    }

    @Test
    void answersEveryErrorWithProblemJsonWhenTheClientAcceptsOnlyJson() {
        RawHttp.Answer invalid = rawRequest("POST /api/orders HTTP/1.1",
                List.of("Accept: application/json", "Idempotency-Key: " + UUID.randomUUID()),
                "{\"memberId\": 1.5}");
        assertProblem(invalid.status(), invalid.header("Content-Type"), invalid.body(), 400, "invalid-request");

        RawHttp.Answer missing = raw("GET /api/orders/1000999 HTTP/1.1", "Accept: application/json");
        assertProblem(missing.status(), missing.header("Content-Type"), missing.body(), 404, "order-not-found");

        // deny by default: a path no rule lists is forbidden to a caller before anything looks for it
        RawHttp.Answer unknown = raw("GET /api/nothing-here HTTP/1.1", "Accept: application/json");
        assertProblem(unknown.status(), unknown.header("Content-Type"), unknown.body(), 403, "forbidden");

        RawHttp.Answer media = RawHttp.send(port, "POST /api/orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + authHeader() + "\r\n" + RunningPlatform.REASON + ": x\r\nAccept: application/json\r\nContent-Type: text/plain\r\nContent-Length: 2", "{}");
        assertProblem(media.status(), media.header("Content-Type"), media.body(), 415, "unsupported-media-type");
    }

    @Test
    void answersAClientThatAcceptsNeitherJsonNorProblemsWithProblemJsonAnyway() {
        RawHttp.Answer html = raw("GET /api/orders/1000999 HTTP/1.1", "Accept: text/html");
        assertThat(html.status()).as(html.toString()).isIn(404, 406);
        assertProblem(html.status(), html.header("Content-Type"), html.body(), html.status(),
                html.status() == 404 ? "order-not-found" : "not-acceptable");

        RawHttp.Answer xml = raw("GET /api/nothing-here HTTP/1.1", "Accept: application/xml");
        assertProblem(xml.status(), xml.header("Content-Type"), xml.body(), 403, "forbidden");
    }

    @Test
    void answersTheErrorPathItselfWithProblemJson() {
        for (String method : List.of("GET", "POST", "DELETE")) {
            RawHttp.Answer answer = raw(method + " /error HTTP/1.1", "Accept: text/html");

            // /error has no rule (only error dispatches reach it): a direct request is denied
            assertProblem(answer.status(), answer.header("Content-Type"), answer.body(), 403, "forbidden");
        }
    }

    @Test
    void answersAnErrorStatusSetWithoutABodyWithProblemJson() {
        for (String path : List.of("/actuator/metrics/no.such.metric", "/actuator/health/no-such-group")) {
            RawHttp.Answer answer = raw("GET " + path + " HTTP/1.1");

            assertProblem(answer.status(), answer.header("Content-Type"), answer.body(), 404, "not-found");
        }
        RawHttp.Answer wrongMethod = raw("POST /actuator/health HTTP/1.1", "Accept: application/json");
        assertProblem(wrongMethod.status(), wrongMethod.header("Content-Type"), wrongMethod.body(), 405,
                "method-not-allowed");
        RawHttp.Answer healthy = raw("GET /actuator/health HTTP/1.1");
        assertThat(healthy.status()).as(healthy.toString()).isEqualTo(200);
        assertThat(healthy.json().path("status").asString()).isEqualTo("UP");
    }

    // ---------------------------------------------------------------------------------------------- assertions

    private static void assertBadRequest(RawHttp.Answer answer) {
        assertProblem(answer.status(), answer.header("Content-Type"), answer.body(), 400, "bad-request");
    }

    /** problem+json, never HTML, with the status and the stable type, and the status repeated in the body. */
    private static void assertProblem(int status, String contentType, String body, int expectedStatus, String kind) {
        String seen = status + " " + contentType + "\n" + body;
        assertThat(status).as(seen).isEqualTo(expectedStatus);
        assertThat(contentType).as(seen).startsWith("application/problem+json");
        assertThat(body).as(seen).doesNotContainIgnoringCase("<html").doesNotContain("Apache Tomcat");
        JsonNode problem = RunningPlatform.JSON.readTree(body);
        assertThat(problem.path("type").asString()).as(seen).isEqualTo(TYPES + kind);
        assertThat(problem.path("status").asInt()).as(seen).isEqualTo(expectedStatus);
        assertThat(problem.path("title").asString()).as(seen).isNotBlank();
    }

    private static void assertFieldError(RunningPlatform.Response response, String field) {
        assertFieldError(response.status(), response.header("Content-Type"), response.body(), field);
    }

    private static void assertFieldError(int status, String contentType, String body, String field) {
        assertProblem(status, contentType, body, 400, "invalid-request");
        List<String> fields = new ArrayList<>();
        RunningPlatform.JSON.readTree(body).path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(body).contains(field);
    }
}
