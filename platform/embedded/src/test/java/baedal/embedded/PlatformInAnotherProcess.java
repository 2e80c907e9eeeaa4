package baedal.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Runs a platform in a separate JVM until it is killed, to test starting again after {@code kill -9}. */
final class PlatformInAnotherProcess {

	static final String STARTED = "platform started";

	private PlatformInAnotherProcess() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPlatform platform = EmbeddedPlatform
			.start(EmbeddedSettings.defaults().withDataDir(Path.of(args[0])).withFreePorts());
		platform.createDatabaseIfMissing("orders");
		try (Connection connection = DriverManager.getConnection(platform.jdbcUrl("orders"), platform.postgresUser(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE menu (name text)");
			statement.execute("INSERT INTO menu VALUES ('fried chicken')");
		}
		System.out.println(STARTED);
		System.out.flush();
		Thread.currentThread().join();
	}

}
