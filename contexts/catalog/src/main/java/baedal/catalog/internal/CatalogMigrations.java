package baedal.catalog.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * The catalog's migrations ({@code classpath:db/migration}, run by Spring Boot on the catalog's database) keep their
 * history in a table of the catalog's own, {@value #HISTORY_TABLE}, like every module's (ADR 0009). A catalog
 * database from before keeps its history in {@code flyway_schema_history} under the same version numbers: it is
 * adopted by baselining the new table at the highest version applied there.
 */
@Component
class CatalogMigrations implements FlywayConfigurationCustomizer {

    static final String HISTORY_TABLE = "catalog_schema_history";
    static final String LEGACY_HISTORY_TABLE = "flyway_schema_history";

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.table(HISTORY_TABLE);
        String adopted = adoptedVersion(configuration.getDataSource());
        // Another module's tables in the same database (e.g. the read model's in a test) are no reason to skip V1.
        configuration.baselineOnMigrate(true)
                .baselineVersion(adopted != null ? adopted : "0")
                .baselineDescription(adopted != null ? "<< adopted from " + LEGACY_HISTORY_TABLE + " >>"
                        : "<< another module was first in this schema >>");
    }

    /** The version to adopt, or {@code null} when there is nothing to adopt (a new database, or adopted already). */
    private static String adoptedVersion(DataSource database) {
        if (database == null) {
            return null;
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery("select to_regclass('" + HISTORY_TABLE + "') is null"
                    + " and to_regclass('" + LEGACY_HISTORY_TABLE + "') is not null")) {
                if (!tables.next() || !tables.getBoolean(1)) {
                    return null;
                }
            }
            try (ResultSet applied = statement.executeQuery("select max(version::int) from " + LEGACY_HISTORY_TABLE
                    + " where success and version is not null")) {
                return applied.next() ? applied.getString(1) : null;
            }
        } catch (SQLException unreachable) {
            return null; // Flyway itself reports the unreachable database
        }
    }
}
