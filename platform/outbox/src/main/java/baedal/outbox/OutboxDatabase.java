package baedal.outbox;

import baedal.sharding.ShardNo;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One database with an outbox, as the relay and the notifier see it: a shard of a sharded registration or a
 * database of its own. {@code name} names it in logs, threads and health ({@code shard-0}, {@code riders}).
 *
 * @param registration the registration it belongs to ({@code shards}, {@code riders})
 * @param shard the shard's number, or {@code null} for a database that is not sharded
 */
record OutboxDatabase(String registration, ShardNo shard, String url, String username, String password) {

    /** How a database that is not a shard is tagged as one: every meter of a name has the same tag keys. */
    static final String NOT_A_SHARD = "none";

    OutboxDatabase {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("an outbox database needs a JDBC url");
        }
    }

    String name() {
        return shard != null ? shard.toString() : registration;
    }

    /** The key under which the write side signals a commit on a shard. */
    static String nameOf(ShardNo shard) {
        return shard.toString();
    }

    Tags tags() {
        return Tags.of("database", registration, "shard", shard != null ? Integer.toString(shard.value()) : NOT_A_SHARD);
    }

    /**
     * A connection of the relay's own, outside any pool: the lease connection (whose session holds the advisory
     * lock and listens for commits) and the notifier's. Auto-commit, keep-alive, bounded timeouts.
     */
    Connection openDedicated(String applicationName, int socketTimeoutSeconds) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", username);
        info.setProperty("password", password == null ? "" : password);
        info.setProperty("ApplicationName", applicationName);
        info.setProperty("connectTimeout", "5");
        info.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        info.setProperty("tcpKeepAlive", "true");
        Connection opened = DriverManager.getConnection(url, info);
        opened.setAutoCommit(true);
        return opened;
    }

    @Override
    public String toString() {
        return name(); // no credentials in logs
    }
}
