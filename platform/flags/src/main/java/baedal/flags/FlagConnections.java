package baedal.flags;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool of the flags' own database and its transactions. Not a {@code DataSource} bean, so that the application's
 * own data source and transaction manager stay Boot's defaults. The pool starts without a connection, so an instance
 * starts while the database is down.
 */
final class FlagConnections implements AutoCloseable {

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate transactions;

    FlagConnections(String url, String username, String password) {
        dataSource = new HikariDataSource();
        dataSource.setPoolName("baedal-flags");
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        dataSource.setMinimumIdle(0);
        dataSource.setConnectionTimeout(2_000);
        dataSource.setInitializationFailTimeout(-1);
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
