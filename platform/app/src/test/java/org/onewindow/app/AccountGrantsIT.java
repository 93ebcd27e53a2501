package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * Who may grant what (issue 8, ADR 0008) on the real WAR over a county of this class's own ({@link TestCounty} 蒙阴县,
 * with the demo county's numbering), where the deployment-wide roles are granted by the demo county's platform
 * operator, the one place that role is held: a town administrator's attempt to
 * make a standards editor, county administrator, auditor or operator is refused with 403 naming the role and makes
 * nothing; the grants each level may make still work; changing an account's roles obeys the same rule; a county role
 * stored on a town's account (as the attack left one) gives nothing.
 */
class AccountGrantsIT extends ShippedWar {

    /** The demo county, where the platform operator is and grants the deployment-wide roles. */
    static final String DEMO_COUNTY = "370321000000";

    static final String DEMO_QIFENG = "370321106000";

    static TestCounty mengyin;
    static String COUNTY;
    static String QIFENG;
    static String HUAGOU;
    static String FUMIAO;
    static String TIANZHUANG;
    static String TIANZHUANG_VILLAGE;
    static String townAdminName;
    static String auditorName;
    static String clerkName;

    /**
     * 蒙阴县 with 田庄镇 (100) and its 田庄村, 起凤镇 (106) and its villages 付庙村 and 华沟村; a town administrator of
     * 起凤镇, a clerk of 华沟村 and the county's auditor.
     */
    @BeforeEach
    void ownCounty() {
        if (mengyin != null) {
            return;
        }
        mengyin = TestCounty.named("蒙阴县").demoTowns().make(api);
        COUNTY = mengyin.code();
        QIFENG = mengyin.code("起凤镇");
        HUAGOU = mengyin.code("华沟村");
        FUMIAO = mengyin.code("付庙村");
        TIANZHUANG = mengyin.code("田庄镇");
        TIANZHUANG_VILLAGE = mengyin.code("田庄村");
        townAdminName = mengyin.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        clerkName = mengyin.clerk("华沟村", "huagou.clerk");
        auditorName = mengyin.staff("蒙阴县", "county.auditor", Set.of("AUDITOR"));
    }

    // --- creating accounts -----------------------------------------------------------------------

    @Test
    void aTownAdminCannotMakeCountyOrDeploymentWideAccountsAndNothingIsMade() throws Exception {
        String townAdmin = mengyin.token(townAdminName);
        long audit = auditCount();
        Map<String, String> labels = Map.of(
                "STANDARDS_EDITOR", "标准编辑",
                "COUNTY_ADMIN", "县级管理员",
                "AUDITOR", "审计员",
                "PLATFORM_OPERATOR", "平台运维管理员");
        for (String role : List.of("STANDARDS_EDITOR", "COUNTY_ADMIN", "AUDITOR", "PLATFORM_OPERATOR")) {
            String username = "probe." + role.toLowerCase().replace('_', '-');

            Api.Answer answer = create(townAdmin, QIFENG, username, "\"CLERK\",\"" + role + "\"");

            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.body()).contains("account.role.not.grantable");
            assertThat(answer.field("message"))
                    .isEqualTo("您无权在区划" + QIFENG + "授予角色“" + labels.get(role) + "”（" + role + "）");
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
        String townAdmin = mengyin.token(townAdminName);

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
        create(mengyin.adminToken(), HUAGOU, "hg.admin2", "\"TENANT_ADMIN\"");
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
        String countyAdmin = mengyin.adminToken();

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
        // The operator's role is held only in the installation's own county, so it grants there; the accounts are
        // this class's own by name.
        String operator = api.token("platform.operator", PASSWORD);
        String editorName = mengyin.username("op.editor");
        String clerk = mengyin.username("op.clerk");

        Api.Answer editor = create(operator, DEMO_COUNTY, editorName, "\"STANDARDS_EDITOR\"");
        assertThat(editor.status()).as(editor.body()).isEqualTo(201);
        assertThat(create(operator, DEMO_COUNTY, mengyin.username("op.auditor"), "\"AUDITOR\"")
                        .status())
                .isEqualTo(201);
        assertThat(create(operator, DEMO_COUNTY, mengyin.username("op.countyadmin"), "\"COUNTY_ADMIN\"")
                        .status())
                .isEqualTo(201);
        assertThat(create(operator, DEMO_QIFENG, clerk, "\"CLERK\"").status()).isEqualTo(403);
        assertThat(create(operator, DEMO_QIFENG, mengyin.username("op.editor2"), "\"STANDARDS_EDITOR\"")
                        .status())
                .as("deployment-wide roles are held at a county only")
                .isEqualTo(403);
        assertThat(accountExists(clerk)).isFalse();

        String newEditor = api.token(editorName, "Probe-Password-1");
        assertThat(api.get("api/v1/catalog/publications", newEditor).status()).isEqualTo(200);
    }

    // --- changing roles --------------------------------------------------------------------------

    @Test
    void changingRolesObeysTheSameRule() throws Exception {
        String countyAdmin = mengyin.adminToken();
        String townAdmin = mengyin.token(townAdminName);
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

        Api.Answer own = roles(townAdmin, QIFENG, townAdminName, "\"TENANT_ADMIN\",\"CLERK\"");
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
        assertThat(roles(countyAdmin, COUNTY, auditorName, "\"CLERK\"").status())
                .isEqualTo(403);
        assertThat(storedRoles(auditorName)).isEqualTo("AUDITOR");

        assertThat(roles(townAdmin, QIFENG, "nobody.here", "\"CLERK\"").status())
                .isEqualTo(404);
        assertThat(roles(townAdmin, COUNTY, auditorName, "\"CLERK\"").status()).isEqualTo(404);
        Api.Answer unknown = roles(countyAdmin, HUAGOU, "hg.staff", "\"SUPERUSER\"");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("account.role.unknown");
        assertThat(roles(countyAdmin, HUAGOU, "hg.staff", "").status()).isEqualTo(400);
    }

    // --- what the attack left behind ---------------------------------------------------------------

    @Test
    void aCountyRoleStoredOnATownsAccountGivesNothingAndCanBeDropped() throws Exception {
        String countyAdmin = mengyin.adminToken();
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

        Api.Answer cleaned = roles(mengyin.token(townAdminName), QIFENG, "qf.rogue", "\"CLERK\"");
        assertThat(cleaned.status())
                .as("roles that cannot take effect at a town are anyone's to drop who manages the rest")
                .isEqualTo(200);
        assertThat(storedRoles("qf.rogue")).isEqualTo("CLERK");
    }

    // --- managing staff: edit, disable, unlock, reset, move (issue 11) ----------------------------

    @Test
    void aTownAdminActingOnAnotherTownsStaffFindsNothingAndChangesNothing() throws Exception {
        String countyAdmin = mengyin.adminToken();
        String townAdmin = mengyin.token(townAdminName);
        assertThat(create(countyAdmin, TIANZHUANG, "tz.clerk", "\"CLERK\"").status())
                .isEqualTo(201);
        String before = storedAccount("tz.clerk");
        long audit = auditCount();

        String path = "api/v1/tenants/" + TIANZHUANG + "/accounts/tz.clerk";
        List<Api.Answer> answers = List.of(
                api.putJson(path, townAdmin, "{\"displayName\":\"改名\"}"),
                api.post(path + "/disable", townAdmin, "application/json", ""),
                api.post(path + "/unlock", townAdmin, "application/json", ""),
                api.postJson(path + "/password", townAdmin, "{\"password\":\"Taken-Over-123\"}"),
                api.postJson(path + "/move", townAdmin, "{\"tenant\":\"" + HUAGOU + "\"}"),
                roles(townAdmin, TIANZHUANG, "tz.clerk", "\"WINDOW_LEAD\""),
                // Through its own town's path, the other town's clerk is not there either.
                api.postJson(
                        "api/v1/tenants/" + QIFENG + "/accounts/tz.clerk/password",
                        townAdmin,
                        "{\"password\":\"Taken-Over-123\"}"));

        for (Api.Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("田庄");
        }
        assertThat(storedAccount("tz.clerk")).isEqualTo(before);
        assertThat(auditCount()).isEqualTo(audit);
        assertThat(api.tokenAnswer("tz.clerk", "Probe-Password-1").status()).isEqualTo(200);
    }

    @Test
    void aTownAdminManagesItsClerksButNotAPeerNorItself() throws Exception {
        String countyAdmin = mengyin.adminToken();
        String townAdmin = mengyin.token(townAdminName);
        assertThat(create(countyAdmin, QIFENG, "qf.peer.admin", "\"TENANT_ADMIN\"")
                        .status())
                .isEqualTo(201);
        assertThat(create(townAdmin, HUAGOU, "hg.managed", "\"CLERK\"").status())
                .isEqualTo(201);
        String peer = storedAccount("qf.peer.admin");
        long audit = auditCount();

        Api.Answer disablePeer = api.post(
                "api/v1/tenants/" + QIFENG + "/accounts/qf.peer.admin/disable", townAdmin, "application/json", "");
        assertThat(disablePeer.status()).as(disablePeer.body()).isEqualTo(403);
        assertThat(disablePeer.field("message")).contains("区划管理员");
        Api.Answer own = api.post(
                "api/v1/tenants/" + QIFENG + "/accounts/" + townAdminName + "/disable",
                townAdmin,
                "application/json",
                "");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body()).contains("account.manage.own");
        Api.Answer badWindow = api.putJson(
                "api/v1/tenants/" + HUAGOU + "/accounts/hg.managed",
                townAdmin,
                "{\"windows\":[\"00000000-0000-0000-0000-000000000000\"]}");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.field("message")).contains("不属于该区划");
        assertThat(storedAccount("qf.peer.admin")).isEqualTo(peer);
        assertThat(auditCount()).isEqualTo(audit);

        Api.Answer renamed = api.putJson(
                "api/v1/tenants/" + HUAGOU + "/accounts/hg.managed", townAdmin, "{\"displayName\":\"华沟村代办员乙\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.field("displayName")).isEqualTo("华沟村代办员乙");
        assertThat(api.post(
                                "api/v1/tenants/" + HUAGOU + "/accounts/hg.managed/disable",
                                townAdmin,
                                "application/json",
                                "")
                        .status())
                .isEqualTo(200);
        assertThat(api.tokenAnswer("hg.managed", "Probe-Password-1").field("error"))
                .isEqualTo("login.disabled");
    }

    @Test
    void aDuplicateUsernameIsRefusedWithAClearMessageAndNothingChanges() throws Exception {
        String countyAdmin = mengyin.adminToken();
        String existing = storedAccount(clerkName);
        long audit = auditCount();

        Api.Answer duplicate = api.postJson(
                "api/v1/tenants/" + FUMIAO + "/accounts",
                countyAdmin,
                "{\"username\":\" " + clerkName + " \",\"displayName\":\"冒名\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[\"CLERK\"]}");

        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(duplicate.field("message")).isEqualTo("用户名“" + clerkName + "”已被使用");
        assertThat(storedAccount(clerkName)).isEqualTo(existing);
        assertThat(auditCount()).isEqualTo(audit);
    }

    @Test
    void aResetPasswordMustBeChangedBeforeAnyTokenIsGiven() throws Exception {
        String countyAdmin = mengyin.adminToken();
        assertThat(create(countyAdmin, HUAGOU, "hg.reset", "\"CLERK\"").status())
                .isEqualTo(201);
        String oldToken = api.token("hg.reset", "Probe-Password-1");

        Api.Answer reset = api.postJson(
                "api/v1/tenants/" + HUAGOU + "/accounts/hg.reset/password",
                countyAdmin,
                "{\"password\":\"Temporary-Pass-1\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.body()).contains("\"passwordChangeRequired\":true");

        assertThat(api.get("api/v1/me", oldToken).status())
                .as("a reset ends the tokens")
                .isEqualTo(401);
        Api.Answer refused = api.tokenAnswer("hg.reset", "Temporary-Pass-1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.field("error")).isEqualTo("login.password.change.required");
        assertThat(api.tokenAnswer("hg.reset", "Probe-Password-1").status()).isEqualTo(401);

        assertThat(changePassword("hg.reset", "Wrong-Password-9", "Own-Password-12")
                        .status())
                .isEqualTo(401);
        Api.Answer same = changePassword("hg.reset", "Temporary-Pass-1", "Temporary-Pass-1");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.field("message")).isEqualTo("新密码不能与当前密码相同");
        assertThat(changePassword("hg.reset", "Temporary-Pass-1", "short").field("message"))
                .isEqualTo("密码至少10位");
        assertThat(api.tokenAnswer("hg.reset", "Temporary-Pass-1").status()).isEqualTo(403);

        assertThat(changePassword("hg.reset", "Temporary-Pass-1", "Own-Password-12")
                        .status())
                .isEqualTo(204);
        assertThat(api.get("api/v1/me", api.token("hg.reset", "Own-Password-12"))
                        .status())
                .isEqualTo(200);
        assertThat(api.tokenAnswer("hg.reset", "Temporary-Pass-1").status()).isEqualTo(401);
    }

    @Test
    void aStaffMemberMovedToAnotherVillageLosesTheOldScopeAtOnce() throws Exception {
        String countyAdmin = mengyin.adminToken();
        String townAdmin = mengyin.token(townAdminName);
        assertThat(create(countyAdmin, HUAGOU, "hg.mover", "\"CLERK\"").status())
                .isEqualTo(201);
        String moverToken = api.token("hg.mover", "Probe-Password-1");
        assertThat(api.get("api/v1/tenants/" + HUAGOU, moverToken).status()).isEqualTo(200);

        // Out of the town's reach: a village of another town is not found, and nothing moves.
        Api.Answer away = api.postJson(
                "api/v1/tenants/" + HUAGOU + "/accounts/hg.mover/move",
                townAdmin,
                "{\"tenant\":\"" + TIANZHUANG_VILLAGE + "\"}");
        assertThat(away.status()).isEqualTo(404);
        assertThat(storedTenant("hg.mover")).isEqualTo(HUAGOU);

        Api.Answer moved = api.postJson(
                "api/v1/tenants/" + HUAGOU + "/accounts/hg.mover/move", townAdmin, "{\"tenant\":\"" + FUMIAO + "\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.field("tenant")).isEqualTo(FUMIAO);
        assertThat(storedTenant("hg.mover")).isEqualTo(FUMIAO);
        assertThat(api.get("api/v1/tenants/" + HUAGOU, moverToken).status())
                .as("the token of the old scope ends at once")
                .isEqualTo(401);
        String newToken = api.token("hg.mover", "Probe-Password-1");
        assertThat(api.get("api/v1/tenants/" + HUAGOU, newToken).status()).isEqualTo(404);
        assertThat(api.get("api/v1/tenants/" + FUMIAO, newToken).status()).isEqualTo(200);
        assertThat(auditActions("hg.mover")).contains("account.created", "account.moved");
    }

    // --- the county's working-day calendar (issue 10) ---------------------------------------------

    @Test
    void theCountyImportsItsNoticeAndAConflictingDayIsRefusedWithAMessage() throws Exception {
        String countyAdmin = mengyin.adminToken();
        String townAdmin = mengyin.token(townAdminName);
        // The notice the product ships is the one in shared/data (cn-holidays-2026.csv), byte for byte.
        byte[] notice = AccountGrantsIT.class
                .getResourceAsStream("/org/onewindow/kernel/calendar/cn-holidays-2026.csv")
                .readAllBytes();

        // The county is new: it has imported no notice, and 2026 is the one the product ships.
        Api.Answer shipped = api.get("api/v1/calendar/years/2026", townAdmin);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.body()).contains("\"bundled\":true").contains("春节调休上班");

        Api.Answer notCounty = api.post("api/v1/calendar/years/2026/notice", townAdmin, "text/csv", notice);
        assertThat(notCounty.status()).isEqualTo(403);

        // The county makes 2026-10-10 (a Saturday the notice makes a working day) a holiday of its own.
        Api.Answer local = api.postJson(
                "api/v1/calendar/days", countyAdmin, "{\"date\":\"2026-10-10\",\"kind\":\"HOLIDAY\",\"name\":\"县庆\"}");
        assertThat(local.status()).as(local.body()).isEqualTo(409);
        assertThat(local.field("message")).contains("2026-10-10").contains("国庆节调休上班");
        Api.Answer changed =
                api.putJson("api/v1/calendar/days/2026-10-10", countyAdmin, "{\"kind\":\"HOLIDAY\",\"name\":\"县庆\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        Api.Answer weekday = api.postJson(
                "api/v1/calendar/days", countyAdmin, "{\"date\":\"2026-11-17\",\"kind\":\"WORKDAY\",\"name\":\"加班\"}");
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.field("message")).contains("调休上班只能在周六或周日");

        long days = calendarDays();
        Api.Answer conflict = api.post("api/v1/calendar/years/2026/notice", countyAdmin, "text/csv", notice);
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(400);
        assertThat(conflict.body())
                .contains("calendar.import.conflict")
                .contains("2026-10-10本县已定为“放假”（县庆），与通知中的“调休上班”矛盾");
        assertThat(calendarDays()).as("nothing imported").isEqualTo(days);
        Api.Answer otherYear = api.post("api/v1/calendar/years/2027/notice", countyAdmin, "text/csv", notice);
        assertThat(otherYear.status()).isEqualTo(400);
        assertThat(otherYear.body()).contains("不属于导入的2027年");

        assertThat(api.delete("api/v1/calendar/days/2026-10-10", countyAdmin).status())
                .isEqualTo(204);
        Api.Answer imported = api.post("api/v1/calendar/years/2026/notice", countyAdmin, "text/csv", notice);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":39");
        Api.Answer year = api.get("api/v1/calendar/years/2026", townAdmin);
        assertThat(year.body()).contains("\"noticeLoaded\":true").doesNotContain("BUNDLED");
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

    private Api.Answer changePassword(String username, String password, String newPassword) {
        return api.post(
                "api/v1/auth/password",
                null,
                "application/x-www-form-urlencoded",
                "username=" + username + "&password=" + password + "&new_password=" + newPassword);
    }

    /** Everything stored of an account but its token version, to show that a refusal changed nothing. */
    private static String storedAccount(String username) throws Exception {
        return single(
                "select concat_ws('|', tenant_code, display_name, roles, departments, windows, enabled,"
                        + " password_hash, password_change_required, locked_until) from staff_account where username = ?",
                username);
    }

    private static String storedTenant(String username) throws Exception {
        return single("select tenant_code from staff_account where username = ?", username);
    }

    private static List<String> auditActions(String username) throws Exception {
        List<String> actions = new java.util.ArrayList<>();
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql = su.prepareStatement(
                        "select action from audit_entry where subject_id = ? order by occurred_at")) {
            sql.setString(1, username);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    private static long calendarDays() throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs =
                        sql.executeQuery("select count(*) from working_day where county_code = '" + COUNTY + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String single(String query, String parameter) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql = su.prepareStatement(query)) {
            sql.setString(1, parameter);
            try (ResultSet rs = sql.executeQuery()) {
                assertThat(rs.next()).as(parameter).isTrue();
                return rs.getString(1);
            }
        }
    }
}
