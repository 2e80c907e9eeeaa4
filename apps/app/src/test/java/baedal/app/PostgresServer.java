package baedal.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server for integration tests, which can be stopped and started again on the same port
 * and data, as an operator would restart a shard's database.
 */
final class PostgresServer implements AutoCloseable {

    private final Path dataDir;
    private int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    static PostgresServer start(Path dataDir, String... databases) {
        PostgresServer postgres = new PostgresServer(dataDir);
        postgres.startServer(0);
        for (String database : databases) {
            postgres.execute("postgres", "create database " + database);
        }
        return postgres;
    }

    void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    void restart() {
        startServer(port);
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    void execute(String database, String sql) {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }

    long count(String database, String sql) {
        return longs(database, sql).getFirst();
    }

    List<Long> longs(String database, String sql) {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (SQLException failure) {
            throw new IllegalStateException(sql, failure);
        }
    }

    private void startServer(int onPort) {
        try {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(onPort)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            port = server.getPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
