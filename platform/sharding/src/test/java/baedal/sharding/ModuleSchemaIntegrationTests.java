package baedal.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two modules' sets in one database on a real PostgreSQL: each with its own history, whichever comes first, and a
 * database of the old shared layout adopted (fixtures in {@code module-schemas/}: {@code alpha} V1..V2,
 * {@code beta} V1, and {@code legacy}, their scripts as one location once held them, alpha V1 and beta as V2).
 */
class ModuleSchemaIntegrationTests {

    private static final ModuleSchema ALPHA = new ModuleSchema("classpath:module-schemas/alpha", "alpha_schema_history");
    private static final ModuleSchema BETA = new ModuleSchema("classpath:module-schemas/beta", "beta_schema_history");

    @TempDir
    static Path dataDir;

    static EmbeddedPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir).withFreePorts());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static DriverManagerDataSource database(String name) {
        platform.createDatabaseIfMissing(name);
        return new DriverManagerDataSource(platform.jdbcUrl(name), platform.postgresUser(), "");
    }

    private static List<String> history(DriverManagerDataSource database, String table) {
        return JdbcClient.create(database).sql("select version || ':' || description from " + table
                + " where success order by installed_rank").query(String.class).list();
    }

    @Test
    void appliesEachSetWithItsOwnHistoryWhicheverIsFirst() {
        DriverManagerDataSource database = database("two_sets");

        BETA.migrate(database);
        ALPHA.migrate(database);
        ALPHA.migrate(database); // nothing left to do

        assertThat(history(database, "beta_schema_history")).containsExactly("1:beta");
        assertThat(history(database, "alpha_schema_history"))
                .containsExactly("0:<< another module was first in this schema >>", "1:alpha", "2:alpha name");
        assertThat(JdbcClient.create(database).sql("select count(*) from alpha").query(Long.class).single()).isZero();
    }

    @Test
    void adoptsWhatTheOldSharedHistoryHoldsAndAppliesTheRest() {
        DriverManagerDataSource database = database("old_layout");
        Flyway.configure().dataSource(database).locations("classpath:module-schemas/legacy").load().migrate();
        JdbcClient.create(database).sql("insert into alpha values (1)").update();

        ALPHA.migrate(database);
        BETA.migrate(database);

        assertThat(history(database, "alpha_schema_history"))
                .containsExactly("1:<< adopted from flyway_schema_history >>", "2:alpha name");
        assertThat(history(database, "beta_schema_history")).containsExactly("1:<< adopted from flyway_schema_history >>");
        assertThat(history(database, ModuleSchema.LEGACY_HISTORY_TABLE)).containsExactly("1:alpha", "2:beta");
        assertThat(JdbcClient.create(database).sql("select count(*) from alpha where name is null").query(Long.class)
                .single()).as("the row written before the upgrade").isEqualTo(1);
    }
}
