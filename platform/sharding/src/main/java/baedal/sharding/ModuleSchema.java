package baedal.sharding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One module's part of a database's schema: its own Flyway location and its own history table, so modules that
 * share a database (the order context and the outbox on every shard) never coordinate version numbers. A module
 * puts its shard scripts under {@code db/<module>/shard/} (found on the class path by {@link #onShardsFromClassPath})
 * or declares it as a {@link ShardMigrations} bean; {@link Shards} applies every such set to every shard.
 * <p>
 * <b>Adoption</b> (ADR 0009): until the split, every shard had one history table, {@value #LEGACY_HISTORY_TABLE},
 * for the scripts of all modules. On a database that still has it and not yet this set's table, each script of this
 * set whose description and checksum match a successfully applied row there counts as applied (scripts keep their
 * name and text when they are renumbered; an applied script is never edited). The set is then baselined at the
 * last of its leading run of such scripts, and Flyway applies the rest. A matched script behind an unmatched one
 * means the database is not a layout this rule knows: the start fails with the reason instead of guessing.
 *
 * @param location the Flyway location, e.g. {@code classpath:db/order/shard}
 * @param historyTable the set's own history table, e.g. {@code order_schema_history}
 */
public record ModuleSchema(String location, String historyTable) {

    /** The one history table that every module's shard scripts shared before each module had its own. */
    public static final String LEGACY_HISTORY_TABLE = "flyway_schema_history";

    /** Where modules put the scripts that every shard gets: {@code db/<module>/shard/}. */
    static final String SHARD_SCRIPTS = "classpath*:db/*/shard/*.sql";

    private static final Logger log = LoggerFactory.getLogger(ModuleSchema.class);
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern MODULE_SHARD_DIRECTORY = Pattern.compile(".*/db/([a-z][a-z0-9-]*)/shard/[^/]+\\.sql$");

    public ModuleSchema {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("a module schema needs a Flyway location");
        }
        if (historyTable == null || !TABLE.matcher(historyTable).matches()) {
            throw new IllegalArgumentException("a history table is a lower-case SQL name: " + historyTable);
        }
        if (historyTable.equals(LEGACY_HISTORY_TABLE)) {
            throw new IllegalArgumentException(LEGACY_HISTORY_TABLE + " is the shared history of the old layout;"
                    + " a module's set has a table of its own");
        }
    }

    /** The set of module {@code module} on every shard: {@code classpath:db/<module>/shard}, {@code <module>_schema_history}. */
    public static ModuleSchema onShards(String module) {
        return new ModuleSchema("classpath:db/" + module + "/shard", module.replace('-', '_') + "_schema_history");
    }

    /** Every module's shard set found on the class path ({@code db/<module>/shard/*.sql}), by module name. */
    static List<ModuleSchema> onShardsFromClassPath(ClassLoader classLoader) {
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver(classLoader);
        Set<String> modules = new java.util.TreeSet<>();
        try {
            for (var script : resolver.getResources(SHARD_SCRIPTS)) {
                var matcher = MODULE_SHARD_DIRECTORY.matcher(script.getURL().toString());
                if (matcher.matches()) {
                    modules.add(matcher.group(1));
                }
            }
        } catch (java.io.IOException failed) {
            throw new IllegalStateException("could not look for shard migrations on the class path", failed);
        }
        return modules.stream().map(ModuleSchema::onShards).toList();
    }

    /**
     * Brings {@code database} to this set's latest version: adopts the old shared history if the database has it
     * (see above), then migrates. Other sets' tables may be in the database already; the set's own history starts
     * at version 0 then, so its first script still runs.
     */
    public void migrate(DataSource database) {
        try {
            adoptLegacyHistory(database);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not migrate " + location + ": " + failed.getMessage(), failed);
        }
        flyway(database).load().migrate(); // Flyway's own lock makes instances that start together take turns
    }

    private FluentConfiguration flyway(DataSource database) {
        return Flyway.configure()
                .dataSource(database)
                .locations(location)
                .table(historyTable)
                // another module's tables make the schema non-empty: that is no reason to skip this set's V1
                .baselineOnMigrate(true)
                .baselineVersion(MigrationVersion.fromVersion("0"))
                // Flyway writes the description into its SQL as it is: no quotes in it
                .baselineDescription("<< another module was first in this schema >>");
    }

    private void adoptLegacyHistory(DataSource database) throws SQLException {
        List<LegacyRow> legacy;
        try (Connection connection = database.getConnection()) {
            if (tableExists(connection, historyTable) || !tableExists(connection, LEGACY_HISTORY_TABLE)) {
                return;
            }
            legacy = legacyRows(connection);
        }
        List<Script> scripts = new ArrayList<>();
        for (MigrationInfo info : flyway(database).load().info().all()) {
            if (info.getVersion() != null) {
                scripts.add(new Script(info.getVersion(), info.getDescription(), info.getChecksum()));
            }
        }
        MigrationVersion adopted = adoptedVersion(scripts, legacy);
        if (adopted == null) {
            return;
        }
        try {
            flyway(database).baselineVersion(adopted)
                    .baselineDescription("<< adopted from " + LEGACY_HISTORY_TABLE + " >>")
                    .load().baseline();
        } catch (FlywayException raced) {
            try (Connection connection = database.getConnection()) {
                if (tableExists(connection, historyTable)) {
                    return; // another instance adopted it first (and may have migrated on already)
                }
            }
            throw raced;
        }
        log.info("Adopted {} up to version {} from {} into {}", location, adopted, LEGACY_HISTORY_TABLE, historyTable);
    }

    /** One script of this set: its version, description and checksum. */
    record Script(MigrationVersion version, String description, Integer checksum) {
    }

    /** One successfully applied row of the old shared history. */
    record LegacyRow(String description, Integer checksum) {
    }

    /**
     * The adoption rule, without I/O: the version to baseline at (the last of the leading run of scripts that the
     * old history holds), or {@code null} when it holds none of them.
     */
    static MigrationVersion adoptedVersion(List<Script> scripts, List<LegacyRow> legacy) {
        Set<LegacyRow> applied = new HashSet<>(legacy);
        List<Script> ordered = scripts.stream().sorted(Comparator.comparing(Script::version)).toList();
        MigrationVersion adopted = null;
        boolean gap = false;
        for (Script script : ordered) {
            boolean matched = applied.contains(new LegacyRow(script.description(), script.checksum()));
            if (matched && gap) {
                throw new IllegalStateException("cannot adopt " + LEGACY_HISTORY_TABLE + ": it holds script '"
                        + script.description() + "' (V" + script.version() + ") but not every script before it;"
                        + " see ADR 0009");
            }
            if (matched) {
                adopted = script.version();
            } else {
                gap = true;
            }
        }
        return adopted;
    }

    private static List<LegacyRow> legacyRows(Connection connection) throws SQLException {
        List<LegacyRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select description, checksum from " + LEGACY_HISTORY_TABLE + " where success and version is not null");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                int checksum = result.getInt(2);
                rows.add(new LegacyRow(result.getString(1), result.wasNull() ? null : checksum));
            }
        }
        return rows;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
