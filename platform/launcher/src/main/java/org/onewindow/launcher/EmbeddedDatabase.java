package org.onewindow.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (17, from Maven) for development, demos and tests, with the two roles the product
 * expects: an owner that runs migrations and an application role that owns nothing and is not superuser,
 * so row-level security binds it. Every role, the superuser included, logs in with a password
 * (scram-sha-256): nothing is trusted. Its data directory persists when asked to.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "onewindow";
    public static final String OWNER = "onewindow_owner";
    public static final String APP = "onewindow_app";
    private static final String SUPERUSER = "postgres";
    /** The pool of Payara (and a test's own connections) need more than initdb's 100. */
    private static final String MAX_CONNECTIONS = "120";

    /** How much a commit is worth: the product's data must survive a crash, a test's throwaway data need not. */
    public enum Durability {
        /** fsync and synchronous commit on: what the server acknowledged survives a crash or power loss. */
        DURABLE,
        /** The embedding library's fast settings (no fsync, asynchronous commit), for throwaway test databases. */
        THROWAWAY
    }

    // zonky's marks inside an unpacked binaries folder: the lock held while unpacking, and the file written last.
    private static final String UNPACK_LOCK = "epg-lock";
    private static final String UNPACKED = ".exists";

    private final EmbeddedPostgres postgres;
    private final Properties credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Properties credentials) {
        this.postgres = postgres;
        this.credentials = credentials;
    }

    /**
     * Starts PostgreSQL in {@code dataDirectory} (kept between runs) on {@code port} (0: any free port)
     * and creates the database and roles on first use. The binaries are unpacked into
     * {@code binariesDirectory} (null: the library's default under {@code java.io.tmpdir}); a folder
     * that an earlier, interrupted start left half-unpacked there is removed first.
     * The passwords are kept beside the data directory in {@code <data>.credentials}, readable by its owner only.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Path binariesDirectory, Durability durability) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Properties credentials =
                    credentials(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".credentials"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setConnectConfig("password", credentials.getProperty("superuser.password"))
                    .setServerConfig("max_connections", MAX_CONNECTIONS);
            if (durability == Durability.DURABLE) {
                // The library starts the server with -F (fsync off) and asynchronous commit; these come after and win.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (binariesDirectory != null) {
                Files.createDirectories(binariesDirectory);
                builder.setOverrideWorkingDirectory(binariesDirectory.toFile());
            }
            removeHalfUnpacked(binariesDirectory != null ? binariesDirectory : defaultBinariesDirectory());
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            provision(postgres, credentials, dataDirectory);
            return new EmbeddedDatabase(postgres, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Path defaultBinariesDirectory() {
        return Path.of(System.getProperty("ot.epg.working-dir", System.getProperty("java.io.tmpdir") + "/embedded-pg"));
    }

    /**
     * Removes the binaries folders that an interrupted unpack left behind (no completion mark, and no
     * process unpacking into them now): the library would otherwise fail on them at every later start.
     */
    static void removeHalfUnpacked(Path binariesDirectory) throws IOException {
        if (!Files.isDirectory(binariesDirectory)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(binariesDirectory, "PG-*")) {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder) || Files.exists(folder.resolve(UNPACKED))) {
                    continue;
                }
                try (FileChannel channel = FileChannel.open(
                                folder.resolve(UNPACK_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.tryLock()) {
                    if (lock == null) {
                        continue; // another process is unpacking into it right now
                    }
                    System.out.println("Removing half-unpacked PostgreSQL binaries in " + folder);
                    deleteRecursively(folder);
                } catch (OverlappingFileLockException e) {
                    // this process is unpacking into it
                }
            }
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Properties credentials(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        // Homes made before the superuser had a password get one now.
        boolean changed = false;
        for (String key : new String[] {"superuser.password", "owner.password", "app.password"}) {
            if (properties.getProperty(key) == null) {
                properties.setProperty(key, randomSecret());
                changed = true;
            }
        }
        if (changed) {
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, "Passwords of the embedded database's roles");
            }
        }
        ownerOnly(file);
        return properties;
    }

    /** Limits {@code file} to its owner (rw-------), where the file system has POSIX permissions. */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
    }

    private static void provision(EmbeddedPostgres postgres, Properties credentials, Path dataDirectory) {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            ensureRole(sql, SUPERUSER, credentials.getProperty("superuser.password"), "");
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
            // initdb trusted every local connection; from now on every role proves its password.
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # Written by OneWindow: every role logs in with its password, nothing is trusted.
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    host    all   all   ::1/128        scram-sha-256
                    """);
            // The reload below reads postgresql.conf again: were its max_connections (initdb's 100) not the running
            // value, PostgreSQL would warn at every start that the file "contains errors".
            sql.execute("alter system set max_connections = " + MAX_CONNECTIONS);
            sql.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision the embedded database", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the embedded database's pg_hba.conf", e);
        }
        try (Connection db = DriverManager.getConnection(
                        jdbcUrl(postgres.getPort()), SUPERUSER, credentials.getProperty("superuser.password"));
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
        return DriverManager.getConnection(url(), SUPERUSER, credentials.getProperty("superuser.password"));
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
