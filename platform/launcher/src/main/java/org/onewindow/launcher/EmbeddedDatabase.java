package org.onewindow.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A real PostgreSQL (17, from Maven) for development, demos and tests, with the two roles the product
 * expects: an owner that runs migrations and an application role that owns nothing and is not superuser,
 * so row-level security binds it. Its data directory persists when asked to.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "onewindow";
    public static final String OWNER = "onewindow_owner";
    public static final String APP = "onewindow_app";

    private final EmbeddedPostgres postgres;
    private final Properties credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Properties credentials) {
        this.postgres = postgres;
        this.credentials = credentials;
    }

    /**
     * Starts PostgreSQL in {@code dataDirectory} (kept between runs) on {@code port} (0: any free port)
     * and creates the database and roles on first use.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "120")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            Properties credentials =
                    credentials(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".credentials"));
            provision(postgres, credentials);
            return new EmbeddedDatabase(postgres, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Properties credentials(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                properties.load(in);
            }
        } else {
            properties.setProperty("owner.password", randomSecret());
            properties.setProperty("app.password", randomSecret());
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, "Passwords of the embedded database's roles");
            }
        }
        return properties;
    }

    private static void provision(EmbeddedPostgres postgres, Properties credentials) {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            ensureRole(sql, OWNER, credentials.getProperty("owner.password"), "");
            ensureRole(
                    sql,
                    APP,
                    credentials.getProperty("app.password"),
                    " nosuperuser nocreatedb nocreaterole nobypassrls");
            var exists = sql.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                sql.execute("create database " + DATABASE + " owner " + OWNER + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision the embedded database", e);
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl(postgres.getPort()), "postgres", "");
                Statement sql = db.createStatement()) {
            // PostgreSQL 15+ no longer lets everyone create in public; the owner runs the migrations there.
            sql.execute("alter schema public owner to " + OWNER);
            sql.execute("revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the schema of the embedded database", e);
        }
    }

    private static void ensureRole(Statement sql, String role, String password, String options) throws SQLException {
        var exists = sql.executeQuery("select 1 from pg_roles where rolname = '" + role + "'");
        String verb = exists.next() ? "alter" : "create";
        sql.execute(verb + " role " + role + " with login password '" + password + "'" + options);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public String url() {
        return jdbcUrl(port());
    }

    public String ownerPassword() {
        return credentials.getProperty("owner.password");
    }

    public String appPassword() {
        return credentials.getProperty("app.password");
    }

    /** A connection as the superuser, for tests that must reach past every rule (e.g. to tamper on purpose). */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
