package baedal.app;

import static baedal.app.OrderRequests.aSimpleOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharding requirements of the platform brief, each proven through the real HTTP API on real PostgreSQL
 * servers: stable routing when shards are added, an even spread, placement that survives a dead shard, and
 * order numbers that need no shared sequence.
 */
class ShardingIntegrationTests {

    @TempDir
    Path data;

    /** Idempotency keys as clients make them (random UUIDs), from a fixed seed so a run can be repeated. */
    private final Random keys = new Random(20_231_120);

    private String nextKey() {
        return new UUID(keys.nextLong(), keys.nextLong()).toString();
    }

    private static String[] urls(PostgresServer postgres, int shards) {
        String[] urls = new String[shards];
        for (int i = 0; i < shards; i++) {
            urls[i] = postgres.url("shard_" + i);
        }
        return urls;
    }

    private static String placeOne(RunningPlatform platform, String key) {
        RunningPlatform.Response response = platform.post("/api/orders", aSimpleOrder().body(), "Idempotency-Key", key);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("orderNo").asString();
    }

    @Test
    void findsEveryExistingOrderOnItsOriginalShardAfterShardsAreAdded() {
        try (PostgresServer postgres = PostgresServer.start(data.resolve("pg"), "catalog", "shard_0", "shard_1",
                "shard_2", "shard_3")) {
            Map<String, Integer> placedOnTwoShards = new HashMap<>();
            try (RunningPlatform twoShards = RunningPlatform.start(postgres.url("catalog"), urls(postgres, 2))) {
                for (int i = 0; i < 200; i++) {
                    String orderNo = placeOne(twoShards, nextKey());
                    placedOnTwoShards.put(orderNo, twoShards.get("/api/orders/" + orderNo).json().path("shard").asInt());
                }
            }
            List<Long> rowsBefore = List.of(postgres.count("shard_0", "select count(*) from orders"),
                    postgres.count("shard_1", "select count(*) from orders"));

            try (RunningPlatform fourShards = RunningPlatform.start(postgres.url("catalog"), urls(postgres, 4))) {
                placedOnTwoShards.forEach((orderNo, shard) -> {
                    RunningPlatform.Response found = fourShards.get("/api/orders/" + orderNo);
                    assertThat(found.status()).isEqualTo(200);
                    assertThat(found.json().path("shard").asInt()).isEqualTo(shard);
                    assertThat(found.json().path("orderNo").asString()).isEqualTo(orderNo);
                });
                assertThat(List.of(postgres.count("shard_0", "select count(*) from orders"),
                        postgres.count("shard_1", "select count(*) from orders")))
                        .as("no existing order was moved").isEqualTo(rowsBefore);

                Set<Integer> newShards = new HashSet<>();
                for (int i = 0; i < 100; i++) {
                    newShards.add(fourShards.get("/api/orders/" + placeOne(fourShards, nextKey())).json().path("shard").asInt());
                }
                assertThat(newShards).containsExactlyInAnyOrder(0, 1, 2, 3);
            }
        }
    }

    @Test
    void spreadsNewOrdersEvenlyOverShardsPlacedOneAtATimeAndConcurrently() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(data.resolve("pg"), "catalog", "shard_0", "shard_1",
                "shard_2", "shard_3");
                RunningPlatform platform = RunningPlatform.start(postgres.url("catalog"), urls(postgres, 4))) {
            int orders = 10_000;
            for (int i = 0; i < orders; i++) {
                placeOne(platform, nextKey());
            }
            assertEvenSpread(countsPerShard(postgres), orders);

            List<String> concurrentKeys = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < orders; i++) {
                concurrentKeys.add(nextKey());
            }
            try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
                List<Future<String>> placed = new ArrayList<>();
                for (String key : concurrentKeys) {
                    placed.add(clients.submit(() -> placeOne(platform, key)));
                }
                for (Future<String> order : placed) {
                    order.get();
                }
            }
            long[] total = countsPerShard(postgres);
            assertEvenSpread(total, 2 * orders);
        }
    }

    private static long[] countsPerShard(PostgresServer postgres) {
        long[] counts = new long[4];
        for (int i = 0; i < 4; i++) {
            counts[i] = postgres.count("shard_" + i, "select count(*) from orders");
        }
        return counts;
    }

    private static void assertEvenSpread(long[] counts, int total) {
        double mean = total / (double) counts.length;
        for (long count : counts) {
            assertThat((double) count).as("orders per shard %s", java.util.Arrays.toString(counts))
                    .isBetween(mean * 0.95, mean * 1.05);
        }
    }

    @Test
    void keepsPlacingOrdersOnHealthyShardsWhileOneShardIsDownAndFailsFastForItsOrders() {
        try (PostgresServer main = PostgresServer.start(data.resolve("pg-main"), "catalog", "shard_0", "shard_1", "shard_2");
                PostgresServer lonely = PostgresServer.start(data.resolve("pg-shard-3"), "shard_3");
                RunningPlatform platform = RunningPlatform.start(main.url("catalog"), main.url("shard_0"),
                        main.url("shard_1"), main.url("shard_2"), lonely.url("shard_3"))) {
            List<String> onShard3 = new ArrayList<>();
            while (onShard3.size() < 3) {
                String orderNo = placeOne(platform, nextKey());
                if (orderNo.endsWith("003")) {
                    onShard3.add(orderNo);
                }
            }

            lonely.stop();

            int placed = 0;
            for (int i = 0; i < 200; i++) {
                RunningPlatform.Response response = platform.post("/api/orders", aSimpleOrder().body(),
                        "Idempotency-Key", nextKey());
                assertThat(response.status()).as("order %d while shard 3 is down: %s", i, response.body()).isEqualTo(201);
                assertThat(response.json().path("shard").asInt()).isNotEqualTo(3);
                placed++;
            }
            assertThat(placed).isEqualTo(200);

            for (String orderNo : onShard3) {
                RunningPlatform.Response read = platform.get("/api/orders/" + orderNo);
                assertThat(read.status()).isEqualTo(503);
                assertThat(read.header("Retry-After")).isNotBlank();
                assertThat(read.problemType()).isEqualTo("https://baedal.io/problems/shard-unavailable");
                RunningPlatform.Response change = platform.post("/api/orders/" + orderNo + "/accept",
                        java.util.Map.of("cookingMinutes", 10));
                assertThat(change.status()).isEqualTo(503);
                assertThat(change.header("Retry-After")).isNotBlank();
            }

            lonely.restart();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(platform.get("/api/orders/" + onShard3.getFirst()).status()).isEqualTo(200));
            assertThat(platform.post("/api/orders/" + onShard3.getFirst() + "/accept",
                    java.util.Map.of("cookingMinutes", 10)).status()).isEqualTo(200);
        }
    }

    @Test
    void issuesUniqueOrderNumbersFromTwoInstancesWithoutASharedSequence() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(data.resolve("pg"), "catalog", "shard_0", "shard_1",
                "shard_2", "shard_3");
                RunningPlatform first = RunningPlatform.start(postgres.url("catalog"), urls(postgres, 4));
                RunningPlatform second = RunningPlatform.start(postgres.url("catalog"), urls(postgres, 4))) {
            Set<String> orderNumbers = ConcurrentHashMap.newKeySet();
            List<String> allKeys = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                allKeys.add(nextKey());
            }
            try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                List<Future<?>> placed = new ArrayList<>();
                for (int i = 0; i < allKeys.size(); i++) {
                    RunningPlatform instance = i % 2 == 0 ? first : second;
                    String key = allKeys.get(i);
                    placed.add(clients.submit(() -> orderNumbers.add(placeOne(instance, key))));
                }
                for (Future<?> order : placed) {
                    order.get();
                }
            }
            assertThat(orderNumbers).hasSize(1_000);
            long stored = 0;
            for (int i = 0; i < 4; i++) {
                stored += postgres.count("shard_" + i, "select count(*) from orders");
                assertThat(postgres.count("shard_" + i, "select count(*) from orders where order_no % 1000 <> " + i))
                        .as("every order on shard %d carries its shard number", i).isZero();
            }
            assertThat(stored).isEqualTo(1_000);
            // one signing key and one issuer name: a token the first instance issued is good at the second
            String anOrder = orderNumbers.iterator().next();
            RunningPlatform.Response acrossInstances = second.get("/api/orders/" + anOrder,
                    "Authorization", "Bearer " + first.token(RunningPlatform.OPERATOR));
            assertThat(acrossInstances.status()).as(acrossInstances.body()).isEqualTo(200);
        }
    }
}
