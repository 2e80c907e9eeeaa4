package baedal.identity.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' audit trail, on the platform's main database ({@code spring.datasource}; the catalog's database on
 * the embedded default) with the identity module's own migrations ({@value #LOCATION}, history table
 * {@value #HISTORY_TABLE}, ADR 0009), and the filter that records every operator's change into it. Without a
 * {@code DataSource} there is no trail (and operators' changes are not refused for want of a reason either).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({JdbcClient.class, Flyway.class})
@ConditionalOnBean(DataSource.class)
public final class OperatorAuditAutoConfiguration {

    static final String LOCATION = "classpath:db/identity";
    static final String HISTORY_TABLE = "identity_schema_history";

    @Bean
    OperatorAuditLog operatorAuditLog(DataSource dataSource) {
        // Another module's tables in the same database (the catalog's) are no reason to skip V1.
        Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0")
                .baselineDescription("<< another module was first in this schema >>")
                .load().migrate();
        return new JdbcOperatorAuditLog(JdbcClient.create(dataSource));
    }

    @Bean
    OperatorAuditFilter operatorAuditFilter(OperatorAuditLog operatorAuditLog, ObjectProvider<Clock> clock) {
        return new OperatorAuditFilter(operatorAuditLog, clock.getIfAvailable(Clock::systemUTC));
    }
}
