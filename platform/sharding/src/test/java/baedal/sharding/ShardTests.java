package baedal.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ShardTests {

    /** What HikariCP throws when every connection stayed busy for its whole timeout. */
    private static RuntimeException busyPool() {
        return new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("shard-0 - Connection is not available, request timed out after 1000ms"));
    }

    /** What HikariCP throws when it cannot connect: its last connection failure is the cause. */
    private static RuntimeException refused() {
        return new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("shard-0 - Connection is not available",
                        new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException("refused"))));
    }

    @Test
    void aBusyPoolRefusesTheRequestButDoesNotMarkTheShardDown() {
        assertThat(Shard.isConnectionFailure(busyPool())).isTrue();
        assertThat(Shard.isServerUnreachable(busyPool())).isFalse();
    }

    @Test
    void anUnreachableServerMarksTheShardDown() {
        assertThat(Shard.isConnectionFailure(refused())).isTrue();
        assertThat(Shard.isServerUnreachable(refused())).isTrue();
        assertThat(Shard.isServerUnreachable(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(Shard.isServerUnreachable(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aShardMarkedDownTakesNewWorkAgainAfterItsRetryAfterWithoutAnyOtherCall() throws InterruptedException {
        ShardNo no = new ShardNo(0);
        Shard shard = new Shard(no, null, null, Shards.breaker(no, Duration.ofMillis(100)), Duration.ofMillis(100));
        shard.markMigrated();
        shard.markDownForTest();

        assertThat(shard.acceptsNewWork()).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!shard.acceptsNewWork() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(shard.acceptsNewWork()).as("probing after retry-after").isTrue();
        assertThat(shard.state()).isEqualTo("PROBING");
    }

    /** Shards that take work, with no database behind them: the work given to onAnyShard does not touch them. */
    private static Shards shardsTakingWork(int count) {
        List<Shard> shards = new ArrayList<>();
        List<ShardProperties.Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ShardNo no = new ShardNo(i);
            Shard shard = new Shard(no, null, null, Shards.breaker(no, Duration.ofSeconds(1)), Duration.ofSeconds(1));
            shard.markMigrated();
            shards.add(shard);
            nodes.add(new ShardProperties.Node("jdbc:postgresql://unused/" + i, "postgres", ""));
        }
        return new Shards(shards, List.of(), new ShardProperties(nodes, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(1), "classpath:db/shard"));
    }

    @Test
    void newWorkOnABusyShardIsRefusedAndNotPassedToTheOtherShards() {
        try (Shards shards = shardsTakingWork(3)) {
            List<ShardNo> tried = new ArrayList<>();
            assertThatThrownBy(() -> shards.onAnyShard("key", shard -> {
                tried.add(shard.no());
                throw new ShardUnavailable(shard.no(), Duration.ofSeconds(1), true,
                        !Shard.isServerUnreachable(busyPool()), busyPool());
            })).isInstanceOf(ShardUnavailable.class).satisfies(refused ->
                    assertThat(((ShardUnavailable) refused).busy()).isTrue());
            assertThat(tried).hasSize(1);
        }
    }

    @Test
    void newWorkOnAnUnreachableShardMovesToTheNextShard() {
        try (Shards shards = shardsTakingWork(3)) {
            List<ShardNo> tried = new ArrayList<>();
            ShardNo placedOn = shards.onAnyShard("key", shard -> {
                tried.add(shard.no());
                if (tried.size() == 1) {
                    throw new ShardUnavailable(shard.no(), Duration.ofSeconds(1), true,
                            !Shard.isServerUnreachable(refused()), refused());
                }
                return shard.no();
            });
            assertThat(tried).hasSize(2);
            assertThat(placedOn).isEqualTo(tried.get(1));
        }
    }

    @Test
    void aFailingStatementIsNeither() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(Shard.isConnectionFailure(duplicate)).isFalse();
        assertThat(Shard.isServerUnreachable(duplicate)).isFalse();
    }
}
