package org.onewindow.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The database schema as the modules own it: every module jar carries {@value #DESCRIPTOR} naming its
 * migrations folder and its place in the order, and keeps its own Flyway history table
 * ({@code flyway_history_<module>}), so modules never clash on version numbers and adding one adds nothing
 * here. A database made while one history table held every module's migrations ({@value #LEGACY_HISTORY}) is
 * adopted on its first start: each module starts from the versions it had there, then that table goes.
 * See docs/adr/0007-each-module-migrates-its-own-schema.md.
 */
public final class ModuleMigrations {

    static final String DESCRIPTOR = "META-INF/onewindow-module.properties";
    static final String LEGACY_HISTORY = "flyway_schema_history";

    private ModuleMigrations() {}

    /**
     * One module's part of the schema, as its descriptor declares it; {@code mapping} is the class-path name of its
     * JPA mapping file ({@link ModuleMappings}), empty for a module that maps no class.
     */
    public record Module(String name, int order, String migrations, Set<String> legacyVersions, String mapping) {
        public Module {
            if (!name.matches("[a-z][a-z0-9_]{1,30}")) {
                throw new IllegalArgumentException("a module name is lower-case letters, digits and _: " + name);
            }
        }

        public String historyTable() {
            return "flyway_history_" + name;
        }
    }

    /** The modules on {@code loader}'s class path, in migration order. */
    public static List<Module> discover(ClassLoader loader) {
        List<Module> modules = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(DESCRIPTOR))) {
                Properties descriptor = new Properties();
                try (InputStream in = url.openStream()) {
                    descriptor.load(in);
                }
                modules.add(new Module(
                        required(descriptor, "name", url),
                        Integer.parseInt(required(descriptor, "order", url)),
                        required(descriptor, "migrations", url),
                        Arrays.stream(descriptor
                                        .getProperty("legacy-versions", "")
                                        .split(","))
                                .map(String::strip)
                                .filter(v -> !v.isEmpty())
                                .collect(Collectors.toSet()),
                        descriptor.getProperty("mapping", "").strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        modules.sort(Comparator.comparingInt(Module::order).thenComparing(Module::name));
        Set<String> names = new HashSet<>();
        for (Module module : modules) {
            if (!names.add(module.name())) {
                throw new IllegalStateException("two modules are named " + module.name());
            }
        }
        return modules;
    }

    /**
     * Brings every module's schema up to date as {@code ownerUser} (who owns the schema), in module order.
     *
     * @return the number of migrations applied now, by module name
     * @throws IllegalStateException when the database holds migrations in the old single history that no module claims
     */
    public static Map<String, Integer> migrate(
            ClassLoader loader,
            String url,
            String ownerUser,
            String ownerPassword,
            String schema,
            Map<String, String> placeholders) {
        List<Module> modules = discover(loader);
        Set<String> legacy = legacyVersions(url, ownerUser, ownerPassword, schema);
        Set<String> claimed =
                modules.stream().flatMap(m -> m.legacyVersions().stream()).collect(Collectors.toSet());
        if (!claimed.containsAll(legacy)) {
            Set<String> unclaimed = new TreeSet<>(legacy);
            unclaimed.removeAll(claimed);
            throw new IllegalStateException("The database holds migrations " + unclaimed + " in " + LEGACY_HISTORY
                    + " that no module of this build claims: is it newer than this build?");
        }
        Map<String, Integer> applied = new LinkedHashMap<>();
        for (Module module : modules) {
            // A module added to an existing schema starts from nothing (0), one adopted from the old single
            // history from the last version it had there.
            String baseline = module.legacyVersions().stream()
                    .filter(legacy::contains)
                    .map(MigrationVersion::fromVersion)
                    .max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion)
                    .orElse("0");
            Flyway flyway = Flyway.configure(loader)
                    .dataSource(url, ownerUser, ownerPassword)
                    .schemas(schema)
                    .table(module.historyTable())
                    .locations("classpath:" + module.migrations())
                    .placeholders(placeholders)
                    .baselineOnMigrate(true)
                    .baselineVersion(baseline)
                    .baselineDescription(baseline.equals("0") ? "module added" : "adopted from " + LEGACY_HISTORY)
                    .load();
            applied.put(module.name(), flyway.migrate().migrationsExecuted);
        }
        if (legacyTableExists(url, ownerUser, ownerPassword, schema)) {
            execute(url, ownerUser, ownerPassword, "drop table " + schema + "." + LEGACY_HISTORY);
        }
        return applied;
    }

    private static Set<String> legacyVersions(String url, String user, String password, String schema) {
        if (!legacyTableExists(url, user, password, schema)) {
            return Set.of();
        }
        Set<String> versions = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement();
                var rows = sql.executeQuery("select version from " + schema + "." + LEGACY_HISTORY
                        + " where success and version is not null")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + LEGACY_HISTORY, e);
        }
        return versions;
    }

    private static boolean legacyTableExists(String url, String user, String password, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                var query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, schema + "." + LEGACY_HISTORY);
            try (var result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for " + LEGACY_HISTORY, e);
        }
    }

    private static void execute(String url, String user, String password, String statement) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + statement, e);
        }
    }

    private static String required(Properties descriptor, String key, URL url) {
        String value = descriptor.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(url + " names no " + key);
        }
        return value.strip();
    }
}
