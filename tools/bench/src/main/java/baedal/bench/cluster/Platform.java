package baedal.bench.cluster;

import baedal.bench.identity.HarnessIssuer;
import baedal.bench.identity.Identities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The baedal platform started in this JVM on its embedded default, on free ports and a fresh data directory, trusting
 * the harness's own {@link HarnessIssuer} (so the embedded issuer is off): {@link #identities()} has tokens for anyone.
 */
public final class Platform implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final String baseUrl;
    private final List<ShardNode> shards;
    private final int poolSize;
    private final HarnessIssuer issuer;

    private Platform(ConfigurableApplicationContext context, Path dataDir, HarnessIssuer issuer) {
        this.context = context;
        this.issuer = issuer;
        this.dataDir = dataDir;
        Environment env = context.getEnvironment();
        this.baseUrl = "http://127.0.0.1:" + env.getRequiredProperty("local.server.port");
        baedal.sharding.ShardProperties bound = context.getBeanProvider(baedal.sharding.ShardProperties.class)
                .getIfAvailable();
        if (bound != null) {
            // What the platform actually uses, however its shard databases were configured.
            this.poolSize = bound.poolSize();
            List<ShardNode> nodes = new ArrayList<>();
            for (int i = 0; i < bound.nodes().size(); i++) {
                baedal.sharding.ShardProperties.Node node = bound.nodes().get(i);
                nodes.add(new ShardNode(i, node.url(), node.username(), node.password()));
            }
            this.shards = List.copyOf(nodes);
        } else {
            this.poolSize = env.getProperty("baedal.shards.pool-size", Integer.class, 16);
            this.shards = shards(env);
        }
    }

    public static Platform start(int shardCount) throws IOException {
        return start(shardCount, false, Map.of());
    }

    /**
     * Starts the platform; with {@code switchableOutbox} its order change log is a {@link SwitchableChangeLog},
     * so the outbox benchmark can measure placement with and without the outbox in one run.
     */
    public static Platform start(int shardCount, boolean switchableOutbox, Map<String, String> settings) throws IOException {
        Path dataDir = Files.createTempDirectory("baedal-bench-");
        HarnessIssuer issuer = HarnessIssuer.start(0);
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.putAll(issuer.platformSettings());
        properties.put("baedal.embedded.data-dir", dataDir.toString());
        properties.put("server.port", "0");
        properties.put("baedal.embedded.postgres-port", "0");
        properties.put("baedal.embedded.kafka-port", "0");
        properties.put("baedal.embedded.kafka-controller-port", "0");
        properties.put("logging.level.org.apache.kafka", "WARN");
        properties.put("logging.level.kafka", "WARN");
        properties.put("logging.level.org.apache.zookeeper", "WARN");
        if (shardCount > 0) {
            properties.put("baedal.shards.count", Integer.toString(shardCount));
        }
        properties.putAll(settings);
        Class<?> app;
        try {
            app = Class.forName("baedal.app.BaedalApplication");
        } catch (ClassNotFoundException missing) {
            issuer.close();
            delete(dataDir);
            throw new IllegalStateException("baedal.app.BaedalApplication is not on the class path", missing);
        }
        // As command-line arguments, so that they win over the app's application.yml (builder properties are
        // only defaults, below application.yml); system properties given to this JVM still apply otherwise.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try {
            SpringApplicationBuilder builder = new SpringApplicationBuilder(app);
            if (switchableOutbox) {
                // After component scanning has registered the bean definitions, before any bean is created.
                builder.initializers(context -> context.addBeanFactoryPostProcessor(factory -> factory
                        .getBeanDefinition("orderChangeLog").setBeanClassName(SwitchableChangeLog.class.getName())));
            }
            ConfigurableApplicationContext context = builder.run(args);
            return new Platform(context, dataDir, issuer);
        } catch (RuntimeException failed) {
            issuer.close();
            delete(dataDir);
            throw failed;
        }
    }

    static List<ShardNode> shards(Environment env) {
        List<ShardNode> nodes = new ArrayList<>();
        for (int i = 0; ; i++) {
            String url = env.getProperty("baedal.shards.nodes[" + i + "].url");
            if (url == null) {
                break;
            }
            nodes.add(new ShardNode(i, url, env.getProperty("baedal.shards.nodes[" + i + "].username", "postgres"),
                    env.getProperty("baedal.shards.nodes[" + i + "].password", "")));
        }
        if (nodes.isEmpty()) {
            throw new IllegalStateException("the started platform names no shard databases (baedal.shards.nodes[*].url)");
        }
        return nodes;
    }

    /** {@code http://127.0.0.1:<port>} of its HTTP API. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Tokens for anyone, of the issuer the platform trusts. */
    public Identities identities() {
        return Identities.of(issuer);
    }

    /** The shard databases the platform actually uses, in shard order. */
    public List<ShardNode> shards() {
        return shards;
    }

    /** Connections per shard pool. */
    public int poolSize() {
        return poolSize;
    }

    public String property(String name) {
        return context.getEnvironment().getRequiredProperty(name);
    }

    public String property(String name, String fallback) {
        return context.getEnvironment().getProperty(name, fallback);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The outbox relay of this instance, to stop and start it. */
    public org.springframework.context.Lifecycle outboxRelay() {
        return context.getBean("outboxRelay", org.springframework.context.Lifecycle.class);
    }

    /** The Kafka topic the relay publishes to. */
    String outboxTopic() {
        return context.getEnvironment().getProperty("baedal.outbox.topic", "baedal.order-events");
    }

    public int outboxPartitions() {
        return context.getEnvironment().getProperty("baedal.outbox.partitions", Integer.class, 12);
    }

    public String kafkaBootstrap() {
        return context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
    }

    @Override
    public void close() {
        context.close();
        issuer.close();
        delete(dataDir);
    }

    private static void delete(Path dataDir) {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }
}
