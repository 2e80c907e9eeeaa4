package baedal.orderview.persistence;

import baedal.orderview.OrderViewProperties;
import baedal.orderview.OrderViewUnavailable;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model's own PostgreSQL database: its own pool ({@code order-view}) and its own Flyway migrations
 * ({@code classpath:db/order-view}, history table {@code order_view_schema_history}), apart from the catalog's
 * {@code spring.datasource}. It is deliberately not a {@code DataSource} bean, so Spring Boot's auto-configured
 * datasource, JdbcClient and Flyway remain the catalog's.
 *
 * <p>A database that is down at start-up does not stop the platform (order placement never depends on the read
 * model): migration is retried in the background, and until it succeeds every call fails with
 * {@link OrderViewUnavailable}.
 */
public final class OrderViewDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderViewDatabase.class);

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String migrationsLocation;
    private final ScheduledExecutorService retries;
    private volatile boolean migrated;

    private OrderViewDatabase(HikariDataSource pool, String migrationsLocation) {
        this.pool = pool;
        this.jdbc = JdbcClient.create(pool);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(pool));
        this.migrationsLocation = migrationsLocation;
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "order-view-migrations");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the pool and migrates the database, retrying in the background when it cannot be reached. */
    public static OrderViewDatabase open(OrderViewProperties properties, Consumer<HikariConfig> poolCustomizer) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("order-view");
        config.setJdbcUrl(properties.datasource().requiredUrl());
        config.setUsername(properties.datasource().username());
        config.setPassword(properties.datasource().password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(Math.min(2, properties.poolSize()));
        config.setConnectionTimeout(Math.max(250, properties.connectionTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", Math.max(1, properties.connectionTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", 30);
        config.addDataSourceProperty("tcpKeepAlive", true);
        config.addDataSourceProperty("ApplicationName", "baedal-order-view");
        poolCustomizer.accept(config);
        OrderViewDatabase database = new OrderViewDatabase(new HikariDataSource(config),
                properties.migrationsLocation());
        database.migrate();
        return database;
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(migrationsLocation)
                    .table("order_view_schema_history")
                    // a database shared with another module (the catalog's, in tests) is not empty: still run V1
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("<< another module was first in this schema >>")
                    .load()
                    .migrate();
            migrated = true;
            log.info("The order read model's database is migrated ({})", pool.getJdbcUrl());
        } catch (RuntimeException failure) {
            log.warn("The order read model's database could not be migrated, retrying in 5 s: {}", failure.toString());
            retries.schedule(this::migrate, 5, TimeUnit.SECONDS);
        }
    }

    public boolean migrated() {
        return migrated;
    }

    /** Runs {@code work} in one transaction; an unreachable database becomes {@link OrderViewUnavailable}. */
    public <T> T inTransaction(Function<JdbcClient, T> work) {
        return guarded(() -> transactions.execute(status -> work.apply(jdbc)));
    }

    /** Runs a read outside an explicit transaction. */
    public <T> T read(Function<JdbcClient, T> work) {
        return guarded(() -> work.apply(jdbc));
    }

    private <T> T guarded(Supplier<T> call) {
        if (!migrated) {
            throw new OrderViewUnavailable("the order read model's database is not migrated yet", null);
        }
        try {
            return call.get();
        } catch (DataAccessResourceFailureException unreachable) {
            throw new OrderViewUnavailable("the order read model's database cannot be reached", unreachable);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
        pool.close();
    }
}
