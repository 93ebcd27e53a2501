package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestDatabase;

/**
 * Who may grant what (issue 8, ADR 0008) on the real WAR over the demo county: a town administrator's attempt to
 * make a standards editor, county administrator, auditor or operator is refused with 403 naming the role and makes
 * nothing; the grants each level may make still work; changing an account's roles obeys the same rule; a county role
 * stored on a town's account (as the attack left one) gives nothing.
 */
class AccountGrantsIT extends ShippedWar {

    static final String COUNTY = "370321000000";
    static final String QIFENG = "370321106000";
    static final String HUAGOU = "370321106202";

    // --- creating accounts -----------------------------------------------------------------------

    @Test
    void aTownAdminCannotMakeCountyOrDeploymentWideAccountsAndNothingIsMade() throws Exception {
        String townAdmin = api.token("qifeng.admin", PASSWORD);
        long audit = auditCount();
        for (String role : List.of("STANDARDS_EDITOR", "COUNTY_ADMIN", "AUDITOR", "PLATFORM_OPERATOR")) {
            String username = "probe." + role.toLowerCase().replace('_', '-');

            Api.Answer answer = create(townAdmin, QIFENG, username, "\"CLERK\",\"" + role + "\"");

            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.body()).contains("account.role.not.grantable");
            assertThat(answer.field("message")).isEqualTo("您无权在区划" + QIFENG + "授予角色“" + role + "”");
            assertThat(accountExists(username)).as(username).isFalse();
            assertThat(api.tokenAnswer(username, "Probe-Password-1").status()).isEqualTo(401);
        }
        // The one in the report: all three at once.
        Api.Answer all = create(townAdmin, QIFENG, "probe.all", "\"STANDARDS_EDITOR\",\"COUNTY_ADMIN\",\"AUDITOR\"");
        assertThat(all.status()).isEqualTo(403);
        assertThat(accountExists("probe.all")).isFalse();
        assertThat(auditCount()).isEqualTo(audit);
    }

    @Test
    void aTownAdminMakesStaffAtHomeAndAdministratorsOnlyForItsVillages() throws Exception {
        String townAdmin = api.token("qifeng.admin", PASSWORD);

        assertThat(create(townAdmin, QIFENG, "qf.lead", "\"WINDOW_LEAD\",\"CLERK\"")
                        .status())
                .isEqualTo(201);
        Api.Answer villageAdmin = create(townAdmin, HUAGOU, "hg.admin", "\"TENANT_ADMIN\"");
        assertThat(villageAdmin.status()).as(villageAdmin.body()).isEqualTo(201);
        assertThat(villageAdmin.body()).contains("TENANT_ADMIN").contains(HUAGOU);

        Api.Answer peer = create(townAdmin, QIFENG, "qf.peer", "\"TENANT_ADMIN\"");
        assertThat(peer.status()).isEqualTo(403);
        assertThat(peer.field("message")).contains("TENANT_ADMIN");
        assertThat(accountExists("qf.peer")).isFalse();

        // Above its own division: not found, as everything outside the scope.
        Api.Answer up = create(townAdmin, COUNTY, "qf.up", "\"CLERK\"");
        assertThat(up.status()).isEqualTo(404);
        assertThat(accountExists("qf.up")).isFalse();
    }

    @Test
    void aVillageAdminMakesOnlyStaffOfItsVillage() throws Exception {
        create(api.token("county.admin", PASSWORD), HUAGOU, "hg.admin2", "\"TENANT_ADMIN\"");
        String villageAdmin = api.token("hg.admin2", "Probe-Password-1");

        assertThat(create(villageAdmin, HUAGOU, "hg.clerk2", "\"CLERK\"").status())
                .isEqualTo(201);
        assertThat(create(villageAdmin, HUAGOU, "hg.admin3", "\"TENANT_ADMIN\"").status())
                .isEqualTo(403);
        assertThat(create(villageAdmin, QIFENG, "hg.up", "\"CLERK\"").status()).isEqualTo(404);
        assertThat(accountExists("hg.admin3")).isFalse();
    }

    @Test
    void theCountyAdminAppointsTownAdminsButNotAuditorsOrStandardsEditors() throws Exception {
        String countyAdmin = api.token("county.admin", PASSWORD);

        assertThat(create(countyAdmin, QIFENG, "qf.admin2", "\"TENANT_ADMIN\"").status())
                .isEqualTo(201);
        for (String role : List.of("AUDITOR", "STANDARDS_EDITOR", "COUNTY_ADMIN", "PLATFORM_OPERATOR")) {
            Api.Answer answer = create(countyAdmin, COUNTY, "ca.probe", "\"" + role + "\"");
            assertThat(answer.status()).as(role).isEqualTo(403);
            assertThat(answer.field("message")).contains(role);
        }
        assertThat(create(countyAdmin, COUNTY, "ca.probe", "\"TENANT_ADMIN\"").status())
                .as("a tenant administrator is not held at a county")
                .isEqualTo(403);
        assertThat(accountExists("ca.probe")).isFalse();
    }

    @Test
    void thePlatformOperatorAppointsTheDeploymentRolesAndNoWindowStaff() throws Exception {
        String operator = api.token("platform.operator", PASSWORD);

        Api.Answer editor = create(operator, COUNTY, "op.editor", "\"STANDARDS_EDITOR\"");
        assertThat(editor.status()).as(editor.body()).isEqualTo(201);
        assertThat(create(operator, COUNTY, "op.auditor", "\"AUDITOR\"").status())
                .isEqualTo(201);
        assertThat(create(operator, COUNTY, "op.countyadmin", "\"COUNTY_ADMIN\"")
                        .status())
                .isEqualTo(201);
        assertThat(create(operator, QIFENG, "op.clerk", "\"CLERK\"").status()).isEqualTo(403);
        assertThat(create(operator, QIFENG, "op.editor2", "\"STANDARDS_EDITOR\"")
                        .status())
                .as("deployment-wide roles are held at a county only")
                .isEqualTo(403);
        assertThat(accountExists("op.clerk")).isFalse();

        String newEditor = api.token("op.editor", "Probe-Password-1");
        assertThat(api.get("api/v1/catalog/publications", newEditor).status()).isEqualTo(200);
    }

    // --- changing roles --------------------------------------------------------------------------

    @Test
    void changingRolesObeysTheSameRule() throws Exception {
        String countyAdmin = api.token("county.admin", PASSWORD);
        String townAdmin = api.token("qifeng.admin", PASSWORD);
        assertThat(create(countyAdmin, HUAGOU, "hg.staff", "\"CLERK\"").status())
                .isEqualTo(201);
        long audit = auditCount();

        Api.Answer widen = roles(townAdmin, HUAGOU, "hg.staff", "\"CLERK\",\"STANDARDS_EDITOR\"");
        assertThat(widen.status()).as(widen.body()).isEqualTo(403);
        assertThat(widen.field("message")).contains("STANDARDS_EDITOR");
        assertThat(storedRoles("hg.staff")).isEqualTo("CLERK");
        assertThat(auditCount()).isEqualTo(audit);

        Api.Answer allowed = roles(townAdmin, HUAGOU, "hg.staff", "\"WINDOW_LEAD\",\"TENANT_ADMIN\"");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.body()).contains("WINDOW_LEAD").contains("TENANT_ADMIN");
        assertThat(storedRoles("hg.staff")).isEqualTo("TENANT_ADMIN,WINDOW_LEAD");
        assertThat(auditCount()).isEqualTo(audit + 1);

        Api.Answer own = roles(townAdmin, QIFENG, "qifeng.admin", "\"TENANT_ADMIN\",\"CLERK\"");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body()).contains("account.roles.own");

        // A peer administrator is the county's to change, not the town's.
        assertThat(create(countyAdmin, QIFENG, "qf.admin3", "\"TENANT_ADMIN\"").status())
                .isEqualTo(201);
        assertThat(roles(townAdmin, QIFENG, "qf.admin3", "\"CLERK\"").status()).isEqualTo(403);
        assertThat(storedRoles("qf.admin3")).isEqualTo("TENANT_ADMIN");
        assertThat(roles(countyAdmin, QIFENG, "qf.admin3", "\"CLERK\"").status())
                .isEqualTo(200);
        assertThat(storedRoles("qf.admin3")).isEqualTo("CLERK");

        // The county's auditor is out of the county admin's reach, both ways.
        assertThat(roles(countyAdmin, COUNTY, "county.auditor", "\"CLERK\"").status())
                .isEqualTo(403);
        assertThat(storedRoles("county.auditor")).isEqualTo("AUDITOR");

        assertThat(roles(townAdmin, QIFENG, "nobody.here", "\"CLERK\"").status())
                .isEqualTo(404);
        assertThat(roles(townAdmin, COUNTY, "county.auditor", "\"CLERK\"").status())
                .isEqualTo(404);
        Api.Answer unknown = roles(countyAdmin, HUAGOU, "hg.staff", "\"SUPERUSER\"");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("account.role.unknown");
        assertThat(roles(countyAdmin, HUAGOU, "hg.staff", "").status()).isEqualTo(400);
    }

    // --- what the attack left behind ---------------------------------------------------------------

    @Test
    void aCountyRoleStoredOnATownsAccountGivesNothingAndCanBeDropped() throws Exception {
        String countyAdmin = api.token("county.admin", PASSWORD);
        assertThat(create(countyAdmin, QIFENG, "qf.rogue", "\"CLERK\"").status())
                .isEqualTo(201);
        // As the unchecked grant of the report left it: written past the service, straight into the table.
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql =
                        su.prepareStatement("update staff_account set roles = 'CLERK,COUNTY_ADMIN,STANDARDS_EDITOR'"
                                + " where username = 'qf.rogue'")) {
            assertThat(sql.executeUpdate()).isEqualTo(1);
        }

        String rogue = api.token("qf.rogue", "Probe-Password-1");
        Api.Answer me = api.get("api/v1/me", rogue);
        assertThat(me.body()).doesNotContain("STANDARDS_EDITOR").doesNotContain("COUNTY_ADMIN");
        assertThat(api.get("api/v1/catalog/publications", rogue).status()).isEqualTo(403);
        assertThat(create(rogue, QIFENG, "qf.rogue2", "\"CLERK\"").status()).isEqualTo(403);

        Api.Answer cleaned = roles(api.token("qifeng.admin", PASSWORD), QIFENG, "qf.rogue", "\"CLERK\"");
        assertThat(cleaned.status())
                .as("roles that cannot take effect at a town are anyone's to drop who manages the rest")
                .isEqualTo(200);
        assertThat(storedRoles("qf.rogue")).isEqualTo("CLERK");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Api.Answer create(String token, String tenant, String username, String roles) {
        return api.postJson(
                "api/v1/tenants/" + tenant + "/accounts",
                token,
                "{\"username\":\"" + username + "\",\"displayName\":\"授权测试\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[" + roles + "]}");
    }

    private Api.Answer roles(String token, String tenant, String username, String roles) {
        return api.putJson(
                "api/v1/tenants/" + tenant + "/accounts/" + username + "/roles", token, "{\"roles\":[" + roles + "]}");
    }

    private static boolean accountExists(String username) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql = su.prepareStatement("select 1 from staff_account where username = ?")) {
            sql.setString(1, username);
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String storedRoles(String username) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql = su.prepareStatement("select roles from staff_account where username = ?")) {
            sql.setString(1, username);
            try (ResultSet rs = sql.executeQuery()) {
                assertThat(rs.next()).as(username).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static long auditCount() throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select count(*) from audit_entry where action not like 'login.%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
