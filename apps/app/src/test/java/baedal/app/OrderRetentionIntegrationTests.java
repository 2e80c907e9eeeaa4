package baedal.app;

import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;

import baedal.order.retention.OrderRetention;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Order retention on the embedded default: finished orders older than the retention leave their shard only once
 * the read model holds their final version, and their history is still answered by the read model.
 */
class OrderRetentionIntegrationTests {

    private static final long MEMBER = 80_001;

    @TempDir
    static Path data;

    static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.embedded(data, "--baedal.order-retention.interval=1h");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void removesOnlyOldFinishedOrdersTheReadModelHoldsAtTheirFinalVersion() throws Exception {
        String oldDelivered = delivered();
        String oldCancelledProjectedOlder = place();
        step(oldCancelledProjectedOlder, "cancel", Map.of("reason", "단순 변심"));
        String oldRejectedNotProjected = place();
        step(oldRejectedNotProjected, "reject", Map.of("reason", "재료 소진"));
        String oldAccepted = place();
        step(oldAccepted, "accept", Map.of("cookingMinutes", 20));
        String youngDelivered = delivered();
        for (String orderNo : new String[] {oldDelivered, oldCancelledProjectedOlder, oldRejectedNotProjected,
                oldAccepted, youngDelivered}) {
            long version = platform.get("/api/orders/" + orderNo).json().path("version").asLong();
            assertThat(platform.get("/api/order-views/" + orderNo + "?minVersion=" + version).header("Baedal-Stale"))
                    .as(orderNo).isEqualTo("false");
        }
        for (String orderNo : new String[] {oldDelivered, oldCancelledProjectedOlder, oldRejectedNotProjected,
                oldAccepted}) {
            ageOnItsShard(orderNo, 40);
        }
        onReadModel("update order_view set version = 1 where order_no = ?", oldCancelledProjectedOlder);
        onReadModel("delete from order_view where order_no = ?", oldRejectedNotProjected);

        OrderRetention.Run run = platform.bean(OrderRetention.class).runOnce();

        assertThat(run.removed()).isEqualTo(1);
        assertThat(run.notProjected()).isEqualTo(2);
        assertThat(platform.get("/api/orders/" + oldDelivered).status()).isEqualTo(404);
        assertThat(rowsOnItsShard(oldDelivered, "orders", "order_no")).isZero();
        assertThat(rowsOnItsShard(oldDelivered, "order_line", "order_no")).isZero();
        assertThat(rowsOnItsShard(oldDelivered, "idempotency_key", "order_no")).isZero();
        assertThat(rowsOnItsShard(oldDelivered, "outbox", "aggregateid")).as("the outbox keeps its own retention")
                .isEqualTo(6);
        for (String kept : new String[] {oldCancelledProjectedOlder, oldRejectedNotProjected, oldAccepted,
                youngDelivered}) {
            assertThat(platform.get("/api/orders/" + kept).status()).as(kept).isEqualTo(200);
            assertThat(rowsOnItsShard(kept, "order_line", "order_no")).as(kept).isPositive();
        }

        JsonNode history = platform.get("/api/order-views/" + oldDelivered).json();
        assertThat(history.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(history.path("version").asLong()).isEqualTo(6);
        assertThat(platform.get("/api/members/" + MEMBER + "/orders?status=DELIVERED&size=50").json().path("items")
                .findValuesAsString("orderNo")).contains(oldDelivered, youngDelivered);

        onReadModel("update order_view set version = 2 where order_no = ?", oldCancelledProjectedOlder);
        assertThat(platform.bean(OrderRetention.class).runOnce().removed()).as("once it holds the final version")
                .isEqualTo(1);
        assertThat(platform.get("/api/orders/" + oldCancelledProjectedOlder).status()).isEqualTo(404);
        assertThat(platform.get("/api/orders/" + oldAccepted).status()).isEqualTo(200);
    }

    private static String delivered() {
        String orderNo = place();
        step(orderNo, "accept", Map.of("cookingMinutes", 20));
        step(orderNo, "dispatch", Map.of("riderId", 501));
        step(orderNo, "arrive-at-shop", "");
        step(orderNo, "pick-up", "");
        step(orderNo, "deliver", "");
        return orderNo;
    }

    private static String place() {
        RunningPlatform.Response placed = platform.post("/api/orders", aSimpleOrder().forMember(MEMBER).body(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().path("orderNo").asString();
    }

    private static void step(String orderNo, String step, Object body) {
        RunningPlatform.Response response = platform.post("/api/orders/" + orderNo + "/" + step, body);
        assertThat(response.status()).as(step + " " + response.body()).isEqualTo(200);
    }

    /** Moves every time stamp of the order {@code days} into the past, as if it were that old. */
    private static void ageOnItsShard(String orderNo, int days) throws Exception {
        StringBuilder set = new StringBuilder();
        for (String column : new String[] {"placed_at", "accepted_at", "rider_dispatched_at", "rider_at_shop_at",
                "picked_up_at", "delivered_at", "rejected_at", "cancelled_at"}) {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ").append(column)
                    .append(" - make_interval(days => ").append(days).append(")");
        }
        try (Connection shard = shardOf(orderNo);
                PreparedStatement update = shard.prepareStatement("update orders set " + set + " where order_no = ?")) {
            update.setLong(1, Long.parseLong(orderNo));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static long rowsOnItsShard(String orderNo, String table, String column) throws Exception {
        try (Connection shard = shardOf(orderNo);
                PreparedStatement count = shard.prepareStatement("select count(*) from " + table + " where "
                        + column + ("aggregateid".equals(column) ? " = ?::text" : " = ?"))) {
            count.setLong(1, Long.parseLong(orderNo));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void onReadModel(String sql, String orderNo) throws Exception {
        try (Connection view = DriverManager.getConnection(platform.property("baedal.order-view.datasource.url"),
                "postgres", "");
                PreparedStatement statement = view.prepareStatement(sql)) {
            statement.setLong(1, Long.parseLong(orderNo));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    /** The order's shard: the last three digits of its number. */
    private static Connection shardOf(String orderNo) throws Exception {
        int shard = (int) (Long.parseLong(orderNo) % 1000);
        return DriverManager.getConnection(platform.property("baedal.shards.nodes[" + shard + "].url"), "postgres", "");
    }
}
