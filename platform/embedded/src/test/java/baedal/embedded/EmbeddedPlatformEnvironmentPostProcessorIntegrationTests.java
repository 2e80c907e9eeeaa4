package baedal.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPlatformEnvironmentPostProcessorIntegrationTests {

	/** Boot's view of all other sources, attached first; not a source of its own. */
	private static final String ATTACHED_CONFIGURATION_PROPERTIES = "configurationProperties";

	@TempDir
	Path dataDir;

	@Test
	void pointsTheApplicationAtAStartedPlatformAndStopsItWhenTheContextCloses() throws Exception {
		int postgresPort;
		int kafkaPort;
		try (ConfigurableApplicationContext context = run("--baedal.shards.count=2")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getPropertySources().stream()
				.map(PropertySource::getName)
				.filter(name -> !name.equals(ATTACHED_CONFIGURATION_PROPERTIES))
				.findFirst()).as("the property source with the highest precedence")
				.contains(EmbeddedPlatformEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);

			String catalogUrl = environment.getProperty("spring.datasource.url");
			assertThat(catalogUrl).startsWith("jdbc:postgresql://localhost:").endsWith("/baedal_catalog");
			assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
			assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
			assertThat(environment.getProperty("baedal.order-view.datasource.url")).endsWith("/baedal_order_view");
			assertThat(environment.getProperty("baedal.order-view.datasource.username")).isEqualTo("postgres");
			assertThat(environment.getProperty("baedal.flags.datasource.url")).endsWith("/baedal_flags");
			assertThat(environment.getProperty("baedal.flags.datasource.username")).isEqualTo("postgres");
			assertThat(environment.getProperty("baedal.shards.nodes[0].url")).endsWith("/baedal_shard_0");
			assertThat(environment.getProperty("baedal.shards.nodes[1].url")).endsWith("/baedal_shard_1");
			assertThat(environment.getProperty("baedal.shards.nodes[1].username")).isEqualTo("postgres");
			assertThat(environment.getProperty("baedal.shards.nodes[1].password")).isEmpty();
			assertThat(environment.containsProperty("baedal.shards.nodes[2].url")).isFalse();
			assertThat(environment.getProperty("baedal.embedded.resolved-data-dir"))
				.isEqualTo(dataDir.toAbsolutePath().normalize().toString());

			for (String url : new String[] { catalogUrl, environment.getProperty("baedal.order-view.datasource.url"),
					environment.getProperty("baedal.flags.datasource.url"),
					environment.getProperty("baedal.shards.nodes[0].url"),
					environment.getProperty("baedal.shards.nodes[1].url") }) {
				assertThat(isValid(url, environment)).as(url).isTrue();
			}

			String bootstrapServers = environment.getProperty("spring.kafka.bootstrap-servers");
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
				assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
			}
			postgresPort = URI.create(catalogUrl.substring("jdbc:".length())).getPort();
			kafkaPort = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
			assertThat(accepts(postgresPort)).isTrue();
			assertThat(accepts(kafkaPort)).isTrue();
		}
		assertThat(accepts(postgresPort)).as("PostgreSQL still accepts connections").isFalse();
		assertThat(accepts(kafkaPort)).as("Kafka still accepts connections").isFalse();
	}

	@Test
	void keepsOutOfTheWayWhenDisabled() {
		try (ConfigurableApplicationContext context = run("--baedal.embedded.enabled=false")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getPropertySources()
				.contains(EmbeddedPlatformEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
			assertThat(environment.containsProperty("spring.datasource.url")).isFalse();
			assertThat(dataDir).isEmptyDirectory();
		}
	}

	private ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(TrivialConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("baedal.embedded.data-dir", dataDir.toString(),
				"baedal.embedded.postgres-port", "0", "baedal.embedded.kafka-port", "0",
				"baedal.embedded.kafka-controller-port", "0"));
		return application.run(args);
	}

	private static boolean isValid(String url, ConfigurableEnvironment environment) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url,
				environment.getProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password"))) {
			return connection.isValid(5);
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 2_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TrivialConfiguration {

	}

}
