package baedal.app;

import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.identity.RouteTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the running platform, read from its handler mappings, against the route table and against a table
 * of expectations kept here: each has a rule (deny by default: a route without one fails), answers 401 with
 * {@code WWW-Authenticate} without a token, 403 to a role that may not call it, 404 to another owner where the rule
 * is ownership, and 2xx to the right owner. A new route without an entry in {@link #EXPECTATIONS} fails too.
 */
class RouteAuthorizationIntegrationTests {

    private static final String MEMBER = "member-1001";
    private static final String OTHER_MEMBER = "member-1002";
    private static final String SHOP = "shop-1";
    private static final String OTHER_SHOP = "shop-2";
    private static final String RIDER = "rider-501";
    private static final String OTHER_RIDER = "rider-502";
    private static final String SERVICE = RunningPlatform.SERVICE_PREFIX + "member-service";
    private static final String ANYONE = null;

    @TempDir
    static Path data;

    static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.embedded(data);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * What one route expects: who gets a 2xx (or, for an operator's repair with nothing to repair, the given
     * status that is not a refusal), which roles are refused (403), which other owners are told nothing exists (404).
     */
    record Expectation(String method, String pattern, String owner, int ownerStatus, List<String> wrongRoles,
            List<String> otherOwners, Supplier<Call> call) {
    }

    /** A request to a route: its path with real ids, its body ({@code null}: none) and extra headers (name, value…). */
    record Call(String path, Object body, String... headers) {
    }

    /** A flag the coverage may switch: nothing depends on it yet. */
    private static final String FLAG = "rider.licence-automation";

    private static final List<Expectation> EXPECTATIONS = List.of(
            // the catalog: public data
            new Expectation("GET", "/api/shops", ANYONE, 200, List.of(), List.of(), () -> new Call("/api/shops", null)),
            new Expectation("GET", "/api/shops/{shopId}/menus", ANYONE, 200, List.of(), List.of(),
                    () -> new Call("/api/shops/1/menus", null)),
            // orders
            new Expectation("POST", "/api/orders", MEMBER, 201, List.of(SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/orders", aSimpleOrder().without("memberId").body())),
            new Expectation("GET", "/api/orders/{orderNo}", MEMBER, 200, List.of(SERVICE),
                    List.of(OTHER_MEMBER, OTHER_SHOP, OTHER_RIDER), () -> new Call("/api/orders/" + placed(), null)),
            new Expectation("POST", "/api/orders/{orderNo}/accept", SHOP, 200, List.of(MEMBER, RIDER, SERVICE),
                    List.of(OTHER_SHOP), () -> new Call("/api/orders/" + placed() + "/accept",
                    Map.of("cookingMinutes", 15))),
            new Expectation("POST", "/api/orders/{orderNo}/reject", SHOP, 200, List.of(MEMBER, RIDER, SERVICE),
                    List.of(OTHER_SHOP), () -> new Call("/api/orders/" + placed() + "/reject",
                    Map.of("reason", "재료 소진"))),
            new Expectation("POST", "/api/orders/{orderNo}/cancel", MEMBER, 200, List.of(SHOP, RIDER, SERVICE),
                    List.of(OTHER_MEMBER), () -> new Call("/api/orders/" + placed() + "/cancel",
                    Map.of("reason", "변심"))),
            // a rider takes a dispatch for itself: another rider's id is 403 (acting for another), see below
            new Expectation("POST", "/api/orders/{orderNo}/dispatch", RIDER, 200, List.of(MEMBER, SHOP, SERVICE),
                    List.of(), () -> new Call("/api/orders/" + accepted() + "/dispatch", Map.of())),
            new Expectation("POST", "/api/orders/{orderNo}/arrive-at-shop", RIDER, 200, List.of(MEMBER, SHOP, SERVICE),
                    List.of(OTHER_RIDER), () -> new Call("/api/orders/" + dispatched() + "/arrive-at-shop", null)),
            new Expectation("POST", "/api/orders/{orderNo}/pick-up", RIDER, 200, List.of(MEMBER, SHOP, SERVICE),
                    List.of(OTHER_RIDER), () -> new Call("/api/orders/" + arrived() + "/pick-up", null)),
            new Expectation("POST", "/api/orders/{orderNo}/deliver", RIDER, 200, List.of(MEMBER, SHOP, SERVICE),
                    List.of(OTHER_RIDER), () -> new Call("/api/orders/" + pickedUp() + "/deliver", null)),
            new Expectation("GET", "/api/orders/{orderNo}/events", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/orders/" + placed() + "/events", null)),
            // order history (the read model)
            new Expectation("GET", "/api/order-views/{orderNo}", MEMBER, 200, List.of(SERVICE),
                    List.of(OTHER_MEMBER, OTHER_SHOP, OTHER_RIDER), () -> new Call("/api/order-views/" + projected(), null)),
            new Expectation("GET", "/api/members/{memberId}/orders", MEMBER, 200, List.of(SHOP, RIDER, SERVICE),
                    List.of(OTHER_MEMBER), () -> new Call("/api/members/1001/orders", null)),
            new Expectation("GET", "/api/shops/{shopId}/orders", SHOP, 200, List.of(MEMBER, RIDER, SERVICE),
                    List.of(OTHER_SHOP), () -> new Call("/api/shops/1/orders", null)),
            // operators' endpoints
            new Expectation("GET", "/api/operator/order-view/dead-letters", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/order-view/dead-letters", null)),
            new Expectation("POST", "/api/operator/order-view/dead-letters/{id}/replay", RunningPlatform.OPERATOR, 404,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/order-view/dead-letters/999999/replay", null)),
            new Expectation("GET", "/api/operator/order-view/rebuild", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(), () -> new Call("/api/operator/order-view/rebuild", null)),
            new Expectation("POST", "/api/operator/order-view/rebuild", RunningPlatform.OPERATOR, 202,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(), () -> new Call("/api/operator/order-view/rebuild", null)),
            new Expectation("POST", "/api/operator/outbox/shards/{shard}/republish", RunningPlatform.OPERATOR, 202,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/outbox/shards/0/republish", Map.of("aggregateId", "no-such-order"))),
            new Expectation("POST", "/api/operator/outbox/databases/{name}/republish", RunningPlatform.OPERATOR, 404,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/outbox/databases/no-such-database/republish",
                            Map.of("aggregateId", "x"))),
            new Expectation("GET", "/api/operator/audit", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(), () -> new Call("/api/operator/audit?limit=5", null)),
            // feature flags
            new Expectation("GET", "/api/operator/flags", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(), () -> new Call("/api/operator/flags", null)),
            new Expectation("GET", "/api/operator/flags/{key}", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/flags/" + FLAG, null)),
            new Expectation("PUT", "/api/operator/flags/{key}", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/flags/" + FLAG, Map.of("enabled", true, "reason", "route coverage"),
                            "If-Match", platform.get("/api/operator/flags/" + FLAG).header("ETag"))),
            new Expectation("GET", "/api/operator/flags/{key}/history", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/flags/" + FLAG + "/history", null)),
            new Expectation("GET", "/api/operator/flags/{key}/instances", RunningPlatform.OPERATOR, 200,
                    List.of(MEMBER, SHOP, RIDER, SERVICE), List.of(),
                    () -> new Call("/api/operator/flags/" + FLAG + "/instances", null)));


    // ------------------------------------------------------------------------------------------ order fixtures

    /** A new order of member-1001 at shop 1, placed by the member itself. */
    private static String placed() {
        RunningPlatform.Response placed = platform.as(MEMBER).post("/api/orders", aSimpleOrder().without("memberId").body(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().path("orderNo").asString();
    }

    private static String accepted() {
        return step(placed(), SHOP, "accept", Map.of("cookingMinutes", 15));
    }

    private static String dispatched() {
        return step(accepted(), RIDER, "dispatch", Map.of());
    }

    private static String arrived() {
        return step(dispatched(), RIDER, "arrive-at-shop", Map.of());
    }

    private static String pickedUp() {
        return step(arrived(), RIDER, "pick-up", Map.of());
    }

    /** A dispatched order, once the read model shows it (to the member). */
    private static String projected() {
        String orderNo = dispatched();
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.as(MEMBER)
                .get("/api/order-views/" + orderNo + "?minVersion=3").status() == 200);
        return orderNo;
    }

    private static String step(String orderNo, String actor, String step, Object body) {
        RunningPlatform.Response response = platform.as(actor).post("/api/orders/" + orderNo + "/" + step, body);
        assertThat(response.status()).as(step + ": " + response.body()).isEqualTo(200);
        return orderNo;
    }

    private static RunningPlatform.Response send(RunningPlatform as, String method, Call call) {
        if (method.equals("GET")) {
            return as.get(call.path(), call.headers());
        }
        Object body = call.body() == null ? "" : call.body();
        if (method.equals("PUT")) {
            return as.put(call.path(), body, call.headers());
        }
        String[] headers = Arrays.copyOf(call.headers(), call.headers().length + 2);
        headers[headers.length - 2] = "Idempotency-Key";
        headers[headers.length - 1] = UUID.randomUUID().toString();
        return as.post(call.path(), body, headers);
    }

    private static RunningPlatform actor(String name) {
        return name == null ? platform.anonymous() : platform.as(name);
    }

    // ----------------------------------------------------------------------------------------------------- tests

    @Test
    void everyRouteHasARuleAndAnExpectation() {
        RouteTable table = platform.bean(RouteTable.class);
        Set<String> routes = new TreeSet<>();
        List<String> withoutRule = new ArrayList<>();
        // the application's controllers, and any actuator @ControllerEndpoint
        platform.beans(RequestMappingHandlerMapping.class).values().forEach(mappings ->
                mappings.getHandlerMethods().forEach((mapping, handler) -> {
            for (String pattern : mapping.getPatternValues()) {
                if (pattern.equals("/error") || pattern.startsWith("/oauth2/") || pattern.startsWith("/.well-known/")) {
                    continue; // reached by error dispatches only; the issuer's own endpoints
                }
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                    String route = method + " " + pattern;
                    routes.add(route);
                    if (table.ruleForRoute(method.asHttpMethod(), pattern).isEmpty()) {
                        withoutRule.add(route);
                    }
                }
                if (mapping.getMethodsCondition().getMethods().isEmpty()) {
                    routes.add("* " + pattern);
                    withoutRule.add("* " + pattern + " (declare its methods)");
                }
            }
        }));
        Set<String> expected = new LinkedHashSet<>();
        EXPECTATIONS.forEach(expectation -> expected.add(expectation.method() + " " + expectation.pattern()));

        assertThat(routes).as("routes of the app").hasSizeGreaterThan(15);
        assertThat(withoutRule).as("routes without a rule (denied by default: give each a rule)").isEmpty();
        assertThat(expected).as("every route has an expectation in this test, and every expectation a route")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void answersEveryRouteAsItsRuleAndItsOwnerSay() {
        List<String> failures = new ArrayList<>();
        for (Expectation expectation : EXPECTATIONS) {
            String route = expectation.method() + " " + expectation.pattern();
            Call call = expectation.call().get();
            if (expectation.owner() != ANYONE) {
                RunningPlatform.Response anonymous = send(platform.anonymous(), expectation.method(), call);
                check(failures, route + " without a token", anonymous, 401, "unauthorized");
                if (anonymous.header("WWW-Authenticate") == null || !anonymous.header("WWW-Authenticate").startsWith("Bearer")) {
                    failures.add(route + " without a token: no WWW-Authenticate: Bearer");
                }
            }
            for (String wrong : expectation.wrongRoles()) {
                check(failures, route + " as " + wrong, send(actor(wrong), expectation.method(), call), 403, "forbidden");
            }
            for (String other : expectation.otherOwners()) {
                check(failures, route + " as " + other, send(actor(other), expectation.method(), call), 404, null);
            }
            RunningPlatform.Response owner = send(actor(expectation.owner()), expectation.method(), call);
            if (owner.status() != expectation.ownerStatus()) {
                failures.add(route + " as " + expectation.owner() + ": " + owner.status() + " " + owner.body()
                        + " (expected " + expectation.ownerStatus() + ")");
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String what, RunningPlatform.Response response, int status,
            String kind) {
        if (response.status() != status) {
            failures.add(what + ": " + response.status() + " " + response.body() + " (expected " + status + ")");
            return;
        }
        if (kind != null && !response.problemType().endsWith("/" + kind)) {
            failures.add(what + ": " + response.body() + " (expected the problem " + kind + ")");
        }
    }

    @Test
    void refusesAMemberPlacingForAnotherMemberAndARiderTakingAnotherRidersDispatch() {
        RunningPlatform.Response forAnother = platform.as(MEMBER).post("/api/orders",
                aSimpleOrder().forMember(1002).body(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(forAnother.status()).as(forAnother.body()).isEqualTo(403);
        assertThat(forAnother.problemType()).endsWith("/forbidden");

        String orderNo = accepted();
        RunningPlatform.Response otherRider = platform.as(RIDER).post("/api/orders/" + orderNo + "/dispatch",
                Map.of("riderId", 502));
        assertThat(otherRider.status()).as(otherRider.body()).isEqualTo(403);
        assertThat(otherRider.problemType()).endsWith("/forbidden");
    }

    @Test
    void letsAnOperatorPlaceForTheBodysMemberAndCancelAsOperator() {
        RunningPlatform.Response placed = platform.post("/api/orders", aSimpleOrder().forMember(1003).body(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().path("memberId").asLong()).isEqualTo(1003);
        RunningPlatform.Response withoutMember = platform.post("/api/orders", aSimpleOrder().without("memberId").body(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(withoutMember.status()).as(withoutMember.body()).isEqualTo(400);

        String orderNo = placed.json().path("orderNo").asString();
        RunningPlatform.Response cancelled = platform.post("/api/orders/" + orderNo + "/cancel", Map.of("reason", "운영 취소"));
        assertThat(cancelled.json().path("cancellation").path("by").asString()).isEqualTo("OPERATOR");
        String own = placed();
        RunningPlatform.Response byMember = platform.as(MEMBER).post("/api/orders/" + own + "/cancel", Map.of("reason", "변심"));
        assertThat(byMember.json().path("cancellation").path("by").asString()).isEqualTo("MEMBER");
    }

    @Test
    void scopesIdempotencyKeysToTheCaller() {
        String key = UUID.randomUUID().toString();
        RunningPlatform.Response first = platform.as(MEMBER).post("/api/orders", aSimpleOrder().without("memberId").body(),
                "Idempotency-Key", key);
        RunningPlatform.Response second = platform.as(OTHER_MEMBER).post("/api/orders",
                aSimpleOrder().without("memberId").body(), "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(second.json().path("orderNo").asString()).isNotEqualTo(first.json().path("orderNo").asString());
        assertThat(second.json().path("memberId").asLong()).isEqualTo(1002);
        assertThat(platform.as(OTHER_MEMBER).get("/api/orders/" + first.json().path("orderNo").asString()).status())
                .isEqualTo(404);
        assertThat(platform.as(MEMBER).get("/api/orders/" + second.json().path("orderNo").asString()).status())
                .isEqualTo(404);
        RunningPlatform.Response retry = platform.as(MEMBER).post("/api/orders", aSimpleOrder().without("memberId").body(),
                "Idempotency-Key", key);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("orderNo").asString()).isEqualTo(first.json().path("orderNo").asString());
    }

    @Test
    void showsHealthDetailsToOperatorsOnly() {
        RunningPlatform.Response anonymous = platform.anonymous().get("/actuator/health");
        RunningPlatform.Response operator = platform.get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(operator.json().path("components").has("shards")).isTrue();
        assertThat(platform.as(MEMBER).get("/actuator/metrics").status()).isEqualTo(403);
    }
}
