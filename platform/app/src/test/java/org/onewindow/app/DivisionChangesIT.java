package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;

/**
 * Division changes (区划调整, issue 11) on a county of this class's own ({@link TestCounty} 沂水县, with the demo county's
 * numbering: 田庄镇 100 and 起凤镇 106 with 华沟村 106202): the yearly division list previewed and applied as one change
 * (renames, a 镇 → 街道, a village re-coded under another town, a retired village), level changes over the API,
 * villages merged (撤村并居) with their open cases, and every refusal changing nothing. A pending list or merge blocks
 * only this county's next one, and no other class reads its divisions. Each test makes its own divisions (towns 190–194
 * and villages numbered 28x) so that the tests do not meet either.
 */
class DivisionChangesIT extends ShippedWarInBrowser {

    static final String NAME = "沂水县";

    static TestCounty yishui;

    /** The county's six-digit prefix: {@code c("190000")} is its town 190. */
    static String P;

    static String COUNTY;
    static String TIANZHUANG;
    static String HUAGOU;
    static String countyAdminName;
    static String townAdminName;
    static String townClerkName;
    static String clerkName;

    @BeforeEach
    void ownCounty() {
        if (yishui != null) {
            return;
        }
        yishui = TestCounty.named(NAME)
                .demoTowns()
                .department(NAME, "MZ", "民政局")
                .department("起凤镇", "SHSW", "社会事务办")
                .department("华沟村", "CWH", "村委会")
                .make(api);
        P = yishui.prefix();
        COUNTY = yishui.code();
        TIANZHUANG = c("100000");
        HUAGOU = c("106202");
        countyAdminName = yishui.admin();
        townAdminName = yishui.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        townClerkName = yishui.staff("起凤镇", "qifeng.clerk", Set.of("CLERK"));
        clerkName = yishui.staff("华沟村", "huagou.clerk", Set.of("CLERK"));
    }

    /** The code of the county's division numbered {@code local} (its last six digits). */
    static String c(String local) {
        return P + local;
    }

    @Test
    void aYearlyListRenamesMakesATownAStreetMovesAVillageAndRetiresOneAsOneChange() throws Exception {
        String admin = yishui.adminToken();
        addWithTheOldImport(
                admin,
                "code,parent_code,level,name\n" + P
                        + "190000," + P + "000000,TOWN,年审镇\n" + P
                        + "190201," + P + "190000,VILLAGE,老名村\n" + P
                        + "190202," + P + "190000,VILLAGE,迁出村\n" + P
                        + "190203," + P + "190000,VILLAGE,撤销村\n");
        String list = currentList()
                        .replace(P + "190000," + P + "000000,TOWN,年审镇", P + "190000," + P + "000000,STREET,年审街道")
                        .replace(P + "190201," + P + "190000,VILLAGE,老名村", P + "190201," + P + "190000,COMMUNITY,新名社区")
                        .replace(
                                P + "190202," + P + "190000,VILLAGE,迁出村",
                                P + "100290," + P + "100000,VILLAGE,迁出村," + P + "190202")
                        .replace(P + "190203," + P + "190000,VILLAGE,撤销村\n", "")
                + P + "190204," + P + "190000,COMMUNITY,新建社区,\n";

        long listsApplied = selectCount("select count(*) from audit_entry where action = 'tenant.list.applied'");
        long divisions =
                selectCount("select count(*) from tenant where county_code = '" + COUNTY + "' and retired_on is null");

        Api.Answer preview = api.post("api/v1/tenants/import/preview", admin, "text/csv", list);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonObject shown = preview.json().asJsonObject();
        JsonObject counts = shown.getJsonObject("counts");
        assertThat(counts.getInt("ADDED")).isEqualTo(1);
        assertThat(counts.getInt("RENAMED")).isEqualTo(2);
        assertThat(counts.getInt("RELEVELLED")).isEqualTo(2);
        assertThat(counts.getInt("MOVED")).isEqualTo(1);
        assertThat(counts.getInt("RETIRED")).isEqualTo(1);
        // Every division of the county but the four of 年审镇's branch that change.
        assertThat(shown.getInt("unchanged")).isEqualTo(divisions - 4);
        assertThat(shown.getInt("total")).isEqualTo(7);
        // Nothing changed by the preview.
        assertThat(division(c("190000"))).isEqualTo("TOWN 年审镇 active");

        Api.Answer applied =
                api.post("api/v1/tenants/import/apply?token=" + shown.getString("token"), admin, "text/csv", list);

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().asJsonObject().getInt("RETIRED")).isEqualTo(1);
        assertThat(division(c("190000"))).isEqualTo("STREET 年审街道 active");
        assertThat(division(c("190201"))).isEqualTo("COMMUNITY 新名社区 active");
        assertThat(division(c("190204"))).isEqualTo("COMMUNITY 新建社区 active");
        assertThat(division(c("100290"))).isEqualTo("VILLAGE 迁出村 active");
        assertThat(division(c("190202"))).isEqualTo("VILLAGE 迁出村 retired → " + P + "100290");
        assertThat(division(c("190203"))).isEqualTo("VILLAGE 撤销村 retired");
        // The retired code resolves for the record, and has left the pickers.
        Api.Answer retired = api.get("api/v1/tenants/" + P + "190203", admin);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.field("retiredOn")).isNotBlank();
        assertThat(api.get("api/v1/tenants/" + P + "190000/children", admin).body())
                .contains(c("190201"))
                .doesNotContain(c("190203"))
                .doesNotContain(c("190202"));
        assertThat(api.get("api/v1/tenants?q=撤销村", admin).body()).doesNotContain(c("190203"));
        assertThat(selectCount("select count(*) from audit_entry where action = 'tenant.list.applied'"))
                .isEqualTo(listsApplied + 1);
        assertThat(selectCount("select count(*) from audit_entry where action = 'tenant.retired'"
                        + " and subject_id = '" + P + "190203'"))
                .isEqualTo(1);

        // The same token again: the tree changed since, nothing is applied twice.
        Api.Answer again =
                api.post("api/v1/tenants/import/apply?token=" + shown.getString("token"), admin, "text/csv", list);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("error")).isEqualTo("tenant.list.stale");
        assertThat(again.field("message")).contains("请重新预览");

        // The list waits for confirmation; confirmed, it is final: a revert is refused and changes nothing.
        String change = listChange();
        Api.Answer confirmed = api.postJson("api/v1/division-changes/" + change + "/confirm", admin, "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        String afterConfirm = tree();

        Api.Answer refused = api.postJson("api/v1/division-changes/" + change + "/revert", admin, "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("error")).isEqualTo("tenant.list.change.confirmed");
        assertThat(refused.field("message")).contains("已确认，不能再撤回");
        assertThat(tree()).isEqualTo(afterConfirm);
        assertThat(division(c("190000"))).isEqualTo("STREET 年审街道 active");
        assertThat(api.get("api/v1/division-changes", admin).body()).doesNotContain(change);
    }

    @Test
    void anAppliedYearlyListWaitsForConfirmationAndARevertPutsEveryDivisionBackExactly() throws Exception {
        String admin = yishui.adminToken();
        addWithTheOldImport(
                admin,
                "code,parent_code,level,name\n" + P
                        + "194000," + P + "000000,TOWN,回退镇\n" + P
                        + "194201," + P + "194000,VILLAGE,回退甲村\n" + P
                        + "194202," + P + "194000,VILLAGE,回退乙村\n" + P
                        + "194203," + P + "194000,VILLAGE,回退丙村\n");
        // 回退乙村's clerk follows it to its new code, and comes back with the revert.
        Api.Answer clerk = api.postJson(
                "api/v1/tenants/" + P + "194202/accounts",
                admin,
                "{\"username\":\"huitui.clerk\",\"displayName\":\"乙村窗口\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[\"CLERK\"]}");
        assertThat(clerk.status()).as(clerk.body()).isEqualTo(201);
        String list = currentList()
                        .replace(P + "194000," + P + "000000,TOWN,回退镇", P + "194000," + P + "000000,STREET,回退街道")
                        .replace(P + "194201," + P + "194000,VILLAGE,回退甲村", P + "194201," + P + "194000,COMMUNITY,回退社区")
                        .replace(
                                P + "194202," + P + "194000,VILLAGE,回退乙村",
                                P + "100294," + P + "100000,VILLAGE,回退乙村," + P + "194202")
                        .replace(P + "194203," + P + "194000,VILLAGE,回退丙村\n", "")
                + P + "194204," + P + "194000,COMMUNITY,新增社区,\n";
        String before = branch();
        long reverts = selectCount("select count(*) from audit_entry where action = 'tenant.list.reverted'");
        Api.Answer preview = api.post("api/v1/tenants/import/preview", admin, "text/csv", list);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Api.Answer applied =
                api.post("api/v1/tenants/import/apply?token=" + preview.field("token"), admin, "text/csv", list);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(division(c("194000"))).isEqualTo("STREET 回退街道 active");
        assertThat(division(c("194203"))).isEqualTo("VILLAGE 回退丙村 retired");
        assertThat(selectText("select tenant_code from staff_account where username = 'huitui.clerk'"))
                .isEqualTo(c("100294"));

        // Listed as one change of kind LIST: four divisions changed, two added, the clerk moved.
        String change = listChange();
        JsonObject pending = api.get("api/v1/division-changes", admin).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("id").equals(change))
                .findFirst()
                .orElseThrow();
        assertThat(pending.getInt("divisionsChanged")).isEqualTo(6);
        assertThat(pending.getInt("staffMoved")).isEqualTo(1);
        // Another list waits until this one is decided: refused, nothing applied.
        String unchanged = currentList();
        Api.Answer second = api.post("api/v1/tenants/import/preview", admin, "text/csv", unchanged);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        String applyAgain = "api/v1/tenants/import/apply?token=" + second.field("token");
        String treeBefore = tree();
        Api.Answer refused = api.post(applyAgain, admin, "text/csv", unchanged);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("error")).isEqualTo("tenant.list.pending");
        assertThat(refused.field("message")).contains("尚未确认").contains("确认或撤回");
        assertThat(tree()).isEqualTo(treeBefore);

        Api.Answer reverted = api.postJson("api/v1/division-changes/" + change + "/revert", admin, "{}");

        assertThat(reverted.status()).as(reverted.body()).isEqualTo(204);
        // Names, levels, parents, the retired village and the clerk as they were; what the list added has left the
        // tree.
        assertThat(branch()).isEqualTo(before);
        assertThat(division(c("194000"))).isEqualTo("TOWN 回退镇 active");
        assertThat(division(c("194201"))).isEqualTo("VILLAGE 回退甲村 active");
        assertThat(division(c("194203"))).isEqualTo("VILLAGE 回退丙村 active");
        assertThat(division(c("194204"))).isEqualTo("COMMUNITY 新增社区 retired");
        assertThat(division(c("100294"))).isEqualTo("VILLAGE 回退乙村 retired");
        assertThat(api.get("api/v1/tenants/" + P + "194000/children", admin).body())
                .contains(c("194202"))
                .contains(c("194203"))
                .doesNotContain(c("194204"));
        assertThat(selectCount("select count(*) from audit_entry where action = 'tenant.list.reverted'"))
                .isEqualTo(reverts + 1);
        Api.Answer again = api.postJson("api/v1/division-changes/" + change + "/revert", admin, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("error")).isEqualTo("tenant.list.change.reverted");
        assertThat(api.get("api/v1/division-changes", admin).body()).doesNotContain(change);
    }

    @Test
    void aLevelChangeOverTheApiIsAppliedOrRefusedNeverIgnored() throws Exception {
        String admin = yishui.adminToken();
        addWithTheOldImport(admin, "code,parent_code,level,name\n" + P + "191000," + P + "000000,TOWN,改级镇\n");
        int version = api.get("api/v1/tenants/" + P + "191000", admin)
                .json()
                .asJsonObject()
                .getInt("version");

        Api.Answer street = api.putJson(
                "api/v1/tenants/" + P + "191000",
                admin,
                "{\"name\":\"改级街道\",\"level\":\"STREET\",\"version\":" + version + "}");

        assertThat(street.status()).as(street.body()).isEqualTo(200);
        assertThat(street.field("level")).isEqualTo("STREET");
        assertThat(division(c("191000"))).isEqualTo("STREET 改级街道 active");

        int now = street.json().asJsonObject().getInt("version");
        Api.Answer village = api.putJson(
                "api/v1/tenants/" + P + "191000",
                admin,
                "{\"name\":\"改级村\",\"level\":\"VILLAGE\",\"version\":" + now + "}");
        Api.Answer moved = api.putJson(
                "api/v1/tenants/" + P + "191000",
                admin,
                "{\"name\":\"改级村\",\"parentCode\":\"" + P + "100000\",\"version\":" + now + "}");

        assertThat(village.status()).isEqualTo(400);
        assertThat(village.field("error")).isEqualTo("tenant.level.change");
        assertThat(village.field("message")).contains("只有乡镇与街道、村与社区之间可以互改");
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.field("error")).isEqualTo("tenant.parent.change");
        assertThat(division(c("191000"))).isEqualTo("STREET 改级街道 active");
    }

    @Test
    void aBadYearlyListIsRefusedLineByLineInBothLanguagesAndChangesNothing() throws Exception {
        String admin = yishui.adminToken();
        addWithTheOldImport(
                admin,
                "code,parent_code,level,name\n" + P + "192000," + P + "000000,TOWN,坏单镇\n" + P + "192201," + P
                        + "192000,VILLAGE,留守村\n");
        String before = tree();
        String list = currentList()
                + P + "19220X," + P + "192000,VILLAGE,坏码村,\n" // malformed
                + P + "192202," + P + "192000,TOWN,错级村,\n" // a village's code at the town level
                + P + "100291," + P + "199000,VILLAGE,迁往无处村," + P
                + "192201\n"; // moved under a town that does not exist
        int lines = list.split("\n").length;

        Api.Answer preview = api.post("api/v1/tenants/import/preview", admin, "text/csv", list);
        Api.Answer applied = api.post("api/v1/tenants/import/apply?token=x", admin, "text/csv", list);
        Api.Exchange english = api.exchange(
                "POST",
                "api/v1/tenants/" + HUAGOU + "/merge",
                admin,
                Map.of("Accept-Language", "en"),
                "{\"mergedCode\":\"" + P + "100201\"}");

        assertThat(preview.status()).as(preview.body()).isEqualTo(400);
        var errors = preview.json().asJsonObject().getJsonArray("lines");
        assertThat(errors).hasSize(3);
        assertThat(errors.getJsonObject(0).getInt("line")).isEqualTo(lines - 2);
        assertThat(errors.getJsonObject(0).getString("error")).isEqualTo("division.code.format");
        assertThat(errors.getJsonObject(1).getString("error")).isEqualTo("division.code.level");
        assertThat(errors.getJsonObject(1).getString("message"))
                .contains(c("192202"))
                .contains("层级");
        assertThat(errors.getJsonObject(2).getString("error")).isEqualTo("tenant.parent.unknown");
        assertThat(errors.getJsonObject(2).getString("message")).contains("上级区划“" + P + "199000”不存在");
        assertThat(applied.status()).isEqualTo(409);
        // Two villages of two towns do not merge; in English too.
        assertThat(english.answer().status()).isEqualTo(400);
        assertThat(english.answer().field("error")).isEqualTo("tenant.merge.towns");
        assertThat(english.answer().field("message")).contains("belong to different towns");
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void mergesOutsideTheAdministratorsTownOrAcrossTownsAreRefusedAndChangeNothing() throws Exception {
        String county = yishui.adminToken();
        String town = yishui.token(townAdminName);
        addWithTheOldImport(
                county,
                "code,parent_code,level,name\n" + P + "100281," + P + "100000,VILLAGE,田庄甲村\n" + P + "100282," + P
                        + "100000,VILLAGE,田庄乙村\n");
        String before = tree();

        Api.Answer otherTown =
                api.postJson("api/v1/tenants/" + P + "100281/merge", town, "{\"mergedCode\":\"" + P + "100282\"}");
        Api.Answer acrossTowns =
                api.postJson("api/v1/tenants/" + HUAGOU + "/merge", county, "{\"mergedCode\":\"" + P + "100281\"}");
        Api.Answer itself =
                api.postJson("api/v1/tenants/" + P + "100281/merge", county, "{\"mergedCode\":\"" + P + "100281\"}");
        Api.Answer aTown =
                api.postJson("api/v1/tenants/" + P + "100281/merge", county, "{\"mergedCode\":\"" + TIANZHUANG + "\"}");
        Api.Answer clerk = api.postJson(
                "api/v1/tenants/" + P + "100281/merge",
                yishui.token(clerkName),
                "{\"mergedCode\":\"" + P + "100282\"}");

        assertThat(otherTown.status()).isEqualTo(404);
        assertThat(otherTown.field("message")).contains("未找到区划");
        assertThat(acrossTowns.status()).isEqualTo(400);
        assertThat(acrossTowns.field("message")).contains("不属于同一个乡镇");
        assertThat(itself.status()).isEqualTo(400);
        assertThat(itself.field("error")).isEqualTo("tenant.merge.same");
        assertThat(aTown.status()).isEqualTo(400);
        assertThat(aTown.field("error")).isEqualTo("tenant.merge.level");
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void theCountyAdminMergesTwoVillagesOfQifengAndBothOpenCasesAreThereWithTheirOldReceipts() throws Exception {
        String admin = yishui.adminToken();
        addWithTheOldImport(
                admin,
                "code,parent_code,level,name\n" + P + "106283," + P + "106000,VILLAGE,合并甲村\n" + P + "106284," + P
                        + "106000,VILLAGE,合并乙村\n");
        // One open case at each village: taken in at 华沟村, then placed there as if taken in at its window.
        JsonObject first = openCaseAt(c("106283"));
        JsonObject second = openCaseAt(c("106284"));
        // 合并乙村's clerk and service point, which follow it.
        Api.Answer clerk = api.postJson(
                "api/v1/tenants/" + P + "106284/accounts",
                admin,
                "{\"username\":\"hebing.clerk\",\"displayName\":\"乙村窗口\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[\"CLERK\"]}");
        assertThat(clerk.status()).as(clerk.body()).isEqualTo(201);
        yishui.addPoint(c("106284"), "乙村便民服务站", "VILLAGE_STATION");

        new LoginPage(browser, base).open().logIn(countyAdminName, TestCounty.PASSWORD);
        ConsolePage console = new ConsolePage(browser, base);
        console.find("合并甲村", c("106283"));
        String messages = console.merge("合并乙村 (" + P + "106284)");
        org.onewindow.testing.Browser.screenshot(browser, "villages-merged");

        assertThat(messages).contains("已将合并乙村并入合并甲村：1名工作人员、1个服务网点");
        assertThat(browser.findElement(org.openqa.selenium.By.id("selected-code"))
                        .getText())
                .isEqualTo(c("106283"));
        // The merged village has left the pickers: the search finds the one it went into, not it.
        assertThat(console.search("合并")).contains(c("106283")).doesNotContain(c("106284"));
        assertThat(division(c("106284"))).isEqualTo("VILLAGE 合并乙村 retired → " + P + "106283");
        // Both open cases under the merged village; the old receipts still open their progress, and staff find them.
        assertThat(selectText("select string_agg(distinct tenant_code, ',') from case_file where case_number in ('"
                        + first.getString("caseNumber") + "', '" + second.getString("caseNumber") + "')"))
                .isEqualTo(c("106283"));
        assertThat(selectText("select tenant_code from staff_account where username = 'hebing.clerk'"))
                .isEqualTo(c("106283"));
        assertThat(selectText("select tenant_code from service_point where name = '乙村便民服务站' and county_code = '"
                        + COUNTY + "'"))
                .isEqualTo(c("106283"));
        String townClerk = yishui.token(townClerkName);
        for (JsonObject receipt : java.util.List.of(first, second)) {
            String number = receipt.getString("caseNumber");
            Api.Answer progress =
                    api.get("api/v1/progress/" + number + "?code=" + receipt.getString("checkCode"), null);
            assertThat(progress.status()).as(progress.body()).isEqualTo(200);
            assertThat(api.get("api/v1/cases/" + number, townClerk).status()).isEqualTo(200);
        }
        assertThat(selectCount("select count(*) from audit_entry where action = 'tenant.merged'" + " and subject_id = '"
                        + P + "106284'"))
                .isEqualTo(2);
        assertThat(selectCount("select count(*) from audit_entry where action = 'casework.cases.followed'"
                        + " and tenant_code = '" + P + "106283'"))
                .isEqualTo(1);

        // Not confirmed yet: the console lists the merge, and a revert (after its confirmation) puts it all back.
        browser.navigate().refresh();
        assertThat(browser.findElement(org.openqa.selenium.By.id("console:pending-changes"))
                        .getText())
                .contains("合并乙村（" + P + "106284）并入 合并甲村（" + P + "106283）");
        String reverted = console.revertChange(c("106284"));
        org.onewindow.testing.Browser.screenshot(browser, "villages-merge-reverted");

        assertThat(reverted).contains("已撤回：合并乙村已恢复");
        assertThat(division(c("106284"))).isEqualTo("VILLAGE 合并乙村 active");
        assertThat(selectText("select tenant_code from case_file where case_number = '" + second.getString("caseNumber")
                        + "'"))
                .isEqualTo(c("106284"));
        assertThat(selectText("select tenant_code from staff_account where username = 'hebing.clerk'"))
                .isEqualTo(c("106284"));
        assertThat(browser.findElement(org.openqa.selenium.By.id("console:pending-changes"))
                        .getText())
                .doesNotContain(c("106284"));
    }

    @Test
    void aMergeRevertedBeforeConfirmationPutsBackExactlyWhatMovedAndAConfirmedOneStays() throws Exception {
        String admin = yishui.adminToken();
        String into = c("100285");
        String merged = c("100286");
        addWithTheOldImport(
                admin,
                "code,parent_code,level,name\n" + into + "," + P + "100000,VILLAGE,撤回甲村\n" + merged + "," + P
                        + "100000,VILLAGE,撤回乙村\n");
        JsonObject receipt = openCaseAt(merged);
        JsonObject intoCase = openCaseAt(into);
        Api.Answer clerk = api.postJson(
                "api/v1/tenants/" + merged + "/accounts",
                admin,
                "{\"username\":\"chehui.clerk\",\"displayName\":\"乙村窗口\",\"password\":\"Probe-Password-1\","
                        + "\"roles\":[\"CLERK\"]}");
        assertThat(clerk.status()).as(clerk.body()).isEqualTo(201);
        // A point of each village with the same name: the merged one's gets a suffix, and loses it on revert.
        yishui.addPoint(into, "便民服务站", "VILLAGE_STATION");
        java.util.UUID point = yishui.addPoint(merged, "便民服务站", "VILLAGE_STATION");
        yishui.addWindow(point, "1号窗口", "COMPREHENSIVE");
        Api.Answer closure = api.postJson(
                "api/v1/service-points/" + point + "/closures",
                admin,
                "{\"firstDay\":\"2027-03-01\",\"lastDay\":\"2027-03-02\",\"reason\":\"装修\"}");
        assertThat(closure.status()).as(closure.body()).isEqualTo(201);
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("insert into department (county_code, id, tenant_code, code, name, short_name) values ('"
                    + COUNTY + "', gen_random_uuid(), '" + merged + "', 'CUNWEI', '乙村村委会', '村委会')");
            sql.executeUpdate("insert into tenant_setting (county_code, tenant_code, scope_prefix, name, value,"
                    + " changed_by) values ('" + COUNTY + "', '" + merged + "', '" + merged
                    + "', 'warningThresholdPercent', '70', 'county.admin')");
        }
        String before = villages(into, merged);
        Api.Answer done =
                api.postJson("api/v1/tenants/" + into + "/merge", admin, "{\"mergedCode\":\"" + merged + "\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        String change = done.json().asJsonObject().getString("changeId");
        assertThat(villages(into, merged)).isNotEqualTo(before);
        assertThat(api.get("api/v1/division-changes", admin).body())
                .contains(change)
                .contains("撤回乙村");

        // Another town's administrator neither sees nor decides it; a clerk may not; nothing changes.
        String otherTown = yishui.token(townAdminName);
        Api.Answer foreign = api.postJson("api/v1/division-changes/" + change + "/revert", otherTown, "{}");
        Api.Answer foreignConfirm = api.postJson("api/v1/division-changes/" + change + "/confirm", otherTown, "{}");
        Api.Answer byClerk =
                api.postJson("api/v1/division-changes/" + change + "/revert", yishui.token(clerkName), "{}");
        Api.Answer unknown = api.postJson("api/v1/division-changes/not-a-change/revert", admin, "{}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.field("error")).isEqualTo("tenant.change.not.found");
        assertThat(foreignConfirm.status()).isEqualTo(404);
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("api/v1/division-changes", otherTown).body()).doesNotContain(change);
        assertThat(division(merged)).isEqualTo("VILLAGE 撤回乙村 retired → " + into);

        Api.Answer reverted = api.postJson("api/v1/division-changes/" + change + "/revert", admin, "{}");

        assertThat(reverted.status()).as(reverted.body()).isEqualTo(204);
        assertThat(division(merged)).isEqualTo("VILLAGE 撤回乙村 active");
        assertThat(villages(into, merged)).isEqualTo(before);
        // The case is back under the village it came from, its receipt still looks up; the other village's stays.
        assertThat(selectText("select tenant_code from case_file where case_number = '"
                        + receipt.getString("caseNumber") + "'"))
                .isEqualTo(merged);
        assertThat(selectText("select tenant_code from case_file where case_number = '"
                        + intoCase.getString("caseNumber") + "'"))
                .isEqualTo(into);
        Api.Answer progress = api.get(
                "api/v1/progress/" + receipt.getString("caseNumber") + "?code=" + receipt.getString("checkCode"), null);
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(selectCount("select count(*) from audit_entry where action = 'tenant.change.reverted'"
                        + " and subject_id = '" + merged + "'"))
                .isEqualTo(2);
        assertThat(selectCount("select count(*) from audit_entry where action = 'casework.cases.returned'"
                        + " and tenant_code = '" + merged + "'"))
                .isEqualTo(1);
        Api.Answer again = api.postJson("api/v1/division-changes/" + change + "/revert", admin, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("error")).isEqualTo("tenant.change.reverted");

        // Merged again and confirmed: final, a revert is refused with a clear message and changes nothing.
        Api.Answer second =
                api.postJson("api/v1/tenants/" + into + "/merge", admin, "{\"mergedCode\":\"" + merged + "\"}");
        String secondChange = second.json().asJsonObject().getString("changeId");
        Api.Answer confirmed = api.postJson("api/v1/division-changes/" + secondChange + "/confirm", admin, "{}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        String afterConfirm = villages(into, merged);

        Api.Answer refused = api.postJson("api/v1/division-changes/" + secondChange + "/revert", admin, "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.field("message")).contains("已确认，不能再撤回");
        assertThat(villages(into, merged)).isEqualTo(afterConfirm);
        assertThat(division(merged)).isEqualTo("VILLAGE 撤回乙村 retired → " + into);
        assertThat(api.get("api/v1/division-changes", admin).body()).doesNotContain(secondChange);
        assertThat(selectCount("select count(*) from audit_entry where action = 'tenant.change.confirmed'"
                        + " and subject_id = '" + merged + "'"))
                .isEqualTo(2);
    }

    @Test
    void aMergedVillagesOverridesGoToTheOneItWentIntoAndComeBackExactlyWhenTheMergeIsReverted() throws Exception {
        String admin = yishui.adminToken();
        String into = c("100287");
        String merged = c("100288");
        addWithTheOldImport(
                admin,
                "code,parent_code,level,name\n" + into + "," + P + "100000,VILLAGE,调整甲村\n" + merged + "," + P
                        + "100000,VILLAGE,调整乙村\n");
        // 调整乙村 notes two items, each with a conflict waiting; 调整甲村 has its own note on one of them (MZ-0001).
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            for (String[] override :
                    new String[][] {{into, "MZ-0001", "甲村代办"}, {merged, "MZ-0001", "乙村代办"}, {merged, "ZJ-0002", "乙村咨询"}
                    }) {
                String inForce = "(select version_no from item_version where item_code = '" + override[1]
                        + "' and state = 'PUBLISHED')";
                sql.executeUpdate("insert into item_override (county_code, id, tenant_code, item_code, base_version,"
                        + " patch) values ('" + COUNTY + "', gen_random_uuid(), '" + override[0] + "', '" + override[1]
                        + "', " + inForce + ", '{\"localNotes\":\"" + override[2] + "\"}')");
                if (override[0].equals(merged)) {
                    sql.executeUpdate("insert into item_conflict (county_code, id, tenant_code, item_code, element,"
                            + " old_standard, new_standard, local_value, reason, to_version, base_version) values ('"
                            + COUNTY + "', gen_random_uuid(), '" + merged + "', '" + override[1] + "', 'localNotes',"
                            + " 'null', '\"新标准\"', '\"" + override[2] + "\"', 'BOTH_CHANGED', " + inForce + ", "
                            + inForce + ")");
                }
            }
        }
        String before = overrides(into, merged);

        Api.Answer done =
                api.postJson("api/v1/tenants/" + into + "/merge", admin, "{\"mergedCode\":\"" + merged + "\"}");

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        // ZJ-0002's note and its conflict went to 调整甲村; for MZ-0001 调整甲村's own note stays, 调整乙村's is dropped.
        assertThat(selectText("select string_agg(item_code || ':' || patch, ';' order by item_code) from item_override"
                        + " where tenant_code = '" + into + "'"))
                .isEqualTo("MZ-0001:{\"localNotes\":\"甲村代办\"};ZJ-0002:{\"localNotes\":\"乙村咨询\"}");
        assertThat(selectText(
                        "select string_agg(item_code, ';') from item_conflict where tenant_code = '" + into + "'"))
                .isEqualTo("ZJ-0002");
        assertThat(selectCount("select count(*) from item_override where tenant_code = '" + merged + "'"))
                .isZero();
        assertThat(selectCount("select count(*) from item_conflict where tenant_code = '" + merged + "'"))
                .isZero();

        Api.Answer reverted = api.postJson(
                "api/v1/division-changes/" + done.json().asJsonObject().getString("changeId") + "/revert", admin, "{}");

        assertThat(reverted.status()).as(reverted.body()).isEqualTo(204);
        assertThat(overrides(into, merged)).isEqualTo(before);
        assertThat(selectCount("select count(*) from audit_entry where action = 'catalog.overrides.returned'"
                        + " and tenant_code = '" + merged + "'"))
                .isEqualTo(1);
    }

    @Test
    void theConsolePreviewsAListByKindOfChangeAndAppliesItAfterConfirmation() throws Exception {
        String admin = yishui.adminToken();
        addWithTheOldImport(
                admin,
                "code,parent_code,level,name\n" + P + "193000," + P + "000000,TOWN,控制台镇\n" + P + "193201," + P
                        + "193000,VILLAGE,控制台村\n");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("division-list", ".csv");
        java.nio.file.Files.writeString(
                file,
                currentList()
                        .replace(P + "193000," + P + "000000,TOWN,控制台镇", P + "193000," + P + "000000,STREET,控制台街道")
                        .replace(P + "193201," + P + "193000,VILLAGE,控制台村\n", ""));

        new LoginPage(browser, base).open().logIn(countyAdminName, TestCounty.PASSWORD);
        ConsolePage console = new ConsolePage(browser, base);
        String preview = console.previewList(file);
        org.onewindow.testing.Browser.screenshot(browser, "division-list-preview");

        assertThat(preview)
                .contains("更名")
                .contains("层级变更")
                .contains("撤销（名单中没有）")
                .contains("控制台村");
        assertThat(division(c("193000"))).isEqualTo("TOWN 控制台镇 active");

        String applied = console.applyList();

        assertThat(applied).contains("已应用年度区划名单");
        assertThat(division(c("193000"))).isEqualTo("STREET 控制台街道 active");
        assertThat(division(c("193201"))).isEqualTo("VILLAGE 控制台村 retired");

        // The list waits in the console's changes to confirm; confirmed there, it is final.
        browser.navigate().refresh();
        assertThat(browser.findElement(org.openqa.selenium.By.id("console:pending-changes"))
                        .getText())
                .contains("年度区划名单：" + NAME + "（" + COUNTY + "）2个区划有变化");
        String confirmed = console.confirmChange("年度区划名单");

        assertThat(confirmed).contains("已确认" + NAME + "的年度区划名单");
        assertThat(selectCount("select count(*) from division_change where kind = 'LIST' and state = 'PENDING'"))
                .isZero();
        assertThat(division(c("193000"))).isEqualTo("STREET 控制台街道 active");
        java.nio.file.Files.delete(file);
    }

    /** An accepted 低保 case placed at {@code village}: its receipt (case number and check code). */
    private JsonObject openCaseAt(String village) throws Exception {
        Api.Exchange taken = api.exchange(
                "POST",
                "api/v1/cases",
                yishui.token(clerkName),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()),
                CaseworkIT.dibao(CaseworkIT.ID_NUMBER));
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        JsonObject receipt = taken.answer().json().asJsonObject();
        String id =
                selectText("select id from case_file where case_number = '" + receipt.getString("caseNumber") + "'");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            for (String table : java.util.List.of(
                    "case_material",
                    "case_step",
                    "case_pause",
                    "case_contact",
                    "applicant_message",
                    "notification_outbox",
                    "work_task")) {
                sql.executeUpdate("update " + table + " set tenant_code = '" + village + "' where case_id = '" + id
                        + "' and tenant_code = '" + HUAGOU + "'");
            }
            sql.executeUpdate("update case_file set tenant_code = '" + village + "' where id = '" + id + "'");
        }
        return receipt;
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void addWithTheOldImport(String token, String csv) {
        Api.Answer added = api.post("api/v1/tenants/import", token, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    /** The county's list as it is now (every division not retired), with the column former_code. */
    private static String currentList() throws Exception {
        StringBuilder csv = new StringBuilder("code,parent_code,level,name,former_code\n");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select code, coalesce(parent_code, ''), level, name from tenant"
                        + " where county_code = '" + COUNTY + "' and retired_on is null order by code")) {
            while (rs.next()) {
                for (int column = 1; column <= 4; column++) {
                    csv.append(column == 1 ? "" : ",").append(csvField(rs.getString(column)));
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    /** A field as Excel writes it: quoted when it holds a comma, a quote or a line break (other classes' names do). */
    private static String csvField(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Every division of the county with its state, and the rows that name a division: to compare before and after. */
    private static String tree() throws Exception {
        return selectText("select string_agg(concat_ws('|', code, parent_code, level, name, version, retired_on,"
                        + " successor_code), ';' order by code) from tenant where county_code = '" + COUNTY + "'")
                + selectText("select string_agg(concat_ws('|', username, tenant_code), ';' order by username)"
                        + " from staff_account")
                + selectText("select string_agg(concat_ws('|', id, tenant_code), ';' order by id) from case_file");
    }

    /**
     * Where the rows of two villages are: staff, service points with their names, windows, closures, departments,
     * settings, cases and their timeline; to compare before a merge and after its revert.
     */
    private static String villages(String first, String second) throws Exception {
        String both = " where tenant_code in ('" + first + "', '" + second + "')";
        StringBuilder state = new StringBuilder();
        for (String rows : java.util.List.of(
                "select string_agg(concat_ws('|', username, tenant_code), ';' order by username) from staff_account",
                "select string_agg(concat_ws('|', id, tenant_code, name), ';' order by id) from service_point",
                "select string_agg(concat_ws('|', id, tenant_code), ';' order by id) from service_window",
                "select string_agg(concat_ws('|', id, tenant_code), ';' order by id) from service_point_closure",
                "select string_agg(concat_ws('|', id, tenant_code), ';' order by id) from department",
                "select string_agg(concat_ws('|', tenant_code, name, value), ';' order by tenant_code, name)"
                        + " from tenant_setting",
                "select string_agg(concat_ws('|', id, tenant_code, case_number), ';' order by id) from case_file",
                "select string_agg(concat_ws('|', case_id, tenant_code), ';' order by case_id, tenant_code)"
                        + " from case_step")) {
            state.append(selectText(rows + both)).append('\n');
        }
        return state.toString();
    }

    /** The id of the yearly list applied to the county that waits for confirmation. */
    private static String listChange() throws Exception {
        return selectText("select id from division_change where kind = 'LIST' and state = 'PENDING'"
                + " and tenant_code = '" + COUNTY + "'");
    }

    /** The divisions of 回退镇 as they were made, with the clerk of 回退乙村: to compare before a list and after its revert. */
    private static String branch() throws Exception {
        return selectText(
                        "select string_agg(concat_ws('|', code, parent_code, level, name, retired_on, successor_code),"
                                + " ';' order by code) from tenant where code in ('" + P + "194000', '" + P + "194201',"
                                + " '" + P + "194202', '" + P + "194203')")
                + selectText("select tenant_code from staff_account where username = 'huitui.clerk'");
    }

    /** Where the overrides and open conflicts of two villages are, with their ids, items, bases and values. */
    private static String overrides(String first, String second) throws Exception {
        String both = " where tenant_code in ('" + first + "', '" + second + "')";
        return selectText(
                        "select string_agg(concat_ws('|', id, tenant_code, item_code, base_version, patch, updated_at),"
                                + " ';' order by id) from item_override" + both)
                + "\n"
                + selectText("select string_agg(concat_ws('|', id, tenant_code, item_code, element, old_standard,"
                        + " new_standard, local_value, reason, to_version, base_version, created_at), ';' order by id)"
                        + " from item_conflict" + both);
    }

    private static String division(String code) throws Exception {
        return selectText(
                "select level || ' ' || name || ' ' || case when retired_on is null then 'active' else 'retired'"
                        + " || coalesce(' → ' || successor_code, '') end from tenant where code = '" + code + "'");
    }
}
