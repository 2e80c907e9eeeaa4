package baedal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedPlatformEnvironmentPostProcessor;
import baedal.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * An embedded default whose data was written before each module had its own migrations (one location
 * {@code classpath:db/shard}, one history table {@code flyway_schema_history} on every shard and on the catalog;
 * the scripts of that time are in {@code legacy-shard-layout/}) starts with the new layout: every module's history
 * table is adopted at the version the old one had reached, nothing is created twice, and the data is intact.
 */
class LegacyShardLayoutUpgradeIntegrationTests {

    private static final String SHARD_0 = EmbeddedPlatformEnvironmentPostProcessor.SHARD_DATABASE_PREFIX + 0;
    private static final String SHARD_1 = EmbeddedPlatformEnvironmentPostProcessor.SHARD_DATABASE_PREFIX + 1;
    private static final String CATALOG = EmbeddedPlatformEnvironmentPostProcessor.CATALOG_DATABASE;
    /** An order placed before the upgrade: serial 1 on shard 0. */
    private static final long OLD_ORDER = 1_000;

    @TempDir
    Path data;

    @Test
    void adoptsTheOldSharedHistoryAndKeepsEveryOrderAndEvent() {
        try (EmbeddedPlatform before = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(data).withFreePorts())) {
            before.createDatabaseIfMissing(CATALOG);
            before.createDatabaseIfMissing(EmbeddedPlatformEnvironmentPostProcessor.ORDER_VIEW_DATABASE);
            Flyway.configure().dataSource(dataSource(before, CATALOG)).load().migrate(); // its old history table
            for (String shard : List.of(SHARD_0, SHARD_1)) {
                before.createDatabaseIfMissing(shard);
                Flyway.configure().dataSource(dataSource(before, shard)).locations("classpath:legacy-shard-layout")
                        .load().migrate();
            }
            placeTheOldOrder(JdbcClient.create(dataSource(before, SHARD_0)));
        }

        try (RunningPlatform platform = RunningPlatform.embedded(data)) {
            JdbcClient shard = JdbcClient.create(dataSource(platform, SHARD_0));
            assertThat(history(shard, "order_schema_history")).containsExactly("3:<< adopted from flyway_schema_history >>");
            assertThat(history(shard, "outbox_schema_history"))
                    .containsExactly("4:<< adopted from flyway_schema_history >>");
            assertThat(shard.sql("select count(*) from flyway_schema_history").query(Long.class).single())
                    .as("the old history stays as it was").isEqualTo(7);
            assertThat(history(JdbcClient.create(dataSource(platform, CATALOG)), "catalog_schema_history"))
                    .containsExactly("2:<< adopted from flyway_schema_history >>");

            JsonNode old = platform.get("/api/orders/" + OLD_ORDER).json();
            assertThat(old.path("status").asString()).isEqualTo("PLACED");
            assertThat(old.path("totalAmount").asLong()).isEqualTo(23_000);
            JsonNode accepted = platform.post("/api/orders/" + OLD_ORDER + "/accept", Map.of("cookingMinutes", 15)).json();
            assertThat(accepted.path("status").asString()).isEqualTo("ACCEPTED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode events = platform.get("/api/orders/" + OLD_ORDER + "/events").json();
                assertThat(events).extracting(event -> event.path("version").asLong()).containsExactly(1L, 2L);
                assertThat(events).allSatisfy(event -> assertThat(event.path("publishedAt").asString()).isNotBlank());
            });
            RunningPlatform.Response placed = platform.post("/api/orders", OrderRequests.aSimpleOrder().body(),
                    "Idempotency-Key", java.util.UUID.randomUUID().toString());
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        }

        try (RunningPlatform again = RunningPlatform.embedded(data)) {
            assertThat(again.get("/api/orders/" + OLD_ORDER).json().path("status").asString()).isEqualTo("ACCEPTED");
        }
    }

    /** What the old release wrote for one placed order: its row, its line, its published OrderPlaced. */
    private static void placeTheOldOrder(JdbcClient shard) {
        shard.sql("select setval('order_serial', 1)").query(Long.class).single();
        shard.sql("""
                insert into orders (order_no, member_id, shop_id, shop_name, status, version, items_total, delivery_fee,
                    total_amount, payment_amount, road_address, address_detail, zip_code, lat, lng, request_to_shop,
                    request_to_rider, placed_at)
                values (:no, 1, 1, '바삭치킨 역삼점', 'PLACED', 1, 20000, 3000, 23000, 23000, '서울특별시 강남구 테헤란로 152',
                    '12층', '06236', 37.5, 127.0364, '', '', now())""").param("no", OLD_ORDER).update();
        shard.sql("""
                insert into order_line (order_no, line_no, menu_id, menu_name, unit_price, quantity, options, line_total)
                values (:no, 1, 101, '후라이드치킨', 20000, 1, '[]'::jsonb, 20000)""").param("no", OLD_ORDER).update();
        shard.sql("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, version, occurred_at)
                values ('0190a0e0-0000-7000-8000-000000000001', 'Order', :no, 'OrderPlaced', '{}', 1, now())""")
                .param("no", Long.toString(OLD_ORDER)).update();
        shard.sql("insert into outbox_publication select max(tx), max(seq), now() from outbox").update();
    }

    private static List<String> history(JdbcClient database, String table) {
        return database.sql("select version || ':' || description from " + table + " where success order by installed_rank")
                .query(String.class).list();
    }

    private static DriverManagerDataSource dataSource(EmbeddedPlatform platform, String database) {
        return new DriverManagerDataSource(platform.jdbcUrl(database), platform.postgresUser(), "");
    }

    private static DriverManagerDataSource dataSource(RunningPlatform platform, String database) {
        String catalogUrl = platform.property("spring.datasource.url");
        return new DriverManagerDataSource(catalogUrl.replace(CATALOG, database),
                platform.property("spring.datasource.username"), "");
    }
}
