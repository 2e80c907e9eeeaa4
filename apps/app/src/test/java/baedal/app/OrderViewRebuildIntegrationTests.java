package baedal.app;

import static baedal.app.OrderRequests.aChickenOrder;
import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.orderview.rebuild.OrderViewRebuild;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The read model's rebuild end to end on the embedded default: orders moved through their lifecycle are projected
 * and their snapshots published; a rebuild fills new tables from the compacted snapshot topic alone while the live
 * read model keeps answering, catches up with orders changed meanwhile, and swaps the tables in.
 */
class OrderViewRebuildIntegrationTests {

    private static final String PROBLEMS = "https://baedal.io/problems/";

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

    /** One document as the read model holds it. */
    record Held(long version, JsonNode document) {
    }

    @Test
    void rebuildsTheSameDocumentsFromTheSnapshotsWhileServingAndKeepsChangesMadeDuringTheRebuild() throws Exception {
        long member = 70_001;
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String delivered = place(aChickenOrder().forMember(member));
            step(delivered, "accept", Map.of("cookingMinutes", 20));
            step(delivered, "dispatch", Map.of("riderId", 500 + i));
            step(delivered, "arrive-at-shop", "");
            step(delivered, "pick-up", "");
            step(delivered, "deliver", "");
            orders.add(delivered);
            String rejected = place(aSimpleOrder().forMember(member));
            step(rejected, "reject", Map.of("reason", "재료 소진"));
            orders.add(rejected);
            String cancelled = place(aSimpleOrder().forMember(member));
            step(cancelled, "accept", Map.of("cookingMinutes", 10));
            step(cancelled, "cancel", Map.of("reason", "단순 변심"));
            orders.add(cancelled);
            orders.add(place(aSimpleOrder().forMember(member)));
        }
        String changedAfterSnapshots = place(aSimpleOrder().forMember(member));
        String changedAfterLiveCopy = place(aSimpleOrder().forMember(member));
        orders.add(changedAfterSnapshots);
        orders.add(changedAfterLiveCopy);
        for (String orderNo : orders) {
            long version = platform.get("/api/orders/" + orderNo).json().path("version").asLong();
            assertThat(view(orderNo, version).header("Baedal-Stale")).as(orderNo).isEqualTo("false");
        }
        awaitProjectorCommitted();
        Map<Long, Held> before = documents("order_view");
        assertThat(before.keySet()).containsAll(orders.stream().map(Long::valueOf).toList());

        CountDownLatch snapshotsRead = new CountDownLatch(1);
        CountDownLatch liveCopied = new CountDownLatch(1);
        CountDownLatch goOnAfterSnapshots = new CountDownLatch(1);
        CountDownLatch goOnAfterLiveCopy = new CountDownLatch(1);
        platform.bean(OrderViewRebuild.class).start(new OrderViewRebuild.Listener() {
            @Override
            public void snapshotsRead() {
                snapshotsRead.countDown();
                awaitQuietly(goOnAfterSnapshots);
            }

            @Override
            public void liveCopied() {
                liveCopied.countDown();
                awaitQuietly(goOnAfterLiveCopy);
            }
        });
        assertThat(snapshotsRead.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(documents("order_view_next")).as("rebuilt from the snapshot topic alone = live").isEqualTo(before);
        JsonNode running = platform.get("/api/operator/order-view/rebuild").json();
        assertThat(running.path("state").asString()).isEqualTo("RUNNING");
        assertThat(running.path("snapshotsRead").asLong()).isGreaterThanOrEqualTo(before.size());
        RunningPlatform.Response second = platform.post("/api/operator/order-view/rebuild", "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo(PROBLEMS + "order-view-rebuild-running");
        assertThat(platform.get("/api/members/" + member + "/orders?size=50").json().path("items").size())
                .as("queries answer from the live tables during the rebuild").isEqualTo(orders.size());

        step(changedAfterSnapshots, "accept", Map.of("cookingMinutes", 15));
        assertThat(view(changedAfterSnapshots, 2).header("Baedal-Stale")).isEqualTo("false");
        goOnAfterSnapshots.countDown();
        assertThat(liveCopied.await(60, TimeUnit.SECONDS)).isTrue();
        step(changedAfterLiveCopy, "reject", Map.of("reason", "영업 종료"));
        assertThat(view(changedAfterLiveCopy, 2).header("Baedal-Stale")).isEqualTo("false");
        Map<Long, Held> liveBeforeSwap = documents("order_view");
        goOnAfterLiveCopy.countDown();

        await().atMost(Duration.ofSeconds(60)).until(() -> !platform.get("/api/operator/order-view/rebuild").json()
                .path("state").asString().equals("RUNNING"));
        JsonNode finished = platform.get("/api/operator/order-view/rebuild").json();
        assertThat(finished.path("state").asString()).as(finished.toString()).isEqualTo("FINISHED");
        assertThat(finished.path("documentsCaughtUp").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(finished.path("documents").asLong()).isEqualTo(liveBeforeSwap.size());

        Map<Long, Held> after = documents("order_view");
        assertThat(after).as("every document and version after the swap").isEqualTo(liveBeforeSwap);
        assertThat(after.get(Long.valueOf(changedAfterSnapshots)).version()).isEqualTo(2);
        assertThat(after.get(Long.valueOf(changedAfterLiveCopy)).version()).isEqualTo(2);
        assertThat(after.get(Long.valueOf(changedAfterLiveCopy)).document().path("status").asString())
                .isEqualTo("REJECTED");
        assertThat(tablesAndIndexes()).contains("order_view", "order_view_event", "order_view_member",
                "order_view_shop_day", "order_view_pkey", "order_view_event_pkey", "order_view_updated")
                .doesNotContain("order_view_next", "order_view_event_next", "order_view_old");

        platform.get("/api/orders/" + orders.getFirst() + "/events").json().forEach(event -> assertThat(
                event.path("projectedAt").asString()).as("projection times survive the swap").isNotBlank());
        step(changedAfterSnapshots, "dispatch", Map.of("riderId", 777));
        assertThat(view(changedAfterSnapshots, 3).header("Baedal-Stale")).as("the projector writes into the new tables")
                .isEqualTo("false");
    }

    private static String place(OrderRequests order) {
        RunningPlatform.Response placed = platform.post("/api/orders", order.body(), "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().path("orderNo").asString();
    }

    private static void step(String orderNo, String step, Object body) {
        RunningPlatform.Response response = platform.post("/api/orders/" + orderNo + "/" + step, body);
        assertThat(response.status()).as(step + " " + response.body()).isEqualTo(200);
    }

    private static RunningPlatform.Response view(String orderNo, long minVersion) {
        return platform.get("/api/order-views/" + orderNo + "?minVersion=" + minVersion);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The projector commits its offsets only after the batch's snapshots are acknowledged. */
    private static void awaitProjectorCommitted() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.property("spring.kafka.bootstrap-servers")))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("order-view-projector")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                        .stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                        .all().get(10, TimeUnit.SECONDS);
                return !committed.isEmpty() && committed.entrySet().stream().allMatch(entry ->
                        entry.getValue().offset() >= ends.get(entry.getKey()).offset());
            });
        }
    }

    private static Map<Long, Held> documents(String table) throws Exception {
        Map<Long, Held> documents = new TreeMap<>();
        try (Connection connection = viewDatabase();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select order_no, version, document::text from " + table)) {
            while (rows.next()) {
                documents.put(rows.getLong(1), new Held(rows.getLong(2), RunningPlatform.JSON.readTree(rows.getString(3))));
            }
        }
        return documents;
    }

    private static List<String> tablesAndIndexes() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = viewDatabase();
                ResultSet rows = connection.createStatement().executeQuery("""
                        select relname from pg_class
                         where relnamespace = current_schema()::regnamespace and relname like 'order_view%'""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static Connection viewDatabase() throws Exception {
        return DriverManager.getConnection(platform.property("baedal.order-view.datasource.url"), "postgres", "");
    }
}
