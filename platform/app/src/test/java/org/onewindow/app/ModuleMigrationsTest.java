package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.launcher.EmbeddedDatabase;
import org.onewindow.testing.TestDatabase;

/**
 * Each module migrates its own part of the schema with its own history, and a database made by the
 * build before that (one history table for every module) starts on the new layout without losing a row.
 */
class ModuleMigrationsTest {

    /** The migrations as they stood in the WAR's single db/migration folder, by where they live now. */
    static final Map<String, String> LEGACY_LAYOUT = Map.of(
            "V1__tenancy_identity_audit.sql", "db/migration/kernel/",
            "V2__catalog.sql", "db/migration/catalog/",
            "V3__publish_across_counties.sql", "db/migration/catalog/",
            "V4__publication_jobs.sql", "db/migration/catalog/",
            "V5__process_template_drafts.sql", "db/migration/process/");

    static final Map<String, String> PLACEHOLDERS = Map.of("appRole", EmbeddedDatabase.APP, "schema", "public");

    @TempDir
    Path legacyFolder;

    @Test
    void everyModuleOnTheClassPathDeclaresItsPartInOrder() {
        assertThat(ModuleMigrations.discover(getClass().getClassLoader()))
                .extracting(ModuleMigrations.Module::name)
                .containsSubsequence("kernel", "process", "catalog", "casework");
    }

    @Test
    void aFreshDatabaseGetsEveryModuleWithItsOwnHistory() throws Exception {
        String url = newDatabase("fresh_layout");

        Map<String, Integer> applied = migrate(url);

        assertThat(applied.get("kernel")).as("kernel").isGreaterThanOrEqualTo(2);
        assertThat(applied.get("catalog")).as("catalog").isGreaterThanOrEqualTo(3);
        assertThat(applied.get("process")).as("process").isGreaterThanOrEqualTo(1);
        assertThat(applied.get("casework")).as("casework").isGreaterThanOrEqualTo(1);
        assertThat(tables(url)).contains("flyway_history_kernel", "flyway_history_catalog", "flyway_history_process");
        assertThat(tables(url)).doesNotContain(ModuleMigrations.LEGACY_HISTORY);
        assertThat(migrate(url).values()).as("a second start applies nothing").containsOnly(0);
    }

    @Test
    void aDatabaseMadeWithTheSingleHistoryIsAdoptedWithoutLoss() throws Exception {
        String url = newDatabase("legacy_layout");
        for (var file : LEGACY_LAYOUT.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file.getValue() + file.getKey())) {
                assertThat(in).as(file.getKey()).isNotNull();
                Files.copy(in, legacyFolder.resolve(file.getKey()));
            }
        }
        Flyway.configure()
                .dataSource(url, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword())
                .locations("filesystem:" + legacyFolder)
                .placeholders(PLACEHOLDERS)
                .load()
                .migrate();
        ownerExecute(
                url,
                "insert into tenant (county_code, code, parent_code, level, name) values "
                        + "('370398000000', '370398000000', null, 'COUNTY', '旧库县')");

        migrate(url);

        assertThat(tables(url)).doesNotContain(ModuleMigrations.LEGACY_HISTORY);
        assertThat(ownerQuery(url, "select name from tenant where code = '370398000000'"))
                .containsExactly("旧库县");
        assertThat(baseline(url, "catalog")).containsExactly("4");
        assertThat(baseline(url, "kernel")).containsExactly("1");
        assertThat(baseline(url, "process")).containsExactly("5");
        assertThat(baseline(url, "casework"))
                .as("a module added since the old layout starts from 0 on the old schema (ADR 0007)")
                .containsExactly("0");
        for (String module : List.of("kernel", "catalog", "process")) {
            assertThat(ownerQuery(
                            url,
                            "select count(*) from flyway_history_" + module + " where type = 'SQL' and cast(version as"
                                    + " numeric) <= (select cast(version as numeric) from flyway_history_" + module
                                    + " where type = 'BASELINE')"))
                    .as("%s: nothing the single history held ran again", module)
                    .containsExactly("0");
        }
        assertThat(migrate(url).values()).as("a second start applies nothing").containsOnly(0);
    }

    @Test
    void aDatabaseHoldingMigrationsNoModuleClaimsIsRefusedUntouched() throws Exception {
        String url = newDatabase("newer_layout");
        ownerExecute(
                url,
                "create table flyway_schema_history (installed_rank int, version varchar(50), "
                        + "description varchar(200), success boolean)");
        ownerExecute(url, "insert into flyway_schema_history values (1, '99', 'from a newer build', true)");

        assertThatThrownBy(() -> migrate(url))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[99]")
                .hasMessageContaining("no module of this build claims");
        assertThat(tables(url)).containsExactly(ModuleMigrations.LEGACY_HISTORY);
    }

    private static List<String> baseline(String url, String module) throws SQLException {
        return ownerQuery(url, "select version from flyway_history_" + module + " where type = 'BASELINE'");
    }

    private static Map<String, Integer> migrate(String url) {
        return ModuleMigrations.migrate(
                ModuleMigrationsTest.class.getClassLoader(),
                url,
                EmbeddedDatabase.OWNER,
                TestDatabase.get().ownerPassword(),
                "public",
                PLACEHOLDERS);
    }

    private static String newDatabase(String name) throws SQLException {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name + " owner " + EmbeddedDatabase.OWNER);
        }
        return TestDatabase.get().url().replace("/" + EmbeddedDatabase.DATABASE, "/" + name);
    }

    private static List<String> tables(String url) throws SQLException {
        return ownerQuery(url, "select tablename from pg_tables where schemaname = 'public' order by 1");
    }

    private static void ownerExecute(String url, String statement) throws SQLException {
        try (Connection owner = DriverManager.getConnection(
                        url, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword());
                Statement sql = owner.createStatement()) {
            sql.execute(statement);
        }
    }

    private static List<String> ownerQuery(String url, String query) throws SQLException {
        try (Connection owner = DriverManager.getConnection(
                        url, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword());
                Statement sql = owner.createStatement();
                var rows = sql.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
