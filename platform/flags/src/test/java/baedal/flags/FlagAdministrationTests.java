package baedal.flags;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class FlagAdministrationTests {

    @Test
    void anInstanceThatStartedWithoutTheFlagsDatabaseRefusesToChangeAFlag() {
        SimpleDriverDataSource nowhere = new SimpleDriverDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none");
        FlagAdministration administration = new FlagAdministration(Flags.catalogue(), JdbcClient.create(nowhere),
                new TransactionTemplate(new DataSourceTransactionManager(nowhere)), null,
                new LiveFlags(Flags.catalogue(), Clock.systemUTC()), Clock.systemUTC());
        assertThatThrownBy(() -> administration.change(Flags.LICENCES.key(), 0, Flags.on("x"), "operator"))
                .isInstanceOf(FlagsUnavailable.class);
        assertThatThrownBy(() -> administration.change("order.nothing", 0, Flags.on("x"), "operator"))
                .isInstanceOf(UnknownFlag.class);
    }
}
