package baedal.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded platform keeps its data and on which local ports it listens.
 * <p>
 * The data folder holds one sub-folder per server ({@code postgres}, {@code kafka}); it is kept across restarts,
 * so an application started again on the same folder sees the databases, topics and records it left behind.
 * A port of {@code 0} means "pick a free port when starting".
 *
 * @param dataDir                the folder that holds the servers' data; created when missing
 * @param postgresPort           the PostgreSQL port on localhost, or 0 for a free one
 * @param kafkaPort              the Kafka client (PLAINTEXT) port on localhost, or 0 for a free one
 * @param kafkaControllerPort    the Kafka KRaft controller port on localhost, or 0 for a free one
 * @param postgresMaxConnections PostgreSQL's {@code max_connections}
 */
public record EmbeddedSettings(Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
		int postgresMaxConnections) {

	/** The default data folder, relative to the working directory. */
	public static final Path DEFAULT_DATA_DIR = Path.of("data");

	/** The default PostgreSQL port. */
	public static final int DEFAULT_POSTGRES_PORT = 15432;

	/** The default Kafka client port. */
	public static final int DEFAULT_KAFKA_PORT = 19092;

	/** The default Kafka controller port. */
	public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;

	/** The default PostgreSQL {@code max_connections}. */
	public static final int DEFAULT_POSTGRES_MAX_CONNECTIONS = 300;

	public EmbeddedSettings {
		Objects.requireNonNull(dataDir, "dataDir");
		requirePort(postgresPort, "postgresPort");
		requirePort(kafkaPort, "kafkaPort");
		requirePort(kafkaControllerPort, "kafkaControllerPort");
		if (postgresMaxConnections < 1) {
			throw new IllegalArgumentException("postgresMaxConnections must be positive: " + postgresMaxConnections);
		}
		if (kafkaPort != 0 && kafkaPort == kafkaControllerPort) {
			throw new IllegalArgumentException("kafkaPort and kafkaControllerPort must differ: " + kafkaPort);
		}
	}

	/** {@code ./data}, PostgreSQL on 15432, Kafka on 19092 (controller 19093), 300 connections. */
	public static EmbeddedSettings defaults() {
		return new EmbeddedSettings(DEFAULT_DATA_DIR, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT,
				DEFAULT_KAFKA_CONTROLLER_PORT, DEFAULT_POSTGRES_MAX_CONNECTIONS);
	}

	public EmbeddedSettings withDataDir(Path dataDir) {
		return new EmbeddedSettings(dataDir, postgresPort, kafkaPort, kafkaControllerPort, postgresMaxConnections);
	}

	public EmbeddedSettings withPostgresPort(int postgresPort) {
		return new EmbeddedSettings(dataDir, postgresPort, kafkaPort, kafkaControllerPort, postgresMaxConnections);
	}

	public EmbeddedSettings withKafkaPort(int kafkaPort) {
		return new EmbeddedSettings(dataDir, postgresPort, kafkaPort, kafkaControllerPort, postgresMaxConnections);
	}

	public EmbeddedSettings withKafkaControllerPort(int kafkaControllerPort) {
		return new EmbeddedSettings(dataDir, postgresPort, kafkaPort, kafkaControllerPort, postgresMaxConnections);
	}

	public EmbeddedSettings withPostgresMaxConnections(int postgresMaxConnections) {
		return new EmbeddedSettings(dataDir, postgresPort, kafkaPort, kafkaControllerPort, postgresMaxConnections);
	}

	/** The same settings with every port set to 0, so that free ports are picked. */
	public EmbeddedSettings withFreePorts() {
		return new EmbeddedSettings(dataDir, 0, 0, 0, postgresMaxConnections);
	}

	private static void requirePort(int port, String name) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be between 0 and 65535: " + port);
		}
	}

}
