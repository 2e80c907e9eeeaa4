package baedal.embedded;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedPlatformIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsPostgresDataAcrossARestart() throws SQLException {
		try (EmbeddedPlatform platform = start()) {
			platform.createDatabaseIfMissing("orders");
			try (Connection connection = connect(platform, "orders"); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE menu (name text)");
				statement.execute("INSERT INTO menu VALUES ('fried chicken')");
			}
		}
		try (EmbeddedPlatform platform = start()) {
			platform.createDatabaseIfMissing("orders");
			assertThat(menuOf(platform)).containsExactly("fried chicken");
		}
	}

	@Test
	void keepsKafkaTopicsAndRecordsAcrossARestart() throws Exception {
		try (EmbeddedPlatform platform = start()) {
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic("order-placed", 1, (short) 1))).all().get();
			}
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
					ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
					ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>("order-placed", "order-1", "two fried chickens")).get();
			}
		}
		try (EmbeddedPlatform platform = start()) {
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
				assertThat(admin.listTopics().names().get()).contains("order-placed");
			}
			assertThat(recordsOf(platform, "order-placed")).containsExactly("order-1=two fried chickens");
		}
	}

	@Test
	void startsAgainAfterAnUncleanStop() throws Exception {
		try (EmbeddedPlatform platform = start()) {
			platform.createDatabaseIfMissing("orders");
			try (Connection connection = connect(platform, "orders"); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE menu (name text)");
				statement.execute("INSERT INTO menu VALUES ('fried chicken')");
			}
		}
		// As after kill -9 and a reboot: the pid file is left behind, and its pid now belongs to some other live
		// process, which PostgreSQL on its own would take for another server running on the directory.
		Process someOtherProcess = new ProcessBuilder("sleep", "300").start();
		try {
			Files.writeString(dataDir.resolve("postgres/postmaster.pid"),
					someOtherProcess.pid() + "\n" + dataDir.resolve("postgres") + "\n", StandardCharsets.UTF_8);

			try (EmbeddedPlatform platform = start()) {
				assertThat(menuOf(platform)).containsExactly("fried chicken");
			}
		}
		finally {
			someOtherProcess.destroy();
		}
	}

	@Test
	void startsAgainAfterItsProcessWasKilled() throws Exception {
		String java = ProcessHandle.current().info().command().orElseThrow();
		Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				PlatformInAnotherProcess.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = other.inputReader()) {
			String line;
			while ((line = output.readLine()) != null && !line.equals(PlatformInAnotherProcess.STARTED)) {
				// skip the other process's log
			}
			assertThat(line).as("the other process started its platform").isEqualTo(PlatformInAnotherProcess.STARTED);
			other.destroyForcibly().waitFor();
		}
		finally {
			other.destroyForcibly();
		}
		// its PostgreSQL server outlives it, orphaned; its Kafka log and data folder lock are left as they were

		try (EmbeddedPlatform platform = start()) {
			assertThat(menuOf(platform)).containsExactly("fried chicken");
		}
	}

	@Test
	void refusesADataFolderInUseByAnotherPlatform() {
		try (EmbeddedPlatform platform = start()) {
			assertThatIllegalStateException().isThrownBy(this::start).withMessageContaining("in use");
		}
	}

	@Test
	void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
		try (EmbeddedPlatform platform = start()) {
			assertThatIllegalArgumentException().isThrownBy(() -> platform.createDatabaseIfMissing("orders\"; DROP"));
			assertThatIllegalArgumentException().isThrownBy(() -> platform.createDatabaseIfMissing("Orders"));
			assertThatIllegalArgumentException().isThrownBy(() -> platform.createDatabaseIfMissing("1orders"));
		}
	}

	private EmbeddedPlatform start() {
		return EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir).withFreePorts());
	}

	private static Connection connect(EmbeddedPlatform platform, String database) throws SQLException {
		return DriverManager.getConnection(platform.jdbcUrl(database), platform.postgresUser(), "");
	}

	private static List<String> menuOf(EmbeddedPlatform platform) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = connect(platform, "orders");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM menu")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	private static List<String> recordsOf(EmbeddedPlatform platform, String topic) {
		List<String> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(Set.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					records.add(record.key() + "=" + record.value());
				}
			}
		}
		return records;
	}

}
