package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.launcher.EmbeddedDatabase;
import org.onewindow.process.infrastructure.ProcessSchema;
import org.onewindow.testing.TestDatabase;

/**
 * Every table that holds a tenant's rows is guarded by the database itself (issue 9): row-level security
 * enabled and forced, with at least one policy, and an application role that owns nothing and cannot
 * bypass it. The schema is the one the WAR makes at start-up (every module's migrations on the class path, then
 * the process engine's tables), in a database of its own, so a new module's table that forgets its policies
 * fails the build.
 */
class TenantTablesTest {

    static final String DATABASE = "tenant_tables";

    /**
     * The columns that tie a row to a tenant in this schema (STYLE.md 2): the county partition, the owning
     * tier, a template's owner. Any other column whose name says "tenant" counts too.
     */
    static final Set<String> TENANT_COLUMNS = Set.of("county_code", "tenant_code", "owner_tenant");

    /**
     * Flowable's own tables that carry the engine's {@code tenant_id_}, made by {@link ProcessSchema} and guarded by
     * it (docs/adr/0028). Named one by one so that the rule finding tenant tables is seen to reach them.
     */
    static final Set<String> ENGINE_TABLES = Set.of(
            "act_hi_actinst",
            "act_hi_procinst",
            "act_hi_taskinst",
            "act_hi_tsk_log",
            "act_re_deployment",
            "act_re_model",
            "act_re_procdef",
            "act_ru_actinst",
            "act_ru_deadletter_job",
            "act_ru_event_subscr",
            "act_ru_execution",
            "act_ru_external_job",
            "act_ru_history_job",
            "act_ru_job",
            "act_ru_suspended_job",
            "act_ru_task",
            "act_ru_timer_job",
            "flw_ru_batch",
            "flw_ru_batch_part");

    /** The tables of every module's migrations that hold a tenant's rows, as this build makes them. */
    static final Set<String> KNOWN_TENANT_TABLES = Set.of(
            "tenant",
            "service_point",
            "service_window",
            "department",
            "staff_account",
            "audit_entry",
            "item_override",
            "item_conflict",
            "process_template_draft");

    static String url;

    @BeforeAll
    static void everyModulesSchemaInADatabaseOfItsOwn() throws SQLException {
        url = newDatabase(DATABASE);
        ModuleMigrations.migrate(
                TenantTablesTest.class.getClassLoader(),
                url,
                EmbeddedDatabase.OWNER,
                TestDatabase.get().ownerPassword(),
                "public",
                Map.of("appRole", EmbeddedDatabase.APP, "schema", "public"));
        ProcessSchema.migrate(
                url, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword(), EmbeddedDatabase.APP, "public");
    }

    @AfterEach
    void noProbeLeftBehind() throws SQLException {
        try (Connection owner = owner();
                Statement sql = owner.createStatement()) {
            sql.execute("drop schema if exists guard_probe cascade");
        }
    }

    @Test
    void theTenantColumnRuleFindsEveryTenantTableOfTheBuild() throws SQLException {
        try (Connection owner = owner()) {
            assertThat(tenantTables(owner, "public"))
                    .as("no table of the build is missed, so the checks below cannot pass for want of tables")
                    .containsAll(KNOWN_TENANT_TABLES)
                    .containsAll(ENGINE_TABLES)
                    .as("standard data belongs to no tenant")
                    .doesNotContain("item_version", "publication");
        }
    }

    @Test
    void everyTenantTableHasRowLevelSecurityEnabledWithAPolicy() throws SQLException {
        try (Connection owner = owner()) {
            assertThat(unguarded(owner, "public")).isEmpty();
        }
    }

    @Test
    void everyTenantTableForcesRowLevelSecurity() throws SQLException {
        try (Connection owner = owner()) {
            assertThat(notForced(owner, "public"))
                    .as("a new tenant table must 'alter table ... force row level security'")
                    .isEmpty();
        }
    }

    @Test
    void onlyTheOwnerPassesAPolicyUnconditionallyBesidesTheReadingOfPublishedTemplates() throws SQLException {
        try (Connection owner = owner()) {
            assertThat(strings(
                            owner,
                            "select tablename || ' ' || policyname || ' ' || cmd || ' ' || roles::text from pg_policies"
                                    + " where schemaname = 'public'"
                                    + " and (qual = 'true' or with_check = 'true') and roles <> array[?]::name[]"
                                    + " order by 1",
                            EmbeddedDatabase.OWNER))
                    .as("a policy letting anyone but the owner through whatever the scope")
                    .containsExactly(
                            "act_re_deployment act_re_deployment_read SELECT {public}",
                            "act_re_procdef act_re_procdef_read SELECT {public}");
        }
    }

    @Test
    void theEnginesRunsAreSeenAndWrittenInTheirCountyOnlyAndItsTemplatesReadByAnyone() throws SQLException {
        try (Connection owner = owner();
                Statement sql = owner.createStatement()) {
            sql.execute("insert into act_ru_execution (id_, rev_, tenant_id_) values"
                    + " ('probe-a', 1, '370399101201'), ('probe-b', 1, '370398101201'),"
                    + " ('probe-standard', 1, 'standard'), ('probe-none', 1, '')");
            sql.execute(
                    "insert into act_re_procdef (id_, rev_, key_, version_, tenant_id_) values"
                            + " ('probe-def-a', 1, 'probe', 1, '370399101000'), ('probe-def-b', 1, 'probe', 1, '370398101000')");
        }
        try (Connection app = app()) {
            assertThat(asApp(app, null, "select id_ from act_ru_execution where id_ like 'probe%' order by 1"))
                    .as("without a scope only the rows of no tenant")
                    .containsExactly("probe-none", "probe-standard");
            assertThat(asApp(
                            app, "370399101202", "select id_ from act_ru_execution where id_ like 'probe%' order by 1"))
                    .as("a village sees its county's runs, not another county's")
                    .containsExactly("probe-a", "probe-none", "probe-standard");
            assertThat(asApp(app, null, "select id_ from act_re_procdef where id_ like 'probe%' order by 1"))
                    .as("published templates are public")
                    .containsExactly("probe-def-a", "probe-def-b");
            assertThat(asApp(
                            app,
                            "370399",
                            "update act_ru_execution set rev_ = 2 where id_ like 'probe%' returning id_"))
                    .containsExactlyInAnyOrder("probe-a", "probe-none", "probe-standard");
            assertThatThrownBy(() -> asApp(
                            app,
                            "370399",
                            "insert into act_ru_execution (id_, rev_, tenant_id_) values ('probe-c', 1, '370398101201')"
                                    + " returning id_"))
                    .hasMessageContaining("row-level security");
            assertThat(asApp(
                            app,
                            "370399101201",
                            "update act_re_procdef set rev_ = 2 where id_ like 'probe%' returning id_"))
                    .as("a template is changed only in its tier's own subtree")
                    .isEmpty();
            assertThatThrownBy(() -> asApp(
                            app,
                            "370399101201",
                            "insert into act_re_procdef (id_, rev_, key_, version_, tenant_id_)"
                                    + " values ('probe-def-c', 1, 'probe', 2, '370399101000') returning id_"))
                    .hasMessageContaining("row-level security");
        } finally {
            try (Connection owner = owner();
                    Statement sql = owner.createStatement()) {
                sql.execute("delete from act_ru_execution where id_ like 'probe%'");
                sql.execute("delete from act_re_procdef where id_ like 'probe%'");
            }
        }
    }

    @Test
    void theEngineTablesKeepTheirGuardsWhenTheSchemaIsMigratedAgainWithoutLockingThem() throws SQLException {
        try (Connection reader = owner();
                Statement sql = reader.createStatement()) {
            // A node serving requests holds its tables while another node starts: the start must not wait for it.
            reader.setAutoCommit(false);
            sql.execute("lock table act_ru_task, act_re_procdef in row exclusive mode");
            try {
                assertTimeoutPreemptively(
                        Duration.ofSeconds(90),
                        () -> ProcessSchema.migrate(
                                url,
                                EmbeddedDatabase.OWNER,
                                TestDatabase.get().ownerPassword(),
                                EmbeddedDatabase.APP,
                                "public"));
            } finally {
                reader.rollback();
            }
        }
        ProcessSchema.migrate(
                url, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword(), EmbeddedDatabase.APP, "public");

        try (Connection owner = owner()) {
            assertThat(
                            strings(
                                    owner,
                                    "select tablename || ' ' || count(*) from pg_policies where schemaname = 'public'"
                                            + " and tablename in ('act_ru_task', 'act_re_procdef') group by tablename order by 1"))
                    .as("each policy once: the owner's door and the tenant rule, or the four of a template table")
                    .containsExactly("act_re_procdef 5", "act_ru_task 2");
        }
    }

    @Test
    void theDoorsAcrossScopesStillOpenOnForcedTables() throws SQLException {
        try (Connection owner = owner();
                Statement sql = owner.createStatement()) {
            layDownAVillageWithAnAccountAndAnOverride(sql);
        }
        try (Connection app = app()) {
            assertThat(asApp(app, null, "select tenant_code || ' ' || tenant_level from ow_login_home('probe.clerk')"))
                    .as("the login door finds the home of a login name before any scope exists")
                    .containsExactly("370399101201 VILLAGE");
            assertThat(asApp(app, null, "select tenant_code || ' ' || roles from ow_token_account('probe.clerk')"))
                    .containsExactly("370399101201 CLERK");
            assertThat(asApp(app, "370398", "select * from ow_counties_overriding('PROBE-0001', 1)"))
                    .as("a publication learns which counties override an item, from any scope")
                    .containsExactly("370399000000");
            assertThat(asApp(app, "370398", "select code from tenant where code like '370399%'"))
                    .as("while the tables themselves stay closed to another scope")
                    .isEmpty();
        } finally {
            try (Connection owner = owner();
                    Statement sql = owner.createStatement()) {
                removeTheVillage(sql);
            }
        }
    }

    @Test
    void aDatabaseMadeByTheLastReleaseIsForcedWithoutLosingARow() throws SQLException {
        String upgraded = newDatabase(DATABASE + "_upgraded");
        // The modules' last versions before row-level security was forced everywhere (main, 2026-12-01).
        Map<String, String> lastRelease = Map.of("kernel", "8", "process", "5", "catalog", "6");
        for (ModuleMigrations.Module module : ModuleMigrations.discover(TenantTablesTest.class.getClassLoader())) {
            var flyway = Flyway.configure(TenantTablesTest.class.getClassLoader())
                    .dataSource(
                            upgraded, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword())
                    .schemas("public")
                    .table(module.historyTable())
                    .locations("classpath:" + module.migrations())
                    .placeholders(Map.of("appRole", EmbeddedDatabase.APP, "schema", "public"))
                    .baselineOnMigrate(true)
                    .baselineVersion("0");
            if (lastRelease.containsKey(module.name())) {
                flyway.target(lastRelease.get(module.name()));
            }
            flyway.load().migrate();
        }
        try (Connection owner = DriverManager.getConnection(
                        upgraded, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword());
                Statement sql = owner.createStatement()) {
            assertThat(notForced(owner, "public"))
                    .as("the release's debt, as it was")
                    .contains("tenant", "item_override");
            layDownAVillageWithAnAccountAndAnOverride(sql);
        }

        ModuleMigrations.migrate(
                TenantTablesTest.class.getClassLoader(),
                upgraded,
                EmbeddedDatabase.OWNER,
                TestDatabase.get().ownerPassword(),
                "public",
                Map.of("appRole", EmbeddedDatabase.APP, "schema", "public"));
        ProcessSchema.migrate(
                upgraded, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword(), EmbeddedDatabase.APP, "public");

        try (Connection owner = DriverManager.getConnection(
                        upgraded, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword());
                Connection app = DriverManager.getConnection(
                        upgraded, EmbeddedDatabase.APP, TestDatabase.get().appPassword())) {
            assertThat(notForced(owner, "public")).isEmpty();
            assertThat(unguarded(owner, "public")).isEmpty();
            assertThat(strings(owner, "select count(*)::text from tenant where code like '370399%'"))
                    .as("the owner, which runs every later migration, still sees every row")
                    .containsExactly("2");
            assertThat(asApp(app, "370399101201", "select code from tenant where code like '370399%'"))
                    .containsExactly("370399101201");
            assertThat(asApp(app, null, "select tenant_code from ow_login_home('probe.clerk')"))
                    .containsExactly("370399101201");
        } finally {
            try (Connection su = TestDatabase.get().superuserConnection();
                    Statement sql = su.createStatement()) {
                sql.execute("drop database if exists " + DATABASE + "_upgraded with (force)");
            }
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection owner = owner()) {
            assertThat(strings(
                            owner,
                            "select c.relkind::text || ' ' || n.nspname || '.' || c.relname from pg_class c"
                                    + " join pg_namespace n on n.oid = c.relnamespace"
                                    + " where c.relowner = (select oid from pg_roles where rolname = ?)",
                            EmbeddedDatabase.APP))
                    .as("relations owned by the application role (an owner is not bound by its table's policies)")
                    .isEmpty();
            assertThat(strings(
                            owner,
                            "select rolname from pg_roles where (rolsuper or rolbypassrls) and pg_has_role(?, oid, 'MEMBER')",
                            EmbeddedDatabase.APP))
                    .as("superuser or bypassrls roles the application role is or is a member of")
                    .isEmpty();
            assertThat(strings(
                            owner,
                            "select rolname from pg_roles where rolname <> ? and pg_has_role(?, oid, 'MEMBER')"
                                    + " and exists (select 1 from pg_class c where c.relowner = pg_roles.oid)",
                            EmbeddedDatabase.APP,
                            EmbeddedDatabase.APP))
                    .as("table-owning roles the application role could 'set role' to")
                    .isEmpty();
        }
    }

    @Test
    void aTenantTableWithoutItsGuardsIsFound() throws SQLException {
        try (Connection owner = owner();
                Statement sql = owner.createStatement()) {
            sql.execute("create schema guard_probe");
            sql.execute("create table guard_probe.no_security (tenant_code varchar(12), x int)");
            sql.execute("create table guard_probe.no_policy (county_code varchar(12), x int)");
            sql.execute("alter table guard_probe.no_policy enable row level security");
            sql.execute("create table guard_probe.not_forced (owner_tenant varchar(12), x int)");
            sql.execute("alter table guard_probe.not_forced enable row level security");
            sql.execute("create policy scope on guard_probe.not_forced using (ow_visible(owner_tenant))");
            sql.execute("create table guard_probe.guarded (engine_tenant_id varchar(12), x int)");
            sql.execute("alter table guard_probe.guarded enable row level security");
            sql.execute("alter table guard_probe.guarded force row level security");
            sql.execute("create policy scope on guard_probe.guarded using (ow_visible(engine_tenant_id))");
            sql.execute("create table guard_probe.standard_data (item_code varchar(32), x int)");

            assertThat(tenantTables(owner, "guard_probe"))
                    .containsExactlyInAnyOrder("no_security", "no_policy", "not_forced", "guarded");
            assertThat(unguarded(owner, "guard_probe"))
                    .containsOnlyKeys("no_security", "no_policy")
                    .containsEntry("no_security", "row-level security not enabled, no policy")
                    .containsEntry("no_policy", "no policy");
            assertThat(notForced(owner, "guard_probe"))
                    .containsExactlyInAnyOrder("no_security", "no_policy", "not_forced");
        }
    }

    private static void layDownAVillageWithAnAccountAndAnOverride(Statement sql) throws SQLException {
        sql.execute("insert into tenant (county_code, code, parent_code, level, name) values"
                + " ('370399000000', '370399000000', null, 'COUNTY', '测试县'),"
                + " ('370399000000', '370399101201', '370399000000', 'VILLAGE', '甲村')");
        sql.execute("insert into staff_account (county_code, id, tenant_code, username, display_name, password_hash,"
                + " roles) values ('370399000000', gen_random_uuid(), '370399101201', 'probe.clerk', '甲村窗口', 'x',"
                + " 'CLERK')");
        sql.execute("insert into item_version (id, item_code, version_no, state, name, elements, published_at) values"
                + " (gen_random_uuid(), 'PROBE-0001', 1, 'DRAFT', '测试事项', '{}', null)");
        sql.execute("insert into item_override (county_code, id, tenant_code, item_code, base_version, patch) values"
                + " ('370399000000', gen_random_uuid(), '370399101201', 'PROBE-0001', 1, '{}')");
    }

    private static void removeTheVillage(Statement sql) throws SQLException {
        sql.execute("delete from item_override where item_code = 'PROBE-0001'");
        sql.execute("delete from item_version where item_code = 'PROBE-0001'");
        sql.execute("delete from staff_account where username = 'probe.clerk'");
        sql.execute("delete from tenant where code = '370399101201'");
        sql.execute("delete from tenant where code = '370399000000'");
    }

    /** Ordinary and partitioned tables of {@code schema} with a tenant column. */
    static List<String> tenantTables(Connection connection, String schema) throws SQLException {
        return strings(
                connection,
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = ? and c.relkind in ('r', 'p')"
                        + " and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attnum > 0"
                        + " and not a.attisdropped and (a.attname = any (?) or a.attname like '%tenant%'))"
                        + " order by 1",
                schema,
                TENANT_COLUMNS.toArray(String[]::new));
    }

    /** What each unguarded tenant table of {@code schema} lacks. */
    static Map<String, String> unguarded(Connection connection, String schema) throws SQLException {
        Map<String, String> lacking = new TreeMap<>();
        for (String table : tenantTables(connection, schema)) {
            List<String> missing = new ArrayList<>();
            if (!flag(connection, schema, table, "c.relrowsecurity")) {
                missing.add("row-level security not enabled");
            }
            if (!flag(connection, schema, table, "exists (select 1 from pg_policy p where p.polrelid = c.oid)")) {
                missing.add("no policy");
            }
            if (!missing.isEmpty()) {
                lacking.put(table, String.join(", ", missing));
            }
        }
        return lacking;
    }

    static List<String> notForced(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        for (String table : tenantTables(connection, schema)) {
            if (!flag(connection, schema, table, "c.relforcerowsecurity")) {
                tables.add(table);
            }
        }
        return tables;
    }

    private static boolean flag(Connection connection, String schema, String table, String condition)
            throws SQLException {
        List<String> answer = strings(
                connection,
                "select (" + condition + ")::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = ? and c.relname = ?",
                schema,
                table);
        return answer.equals(List.of("true"));
    }

    private static List<String> strings(Connection connection, String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** Runs {@code query} as the application role in one transaction with {@code scope} set (none when null), then rolls back. */
    private static List<String> asApp(Connection app, String scope, String query) throws SQLException {
        app.setAutoCommit(false);
        try {
            if (scope != null) {
                strings(app, "select set_config('app.scope', ?, true)", scope);
            }
            return strings(app, query);
        } finally {
            app.rollback();
        }
    }

    private static Connection app() throws SQLException {
        return DriverManager.getConnection(
                url, EmbeddedDatabase.APP, TestDatabase.get().appPassword());
    }

    /** An empty database of the owner role named {@code name}, made anew; answers its URL. */
    private static String newDatabase(String name) throws SQLException {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name + " owner " + EmbeddedDatabase.OWNER);
        }
        return TestDatabase.get().url().replace("/" + EmbeddedDatabase.DATABASE, "/" + name);
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(
                url, EmbeddedDatabase.OWNER, TestDatabase.get().ownerPassword());
    }
}
