package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The tenant UI and the console in a real Chromium, over the demo county. */
class BrowserIT extends ShippedWarInBrowser {

    @Test
    void theCountyAdminAddsAVillageUnderQifengAndSeesItInTheTree() {
        // Arrange
        assertThat(new LoginPage(browser, base).open().logIn("county.admin", PASSWORD))
                .isEmpty();
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("桓台县");
        ConsolePage console = new ConsolePage(browser, base);
        console.select("370321106000");
        Browser.screenshot(browser, "console-qifeng");

        // Act
        String errors = console.addChild("370321106260", "凤鸣村", "村");

        // Assert
        assertThat(errors).isEmpty();
        assertThat(console.pageMessages()).contains("已添加").contains("凤鸣村");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(console.node("370321106260")));
        assertThat(console.shows("370321106260")).isTrue();
        Browser.screenshot(browser, "console-village-added");
    }

    @Test
    void aServicePointNamedWithRareCharactersIsStoredAsTypedWithoutTheSpacesAround() throws Exception {
        new LoginPage(browser, base).open().logIn("county.admin", PASSWORD);
        ConsolePage console = new ConsolePage(browser, base);
        console.select("370321106000");

        String errors = console.addServicePoint("\u3000𠮷家村便民服务站 ", "村（社区）便民服务站", "起凤镇𪚥家巷　3 号 Room 2");

        assertThat(errors).isEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("console:points"), "𠮷家村便民服务站"));
        assertThat(console.points()).contains("起凤镇𪚥家巷　3 号 Room 2");
        Browser.screenshot(browser, "console-rare-characters");
        try (var db = TestDatabase.get().superuserConnection();
                var sql = db.createStatement();
                var rs = sql.executeQuery(
                        "select name, address from service_point where tenant_code = '370321106000' and name like '%家村%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("name")).isEqualTo("𠮷家村便民服务站");
            assertThat(rs.getString("address")).isEqualTo("起凤镇𪚥家巷　3 号 Room 2");
        }
    }

    @Test
    void theCountyAdminReadsTheAuditTrailAndVerifiesIt() {
        new LoginPage(browser, base).open().logIn("county.admin", PASSWORD);
        browser.findElement(By.id("nav-audit")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit:entries")));
        assertThat(browser.findElement(By.id("audit:entries")).getText())
                .contains("login.succeeded")
                .contains("county.admin");

        browser.findElement(By.id("audit:verify")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
        assertThat(browser.findElement(By.id("verification")).getText()).contains("核验通过");
        Browser.screenshot(browser, "audit-verified");
    }

    @Test
    void aMalformedCodeIsExplainedInTheDialogAndNothingIsAdded() {
        new LoginPage(browser, base).open().logIn("qifeng.admin", PASSWORD);
        ConsolePage console = new ConsolePage(browser, base);

        String errors = console.addChild("37032110626", "短码村", "村");

        assertThat(errors).contains("12位数字");
        Browser.screenshot(browser, "console-bad-code");
        console.cancelDialog();
        assertThat(console.shows("37032110626")).isFalse();
        assertThat(new Api(base)
                        .get("api/v1/tenants?q=短码村", new Api(base).token("qifeng.admin", PASSWORD))
                        .body())
                .isEqualTo("[]");
    }

    @Test
    void theHuagouClerkSeesHuagouButCannotReachFumiao() {
        assertThat(new LoginPage(browser, base).open().logIn("huagou.clerk", PASSWORD))
                .isEmpty();
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("华沟村");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo("huagou.clerk");
        Browser.screenshot(browser, "home-huagou");

        browser.get(base.resolve("app/tenant.xhtml?code=370321106201").toString());
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("不在您的管辖范围内");
        assertThat(browser.getPageSource()).doesNotContain("付庙村");
        Browser.screenshot(browser, "tenant-fumiao-refused");

        browser.get(base.resolve("app/tenant.xhtml?code=370321106202").toString());
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("华沟村");

        browser.get(base.resolve("admin/tenants.xhtml").toString());
        assertThat(browser.getPageSource()).contains("无权访问").doesNotContain("付庙村");
    }

    @Test
    void aWrongPasswordIsRefusedInChinese() {
        String error = new LoginPage(browser, base).open().logIn("qifeng.clerk", "wrong-password");
        assertThat(error).isEqualTo("用户名或密码错误");
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
    }

    @Test
    void aProtectedPageAsksForLoginAndReturnsToIt() {
        browser.manage().deleteAllCookies();
        browser.get(base.resolve("app/tenant.xhtml?code=370321106202").toString());
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
        new LoginPage(browser, base).logIn("huagou.clerk", PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("app/tenant.xhtml?code=370321106202");
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("华沟村");
    }

    @Test
    void theLanguageSwitchesToEnglishAndLogoutEndsTheSession() {
        new LoginPage(browser, base).open().logIn("qifeng.clerk", PASSWORD);
        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Workbench"));
        Browser.screenshot(browser, "home-english");
        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "工作台"));

        String apiToken = api.token("qifeng.clerk", PASSWORD);
        browser.findElement(By.id("session-bar:logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("login.xhtml"));
        browser.get(base.resolve("app/home.xhtml").toString());
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
        assertThat(api.get("api/v1/me", apiToken).status())
                .as("a logout ends the account's bearer tokens too")
                .isEqualTo(401);
    }

    @Test
    void aChangeOfRolesEndsTheConsoleSessionAtOnce() {
        String countyAdmin = api.token("county.admin", PASSWORD);
        assertThat(api.postJson(
                                "api/v1/tenants/370321106000/accounts",
                                countyAdmin,
                                "{\"username\":\"session.probe\",\"password\":\"Probe-Password-1\","
                                        + "\"roles\":[\"CLERK\"]}")
                        .status())
                .isEqualTo(201);
        new LoginPage(browser, base).open().logIn("session.probe", "Probe-Password-1");
        browser.get(base.resolve("app/home.xhtml").toString());
        assertThat(browser.getCurrentUrl()).contains("app/home.xhtml");

        assertThat(api.putJson(
                                "api/v1/tenants/370321106000/accounts/session.probe/roles",
                                countyAdmin,
                                "{\"roles\":[\"WINDOW_LEAD\"]}")
                        .status())
                .isEqualTo(200);

        browser.get(base.resolve("app/home.xhtml").toString());
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
    }

    /**
     * The standard moves on under a town's adaptation (CAT-4), told in the console with the demo county: 起凤镇
     * (370321106000) promises 农村宅基地和建房审批 (NY-0001, statutory 20 days, standard promise 15) in 10 days; the
     * standards team shortens the standard promise to 12; the preview names 起凤镇; the county sees 起凤镇 with a
     * conflict pending; 起凤镇's administrator takes the standard, and the item then shows 12 days from the standard.
     * No other test touches NY-0001.
     */
    @Test
    void anEditorReworksADraftAndDiscardsItAfterConfirming() {
        // Arrange: a draft of 食品经营许可 that allows zero visits.
        new LoginPage(browser, base).open().logIn("standards.editor", PASSWORD);
        StandardsPage standards = new StandardsPage(browser, base);
        standards.open("XZSP-0002");
        String elements = standards.startDraft();
        standards.editElements(elements.replaceFirst("\"maxVisits\": \\d+", "\"maxVisits\": 0"));
        standards.saveDraft();

        // Act: the editor reopens the draft, changes it again and saves.
        String draft = standards.editDraft();
        assertThat(draft).contains("\"maxVisits\": 0");
        standards.editElements(draft.replace("\"maxVisits\": 0", "\"maxVisits\": 1"));
        standards.saveDraft();
        assertThat(standards.editDraft()).contains("\"maxVisits\": 1");
        Browser.screenshot(browser, "standards-draft-edit");
        standards.saveDraft();

        // Assert: discarding asks first, then the draft is gone and the version in force is untouched.
        assertThat(standards.discardDraft()).contains("放弃").contains("食品经营许可");
        assertThat(standards.messages()).contains("已放弃");
        assertThat(standards.draftVersion()).isEqualTo("无");
    }

    @Test
    void aStandardsUpdateConflictsWithQifengsPromiseAndQifengTakesTheStandardInTheConsole() {
        // Arrange: 起凤镇 adapts the promise in its catalog; a promise above the law is refused first.
        new LoginPage(browser, base).open().logIn("qifeng.admin", PASSWORD);
        CatalogPage catalog = new CatalogPage(browser, base);
        catalog.open("NY-0001");
        assertThat(catalog.value("promisedLimitDays")).isEqualTo("15");
        assertThat(catalog.source("promisedLimitDays")).isEqualTo("STANDARD");
        catalog.openOverride();
        assertThat(catalog.promise(25)).contains("承诺时限25个工作日不能超过法定时限20个工作日");
        Browser.screenshot(browser, "catalog-override-refused");
        assertThat(catalog.promise(10)).isEmpty();
        assertThat(catalog.value("promisedLimitDays")).isEqualTo("10");
        assertThat(catalog.source("promisedLimitDays")).isEqualTo("TOWN");
        assertThat(catalog.sourceLabel("promisedLimitDays")).isEqualTo("乡镇");
        Browser.screenshot(browser, "catalog-qifeng-item");

        // Act: the standards team drafts version 2 with a 12-day promise, compares, previews and publishes it.
        new LoginPage(browser, base).open().logIn("standards.editor", PASSWORD);
        StandardsPage standards = new StandardsPage(browser, base);
        standards.open("NY-0001");
        String elements = standards.startDraft();
        assertThat(elements).contains("\"promisedLimitDays\": 15");
        standards.editElements(elements.replace("\"promisedLimitDays\": 15", "\"promisedLimitDays\": 12"));
        standards.compare();
        assertThat(standards.changedRows()).contains("承诺时限").contains("15").contains("12");
        standards.saveDraft();
        standards.showChangedOnly();
        assertThat(standards.changedRows()).contains("承诺时限");
        Browser.screenshot(browser, "standards-diff");
        String impact = standards.previewImpact();
        assertThat(impact).contains("将产生冲突的区划").contains("起凤镇").contains("承诺时限");
        Browser.screenshot(browser, "standards-impact");
        assertThat(standards.askToPublish()).contains("第2版");
        Browser.screenshot(browser, "standards-publish-confirm");
        assertThat(standards.confirmPublish()).contains("已发布").contains("产生冲突1个");
        assertThat(standards.adoption()).contains("起凤镇").contains("有冲突待处理");
        assertThat(standards.publications()).contains("NY-0001").contains("已完成").contains("standards.editor");
        Browser.screenshot(browser, "standards-publications");

        new LoginPage(browser, base).open().logIn("county.admin", PASSWORD);
        CatalogPage county = new CatalogPage(browser, base);
        assertThat(county.adoption()).contains("起凤镇").contains("有冲突待处理");
        Browser.screenshot(browser, "catalog-county-adoption");

        // Assert: 起凤镇 sees the conflict, takes the standard after confirming, and its catalog follows it.
        new LoginPage(browser, base).open().logIn("qifeng.admin", PASSWORD);
        ConflictsPage conflicts = new ConflictsPage(browser, base);
        Browser.screenshot(browser, "conflicts-qifeng");
        assertThat(conflicts.row("NY-0001", "promisedLimitDays"))
                .contains("农村宅基地")
                .contains("承诺时限")
                .contains("15")
                .contains("12")
                .contains("10");
        assertThat(conflicts.askToTakeStandard("NY-0001", "promisedLimitDays"))
                .contains("12")
                .contains("10")
                .contains("放弃");
        Browser.screenshot(browser, "conflicts-take-confirm");
        conflicts.confirm();
        assertThat(conflicts.pageMessages()).contains("现生效值为“12”").contains("来源：标准");
        assertThat(conflicts.row("NY-0001", "promisedLimitDays")).isEmpty();
        Browser.screenshot(browser, "conflicts-resolved");

        CatalogPage after = new CatalogPage(browser, base);
        after.open("NY-0001");
        assertThat(after.value("promisedLimitDays")).isEqualTo("12");
        assertThat(after.source("promisedLimitDays")).isEqualTo("STANDARD");
        Browser.screenshot(browser, "catalog-qifeng-after");
    }
}
