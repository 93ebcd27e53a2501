package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.launcher.EmbeddedDatabase;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * The database's own guard, without the application: hand-written SQL sent as the application role sees and changes
 * only its scope, whatever the code above it does. Two counties of this class's own ({@link TestCounty}, laid down in
 * the database alone, which row-level security does not bind): 测试县 with one town and two villages, and 邻县, the
 * other tenant, with a town and a village of its own.
 */
class RowLevelSecurityIT {

    static TestCounty county;
    static TestCounty neighbour;
    static String COUNTY;
    static String PREFIX;
    static String TOWN;
    static String TOWN_PREFIX;
    static String VILLAGE_A;
    static String VILLAGE_B;
    static String OTHER_TOWN_PREFIX;
    static String OTHER_VILLAGE;

    static EmbeddedDatabase db;

    @BeforeAll
    static void twoCountiesTheFirstWithOneTownAndTwoVillages() throws SQLException {
        db = TestDatabase.get();
        ModuleMigrations.migrate(
                RowLevelSecurityIT.class.getClassLoader(),
                db.url(),
                EmbeddedDatabase.OWNER,
                db.ownerPassword(),
                "public",
                Map.of("appRole", EmbeddedDatabase.APP, "schema", "public"));
        county = TestCounty.named("测试县").town("测试镇", "甲村", "乙村").install();
        neighbour = TestCounty.named("邻县").town("邻镇", "邻村").install();
        COUNTY = county.code();
        PREFIX = county.prefix();
        TOWN = county.code("测试镇");
        TOWN_PREFIX = TOWN.substring(0, 9);
        VILLAGE_A = county.code("甲村");
        VILLAGE_B = county.code("乙村");
        OTHER_TOWN_PREFIX = neighbour.code("邻镇").substring(0, 9);
        OTHER_VILLAGE = neighbour.code("邻村");
        try (Connection owner = owner();
                Statement sql = owner.createStatement()) {
            sql.execute(
                    "insert into audit_entry (county_code, id, tenant_code, seq, occurred_at, actor, action, subject_type, subject_id, prev_hash, hash) values "
                            + "('" + COUNTY + "', gen_random_uuid(), '" + VILLAGE_B
                            + "', 1, now(), 'x', 'tenant.created', 'tenant', '"
                            + VILLAGE_B + "', repeat('0', 64), repeat('a', 64))");
            sql.execute(
                    "insert into item_version (id, item_code, version_no, state, name, elements, published_at) values "
                            + "(gen_random_uuid(), 'RLS-0001', 1, 'PUBLISHED', '测试事项', '{}', now())");
            for (String tier : List.of(COUNTY, TOWN, VILLAGE_A, VILLAGE_B, OTHER_VILLAGE)) {
                sql.execute(
                        "insert into item_override (county_code, id, tenant_code, item_code, base_version, patch) values "
                                + "('" + tier.substring(0, 6) + "000000', gen_random_uuid(), '" + tier
                                + "', 'RLS-0001', 1, '{}')");
            }
        }
    }

    /**
     * The item made above has no elements: it would stand in the standard catalog every county reads, which the
     * classes after this one on the same database (the authorization matrix reads every tenant's catalog) must not
     * meet.
     */
    @AfterAll
    static void theTestItemLeavesTheSharedCatalog() throws SQLException {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            // A published version is kept for the record by a trigger; this test item never was a real one.
            sql.execute("set session_replication_role = replica");
            sql.execute("delete from item_override where item_code = 'RLS-0001'");
            sql.execute("delete from item_version where item_code = 'RLS-0001'");
        }
    }

    @Test
    void withoutAScopeTheApplicationRoleSeesNothing() throws SQLException {
        try (Connection app = app()) {
            assertThat(codes(app, null, "select code from tenant where county_code = '" + COUNTY + "'"))
                    .isEmpty();
            assertThat(codes(app, "", "select code from tenant where county_code = '" + COUNTY + "'"))
                    .isEmpty();
        }
    }

    @Test
    void aVillageScopeSeesOnlyItsOwnVillage() throws SQLException {
        try (Connection app = app()) {
            assertThat(codes(app, VILLAGE_A, "select code from tenant where county_code = '" + COUNTY + "'"))
                    .containsExactly(VILLAGE_A);
            assertThat(codes(
                            app,
                            VILLAGE_A,
                            "select tenant_code from service_point where county_code = '" + COUNTY + "'"))
                    .containsExactly(VILLAGE_A);
            assertThat(codes(
                            app, VILLAGE_A, "select tenant_code from audit_entry where county_code = '" + COUNTY + "'"))
                    .isEmpty();
        }
    }

    @Test
    void aTownScopeSeesItsVillagesAndACountyScopeItsWholeTree() throws SQLException {
        try (Connection app = app()) {
            assertThat(codes(
                            app,
                            TOWN_PREFIX,
                            "select code from tenant where county_code = '" + COUNTY + "' order by code"))
                    .containsExactly(TOWN, VILLAGE_A, VILLAGE_B);
            assertThat(codes(app, PREFIX, "select code from tenant where county_code = '" + COUNTY + "' order by code"))
                    .containsExactly(COUNTY, TOWN, VILLAGE_A, VILLAGE_B);
            String bothCounties = "select code from tenant where county_code in ('" + COUNTY + "', '" + neighbour.code()
                    + "') order by code";
            assertThat(codes(app, PREFIX, bothCounties))
                    .as("a county does not see the other county")
                    .containsExactly(COUNTY, TOWN, VILLAGE_A, VILLAGE_B);
            assertThat(codes(app, neighbour.prefix(), bothCounties))
                    .containsExactly(neighbour.code(), neighbour.code("邻镇"), OTHER_VILLAGE);
        }
    }

    @Test
    void aTownsTemplateDraftStaysInItsSubtreeAndNoOtherTownCanWriteOne() throws SQLException {
        try (Connection owner = owner();
                Statement sql = owner.createStatement()) {
            sql.execute("insert into process_template_draft (owner_tenant, template_key, bpmn, updated_by) values ('"
                    + TOWN + "', 'tiered-review', '<definitions/>', 'test') on conflict do nothing");
        }
        try (Connection app = app()) {
            String query = "select owner_tenant from process_template_draft where template_key = 'tiered-review'"
                    + " and owner_tenant <> 'standard'";
            assertThat(codes(app, TOWN_PREFIX, query)).containsExactly(TOWN);
            assertThat(codes(app, PREFIX, query)).containsExactly(TOWN);
            assertThat(codes(app, VILLAGE_A, query))
                    .as("a village does not read its town's drafts")
                    .isEmpty();
            assertThat(codes(app, PREFIX + "102", query)).isEmpty();
            assertThat(codes(app, OTHER_TOWN_PREFIX, query))
                    .as("a town of the other county")
                    .isEmpty();
            assertThat(codes(app, neighbour.prefix(), query)).isEmpty();

            app.setAutoCommit(false);
            scope(app, PREFIX + "102");
            try (Statement sql = app.createStatement()) {
                assertThat(sql.executeUpdate(
                                "update process_template_draft set bpmn = 'x' where owner_tenant = '" + TOWN + "'"))
                        .isZero();
                assertThatThrownBy(() -> sql.execute(
                                "insert into process_template_draft (owner_tenant, template_key, bpmn, updated_by)"
                                        + " values ('" + TOWN + "', 'single-department', '<definitions/>', 'x')"))
                        .hasMessageContaining("row-level security");
            }
            app.rollback();
        }
    }

    @Test
    void aCraftedScopeIsNoScopeAtAll() throws SQLException {
        try (Connection app = app()) {
            for (String crafted : List.of(
                    "%",
                    PREFIX.substring(0, 4) + "%",
                    "' or '1'='1",
                    PREFIX.substring(0, 5),
                    VILLAGE_A + "1",
                    PREFIX + " ",
                    VILLAGE_A.substring(0, 11))) {
                assertThat(codes(app, crafted, "select code from tenant where county_code = '" + COUNTY + "'"))
                        .as(crafted)
                        .isEmpty();
            }
        }
    }

    @Test
    void aVillageCannotWriteIntoAnotherVillage() throws SQLException {
        try (Connection app = app()) {
            app.setAutoCommit(false);
            scope(app, VILLAGE_A);
            try (Statement sql = app.createStatement()) {
                assertThat(sql.executeUpdate("update tenant set name = '被改了' where code = '" + VILLAGE_B + "'"))
                        .isZero();
                assertThat(sql.executeUpdate("update tenant set name = '被改了' where code = '" + OTHER_VILLAGE + "'"))
                        .as("nor into a village of the other county")
                        .isZero();
                assertThatThrownBy(() -> sql.execute(
                                "insert into service_point (county_code, id, tenant_code, name, kind) values " + "('"
                                        + COUNTY + "', gen_random_uuid(), '" + VILLAGE_B
                                        + "', '冒名服务站', 'VILLAGE_STATION')"))
                        .hasMessageContaining("row-level security");
            }
            app.rollback();
        }
        try (Connection owner = owner();
                Statement sql = owner.createStatement()) {
            ResultSet rs = sql.executeQuery("select name from tenant where code = '" + VILLAGE_B + "'");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("乙村");
            rs = sql.executeQuery("select name from tenant where code = '" + OTHER_VILLAGE + "'");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("邻村");
            rs = sql.executeQuery("select count(*) from service_point where tenant_code = '" + VILLAGE_B + "'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aVillageCannotMoveItsOwnRowIntoAnotherScope() throws SQLException {
        try (Connection app = app()) {
            app.setAutoCommit(false);
            scope(app, VILLAGE_A);
            try (Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate("update service_point set tenant_code = '" + VILLAGE_B
                                + "' where tenant_code = '" + VILLAGE_A + "'"))
                        .hasMessageContaining("row-level security");
            }
            app.rollback();
        }
    }

    @Test
    void aVillageReadsTheCatalogOverridesOfItsTownAndCountyButNotOfAnotherVillage() throws SQLException {
        try (Connection app = app()) {
            assertThat(codes(
                            app,
                            VILLAGE_A,
                            "select tenant_code from item_override where item_code = 'RLS-0001' order by tenant_code"))
                    .containsExactly(COUNTY, TOWN, VILLAGE_A);
            assertThat(codes(
                            app,
                            TOWN_PREFIX,
                            "select tenant_code from item_override where item_code = 'RLS-0001' order by tenant_code"))
                    .containsExactly(COUNTY, TOWN, VILLAGE_A, VILLAGE_B);
            assertThat(codes(app, OTHER_VILLAGE, "select tenant_code from item_override where item_code = 'RLS-0001'"))
                    .as("the other county's village reads its own override only")
                    .containsExactly(OTHER_VILLAGE);
            assertThat(codes(app, null, "select tenant_code from item_override where item_code = 'RLS-0001'"))
                    .isEmpty();
        }
    }

    @Test
    void aVillageCannotChangeTheOverridesItInherits() throws SQLException {
        try (Connection app = app()) {
            app.setAutoCommit(false);
            scope(app, VILLAGE_A);
            try (Statement sql = app.createStatement()) {
                assertThat(sql.executeUpdate(
                                "update item_override set patch = '{\"localNotes\":\"x\"}' where tenant_code = '" + TOWN
                                        + "'"))
                        .isZero();
                assertThat(sql.executeUpdate("delete from item_override where tenant_code = '" + COUNTY + "'"))
                        .isZero();
                assertThatThrownBy(() -> sql.execute(
                                "insert into item_override (county_code, id, tenant_code, item_code, base_version, patch) values "
                                        + "('" + COUNTY + "', gen_random_uuid(), '" + VILLAGE_B
                                        + "', 'RLS-0001', 1, '{}')"))
                        .hasMessageContaining("row-level security");
            }
            app.rollback();
        }
    }

    @Test
    void theAuditTrailIsAppendOnlyForTheApplication() throws SQLException {
        try (Connection app = app()) {
            app.setAutoCommit(false);
            scope(app, PREFIX);
            try (Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate("update audit_entry set actor = 'someone else'"))
                        .hasMessageContaining("permission denied");
            }
            app.rollback();
            scope(app, PREFIX);
            try (Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate("delete from audit_entry"))
                        .hasMessageContaining("permission denied");
            }
            app.rollback();
        }
    }

    @Test
    void theApplicationRoleCannotSwitchRowLevelSecurityOff() throws SQLException {
        try (Connection app = app();
                Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("alter table tenant disable row level security"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> sql.execute("set row_security = off; select code from tenant"))
                    .isInstanceOf(SQLException.class);
            ResultSet rs = sql.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
            assertThat(rs.getBoolean(2)).isFalse();
        }
    }

    @Test
    void aScopeSetForOneTransactionDoesNotLeakIntoTheNext() throws SQLException {
        try (Connection app = app()) {
            app.setAutoCommit(false);
            scope(app, PREFIX);
            app.commit();
            assertThat(codes(app, null, "select code from tenant where county_code = '" + COUNTY + "'"))
                    .isEmpty();
            app.rollback();
        }
    }

    private static void scope(Connection connection, String scope) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('app.scope', ?, true)")) {
            set.setString(1, scope);
            set.execute();
        }
    }

    /** Runs {@code query} in one transaction with {@code scope} set (none when null). */
    private static List<String> codes(Connection connection, String scope, String query) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (scope != null) {
                scope(connection, scope);
            }
            List<String> codes = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                    ResultSet rs = sql.executeQuery(query)) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        } finally {
            connection.rollback();
            connection.setAutoCommit(auto);
        }
    }

    private static Connection app() throws SQLException {
        return DriverManager.getConnection(db.url(), EmbeddedDatabase.APP, db.appPassword());
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(db.url(), EmbeddedDatabase.OWNER, db.ownerPassword());
    }
}
