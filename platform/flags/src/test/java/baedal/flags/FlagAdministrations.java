package baedal.flags;

import baedal.outbox.Outbox;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Administrations for tests that need one without an instance. */
public final class FlagAdministrations {

    private FlagAdministrations() {
    }

    /** One whose flags' database never answers (a closed port), with an outbox that would take the change. */
    public static FlagAdministration withTheDatabaseDown() {
        com.zaxxer.hikari.HikariDataSource nowhere = new com.zaxxer.hikari.HikariDataSource();
        nowhere.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
        nowhere.setConnectionTimeout(500);
        nowhere.setInitializationFailTimeout(-1);
        return new FlagAdministration(Flags.catalogue(), JdbcClient.create(nowhere),
                new TransactionTemplate(new DataSourceTransactionManager(nowhere)), new Outbox(null),
                new LiveFlags(Flags.catalogue(), Clock.systemUTC()), Clock.systemUTC());
    }
}
