package baedal.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
    void aBusyPoolIsReportedAsBusySoThatWorkIsNotMovedToOtherShards() {
        ShardUnavailable busy = new ShardUnavailable(new ShardNo(0), java.time.Duration.ofSeconds(1), true,
                !Shard.isServerUnreachable(busyPool()), busyPool());
        ShardUnavailable down = new ShardUnavailable(new ShardNo(0), java.time.Duration.ofSeconds(1), true,
                !Shard.isServerUnreachable(refused()), refused());
        assertThat(busy.busy()).isTrue();
        assertThat(busy.getMessage()).contains("busy");
        assertThat(down.busy()).isFalse();
    }

    @Test
    void aFailingStatementIsNeither() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(Shard.isConnectionFailure(duplicate)).isFalse();
        assertThat(Shard.isServerUnreachable(duplicate)).isFalse();
    }
}
