package baedal.outbox;

import baedal.sharding.ModuleSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every database registered with the outbox ({@link OutboxRegistration}), by name: each shard of the sharded
 * registration and each database of its own. Opening it migrates the outbox's tables into every database that is
 * not a shard (the shards get them with their own migrations).
 */
final class OutboxDatabases {

    /** The outbox's own set of migrations, on every database that has an outbox. */
    static final ModuleSchema SCHEMA = new ModuleSchema(OutboxConfiguration.LOCATION, OutboxConfiguration.HISTORY_TABLE);

    private final List<OutboxRegistration> registrations;
    private final Map<String, OutboxDatabase> byName = new LinkedHashMap<>();
    private final Map<String, Single> singles = new LinkedHashMap<>();

    private record Single(JdbcClient jdbc, TransactionTemplate transactions) {
    }

    private OutboxDatabases(List<OutboxRegistration> registrations) {
        this.registrations = List.copyOf(registrations);
        for (OutboxRegistration registration : registrations) {
            for (OutboxDatabase database : registration.databases()) {
                if (byName.putIfAbsent(database.name(), database) != null) {
                    throw new IllegalArgumentException("two outbox registrations name the database " + database.name());
                }
            }
        }
    }

    /** The registered databases, without touching them (tests that migrate them otherwise). */
    static OutboxDatabases of(List<OutboxRegistration> registrations) {
        return new OutboxDatabases(registrations);
    }

    /** The registered databases, each that is not a shard migrated with the outbox's tables. */
    static OutboxDatabases opened(List<OutboxRegistration> registrations) {
        OutboxDatabases databases = new OutboxDatabases(registrations);
        for (OutboxDatabase database : databases.all()) {
            if (database.shard() == null) {
                SCHEMA.migrate(dataSource(database));
            }
        }
        return databases;
    }

    List<OutboxDatabase> all() {
        return List.copyOf(byName.values());
    }

    List<OutboxRegistration> registrations() {
        return registrations;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    Optional<OutboxDatabase> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Runs {@code work} in one local transaction on a database that is not a shard (operators' requests). */
    <T> T inTransaction(String name, Function<JdbcClient, T> work) {
        OutboxDatabase database = byName.get(name);
        if (database == null || database.shard() != null) {
            throw new IllegalArgumentException("no outbox database of its own named " + name);
        }
        Single single;
        synchronized (singles) {
            single = singles.computeIfAbsent(name, key -> {
                DriverManagerDataSource dataSource = dataSource(database);
                return new Single(JdbcClient.create(dataSource),
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
            });
        }
        return single.transactions().execute(status -> work.apply(single.jdbc()));
    }

    List<OutboxDatabase> shards() {
        List<OutboxDatabase> shards = new ArrayList<>();
        byName.values().stream().filter(database -> database.shard() != null).forEach(shards::add);
        return shards;
    }

    /** Unpooled: operators' requests and migrations are rare, and the relay keeps its own connections. */
    private static DriverManagerDataSource dataSource(OutboxDatabase database) {
        return new DriverManagerDataSource(database.url(), database.username(),
                database.password() == null ? "" : database.password());
    }
}
