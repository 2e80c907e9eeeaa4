package baedal.app;

import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.sharding.Shard;
import baedal.sharding.Shards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A retry with the same idempotency key returns the order its first attempt placed — never a second one — when
 * that attempt fell over to the key's second shard and the first is back, when shards were added since, and when
 * two instances disagree about a shard's health (ADR 0001, "Placement and retries"). Each shard whose outage
 * matters runs on its own PostgreSQL server, stopped and restarted like an operator would.
 */
class IdempotencyAcrossShardsIntegrationTests {

    @TempDir
    Path data;

    private final Random keys = new Random(20_260_101);

    private String nextKey() {
        return new UUID(keys.nextLong(), keys.nextLong()).toString();
    }

    /** Starts an instance on the given shard URLs (in shard-number order), with extra settings. */
    private static RunningPlatform start(Map<String, String> settings, String catalogUrl, String... shardUrls) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("baedal.embedded.enabled", "false");
        properties.put("spring.datasource.url", catalogUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.kafka.bootstrap-servers", "localhost:1");
        properties.put("spring.kafka.admin.auto-create", "false");
        properties.put("baedal.outbox.enabled", "false");
        properties.put("baedal.order-view.datasource.url", catalogUrl);
        properties.put("baedal.order-view.projector.enabled", "false");
        properties.put("baedal.shards.retry-after", "1s");
        properties.put("baedal.shards.pool-size", "4");
        properties.put("logging.level.baedal", "WARN");
        for (int i = 0; i < shardUrls.length; i++) {
            properties.put("baedal.shards.nodes[" + i + "].url", shardUrls[i]);
            properties.put("baedal.shards.nodes[" + i + "].username", "postgres");
        }
        properties.putAll(settings);
        properties.putAll(RunningPlatform.identitySettings());
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return RunningPlatform.attach(new SpringApplicationBuilder(BaedalApplication.class).run(arguments));
    }

    private static RunningPlatform start(String catalogUrl, String... shardUrls) {
        return start(Map.of(), catalogUrl, shardUrls);
    }

    /** The key as stored: scoped to the caller who sent it (the operator these tests act as). */
    private static String stored(String key) {
        return RunningPlatform.OPERATOR + ":" + key;
    }

    /** The shard numbers of the key's ranking on this instance, best first (the ranking of the stored key). */
    private static List<Integer> ranking(RunningPlatform platform, String key) {
        return platform.bean(Shards.class).ranking(stored(key)).stream().map(Shard::no).map(no -> no.value()).toList();
    }

    /** A fresh key whose ranking on this instance satisfies the condition. */
    private String keyRanked(RunningPlatform platform, Predicate<List<Integer>> condition) {
        while (true) {
            String key = nextKey();
            if (condition.test(ranking(platform, key))) {
                return key;
            }
        }
    }

    private static RunningPlatform.Response place(RunningPlatform platform, String key) {
        return platform.post("/api/orders", aSimpleOrder().body(), "Idempotency-Key", key);
    }

    private static String placed(RunningPlatform platform, String key) {
        RunningPlatform.Response response = place(platform, key);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("false");
        return response.json().path("orderNo").asString();
    }

    private static void assertReplayed(RunningPlatform platform, String key, String orderNo) {
        RunningPlatform.Response retry = place(platform, key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).as("retry of %s", key).isEqualTo("true");
        assertThat(retry.json().path("orderNo").asString()).isEqualTo(orderNo);
    }

    /** Waits until the instance reads an order on that shard again (which also closes its breaker). */
    private static void awaitReadable(RunningPlatform platform, String orderNo) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> platform.get("/api/orders/" + orderNo).status() == 200);
    }

    private static int shardOf(String orderNo) {
        return (int) (Long.parseLong(orderNo) % 1000);
    }

    /** A shard database: the server it is on and its name there. */
    private record Db(PostgresServer server, String name) {

        long rowsFor(String key) {
            return server.count(name, "select count(*) from idempotency_key where idempotency_key = '" + stored(key) + "'");
        }

        long orders() {
            return server.count(name, "select count(*) from orders");
        }
    }

    private static long rowsFor(String key, Db... shards) {
        long rows = 0;
        for (Db shard : shards) {
            rows += shard.rowsFor(key);
        }
        return rows;
    }

    /** Scenario (a): the first attempt fell over to the key's second shard; the retry comes once the first is back. */
    @Test
    void aRetryAfterTheKeysFirstShardIsBackReturnsTheOrderPlacedOnItsSecondShard() {
        try (PostgresServer main = PostgresServer.start(data.resolve("pg-main"), "catalog", "shard_0", "shard_1");
                PostgresServer lonely = PostgresServer.start(data.resolve("pg-shard-2"), "shard_2");
                RunningPlatform platform = start(main.url("catalog"), main.url("shard_0"), main.url("shard_1"),
                        lonely.url("shard_2"))) {
            Db[] shards = {new Db(main, "shard_0"), new Db(main, "shard_1"), new Db(lonely, "shard_2")};
            String onShard2 = placed(platform, keyRanked(platform, ranking -> ranking.getFirst() == 2));
            String key = keyRanked(platform, ranking -> ranking.getFirst() == 2);
            int second = ranking(platform, key).get(1);

            lonely.stop();
            String orderNo = placed(platform, key);
            assertThat(shardOf(orderNo)).as("placed on the key's second shard").isEqualTo(second);

            lonely.restart();
            awaitReadable(platform, onShard2);
            assertThat(platform.get("/actuator/health").json().path("components").path("shards").path("details")
                    .path("shard-2").asString()).isEqualTo("UP");

            assertReplayed(platform, key, orderNo);
            assertReplayed(platform, key, orderNo);
            assertThat(rowsFor(key, shards)).as("one order for the key across all shards").isOne();
            assertThat(shards[2].rowsFor(key)).isZero();
            assertThat(shards[2].orders()).isOne();
        }
    }

    /**
     * Scenario (b): keys placed on two shards — some while the second server was down, so on the other one — are
     * retried after a third shard was appended (the platform restarted with one more node), which ranks first for
     * about a third of them.
     */
    @Test
    void aRetryAfterAShardWasAddedReturnsTheOrderOfTheEarlierTopology() {
        try (PostgresServer main = PostgresServer.start(data.resolve("pg-main"), "catalog", "shard_0", "shard_2");
                PostgresServer other = PostgresServer.start(data.resolve("pg-shard-1"), "shard_1")) {
            Db[] shards = {new Db(main, "shard_0"), new Db(other, "shard_1"), new Db(main, "shard_2")};
            Map<String, String> placed = new LinkedHashMap<>();
            List<String> fellOver = new ArrayList<>();
            try (RunningPlatform twoShards = start(main.url("catalog"), main.url("shard_0"), other.url("shard_1"))) {
                for (int i = 0; i < 30; i++) {
                    String key = nextKey();
                    placed.put(key, placed(twoShards, key));
                }
                other.stop();
                for (int i = 0; i < 30; i++) {
                    String key = nextKey();
                    placed.put(key, placed(twoShards, key));
                    if (ranking(twoShards, key).getFirst() == 1) {
                        fellOver.add(key);
                    }
                }
            }
            other.restart();
            assertThat(fellOver).as("keys of shard 1 placed on shard 0 while it was down").isNotEmpty()
                    .allSatisfy(key -> assertThat(shardOf(placed.get(key))).isZero());

            try (RunningPlatform threeShards = start(main.url("catalog"), main.url("shard_0"), other.url("shard_1"),
                    main.url("shard_2"))) {
                awaitReadable(threeShards, placed.values().stream().filter(no -> shardOf(no) == 1).findFirst().orElseThrow());
                List<String> nowRankingShard2First = placed.keySet().stream()
                        .filter(key -> ranking(threeShards, key).getFirst() == 2).toList();
                assertThat(nowRankingShard2First).as("the added shard now ranks first for some keys").isNotEmpty();
                assertThat(fellOver).as("and some of those fell over under two shards: their order is third now")
                        .anySatisfy(key -> assertThat(ranking(threeShards, key)).containsExactly(2, 1, 0));

                placed.forEach((key, orderNo) -> assertReplayed(threeShards, key, orderNo));
                placed.keySet().forEach(key -> assertThat(rowsFor(key, shards)).as("rows for %s", key).isOne());
                assertThat(shards[2].orders()).as("no retry was placed on the added shard").isZero();

                // new keys do go to the added shard
                List<Integer> newShards = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    newShards.add(shardOf(placed(threeShards, nextKey())));
                }
                assertThat(newShards).contains(2);
            }
        }
    }

    /**
     * Scenario (c): two instances on the same shards disagree about shard 2 — one still holds it down (its breaker
     * is open for a minute), the other reads and writes it. Orders placed through either are found through the other.
     */
    @Test
    void twoInstancesThatDisagreeAboutAShardsHealthFindEachOthersOrders() {
        try (PostgresServer main = PostgresServer.start(data.resolve("pg-main"), "catalog", "shard_0", "shard_1");
                PostgresServer lonely = PostgresServer.start(data.resolve("pg-shard-2"), "shard_2")) {
            String[] urls = {main.url("shard_0"), main.url("shard_1"), lonely.url("shard_2")};
            Db[] shards = {new Db(main, "shard_0"), new Db(main, "shard_1"), new Db(lonely, "shard_2")};
            try (RunningPlatform sawItDown = start(Map.of("baedal.shards.retry-after", "60s"), main.url("catalog"), urls);
                    RunningPlatform seesItUp = start(main.url("catalog"), urls)) {
                String onShard2 = placed(seesItUp, keyRanked(seesItUp, ranking -> ranking.getFirst() == 2));
                String first = keyRanked(sawItDown, ranking -> ranking.getFirst() == 2);

                lonely.stop();
                String firstOrder = placed(sawItDown, first);
                assertThat(shardOf(firstOrder)).isNotEqualTo(2);
                lonely.restart();
                awaitReadable(seesItUp, onShard2);
                assertThat(sawItDown.get("/api/orders/" + onShard2).status()).as("still down for this instance")
                        .isEqualTo(503);

                // the brief's case: placed by the instance that fell over, retried through the one that sees it up
                assertReplayed(seesItUp, first, firstOrder);
                assertReplayed(sawItDown, first, firstOrder);

                // while they disagree: a new key of shard 2 through the instance that holds it down, then the other
                String second = keyRanked(sawItDown, ranking -> ranking.getFirst() == 2);
                String secondOrder = placed(sawItDown, second);
                assertThat(shardOf(secondOrder)).isNotEqualTo(2);
                assertReplayed(seesItUp, second, secondOrder);

                // and a key placed on shard 2 through the instance that sees it up, retried there
                String third = keyRanked(seesItUp, ranking -> ranking.getFirst() == 2);
                String thirdOrder = placed(seesItUp, third);
                assertThat(shardOf(thirdOrder)).isEqualTo(2);
                assertReplayed(seesItUp, third, thirdOrder);

                for (String key : List.of(first, second, third)) {
                    assertThat(rowsFor(key, shards)).as("rows for %s", key).isOne();
                }
            }
        }
    }

    /**
     * An instance that placed a key on its second shard refuses the retry while that shard is down, even though the
     * key's first shard is back: it answers 503 {@code shard-unavailable} with {@code Retry-After} instead of placing
     * a second order, and returns the order once the shard is back.
     */
    @Test
    void refusesARetryWhileTheShardItsOrderFellOverToIsDown() {
        try (PostgresServer main = PostgresServer.start(data.resolve("pg-main"), "catalog", "shard_0");
                PostgresServer serverOf1 = PostgresServer.start(data.resolve("pg-shard-1"), "shard_1");
                PostgresServer serverOf2 = PostgresServer.start(data.resolve("pg-shard-2"), "shard_2");
                RunningPlatform platform = start(main.url("catalog"), main.url("shard_0"), serverOf1.url("shard_1"),
                        serverOf2.url("shard_2"))) {
            Db[] shards = {new Db(main, "shard_0"), new Db(serverOf1, "shard_1"), new Db(serverOf2, "shard_2")};
            String onShard1 = placed(platform, keyRanked(platform, ranking -> ranking.getFirst() == 1));
            String onShard2 = placed(platform, keyRanked(platform, ranking -> ranking.getFirst() == 2));
            String key = keyRanked(platform, ranking -> ranking.get(0) == 1 && ranking.get(1) == 2);

            serverOf1.stop();
            String orderNo = placed(platform, key);
            assertThat(shardOf(orderNo)).isEqualTo(2);
            serverOf1.restart();
            awaitReadable(platform, onShard1);
            serverOf2.stop();

            RunningPlatform.Response refused = place(platform, key);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.problemType()).isEqualTo("https://baedal.io/problems/shard-unavailable");
            assertThat(refused.json().path("shard").asInt()).isEqualTo(2);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(shards[1].rowsFor(key)).as("nothing placed on the key's first shard").isZero();

            serverOf2.restart();
            awaitReadable(platform, onShard2);
            assertReplayed(platform, key, orderNo);
            assertThat(rowsFor(key, shards)).isOne();
        }
    }
}
