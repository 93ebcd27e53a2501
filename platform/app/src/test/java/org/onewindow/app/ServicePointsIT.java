package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Service points, their windows and closures, and departments (issue 11, TEN-2, TEN-3), on a county of this class's own
 * (沂河县, {@link TestCounty}): its centre, 起凤镇's centre, 华沟村's station (a village of 起凤镇), 田庄镇's centre (another
 * town) and a point of another county of its own. Only the search of departments reads the demo county's. A county
 * administrator changes every point of the county, a town's its town and villages, a
 * village's its own; anyone else is refused; bad input changes nothing; a closed point takes nothing in and the public
 * guide shows its hours and closure.
 */
class ServicePointsIT extends ShippedWarInBrowser {

    static final String COUNTY_CENTRE = "沂河县便民服务中心";
    static final String QIFENG_CENTRE = "起凤镇便民服务中心";
    static final String HUAGOU_STATION = "华沟村便民服务站";
    static final String TIANZHUANG_CENTRE = "田庄镇便民服务中心";

    /** 沂河县: a county of this class's own, with the shape of the demo county's part that the tests use. */
    static TestCounty yihe;

    /** Another county, whose point nobody of 沂河县 may touch. */
    static TestCounty otherCounty;

    static String HUAGOU;
    static String QIFENG;
    static String TIANZHUANG_VILLAGE;
    static UUID OTHER_COUNTY_POINT;
    static String countyAdminName;
    static String townAdminName;
    static String villageAdminName;
    static String clerkName;
    static String auditorName;
    static String townReviewer;
    static String mzReviewer2;
    static String czReviewer;

    static final String HOURS = "\"openingHours\":[{\"day\":\"MONDAY\",\"opens\":\"08:30\",\"lunchStarts\":\"12:00\","
            + "\"lunchEnds\":\"13:30\",\"closes\":\"17:30\"}]";

    @BeforeEach
    void ownCounty() {
        if (yihe != null) {
            return;
        }
        yihe = TestCounty.named("沂河县")
                .town("起凤镇", "华沟村")
                .town("田庄镇", "田庄村")
                .department("沂河县", "MZ", "民政局")
                .department("沂河县", "CZ", "财政局")
                .department("起凤镇", "SHSW", "社会事务办")
                .make(api);
        HUAGOU = yihe.code("华沟村");
        QIFENG = yihe.code("起凤镇");
        TIANZHUANG_VILLAGE = yihe.code("田庄村");
        countyAdminName = yihe.admin();
        townAdminName = yihe.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        villageAdminName = yihe.staff("华沟村", "huagou.admin", Set.of("TENANT_ADMIN"));
        clerkName = yihe.staff("华沟村", "huagou.clerk", Set.of("CLERK"));
        auditorName = yihe.staff("沂河县", "county.auditor", Set.of("AUDITOR"));
        townReviewer = yihe.staff("起凤镇", "qifeng.reviewer", Set.of("REVIEWER"), "SHSW");
        mzReviewer2 = yihe.staff("沂河县", "mz.reviewer2", Set.of("REVIEWER"), "MZ");
        czReviewer = yihe.staff("沂河县", "cz.reviewer", Set.of("REVIEWER"), "CZ");
        otherCounty = TestCounty.named("别县").make(api);
        OTHER_COUNTY_POINT = otherCounty.point("别县");
    }

    /** Each test finds the county's points without the closures, points and windows another test made. */
    @AfterEach
    void forgetClosuresAndWindows() throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            String ours = " county_code = '" + yihe.code() + "'";
            sql.executeUpdate("delete from service_point_closure where" + ours);
            sql.executeUpdate("delete from service_window where name like '测试%' and" + ours);
            sql.executeUpdate("delete from service_point where name like '测试%' and" + ours);
        }
    }

    @Test
    void aCountyAdministratorChangesEveryPointOfItsCountyATownsOnlyItsTreeAVillagesItsOwn() throws Exception {
        String county = yihe.adminToken();
        String town = yihe.token(townAdminName);
        String village = yihe.token(villageAdminName);
        String clerk = yihe.token(clerkName);
        String auditor = yihe.token(auditorName);
        UUID countyCentre = point(county, COUNTY_CENTRE);
        UUID qifeng = point(county, QIFENG_CENTRE);
        UUID huagou = point(county, HUAGOU_STATION);
        UUID tianzhuang = point(county, TIANZHUANG_CENTRE);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("county.admin " + COUNTY_CENTRE, 200);
        expected.put("county.admin " + QIFENG_CENTRE, 200);
        expected.put("county.admin " + HUAGOU_STATION, 200);
        expected.put("county.admin other county", 404);
        expected.put("qifeng.admin " + COUNTY_CENTRE, 404);
        expected.put("qifeng.admin " + QIFENG_CENTRE, 200);
        expected.put("qifeng.admin " + HUAGOU_STATION, 200);
        expected.put("qifeng.admin " + TIANZHUANG_CENTRE, 404);
        expected.put("village admin " + HUAGOU_STATION, 200);
        expected.put("village admin " + QIFENG_CENTRE, 404);
        expected.put("huagou.clerk " + HUAGOU_STATION, 403);
        expected.put("county.auditor " + COUNTY_CENTRE, 403);

        Map<String, Integer> answered = new LinkedHashMap<>();
        answered.put("county.admin " + COUNTY_CENTRE, describe(county, countyCentre));
        answered.put("county.admin " + QIFENG_CENTRE, describe(county, qifeng));
        answered.put("county.admin " + HUAGOU_STATION, describe(county, huagou));
        answered.put("county.admin other county", describe(county, OTHER_COUNTY_POINT));
        answered.put("qifeng.admin " + COUNTY_CENTRE, describe(town, countyCentre));
        answered.put("qifeng.admin " + QIFENG_CENTRE, describe(town, qifeng));
        answered.put("qifeng.admin " + HUAGOU_STATION, describe(town, huagou));
        answered.put("qifeng.admin " + TIANZHUANG_CENTRE, describe(town, tianzhuang));
        answered.put("village admin " + HUAGOU_STATION, describe(village, huagou));
        answered.put("village admin " + QIFENG_CENTRE, describe(village, qifeng));
        answered.put("huagou.clerk " + HUAGOU_STATION, describe(clerk, huagou));
        answered.put("county.auditor " + COUNTY_CENTRE, describe(auditor, countyCentre));
        assertThat(answered).isEqualTo(expected);

        // The same scopes for windows and closures: the village's administrator adds a window to its station (every
        // item by default), the town's administrator cannot close the county's centre.
        Api.Answer window = api.postJson(
                "api/v1/service-points/" + huagou + "/windows", village, "{\"name\":\"测试出件窗口\",\"type\":\"ISSUANCE\"}");
        assertThat(window.status()).as(window.body()).isEqualTo(201);
        // No items named: it takes every item offered at 华沟村 (the answer leaves the list out).
        assertThat(window.json().asJsonObject().get("items")).isIn(null, JsonValue.NULL);
        assertThat(api.postJson(
                                "api/v1/service-points/" + countyCentre + "/closures",
                                town,
                                closure("2030-01-02", "2030-01-03"))
                        .status())
                .isEqualTo(404);
        assertThat(api.postJson(
                                "api/v1/service-points/" + huagou + "/closures",
                                clerk,
                                closure("2030-01-02", "2030-01-03"))
                        .status())
                .isEqualTo(403);
        // The point reads back as set, and the change is in the trail.
        JsonObject read =
                api.get("api/v1/service-points/" + huagou, clerk).json().asJsonObject();
        assertThat(read.getString("contactPhone")).isEqualTo("0533-8888888");
        assertThat(read.getJsonArray("openingHours").getJsonObject(0).getString("lunchEnds"))
                .isEqualTo("13:30");
        assertThat(audited(HUAGOU, "service-point.changed")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void badInputSaysWhyAndChangesNothing() throws Exception {
        String county = yihe.adminToken();
        String town = yihe.token(townAdminName);
        UUID qifeng = point(county, QIFENG_CENTRE);
        UUID tianzhuang = point(county, TIANZHUANG_CENTRE);
        String before = stored(qifeng) + stored(tianzhuang);
        long audits = auditedAll();

        // Hours that end before they start.
        Api.Answer backwards = api.putJson(
                "api/v1/service-points/" + qifeng,
                county,
                body(
                        county,
                        qifeng,
                        "\"openingHours\":[{\"day\":\"TUESDAY\",\"opens\":\"17:30\",\"closes\":\"08:30\"}]"));
        assertThat(backwards.status()).as(backwards.body()).isEqualTo(400);
        assertThat(backwards.field("message")).contains("星期2的营业时间顺序不对");
        Api.Exchange english = api.exchange(
                "PUT",
                "api/v1/service-points/" + qifeng,
                county,
                Map.of("Accept-Language", "en"),
                body(
                        county,
                        qifeng,
                        "\"openingHours\":[{\"day\":\"TUESDAY\",\"opens\":\"17:30\",\"closes\":\"08:30\"}]"));
        assertThat(english.answer().field("message")).contains("The hours on weekday 2 are out of order");

        // A town's administrator acting on another town's point: as if it did not exist.
        Api.Answer otherTown =
                api.putJson("api/v1/service-points/" + tianzhuang, town, body(county, tianzhuang, HOURS));
        assertThat(otherTown.status()).as(otherTown.body()).isEqualTo(404);
        assertThat(otherTown.field("message")).contains("未找到服务场所");

        // A window taking an item the division does not offer.
        Api.Answer notOffered = api.postJson(
                "api/v1/service-points/" + qifeng + "/windows",
                county,
                "{\"name\":\"测试窗口\",\"type\":\"COMPREHENSIVE\",\"items\":[\"MZ-0001\",\"ZZ-0404\"]}");
        assertThat(notOffered.status()).as(notOffered.body()).isEqualTo(400);
        assertThat(notOffered.field("message")).isEqualTo("事项“ZZ-0404”不在本区划提供的事项中，窗口不能受理");
        assertThat(windows(qifeng)).doesNotContain("测试窗口");

        // A department reviewer who is not staff of the department's division (起凤镇's reviewer for the county's 民政局).
        Api.Answer notStaff = api.postJson(
                "api/v1/departments/" + yihe.code() + "/MZ/reviewers",
                county,
                "{\"username\":\"" + townReviewer + "\"}");
        assertThat(notStaff.status()).as(notStaff.body()).isEqualTo(400);
        assertThat(notStaff.field("message")).contains(townReviewer).contains("不是");
        assertThat(api.get("api/v1/departments/" + yihe.code() + "/MZ", county).body())
                .doesNotContain(townReviewer);

        // Closures: an overlap, an end before the start, one long past.
        Api.Answer first = api.postJson(
                "api/v1/service-points/" + qifeng + "/closures", county, closure("2030-01-02", "2030-01-04"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long closures = closures(qifeng);
        Api.Answer overlap = api.postJson(
                "api/v1/service-points/" + qifeng + "/closures", county, closure("2030-01-04", "2030-01-06"));
        assertThat(overlap.status()).as(overlap.body()).isEqualTo(409);
        assertThat(overlap.field("message")).isEqualTo("与已登记的闭厅（2030-01-02至2030-01-04）有重叠的日期");
        Api.Answer backwardsClosure = api.postJson(
                "api/v1/service-points/" + qifeng + "/closures", county, closure("2030-02-04", "2030-02-01"));
        assertThat(backwardsClosure.status()).isEqualTo(400);
        assertThat(backwardsClosure.field("message")).isEqualTo("闭厅的结束日期2030-02-01早于开始日期2030-02-04");
        Api.Answer longPast = api.postJson(
                "api/v1/service-points/" + qifeng + "/closures", county, closure("2020-01-01", "2020-01-02"));
        assertThat(longPast.status()).isEqualTo(400);
        assertThat(longPast.field("message")).contains("超过30天");
        assertThat(closures(qifeng)).isEqualTo(closures);

        assertThat(stored(qifeng) + stored(tianzhuang)).isEqualTo(before);
        // Only the one closure that was accepted is in the trail.
        assertThat(auditedAll()).isEqualTo(audits + 1);
    }

    @Test
    void aClosedStationTakesNothingInUntilItsClosureIsCancelled() throws Exception {
        String county = yihe.adminToken();
        String clerk = yihe.token(clerkName);
        UUID huagou = point(county, HUAGOU_STATION);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.Answer closed =
                api.postJson("api/v1/service-points/" + huagou + "/closures", county, closure(today, today));
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        long cases = cases();

        Api.Answer refused = takeIn(clerk);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.field("message")).contains("闭厅（测试闭厅），期间不受理申请");
        assertThat(cases()).isEqualTo(cases);

        String guide = guidePdf("MZ-0001", HUAGOU);
        assertThat(guide).contains("办理地点").contains(HUAGOU_STATION).contains("测试闭厅");

        Api.Answer reopened = api.delete("api/v1/service-points/" + huagou + "/closures/" + closed.field("id"), county);
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(204);
        Api.Answer taken = takeIn(clerk);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    }

    /**
     * 华沟村 with a second station (测试二站: an intake window and an issuance window): its clerk serves at both. The
     * village's own station is closed today: intake there is refused naming the closure, while the open station takes
     * the case in and the case records it. A point or window that is not the clerk's intake window is refused, and
     * nothing is taken in.
     */
    @Test
    void aClosureOfTheClerksPointRefusesIntakeThereWhileAnotherOpenPointOfTheVillageTakesIn() throws Exception {
        // Arrange
        String county = yihe.adminToken();
        String clerk = yihe.token(clerkName);
        UUID huagou = point(county, HUAGOU_STATION);
        UUID qifeng = point(county, QIFENG_CENTRE);
        UUID second = yihe.addPoint("华沟村", "测试二站", "VILLAGE_STATION");
        UUID intakeWindow = yihe.addWindow(second, "测试受理窗口", "COMPREHENSIVE");
        UUID issuanceWindow = yihe.addWindow(second, "测试出件窗口", "ISSUANCE");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.Answer closed =
                api.postJson("api/v1/service-points/" + huagou + "/closures", county, closure(today, today));
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        long cases = cases();

        // Act: at the closed station, then bad points and windows
        Api.Answer atClosed = takeIn(clerk, "\"servicePointId\":\"" + huagou + "\",");
        Api.Answer otherDivision = takeIn(clerk, "\"servicePointId\":\"" + qifeng + "\",");
        Api.Answer otherCounty = takeIn(clerk, "\"servicePointId\":\"" + OTHER_COUNTY_POINT + "\",");
        Api.Answer issuance =
                takeIn(clerk, "\"servicePointId\":\"" + second + "\",\"windowId\":\"" + issuanceWindow + "\",");
        Api.Answer malformed = takeIn(clerk, "\"windowId\":\"窗口一\",");

        // Assert: each refused with its reason, nothing taken in
        assertThat(atClosed.status()).as(atClosed.body()).isEqualTo(409);
        assertThat(atClosed.field("error")).isEqualTo("casework.intake.point.closed.named");
        assertThat(atClosed.field("message")).contains(HUAGOU_STATION + today + "闭厅（测试闭厅），期间不受理申请");
        assertThat(otherDivision.status()).as(otherDivision.body()).isEqualTo(400);
        assertThat(otherDivision.field("error")).isEqualTo("casework.intake.point.not.yours");
        assertThat(otherDivision.field("message")).contains(qifeng.toString()).contains("不是您受理申请的服务场所");
        assertThat(otherCounty.status()).as(otherCounty.body()).isEqualTo(400);
        assertThat(otherCounty.field("error")).isEqualTo("casework.intake.point.not.yours");
        assertThat(issuance.status()).as(issuance.body()).isEqualTo(400);
        assertThat(issuance.field("error")).isEqualTo("casework.intake.window.not.intake");
        assertThat(issuance.field("message"))
                .contains(issuanceWindow.toString())
                .contains("不是您在该服务场所的受理窗口");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.field("error")).isEqualTo("casework.intake.window.not.intake");
        assertThat(cases()).isEqualTo(cases);

        // Act: the open station of the same village
        Api.Answer taken = takeIn(clerk, "\"servicePointId\":\"" + second + "\",");

        // Assert: taken in there, and the case says where
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        JsonObject place = taken.json().asJsonObject().getJsonObject("intakeWindow");
        assertThat(place.getString("servicePointId")).isEqualTo(second.toString());
        assertThat(place.getString("servicePoint")).isEqualTo("测试二站");
        assertThat(place.getString("windowId")).isEqualTo(intakeWindow.toString());
        assertThat(place.getString("window")).isEqualTo("测试受理窗口");
        assertThat(cases()).isEqualTo(cases + 1);
    }

    @Test
    void aPointIsRemovedWhenNoStaffServeThereAndNoOpenCaseHandsOutItsResultThere() throws Exception {
        String county = yihe.adminToken();
        UUID point = yihe.addPoint("华沟村", "测试待删站", "VILLAGE_STATION");
        UUID window = yihe.addWindow(point, "测试待删窗口", "COMPREHENSIVE");
        UUID tianzhuangPoint = yihe.addPoint("田庄镇", "测试田庄站", "TOWN_CENTRE");
        Api.Answer closure = api.postJson(
                "api/v1/service-points/" + point + "/closures", county, closure("2030-06-01", "2030-06-02"));
        assertThat(closure.status()).as(closure.body()).isEqualTo(201);
        String removeClerk = yihe.staff("华沟村", "sp.remove.clerk", Set.of("CLERK"));
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate(
                    "update staff_account set windows = '" + window + "' where username = '" + removeClerk + "'");
        }
        int version = api.get("api/v1/service-points/" + point, county)
                .json()
                .asJsonObject()
                .getInt("version");

        // Another town's administrator, a clerk, staff at its window, a stale version: each refused, nothing removed.
        Api.Answer otherTown =
                api.delete("api/v1/service-points/" + tianzhuangPoint + "?version=0", yihe.token(townAdminName));
        Api.Answer clerk = api.delete("api/v1/service-points/" + point + "?version=" + version, yihe.token(clerkName));
        Api.Answer staffThere = api.delete("api/v1/service-points/" + point + "?version=" + version, county);
        assertThat(otherTown.status()).isEqualTo(404);
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(staffThere.status()).isEqualTo(409);
        assertThat(staffThere.field("message")).contains("测试待删站").contains(removeClerk);
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("update staff_account set windows = '' where username = '" + removeClerk + "'");
        }
        // An open case whose result waits at the point keeps it.
        Api.Answer taken = takeIn(yihe.token(clerkName));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String caseNumber = taken.field("caseNumber");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("update case_file set delivery_kind = 'WINDOW', delivery_point = '测试待删站'"
                    + " where case_number = '" + caseNumber + "'");
        }
        Api.Answer openCase = api.delete("api/v1/service-points/" + point + "?version=" + version, county);
        assertThat(openCase.status()).isEqualTo(409);
        assertThat(openCase.field("error")).isEqualTo("casework.point.open.cases");
        assertThat(openCase.field("message")).contains("1件在办件");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("update case_file set delivery_kind = null, delivery_point = null"
                    + " where case_number = '" + caseNumber + "'");
        }
        Api.Answer stale = api.delete("api/v1/service-points/" + point + "?version=" + (version + 7), county);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field("error")).isEqualTo("stale.form");
        assertThat(selectCount("select count(*) from service_point where id = '" + point + "'"))
                .isEqualTo(1);
        assertThat(selectCount("select count(*) from service_window where service_point_id = '" + point + "'"))
                .isEqualTo(1);

        // In the console: the county administrator removes it after the confirmation; its windows and closures go too.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        new LoginPage(browser, base).open().logIn(countyAdminName, TestCounty.PASSWORD);
        browser.get(base.resolve("admin/places.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("places:points")));
        search("测试待删站");
        browser.findElement(By.id("places:points:0:remove-point")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("places:confirm-yes")));
        assertThat(browser.findElement(By.cssSelector(".ui-confirm-dialog")).getText())
                .contains("测试待删站");
        Browser.screenshot(browser, "places-remove-confirm");
        browser.findElement(By.id("places:confirm-yes")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("places:removal-messages"), "已删除服务场所“测试待删站”"));
        Browser.screenshot(browser, "places-removed");

        assertThat(selectCount("select count(*) from service_point where id = '" + point + "'"))
                .isZero();
        assertThat(selectCount("select count(*) from service_window where service_point_id = '" + point + "'"))
                .isZero();
        assertThat(selectCount("select count(*) from audit_entry where action = 'service-point.removed'"
                        + " and subject_id = '" + point + "'"))
                .isEqualTo(1);
        assertThat(api.get("api/v1/service-points/" + tianzhuangPoint, county).status())
                .isEqualTo(200);
    }

    @Test
    void aPointIsKeptWhileAnOpenCaseOfAnotherTownPicksUpThere() throws Exception {
        // A point of 起凤镇, chosen for pickup (统一出件) by an open case of 田庄镇, which 起凤镇's administrator cannot see.
        UUID point = yihe.addPoint("起凤镇", "测试统一出件站", "TOWN_CENTRE");
        Api.Answer taken = takeIn(yihe.token(clerkName));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String caseNumber = taken.field("caseNumber");
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate(
                    "update case_file set tenant_code = '" + TIANZHUANG_VILLAGE + "', delivery_kind = 'WINDOW',"
                            + " delivery_point = '测试统一出件站' where case_number = '" + caseNumber + "'");
        }
        String town = yihe.token(townAdminName);
        int version = api.get("api/v1/service-points/" + point, town)
                .json()
                .asJsonObject()
                .getInt("version");
        assertThat(api.get("api/v1/cases/" + caseNumber, town).status())
                .as("the other town's case is outside the administrator's scope")
                .isEqualTo(404);

        Api.Answer refused = api.delete("api/v1/service-points/" + point + "?version=" + version, town);
        Api.Exchange english = api.exchange(
                "DELETE",
                "api/v1/service-points/" + point + "?version=" + version,
                town,
                Map.of("Accept-Language", "en"),
                null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.field("error")).isEqualTo("casework.point.open.cases");
        assertThat(refused.field("message")).contains("1件在办件").contains("测试统一出件站");
        assertThat(english.answer().status()).isEqualTo(409);
        assertThat(english.answer().field("message")).contains("1 open case(s)");
        assertThat(selectCount(
                        "select count(*) from service_point where id = '" + point + "' and version = " + version))
                .isEqualTo(1);

        // The case is sent elsewhere (back to 华沟村, by post): the point may go.
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("update case_file set tenant_code = '" + HUAGOU + "', delivery_kind = null,"
                    + " delivery_point = null where case_number = '" + caseNumber + "'");
        }
        Api.Answer removed = api.delete("api/v1/service-points/" + point + "?version=" + version, town);
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(selectCount("select count(*) from service_point where id = '" + point + "'"))
                .isZero();
    }

    @Test
    void aPointIsKeptWhileAnOpenCaseTakenInThereWaitsToHandOutItsResultAtItsIntakeWindow() throws Exception {
        // Arrange: a second station of 华沟村 with an intake window, where the village's clerk takes a case in
        String county = yihe.adminToken();
        UUID point = yihe.addPoint("华沟村", "测试受理站", "VILLAGE_STATION");
        yihe.addWindow(point, "测试受理站窗口", "COMPREHENSIVE");
        Api.Answer taken = takeIn(yihe.token(clerkName), "\"servicePointId\":\"" + point + "\",");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String caseNumber = taken.field("caseNumber");
        int version = api.get("api/v1/service-points/" + point, county)
                .json()
                .asJsonObject()
                .getInt("version");

        // Act: the county's administrator removes the point while the case has chosen no other pickup
        Api.Answer refused = api.delete("api/v1/service-points/" + point + "?version=" + version, county);
        Api.Exchange english = api.exchange(
                "DELETE",
                "api/v1/service-points/" + point + "?version=" + version,
                county,
                Map.of("Accept-Language", "en"),
                null);

        // Assert: refused in both languages, nothing removed
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.field("error")).isEqualTo("casework.point.open.intakes");
        assertThat(refused.field("message")).contains("1件在“测试受理站”受理的在办件").contains("受理窗口领取");
        assertThat(english.answer().status()).isEqualTo(409);
        assertThat(english.answer().field("message"))
                .contains("1 open case(s) taken in at \"测试受理站\"")
                .contains("the window that took them in");
        assertThat(selectCount("select count(*) from service_point where id = '" + point + "'"))
                .isEqualTo(1);
        assertThat(selectCount("select count(*) from service_window where service_point_id = '" + point + "'"))
                .isEqualTo(1);

        // The applicant collects the result at the county's centre instead: the point may go, the case keeps its name.
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("update case_file set delivery_kind = 'WINDOW', delivery_point = '" + COUNTY_CENTRE
                    + "' where case_number = '" + caseNumber + "'");
        }
        Api.Answer removed = api.delete("api/v1/service-points/" + point + "?version=" + version, county);
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(selectCount("select count(*) from case_file where case_number = '" + caseNumber
                        + "' and intake_service_point = '测试受理站'"))
                .isEqualTo(1);
    }

    @Test
    void aDepartmentsReviewersAreItsDivisionsReviewers() throws Exception {
        String county = yihe.adminToken();
        String departmentMz = "api/v1/departments/" + yihe.code() + "/MZ";
        Api.Answer added = api.postJson(departmentMz + "/reviewers", county, "{\"username\":\"" + czReviewer + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains(czReviewer).contains(mzReviewer2);
        JsonObject department = added.json().asJsonObject();
        Api.Answer items = api.putJson(
                departmentMz,
                county,
                "{\"name\":\"" + department.getString("name") + "\",\"shortName\":\""
                        + department.getString("shortName") + "\",\"items\":[\"MZ-0001\"],\"version\":"
                        + department.getInt("version") + "}");
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        assertThat(items.body()).contains("MZ-0001");
        Api.Answer removed = api.delete(departmentMz + "/reviewers/" + czReviewer, county);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.body()).doesNotContain(czReviewer);
        assertThat(audited(yihe.code(), "department.reviewer.added")).isGreaterThanOrEqualTo(1);
        assertThat(audited(yihe.code(), "department.reviewer.removed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDepartmentsOfADivisionAreFoundByCodeOrNameAPageAtATime() throws Exception {
        // The demo county's departments, read only.
        String county = api.token("county.admin", PASSWORD);
        String departments = "api/v1/departments?tenant=370321000000";

        Api.Answer byName = api.get(departments + "&q=" + URLEncoder.encode("公安", StandardCharsets.UTF_8), county);
        Api.Answer byCode = api.get(departments + "&q=zrzy", county);
        Api.Answer none = api.get(departments + "&q=" + URLEncoder.encode("没有这个部门", StandardCharsets.UTF_8), county);
        Api.Answer all = api.get(departments, county);
        Api.Answer second = api.get(departments + "&first=1&size=1", county);

        assertThat(byName.json().asJsonArray())
                .extracting(d -> d.asJsonObject().getString("code"))
                .containsExactly("GA");
        assertThat(byCode.json().asJsonArray())
                .extracting(d -> d.asJsonObject().getString("code"))
                .containsExactly("ZRZY");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().asJsonArray()).isEmpty();
        assertThat(all.json().asJsonArray().size()).isGreaterThan(2);
        assertThat(second.json().asJsonArray())
                .extracting(d -> d.asJsonObject().getString("code"))
                .containsExactly(all.json().asJsonArray().get(1).asJsonObject().getString("code"));

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        new LoginPage(browser, base).open().logIn("county.admin", PASSWORD);
        browser.get(base.resolve("admin/places.xhtml").toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("places:departments"), "公安局"));
        WebElement query = browser.findElement(By.id("places:department-query"));
        query.sendKeys("自然资源");
        browser.findElement(By.id("places:department-search")).click();
        // The table is replaced by the search's answer: read it by its id each time (a read during the swap is stale)
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d ->
                        !d.findElement(By.id("places:departments")).getText().contains("公安局"));
        assertThat(browser.findElement(By.id("places:departments")).getText()).contains("ZRZY");
        query = browser.findElement(By.id("places:department-query"));
        query.clear();
        query.sendKeys("没有这个部门");
        browser.findElement(By.id("places:department-search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("places:departments"), "没有代码或名称含此内容的部门"));
        Browser.screenshot(browser, "places-departments-none");
    }

    /**
     * In the console, the county's administrator sets 起凤镇's centre's Monday hours with a lunch break and closes it
     * for two days (a closure overlapping them is refused in the dialog); the public guide of an item at 起凤镇 shows
     * both. The page fits a phone.
     */
    @Test
    void theCountyAdministratorSetsHoursAndAClosureAndThePublicGuideShowsThem() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        new LoginPage(browser, base).open().logIn(countyAdminName, TestCounty.PASSWORD);
        browser.get(base.resolve("admin/places.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("places:points")));
        assertThat(browser.findElement(By.id("subnav-places")).getAttribute("class"))
                .contains("ow-current");
        search(QIFENG_CENTRE);

        browser.findElement(By.id("places:points:0:edit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("places:point-name")));
        WebElement monday = browser.findElement(By.cssSelector(".ow-day[data-day='1']"));
        WebElement open = monday.findElement(By.cssSelector(".ui-chkbox-box"));
        if (!monday.findElement(By.cssSelector("input[type=checkbox]")).isSelected()) {
            open.click();
        }
        type(monday, "opens", "08:30");
        type(monday, "lunch-starts", "12:00");
        type(monday, "lunch-ends", "13:30");
        type(monday, "closes", "17:30");
        type(browser.findElement(By.id("places:point-dialog")), "point-phone", "0533-8281234");
        browser.findElement(By.id("places:save-point")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("places:point-name")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("places:points"), "周一 08:30-12:00, 13:30-17:30"));
        Browser.screenshot(browser, "places-hours");

        browser.findElement(By.id("places:points:0:closures")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("places:closure-first")));
        addClosure("2030-05-06", "2030-05-07", "测试闭厅：线路改造");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("places:closure-list"), "2030-05-06"));
        addClosure("2030-05-07", "2030-05-08", "测试重叠");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("places:closures-panel"), "有重叠的日期"));
        assertThat(browser.findElement(By.id("places:closure-list")).getText()).doesNotContain("测试重叠");
        Browser.screenshot(browser, "places-closure-refused");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            assertThat(StaffPage.fitsTheWindow(browser))
                    .as("the closures dialog fits 390 px")
                    .isTrue();
            Browser.screenshot(browser, "places-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }

        browser.get(base.resolve("catalog/guide.xhtml?tenant=" + QIFENG + "&item=MZ-0001")
                .toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("places")));
        String places = browser.findElement(By.id("places")).getText();
        Browser.screenshot(browser, "places-guide");
        assertThat(places)
                .contains("办理地点")
                .contains(QIFENG_CENTRE)
                .contains("周一 08:30-12:00, 13:30-17:30")
                .contains("咨询电话：0533-8281234")
                .contains("闭厅：2030-05-06至2030-05-07（测试闭厅：线路改造）");
        assertThat(guidePdf("MZ-0001", QIFENG)).contains("测试闭厅：线路改造");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void search(String text) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        WebElement query = browser.findElement(By.id("places:query"));
        query.clear();
        query.sendKeys(text);
        browser.findElement(By.id("places:search")).click();
        wait.until(
                d -> d.findElements(By.cssSelector("#places\\:points tbody tr")).size() == 1
                        && d.findElement(By.id("places:points")).getText().contains(text));
    }

    private static void type(WebElement within, String idEnd, String text) {
        WebElement input = within.findElement(By.cssSelector("input[id$='" + idEnd + "']"));
        input.clear();
        input.sendKeys(text);
    }

    private void addClosure(String first, String last, String reason) {
        WebElement dialog = browser.findElement(By.id("places:closures-dialog"));
        type(dialog, "closure-first", first);
        type(dialog, "closure-last", last);
        type(dialog, "closure-reason", reason);
        browser.findElement(By.id("places:add-closure")).click();
    }

    /** The id of the point named {@code name}, as the county's administrator finds it. */
    private UUID point(String token, String name) {
        Api.Answer found = api.get("api/v1/service-points?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8), token);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().asJsonArray().stream()
                .map(p -> p.asJsonObject())
                .filter(p -> p.getString("name").equals(name))
                .map(p -> UUID.fromString(p.getString("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point " + name + ": " + found.body()));
    }

    /** Sets the point's telephone and Monday hours as {@code token}; the answer's status. */
    private int describe(String token, UUID point) throws Exception {
        String county = yihe.adminToken();
        return api.putJson("api/v1/service-points/" + point, token, body(county, point, HOURS))
                .status();
    }

    /** A whole body for the point: its name, the test's telephone and {@code hours}, at its current version. */
    private String body(String countyToken, UUID point, String hours) throws Exception {
        Api.Answer current = api.get("api/v1/service-points/" + point, countyToken);
        if (current.status() != 200) {
            return "{\"name\":\"无\",\"version\":0," + hours + "}";
        }
        JsonObject p = current.json().asJsonObject();
        return "{\"name\":\"" + p.getString("name") + "\",\"contactPhone\":\"0533-8888888\"," + hours + ",\"version\":"
                + p.getInt("version") + "}";
    }

    private static String closure(String first, String last) {
        return "{\"firstDay\":\"" + first + "\",\"lastDay\":\"" + last + "\",\"reason\":\"测试闭厅\"}";
    }

    private Api.Answer takeIn(String clerk) {
        return takeIn(clerk, "");
    }

    /** An intake of 王秀英's 低保 application, {@code where} (members of the body, each ending in a comma) added. */
    private Api.Answer takeIn(String clerk, String where) {
        String body = "{" + where + "\"itemCode\":\"MZ-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\","
                + "\"idNumber\":\"370321195803121012\"},\"materials\":{"
                + "\"ID_CARD\":{\"kind\":\"GOVERNMENT_DATA\"},\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"PAPER_SEEN\"}}," + DemoFormAnswers.inBody("MZ-0001") + "}";
        return api.exchange(
                        "POST",
                        "api/v1/cases",
                        clerk,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        body)
                .answer();
    }

    private String guidePdf(String item, String tenant) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        base.resolve("api/v1/catalog/items/" + item + "/guide.pdf?tenant=" + tenant))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    private static String stored(UUID point) throws Exception {
        return selectText("select name || '|' || coalesce(contact_phone, '') || '|' || opening_hours || '|' || version"
                + " from service_point where id = '" + point + "'");
    }

    private static String windows(UUID point) throws Exception {
        return selectText("select coalesce(string_agg(name, ','), '') from service_window where service_point_id = '"
                + point + "'");
    }

    private static long closures(UUID point) throws Exception {
        return Long.parseLong(
                selectText("select count(*) from service_point_closure where service_point_id = '" + point + "'"));
    }

    private static long cases() throws Exception {
        return Long.parseLong(selectText("select count(*) from case_file where county_code = '" + yihe.code() + "'"));
    }

    /** The entries of the actions this class makes (a login or a background job may write others meanwhile). */
    private static long auditedAll() throws Exception {
        return Long.parseLong(selectText("select count(*) from audit_entry where county_code = '" + yihe.code()
                + "' and (action like 'service-point.%' or action like 'window.%' or action like 'department.%')"));
    }

    private static long audited(String tenant, String action) throws Exception {
        try (Connection su = TestDatabase.get().superuserConnection();
                PreparedStatement sql =
                        su.prepareStatement("select count(*) from audit_entry where tenant_code = ? and action = ?")) {
            sql.setString(1, tenant);
            sql.setString(2, action);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
