package baedal.outbox;

import baedal.sharding.ShardProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections of the relay's own, outside the shard's pool: the lease connection (whose session holds the
 * advisory lock and listens for commits) and the notifier's. Auto-commit, keep-alive, bounded timeouts.
 */
final class DedicatedConnections {

    private DedicatedConnections() {
    }

    static Connection open(ShardProperties.Node node, String applicationName, int socketTimeoutSeconds)
            throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", node.username());
        info.setProperty("password", node.password());
        info.setProperty("ApplicationName", applicationName);
        info.setProperty("connectTimeout", "5");
        info.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        info.setProperty("tcpKeepAlive", "true");
        Connection opened = DriverManager.getConnection(node.url(), info);
        opened.setAutoCommit(true);
        return opened;
    }
}
