package baedal.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in this JVM: KRaft mode, one process acting as broker and controller.
 * <p>
 * The log directory is formatted (with a fresh cluster id written to {@code meta.properties}) only the first time;
 * afterwards the broker recovers its topics and records from it. Kafka's own directory lock is a file lock that
 * the operating system drops when a process dies, so a killed JVM does not block the next start.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER_LISTENER = "CONTROLLER";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaRaftServer server;

	private final int port;

	private final int controllerPort;

	private final Path logDirectory;

	private EmbeddedKafkaBroker(KafkaRaftServer server, int port, int controllerPort, Path logDirectory) {
		this.server = server;
		this.port = port;
		this.controllerPort = controllerPort;
		this.logDirectory = logDirectory;
	}

	/**
	 * Starts a broker on its log directory (formatted the first time) and ports, and returns once it serves
	 * requests.
	 */
	public static EmbeddedKafkaBroker start(Path logDirectory, int port, int controllerPort) {
		try {
			Files.createDirectories(logDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + logDirectory, ex);
		}
		boolean existing = Files.exists(logDirectory.resolve("meta.properties"));
		if (!existing) {
			format(logDirectory);
		}
		KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(brokerProperties(logDirectory, port, controllerPort), false),
				Time.SYSTEM);
		EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, port, controllerPort, logDirectory);
		try {
			server.startup();
			broker.awaitReady();
		}
		catch (RuntimeException ex) {
			broker.close();
			throw ex;
		}
		log.info("Started embedded Kafka broker on localhost:{} (controller on localhost:{}, {} data in {})", port,
				controllerPort, existing ? "existing" : "new", logDirectory);
		return broker;
	}

	int port() {
		return port;
	}

	int controllerPort() {
		return controllerPort;
	}

	/** {@code localhost:<port>}. */
	public String bootstrapServers() {
		return "localhost:" + port;
	}

	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
		log.info("Stopped embedded Kafka broker (data kept in {})", logDirectory);
	}

	static Properties brokerProperties(Path logDirectory, int port, int controllerPort) {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", Integer.toString(NODE_ID));
		properties.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
		properties.setProperty("controller.listener.names", CONTROLLER_LISTENER);
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		properties.setProperty("log.dirs", logDirectory.toAbsolutePath().toString());
		properties.setProperty("num.partitions", "1");
		properties.setProperty("default.replication.factor", "1");
		properties.setProperty("min.insync.replicas", "1");
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		properties.setProperty("auto.create.topics.enable", "false");
		return properties;
	}

	private static void format(Path logDirectory) {
		String directory = logDirectory.toAbsolutePath().toString();
		Formatter formatter = new Formatter()
			.setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
			.setNodeId(NODE_ID)
			.setClusterId(Uuid.randomUuid().toString())
			.setControllerListenerName(CONTROLLER_LISTENER)
			.setMetadataLogDirectory(directory)
			.addDirectory(directory);
		try {
			formatter.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format the Kafka log directory " + logDirectory, ex);
		}
		log.info("Formatted Kafka log directory {} for cluster {}", logDirectory, formatter.clusterId());
	}

	private void awaitReady() {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(config)) {
			while (true) {
				try {
					if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("Embedded Kafka broker did not become ready within " + READY_TIMEOUT, ex);
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Embedded Kafka broker did not become ready within " + READY_TIMEOUT);
				}
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the embedded Kafka broker", ex);
		}
	}

}
