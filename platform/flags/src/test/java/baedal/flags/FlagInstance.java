package baedal.flags;

import baedal.embedded.EmbeddedPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One app instance of the flags in this JVM (a Spring context of {@link FlagsTestApplication}), for tests. */
public final class FlagInstance implements AutoCloseable {

    static final String SHARD_DATABASE = "flags_it_shard";
    static final String FLAGS_DATABASE = "flags_it_flags";

    final String id;
    final ConfigurableApplicationContext context;

    private FlagInstance(String id, ConfigurableApplicationContext context) {
        this.id = id;
        this.context = context;
    }

    /** The settings an instance named {@code id} runs with against {@code platform}, its snapshot under {@code dataDir}. */
    static Map<String, String> settings(EmbeddedPlatform platform, String id, Path dataDir, Duration reconcile) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baedal.embedded.enabled", "false");
        settings.put("spring.main.banner-mode", "off");
        settings.put("spring.flyway.enabled", "false");
        settings.put("spring.datasource.url", platform.jdbcUrl(SHARD_DATABASE));
        settings.put("spring.datasource.username", platform.postgresUser());
        settings.put("baedal.shards.nodes[0].url", platform.jdbcUrl(SHARD_DATABASE));
        settings.put("baedal.shards.nodes[0].username", platform.postgresUser());
        settings.put("spring.kafka.bootstrap-servers", platform.kafkaBootstrapServers());
        settings.put("baedal.flags.datasource.url", platform.jdbcUrl(FLAGS_DATABASE));
        settings.put("baedal.flags.datasource.username", platform.postgresUser());
        settings.put("baedal.flags.instance-id", id);
        settings.put("baedal.flags.data-dir", dataDir.resolve(id).toString());
        settings.put("baedal.flags.reconcile-interval", reconcile.toMillis() + "ms");
        settings.put("baedal.outbox.linger", "5ms");
        settings.put("logging.level.org.apache.kafka", "WARN");
        return settings;
    }

    public static void createDatabases(EmbeddedPlatform platform) {
        platform.createDatabaseIfMissing(SHARD_DATABASE);
        platform.createDatabaseIfMissing(FLAGS_DATABASE);
    }

    public static FlagInstance start(EmbeddedPlatform platform, String id, Path dataDir, Duration reconcile) {
        return start(settings(platform, id, dataDir, reconcile), id);
    }

    /** An instance with {@code settings} as they are (a test may have removed some). */
    static FlagInstance start(Map<String, String> settings, String id) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FlagsTestApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new));
        return new FlagInstance(id, context);
    }

    public FlagAdministration administration() {
        return context.getBean(FlagAdministration.class);
    }

    LiveFlags live() {
        return context.getBean(LiveFlags.class);
    }

    dev.openfeature.sdk.Client client() {
        return context.getBean(dev.openfeature.sdk.Client.class);
    }

    long versionOf(String key) {
        return live().state(key).version();
    }

    @Override
    public void close() {
        context.close();
    }
}
