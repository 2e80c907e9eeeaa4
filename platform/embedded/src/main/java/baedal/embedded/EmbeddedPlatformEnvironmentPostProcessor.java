package baedal.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the embedded platform the default: unless {@code baedal.embedded.enabled=false}, starting the application
 * starts an {@link EmbeddedPlatform}, creates the catalog, order read model and shard databases on it, and points the
 * application's datasource, read model database, shard nodes and Kafka client at it through a property source named {@value #PROPERTY_SOURCE_NAME} that
 * takes precedence over all others.
 * <p>
 * Settings: {@code baedal.embedded.data-dir} ({@code ./data}), {@code baedal.embedded.postgres-port} (15432),
 * {@code baedal.embedded.kafka-port} (19092), {@code baedal.embedded.kafka-controller-port} (19093) and
 * {@code baedal.shards.count} (4). It also sets the noisiest third-party loggers to WARN ({@link #LOGGING_DEFAULTS}),
 * below every other property source so that a user's {@code logging.level.*} wins. The platform stops after the application context's other beans are destroyed, or
 * when the application fails to start, and at the latest when the JVM shuts down.
 */
public class EmbeddedPlatformEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source that points the application at the embedded servers. */
	public static final String PROPERTY_SOURCE_NAME = "baedalEmbedded";

	/** The name of the property source with the embedded default's logging levels, below every other source. */
	public static final String LOGGING_PROPERTY_SOURCE_NAME = "baedalEmbeddedLogging";

	/**
	 * The third-party loggers that talk the most while the embedded servers start and create their topics, tables
	 * and pools: the in-process Kafka broker (hundreds of INFO lines, many after the application is ready), the
	 * Kafka clients' configuration dumps, the embedded PostgreSQL's server log, Flyway and Hikari. On the embedded
	 * default they log warnings and errors only, so the startup banner is what a new user reads last.
	 */
	static final Map<String, String> LOGGING_DEFAULTS = Map.of(
			"logging.level.kafka", "WARN",
			"logging.level.state.change.logger", "WARN",
			"logging.level.org.apache.kafka", "WARN",
			"logging.level.org.apache.zookeeper", "WARN",
			"logging.level.io.zonky", "WARN",
			"logging.level.org.flywaydb", "WARN",
			"logging.level.com.zaxxer.hikari", "WARN");

	/** The catalog's database. */
	public static final String CATALOG_DATABASE = "baedal_catalog";

	/** The order read model's database. */
	public static final String ORDER_VIEW_DATABASE = "baedal_order_view";

	/** The feature flags' database. */
	public static final String FLAGS_DATABASE = "baedal_flags";

	/** The prefix of the shards' databases, followed by the shard index. */
	public static final String SHARD_DATABASE_PREFIX = "baedal_shard_";

	/** Runs after the application's own configuration files have been loaded. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private final Log log;

	public EmbeddedPlatformEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(EmbeddedPlatformEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("baedal.embedded.enabled", Boolean.class, true)) {
			log.debug("Embedded platform disabled (baedal.embedded.enabled=false)");
			return;
		}
		addLoggingDefaults(environment);
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		int shardCount = environment.getProperty("baedal.shards.count", Integer.class, 4);
		if (shardCount < 1) {
			throw new IllegalArgumentException("baedal.shards.count must be positive: " + shardCount);
		}
		EmbeddedSettings settings = settings(environment);
		EmbeddedPlatform platform = EmbeddedPlatform.start(settings);
		PlatformStopper stopper = new PlatformStopper(platform);
		application.addListeners(stopper);
		application.addInitializers(stopper);
		try {
			platform.createDatabaseIfMissing(CATALOG_DATABASE);
			platform.createDatabaseIfMissing(ORDER_VIEW_DATABASE);
			platform.createDatabaseIfMissing(FLAGS_DATABASE);
			for (int shard = 0; shard < shardCount; shard++) {
				platform.createDatabaseIfMissing(SHARD_DATABASE_PREFIX + shard);
			}
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(platform, shardCount)));
		}
		catch (RuntimeException ex) {
			stopper.stop();
			throw ex;
		}
		log.info("Embedded platform started: PostgreSQL at " + platform.jdbcUrl(CATALOG_DATABASE)
				+ " (+ the order read model and " + shardCount + " shard databases), Kafka at " + platform.kafkaBootstrapServers() + ", data in "
				+ platform.dataDir());
	}

	/**
	 * Adds {@link #LOGGING_DEFAULTS} with the lowest precedence of all sources: any {@code logging.level.*} the user
	 * sets (in {@code application.yml}, as an argument or an environment variable) wins. Spring Boot's logging
	 * system reads them when it initializes, which is after the environment post-processors ran.
	 */
	static void addLoggingDefaults(ConfigurableEnvironment environment) {
		if (!environment.getPropertySources().contains(LOGGING_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(LOGGING_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(LOGGING_DEFAULTS)));
		}
	}

	static EmbeddedSettings settings(ConfigurableEnvironment environment) {
		EmbeddedSettings defaults = EmbeddedSettings.defaults();
		return new EmbeddedSettings(
				Path.of(environment.getProperty("baedal.embedded.data-dir", defaults.dataDir().toString())),
				environment.getProperty("baedal.embedded.postgres-port", Integer.class, defaults.postgresPort()),
				environment.getProperty("baedal.embedded.kafka-port", Integer.class, defaults.kafkaPort()),
				environment.getProperty("baedal.embedded.kafka-controller-port", Integer.class,
						defaults.kafkaControllerPort()),
				defaults.postgresMaxConnections());
	}

	static Map<String, Object> properties(EmbeddedPlatform platform, int shardCount) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", platform.jdbcUrl(CATALOG_DATABASE));
		properties.put("spring.datasource.username", platform.postgresUser());
		properties.put("spring.datasource.password", "");
		properties.put("baedal.order-view.datasource.url", platform.jdbcUrl(ORDER_VIEW_DATABASE));
		properties.put("baedal.order-view.datasource.username", platform.postgresUser());
		properties.put("baedal.order-view.datasource.password", "");
		properties.put("baedal.flags.datasource.url", platform.jdbcUrl(FLAGS_DATABASE));
		properties.put("baedal.flags.datasource.username", platform.postgresUser());
		properties.put("baedal.flags.datasource.password", "");
		for (int shard = 0; shard < shardCount; shard++) {
			String node = "baedal.shards.nodes[" + shard + "].";
			properties.put(node + "url", platform.jdbcUrl(SHARD_DATABASE_PREFIX + shard));
			properties.put(node + "username", platform.postgresUser());
			properties.put(node + "password", "");
		}
		properties.put("spring.kafka.bootstrap-servers", platform.kafkaBootstrapServers());
		properties.put("baedal.embedded.resolved-data-dir", platform.dataDir().toString());
		return properties;
	}

	/**
	 * Stops the platform once: after every other bean of the application's context has been destroyed (so the web
	 * server drains its requests and the connection pools close while the databases are still up), when the
	 * application fails to start, or when the JVM shuts down, whichever comes first.
	 */
	static final class PlatformStopper implements ApplicationListener<ApplicationFailedEvent>,
			ApplicationContextInitializer<ConfigurableApplicationContext> {

		static final String BEAN_NAME = "baedalEmbeddedPlatform";

		private final EmbeddedPlatform platform;

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final Thread shutdownHook;

		PlatformStopper(EmbeddedPlatform platform) {
			this.platform = platform;
			this.shutdownHook = new Thread(this::stopFromShutdownHook, "baedal-embedded-platform-stopper");
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}

		/**
		 * Registers the platform as the context's first disposable bean: beans are destroyed in reverse order of
		 * registration, so it is destroyed last. From then on the context owns the platform's end (Spring Boot's
		 * own shutdown hook closes the context on SIGTERM), so the backstop hook is removed: two hooks running at
		 * once would stop the databases under a context that is still draining requests.
		 */
		@Override
		public void initialize(ConfigurableApplicationContext context) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, platform);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(BEAN_NAME, this::stop);
				removeShutdownHook();
			}
		}

		private void removeShutdownHook() {
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is already shutting down; the hook runs or has run
			}
		}

		@Override
		public void onApplicationEvent(ApplicationFailedEvent event) {
			stop();
		}

		@Override
		public boolean supportsAsyncExecution() {
			return false;
		}

		void stop() {
			if (!stopped.compareAndSet(false, true)) {
				return;
			}
			removeShutdownHook();
			platform.close();
		}

		private void stopFromShutdownHook() {
			if (stopped.compareAndSet(false, true)) {
				platform.close();
			}
		}

	}

}
