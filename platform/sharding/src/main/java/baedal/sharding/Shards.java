package baedal.sharding;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shard databases of this deployment and the two ways work reaches them:
 * <ul>
 *   <li>{@link #get(ShardNo)} — work on an existing record goes to the shard its key names (an order number
 *       carries its shard number, so no lookup service is asked);</li>
 *   <li>{@link #onAnyShard(String, Function)} — work that creates a record goes to the first shard that
 *       accepts work in the record's <em>rendezvous ranking</em>: every shard gets a pseudo-random score from
 *       the routing key, highest first. Keys spread evenly over shards whatever the traffic rate, the same
 *       key always ranks shards the same way (so retries meet on one shard), and a shard that is down is
 *       skipped for the next in the ranking.</li>
 * </ul>
 * Each shard has its own connection pool and gets the same migrations: every module's own set
 * ({@link ModuleSchema}: a Flyway location and a history table of its own), one set after the other; a shard that
 * cannot be migrated at start-up is retried in the background and takes no work until it is migrated.
 */
public final class Shards implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Shards.class);

    private final List<Shard> shards;
    private final List<HikariDataSource> pools;
    private final ShardProperties properties;
    private final List<ModuleSchema> schemas;
    private final ScheduledExecutorService migrationRetries;

    Shards(List<Shard> shards, List<HikariDataSource> pools, ShardProperties properties) {
        this(shards, pools, properties, List.of());
    }

    Shards(List<Shard> shards, List<HikariDataSource> pools, ShardProperties properties, List<ModuleSchema> schemas) {
        this.shards = List.copyOf(shards);
        this.pools = List.copyOf(pools);
        this.properties = properties;
        this.schemas = List.copyOf(schemas);
        this.migrationRetries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "shard-migrations");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens a pool per configured shard and migrates every shard that answers with {@code schemas}, in that
     * order, then with every module's set found on the class path ({@code db/<module>/shard/}) and, if given, the
     * deprecated {@code baedal.shards.migrations-location}; a set named twice (by its history table) is applied
     * once. {@code poolCustomizer} may add metrics or other settings to each pool before it opens.
     */
    public static Shards open(ShardProperties properties, List<ModuleSchema> schemas,
            Consumer<HikariConfig> poolCustomizer) {
        List<Shard> shards = new ArrayList<>();
        List<HikariDataSource> pools = new ArrayList<>();
        for (int i = 0; i < properties.nodes().size(); i++) {
            ShardNo no = new ShardNo(i);
            HikariDataSource pool = new HikariDataSource(poolConfig(no, properties.nodes().get(i), properties, poolCustomizer));
            pools.add(pool);
            JdbcTransactionManager transactionManager = new JdbcTransactionManager(pool);
            shards.add(new Shard(no, JdbcClient.create(pool), new TransactionTemplate(transactionManager),
                    breaker(no, properties.retryAfter()), properties.retryAfter()));
        }
        Shards opened = new Shards(shards, pools, properties, allSchemas(properties, schemas));
        opened.migrateAll();
        return opened;
    }

    /** Opens the shards with the module sets found on the class path (and the deprecated extra location). */
    public static Shards open(ShardProperties properties, Consumer<HikariConfig> poolCustomizer) {
        return open(properties, List.of(), poolCustomizer);
    }

    public static Shards open(ShardProperties properties) {
        return open(properties, config -> { });
    }

    /** The sets every shard gets, in the order they are applied. */
    public List<ModuleSchema> schemas() {
        return schemas;
    }

    static List<ModuleSchema> allSchemas(ShardProperties properties, List<ModuleSchema> registered) {
        java.util.Map<String, ModuleSchema> byTable = new java.util.LinkedHashMap<>();
        registered.forEach(schema -> byTable.putIfAbsent(schema.historyTable(), schema));
        ModuleSchema.onShardsFromClassPath(Shards.class.getClassLoader())
                .forEach(schema -> byTable.putIfAbsent(schema.historyTable(), schema));
        if (properties.migrationsLocation() != null && !properties.migrationsLocation().isBlank()) {
            ModuleSchema extra = new ModuleSchema(properties.migrationsLocation(), ShardProperties.EXTRA_HISTORY_TABLE);
            byTable.putIfAbsent(extra.historyTable(), extra);
        }
        return List.copyOf(byTable.values());
    }

    /** The shard a record's key names. Throws {@link UnknownShard} if this deployment has no such shard. */
    public Shard get(ShardNo no) {
        if (no.value() >= shards.size()) {
            throw new UnknownShard(no);
        }
        return shards.get(no.value());
    }

    /** Whether this deployment has a shard with that number. */
    public boolean has(ShardNo no) {
        return no.value() < shards.size();
    }

    public List<Shard> all() {
        return shards;
    }

    public int count() {
        return shards.size();
    }

    /**
     * Runs {@code work} on the first shard in {@code routingKey}'s ranking that accepts work. If that shard
     * cannot be reached before the commit, the work moves on to the next; if it is only busy (no pooled
     * connection came free in time) the work is refused, since other shards share the overload. If the commit itself fails, the
     * outcome on that shard is unknown, so the work is not repeated elsewhere: the {@link ShardUnavailable}
     * reaches the caller, who may retry. Throws {@link NoShardAvailable} when no shard takes the work.
     */
    public <T> T onAnyShard(String routingKey, Function<Shard, T> work) {
        for (Shard shard : ranking(routingKey)) {
            if (!shard.acceptsNewWork()) {
                continue;
            }
            try {
                return work.apply(shard);
            } catch (ShardUnavailable unavailable) {
                if (!unavailable.nothingWritten() || unavailable.busy()) {
                    // unknown outcome, or overload: trying the other shards would multiply the load
                    throw unavailable;
                }
                log.warn("{} is unavailable, moving new work to the next shard: {}", shard.no(), rootMessage(unavailable));
            }
        }
        throw new NoShardAvailable(properties.retryAfter());
    }

    /** Every shard, best first, for this routing key: a pure function of the key and the shard numbers. */
    public List<Shard> ranking(String routingKey) {
        long keyHash = Rendezvous.hash(routingKey.getBytes(StandardCharsets.UTF_8));
        return shards.stream()
                .sorted(Comparator.comparingLong((Shard shard) -> Rendezvous.score(keyHash, shard.no().value())).reversed())
                .toList();
    }

    @Override
    public void close() {
        migrationRetries.shutdownNow();
        pools.forEach(HikariDataSource::close);
    }

    private void migrateAll() {
        for (int i = 0; i < shards.size(); i++) {
            migrate(i);
        }
    }

    private void migrate(int index) {
        Shard shard = shards.get(index);
        try {
            for (ModuleSchema schema : schemas) {
                schema.migrate(pools.get(index));
            }
            shard.markMigrated();
            log.info("{} is migrated and takes work ({})", shard.no(), pools.get(index).getJdbcUrl());
        } catch (RuntimeException failure) {
            log.warn("{} could not be migrated, retrying in {} s: {}", shard.no(),
                    properties.retryAfter().toSeconds(), rootMessage(failure));
            migrationRetries.schedule(() -> migrate(index), properties.retryAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static HikariConfig poolConfig(ShardNo no, ShardProperties.Node node, ShardProperties properties,
            Consumer<HikariConfig> customizer) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(no.toString());
        config.setJdbcUrl(node.url());
        config.setUsername(node.username());
        config.setPassword(node.password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(Math.min(2, properties.poolSize()));
        config.setConnectionTimeout(Math.max(250, properties.connectionTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", Math.max(1, properties.connectionTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", Math.max(1, properties.socketTimeout().toSeconds()));
        config.addDataSourceProperty("reWriteBatchedInserts", true);
        config.addDataSourceProperty("tcpKeepAlive", true);
        config.addDataSourceProperty("ApplicationName", "baedal-" + no);
        customizer.accept(config);
        return config;
    }

    static CircuitBreaker breaker(ShardNo no, Duration retryAfter) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(50)
                .waitDurationInOpenState(retryAfter)
                .permittedNumberOfCallsInHalfOpenState(1)
                // Placement only asks acceptsNewWork(), which reads the state: without the automatic move to
                // half-open a shard marked down would stay out of placement until some other call probed it.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(Shard::isServerUnreachable)
                .build();
        return CircuitBreaker.of(no.toString(), config);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
