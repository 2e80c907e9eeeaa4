package baedal.flags;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the flags' database answers at start (one connection, 2 s at most). When it does not, the flags' outbox is
 * not registered — the outbox would otherwise refuse to start the instance — so the instance starts and answers from
 * its snapshot; it reconciles with the database once it is back, but changes flags only after a restart.
 */
final class FlagsDatabaseReachable implements Condition {

    private static final Log log = LogFactory.getLog(FlagsDatabaseReachable.class);

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("baedal.flags.datasource.url");
        if (url == null || url.isBlank()) {
            return false; // no database of their own configured: nothing to register
        }
        Properties properties = new Properties();
        properties.setProperty("user", context.getEnvironment().getProperty("baedal.flags.datasource.username", "baedal"));
        properties.setProperty("password", context.getEnvironment().getProperty("baedal.flags.datasource.password", ""));
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            return true;
        } catch (SQLException e) {
            log.warn("flags' database unreachable at start (" + e.getMessage() + "): this instance answers from its "
                    + "snapshot and reconciles when the database is back; it can change flags only after a restart");
            return false;
        }
    }
}
