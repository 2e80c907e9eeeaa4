package baedal.flags;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The flags' PostgreSQL database: its own migrations ({@value #LOCATION}, history table {@value #HISTORY_TABLE}),
 * applied on first contact — so an instance that starts while the database is down migrates it once it is back.
 */
final class JdbcFlagDatabase implements FlagDatabase {

    static final String LOCATION = "classpath:db/flags";
    static final String HISTORY_TABLE = "flags_schema_history";

    private final DataSource dataSource;
    private final FlagStore store;
    private volatile boolean migrated;

    JdbcFlagDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = new FlagStore(JdbcClient.create(dataSource));
    }

    /** Applies the flags' migrations if not done yet; throws while the database is unreachable. */
    void migrate() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (!migrated) {
                Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY_TABLE)
                        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
                migrated = true;
            }
        }
    }

    @Override
    public List<FlagState> states() {
        migrate();
        return store.all();
    }

    @Override
    public void acknowledge(FlagAcknowledgement acknowledgement) {
        migrate();
        store.acknowledge(acknowledgement);
    }
}
