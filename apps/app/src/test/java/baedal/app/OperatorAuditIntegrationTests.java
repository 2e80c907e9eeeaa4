package baedal.app;

import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * Every change an operator makes is recorded — who, when, what, why — and needs a reason: the header
 * {@code Baedal-Reason} or, where the endpoint has one, the body's {@code reason}. The trail is in
 * {@code operator_audit} on the platform's main database and listed at {@code GET /api/operator/audit}.
 */
class OperatorAuditIntegrationTests {

    @TempDir
    static Path data;

    static PostgresServer postgres;
    static RunningPlatform platform;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(data.resolve("pg"), "catalog", "shard_0", "shard_1");
        platform = RunningPlatform.start(postgres.url("catalog"), postgres.url("shard_0"), postgres.url("shard_1"));
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

    private static String placedByTheMember() {
        RunningPlatform.Response placed = platform.as("member-1001").post("/api/orders",
                aSimpleOrder().without("memberId").body(), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().path("orderNo").asString();
    }

    private static JsonNode latestAction() {
        RunningPlatform.Response audit = platform.get("/api/operator/audit?limit=1");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return audit.json().get(0);
    }

    @Test
    void recordsWhoWhenWhatAndWhyOfAnOperatorsChange() {
        String orderNo = placedByTheMember();

        RunningPlatform.Response accepted = platform.post("/api/orders/" + orderNo + "/accept",
                Map.of("cookingMinutes", 20), RunningPlatform.REASON,
                UriUtils.encode("가게 요청으로 대신 접수 010-1234-5678", StandardCharsets.UTF_8)); // headers are ISO-8859-1

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode action = latestAction();
        assertThat(action.path("subject").asString()).isEqualTo("operator");
        assertThat(action.path("method").asString()).isEqualTo("POST");
        assertThat(action.path("route").asString()).isEqualTo("/api/orders/{orderNo}/accept");
        assertThat(action.path("path").asString()).isEqualTo("/api/orders/" + orderNo + "/accept");
        assertThat(action.path("targets").path("orderNo").asString()).isEqualTo(orderNo);
        assertThat(action.path("status").asInt()).isEqualTo(200);
        assertThat(action.path("at").asString()).isNotBlank();
        assertThat(action.path("reason").asString()).startsWith("가게 요청으로 대신 접수").doesNotContain("1234-5678");
    }

    @Test
    void takesTheBodysReasonWhereTheEndpointHasOne() {
        String orderNo = placedByTheMember();

        RunningPlatform.Response cancelled = platform.operatorWithoutReason().post("/api/orders/" + orderNo + "/cancel",
                Map.of("reason", "고객센터 요청"));

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(latestAction().path("reason").asString()).isEqualTo("고객센터 요청");
        assertThat(latestAction().path("route").asString()).isEqualTo("/api/orders/{orderNo}/cancel");
    }

    @Test
    void refusesAnOperatorsChangeWithoutAReasonAndDoesNothing() {
        String orderNo = placedByTheMember();
        long before = platform.get("/api/operator/audit?limit=1000").json().size();

        RunningPlatform.Response refused = platform.operatorWithoutReason().post("/api/orders/" + orderNo + "/accept",
                Map.of("cookingMinutes", 20));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemType()).endsWith("/invalid-request");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("Baedal-Reason");
        assertThat(platform.get("/api/orders/" + orderNo).json().path("status").asString()).isEqualTo("PLACED");
        assertThat(platform.get("/api/operator/audit?limit=1000").json().size()).isEqualTo(before);
    }

    @Test
    void recordsARefusedChangeWithItsStatus() {
        RunningPlatform.Response missing = platform.post("/api/orders/1000999/accept", Map.of("cookingMinutes", 20));

        assertThat(missing.status()).isEqualTo(404);
        JsonNode action = latestAction();
        assertThat(action.path("status").asInt()).isEqualTo(404);
        assertThat(action.path("targets").path("orderNo").asString()).isEqualTo("1000999");
    }

    @Test
    void recordsNoChangeOfOtherCallersAndShowsTheTrailToOperatorsOnly() {
        long before = platform.get("/api/operator/audit?limit=1000").json().size();

        placedByTheMember();

        assertThat(platform.get("/api/operator/audit?limit=1000").json().size()).isEqualTo(before);
        assertThat(platform.as("member-1001").get("/api/operator/audit").status()).isEqualTo(403);
        assertThat(platform.get("/api/operator/audit?limit=0").status()).isEqualTo(400);
        assertThat(postgres.count("catalog", "select count(*) from identity_schema_history where success")).isPositive();
    }
}
