package baedal.sharding;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the shard databases are and how each is reached. The index of a node in {@code nodes} is its shard
 * number, so shards may be appended but never reordered or removed while orders live on them.
 *
 * @param nodes one entry per shard database, in shard-number order ({@code baedal.shards.nodes[0].url} …)
 * @param poolSize connections per shard pool (default 16)
 * @param connectionTimeout how long a request waits for a connection before the shard counts as down (default 1 s)
 * @param socketTimeout how long a statement may wait on the network before it fails (default 10 s)
 * @param retryAfter how long a shard that failed is skipped before it is tried again; also the
 *        {@code Retry-After} given to clients (default 5 s)
 * @param migrationsLocation <b>deprecated</b>: modules bring their own sets ({@link ModuleSchema}, scripts under
 *        {@code db/<module>/shard/}). When given, one more Flyway location applied to every shard after the modules'
 *        sets, with its own history table {@value #EXTRA_HISTORY_TABLE} (default: none)
 */
@ConfigurationProperties("baedal.shards")
public record ShardProperties(
        @DefaultValue List<Node> nodes,
        @DefaultValue("16") int poolSize,
        @DefaultValue("1s") Duration connectionTimeout,
        @DefaultValue("10s") Duration socketTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @Deprecated String migrationsLocation) {

    /** The history table of the deprecated extra location {@code baedal.shards.migrations-location}. */
    public static final String EXTRA_HISTORY_TABLE = "shard_schema_history";

    public ShardProperties {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("baedal.shards.nodes must name at least one shard database");
        }
        if (nodes.size() > ShardNo.CAPACITY) {
            throw new IllegalArgumentException("at most " + ShardNo.CAPACITY + " shards are supported");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("baedal.shards.pool-size must be at least 1");
        }
    }

    /** One shard database: its JDBC URL and credentials. */
    public record Node(String url, @DefaultValue("postgres") String username, @DefaultValue("") String password) {
        public Node {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("every shard node needs a JDBC url");
            }
        }
    }
}
