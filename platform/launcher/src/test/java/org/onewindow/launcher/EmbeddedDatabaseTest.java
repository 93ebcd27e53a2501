package org.onewindow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.launcher.EmbeddedDatabase.Durability;

/** The product's default database, as {@code infra/run.sh} starts it on a fresh machine and again later. */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void aFolderLeftHalfUnpackedIsRemovedAndTheBinariesUnpackedAgain() throws Exception {
        Path binaries = home.resolve("postgres-binaries");
        Path halfUnpacked = binaries.resolve("PG-0123456789abcdef");
        Files.createDirectories(halfUnpacked.resolve("bin"));
        Files.writeString(halfUnpacked.resolve("bin/postgres"), "cut off");
        Path complete = binaries.resolve("PG-fedcba9876543210");
        Files.createDirectories(complete);
        Files.createFile(complete.resolve(".exists"));

        EmbeddedDatabase.removeHalfUnpacked(binaries);

        assertThat(halfUnpacked).doesNotExist();
        assertThat(complete).exists();
    }

    @Test
    void theDefaultDatabaseIsDurableAndTrustsNoOne() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(
                home.resolve("pgdata"), 0, home.resolve("postgres-binaries"), Durability.DURABLE)) {
            try (Connection su = database.superuserConnection();
                    Statement sql = su.createStatement()) {
                assertThat(setting(sql, "fsync")).isEqualTo("on");
                assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(sql, "full_page_writes")).isEqualTo("on");
                assertNoSettingInError(sql);
                var rules = sql.executeQuery("select distinct auth_method from pg_hba_file_rules");
                while (rules.next()) {
                    assertThat(rules.getString(1)).isEqualTo("scram-sha-256");
                }
            }
            for (String role : new String[] {"postgres", EmbeddedDatabase.OWNER, EmbeddedDatabase.APP}) {
                assertThatThrownBy(() -> DriverManager.getConnection(database.url(), role, "")
                                .close())
                        .as("%s without its password", role)
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(database.url(), role, "guess")
                                .close())
                        .as("%s with a wrong password", role)
                        .isInstanceOf(SQLException.class);
            }
            try (Connection app =
                    DriverManager.getConnection(database.url(), EmbeddedDatabase.APP, database.appPassword())) {
                assertThat(app.isValid(2)).isTrue();
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("pgdata.credentials"))))
                .isEqualTo("rw-------");

        // A second start on the same data: the passwords kept beside it still open it.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(
                        home.resolve("pgdata"), 0, home.resolve("postgres-binaries"), Durability.DURABLE);
                Connection owner =
                        DriverManager.getConnection(again.url(), EmbeddedDatabase.OWNER, again.ownerPassword())) {
            assertThat(owner.isValid(2)).isTrue();
            try (Statement sql = again.superuserConnection().createStatement()) {
                assertNoSettingInError(sql);
            }
        }
    }

    /**
     * Every setting of the configuration files is one the running server could apply: a file that disagrees with the
     * start options on a setting only a restart changes makes PostgreSQL warn at each start that it "contains errors".
     */
    private static void assertNoSettingInError(Statement sql) throws SQLException {
        var errors = sql.executeQuery("select name, sourcefile, error from pg_file_settings where error is not null");
        StringBuilder found = new StringBuilder();
        while (errors.next()) {
            found.append(errors.getString(1))
                    .append(" in ")
                    .append(errors.getString(2))
                    .append(": ")
                    .append(errors.getString(3))
                    .append('\n');
        }
        assertThat(found.toString()).isEmpty();
    }

    @Test
    void aThrowawayTestDatabaseKeepsTheFastSettings() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("pgdata"), 0, null, Durability.THROWAWAY);
                Connection su = database.superuserConnection();
                Statement sql = su.createStatement()) {
            assertThat(setting(sql, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static String setting(Statement sql, String name) throws SQLException {
        var result = sql.executeQuery("show " + name);
        result.next();
        return result.getString(1);
    }
}
