package baedal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default of the platform: a PostgreSQL server and a single-node Kafka broker (KRaft, broker and
 * controller in one), both started by and for this process, listening on localhost only, and keeping their data
 * under one local folder across restarts.
 * <p>
 * PostgreSQL runs as a child process (its data in {@code <dataDir>/postgres}); Kafka runs inside this JVM (its log
 * in {@code <dataDir>/kafka}). The folder is locked while a platform runs on it, so two processes never share it.
 * A stop by {@code kill -9} does not prevent the next start: the lock is released by the operating system, and a
 * postmaster left behind is shut down or its stale pid file removed.
 * <p>
 * The PostgreSQL superuser is {@link #postgresUser()} with no password; use {@link #createDatabaseIfMissing(String)}
 * and {@link #jdbcUrl(String)} to get a database, and {@link #kafkaBootstrapServers()} to reach the broker.
 */
public final class EmbeddedPlatform implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);

	private static final String LOCK_FILE = ".baedal-embedded.lock";

	private final Path dataDir;

	private final DataFolderLock lock;

	private final EmbeddedPostgresServer postgres;

	private EmbeddedKafkaBroker kafka;

	private final int kafkaPort;

	private final int kafkaControllerPort;

	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedPlatform(Path dataDir, DataFolderLock lock, EmbeddedPostgresServer postgres,
			EmbeddedKafkaBroker kafka) {
		this.dataDir = dataDir;
		this.lock = lock;
		this.postgres = postgres;
		this.kafka = kafka;
		this.kafkaPort = kafka.port();
		this.kafkaControllerPort = kafka.controllerPort();
	}

	/**
	 * Starts PostgreSQL and Kafka on the settings' data folder and returns once both accept connections.
	 * @throws IllegalStateException if another process runs a platform on the same folder, or a server fails to
	 * start
	 */
	public static EmbeddedPlatform start(EmbeddedSettings settings) {
		Path dataDir = settings.dataDir().toAbsolutePath().normalize();
		long startedAt = System.nanoTime();
		log.info("Starting the embedded platform with data in {}", dataDir);
		DataFolderLock lock = DataFolderLock.acquire(dataDir);
		EmbeddedPostgresServer postgres = null;
		try {
			postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), portOrFree(settings.postgresPort()),
					settings.postgresMaxConnections());
			int kafkaPort = portOrFree(settings.kafkaPort(), postgres.port());
			int controllerPort = portOrFree(settings.kafkaControllerPort(), postgres.port(), kafkaPort);
			EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
			log.info("Embedded platform started in {} ms: PostgreSQL on localhost:{}, Kafka on {}, data in {}",
					(System.nanoTime() - startedAt) / 1_000_000, postgres.port(), kafka.bootstrapServers(), dataDir);
			return new EmbeddedPlatform(dataDir, lock, postgres, kafka);
		}
		catch (RuntimeException ex) {
			if (postgres != null) {
				closeQuietly(postgres, ex);
			}
			closeQuietly(lock, ex);
			throw ex;
		}
	}

	/** Creates a database owned by {@link #postgresUser()} unless it exists; names match {@code [a-z_][a-z0-9_]*}. */
	public void createDatabaseIfMissing(String name) {
		requireOpen();
		postgres.createDatabaseIfMissing(name);
	}

	/** The JDBC URL of a database on the embedded server (without credentials). */
	public String jdbcUrl(String database) {
		return postgres.jdbcUrl(database);
	}

	/** The PostgreSQL superuser to connect as; it has no password. */
	public String postgresUser() {
		return EmbeddedPostgresServer.SUPERUSER;
	}

	/** The Kafka bootstrap servers, {@code localhost:<port>}. */
	public String kafkaBootstrapServers() {
		return "localhost:" + kafkaPort;
	}

	/**
	 * Stops only the Kafka broker, keeping its data and PostgreSQL running, so a test can see how clients behave
	 * while Kafka is down. Calling it while the broker is stopped does nothing.
	 */
	public synchronized void stopKafka() {
		requireOpen();
		if (kafka != null) {
			kafka.close();
			kafka = null;
		}
	}

	/**
	 * Starts the Kafka broker again on the same ports and data after {@link #stopKafka()}; returns once it accepts
	 * connections. Calling it while the broker runs does nothing.
	 */
	public synchronized void startKafka() {
		requireOpen();
		if (kafka == null) {
			kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, kafkaControllerPort);
		}
	}

	/** The absolute data folder. */
	public Path dataDir() {
		return dataDir;
	}

	/** Stops Kafka, then PostgreSQL, keeping their data. Calling it again does nothing. */
	@Override
	public synchronized void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		RuntimeException failure = null;
		try {
			if (kafka != null) {
				kafka.close();
			}
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		try {
			postgres.close();
		}
		catch (RuntimeException ex) {
			failure = addTo(failure, ex);
		}
		try {
			lock.close();
		}
		catch (RuntimeException ex) {
			failure = addTo(failure, ex);
		}
		log.info("Embedded platform stopped; data kept in {}", dataDir);
		if (failure != null) {
			throw failure;
		}
	}

	private void requireOpen() {
		if (closed.get()) {
			throw new IllegalStateException("The embedded platform on " + dataDir + " is closed");
		}
	}

	private static RuntimeException addTo(RuntimeException failure, RuntimeException ex) {
		if (failure == null) {
			return ex;
		}
		failure.addSuppressed(ex);
		return failure;
	}

	private static void closeQuietly(AutoCloseable closeable, RuntimeException cause) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			cause.addSuppressed(ex);
		}
	}

	private static int portOrFree(int port, int... taken) {
		if (port != 0) {
			return port;
		}
		while (true) {
			int candidate = freePort();
			if (Arrays.stream(taken).noneMatch(t -> t == candidate)) {
				return candidate;
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port", ex);
		}
	}

	/** An exclusive lock on the data folder, held while a platform runs on it; the OS drops it if we die. */
	private record DataFolderLock(FileChannel channel, FileLock lock) implements AutoCloseable {

		static DataFolderLock acquire(Path dataDir) {
			try {
				Files.createDirectories(dataDir);
				FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE);
				FileLock lock;
				try {
					lock = channel.tryLock();
				}
				catch (OverlappingFileLockException ex) {
					lock = null;
				}
				if (lock == null) {
					channel.close();
					throw new IllegalStateException("The data folder " + dataDir
							+ " is in use by another embedded platform; stop it or choose another folder");
				}
				return new DataFolderLock(channel, lock);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not lock the data folder " + dataDir, ex);
			}
		}

		@Override
		public void close() {
			try {
				channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
