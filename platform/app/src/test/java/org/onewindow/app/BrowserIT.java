package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.onewindow.testing.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tenant UI and the console in a real Chromium, in a county of this class's own ({@link TestCounty} 邹平县,
 * numbered as the demo county): its administrator, its town 起凤镇 (106) with the villages 付庙村 (201) and 华沟村
 * (202), 起凤镇's administrator and clerk, 华沟村's clerk, and a standards editor. The standard catalog is shared by
 * every county: a test that drafts or publishes a demo item leaves it as the demo has it, also when it stops half-way.
 */
class BrowserIT extends ShippedWarInBrowser {

    /** 邹平县, this class's own: the divisions, accounts, calendar and overrides its tests add no other class reads. */
    static TestCounty zouping;

    static String COUNTY_NAME;
    static String QIFENG;
    static String FUMIAO;
    static String HUAGOU;
    static String countyAdmin;
    static String qifengAdmin;
    static String qifengClerk;
    static String huagouClerk;
    static String standardsEditor;

    /** The demo items a test drafts or publishes, with their standard's elements as the demo has them. */
    private final Map<String, JsonObject> demoItems = new LinkedHashMap<>();

    /** The county, its town and villages with the departments the standard items name, and its staff. */
    @BeforeEach
    void ownCounty() {
        if (zouping != null) {
            return;
        }
        zouping = TestCounty.named("邹平县")
                .town(106, "起凤镇", "付庙村", "华沟村")
                .backOffice()
                .make(api);
        COUNTY_NAME = zouping.name();
        QIFENG = zouping.code("起凤镇");
        FUMIAO = zouping.code("付庙村");
        HUAGOU = zouping.code("华沟村");
        countyAdmin = zouping.admin();
        qifengAdmin = zouping.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        qifengClerk = zouping.clerk("起凤镇", "qifeng.clerk");
        huagouClerk = zouping.clerk("华沟村", "huagou.clerk");
        standardsEditor = zouping.standardsEditor("standards.editor");
    }

    @Test
    void theCountyAdminAddsAVillageUnderQifengAndSeesItInTheTree() {
        // Arrange
        assertThat(new LoginPage(browser, base).open().logIn(countyAdmin, PASSWORD))
                .isEmpty();
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo(COUNTY_NAME);
        ConsolePage console = new ConsolePage(browser, base);
        console.select(QIFENG);
        Browser.screenshot(browser, "console-qifeng");

        // Act
        String fengming = zouping.prefix() + "106260";
        String errors = console.addChild(fengming, "凤鸣村", "村");

        // Assert
        assertThat(errors).isEmpty();
        assertThat(console.pageMessages()).contains("已添加").contains("凤鸣村");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(console.node(fengming)));
        assertThat(console.shows(fengming)).isTrue();
        Browser.screenshot(browser, "console-village-added");
    }

    /**
     * Issue 11's story: the county's administrator creates a clerk for 华沟村 in the console, offered only the roles it
     * may grant there; the clerk logs in with the initial password, is sent to choose a new one before anything else,
     * and then works. The console fits a phone.
     */
    @Test
    void theCountyAdminCreatesAClerkForHuagouWhoMustChangeTheInitialPassword() {
        // Arrange
        new LoginPage(browser, base).open().logIn(countyAdmin, PASSWORD);
        StaffPage staff = new StaffPage(browser, base);
        // The list is searched, as the administrator of a county with more accounts than a page holds would.
        staff.search("huagou");
        assertThat(staff.table()).contains(huagouClerk).contains("窗口人员").doesNotContain("CLERK");
        Browser.screenshot(browser, "staff-list");

        // Act: the new account, for 华沟村, with the village's window.
        staff.openCreate();
        staff.chooseTenant("华沟", HUAGOU);
        assertThat(staff.offered("roles"))
                .contains("窗口人员", "审批人员", "窗口负责人", "区划管理员")
                .doesNotContain("县级管理员")
                .doesNotContain("审计员");
        String newClerk = zouping.username("hg.newclerk");
        staff.fill(newClerk, "华沟村新代办员", "Initial-Pass-1");
        staff.tick("roles", "窗口人员");
        staff.tick("windows", "华沟村便民服务站 · 综合受理窗口");
        Browser.screenshot(browser, "staff-create");
        assertThat(staff.save()).isEmpty();

        // Assert: in the list, in words, waiting for its holder to change the password.
        assertThat(staff.pageMessages()).contains("已为华沟村（" + HUAGOU + "）新建账号");
        staff.search(newClerk);
        assertThat(staff.table()).contains("华沟村新代办员").contains("窗口人员").contains("待改初始密码");
        Browser.screenshot(browser, "staff-created");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.navigate().refresh();
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("staff:accounts")));
            assertThat(StaffPage.fitsTheWindow(browser))
                    .as("the staff page fits 390 px")
                    .isTrue();
            Browser.screenshot(browser, "staff-list-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }

        // The clerk's first login asks for a new password, and nothing else opens until then.
        new LoginPage(browser, base).open();
        browser.findElement(By.id("login:username")).sendKeys(newClerk);
        browser.findElement(By.id("login:password")).sendKeys("Initial-Pass-1\n");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.urlContains("password.xhtml"));
        assertThat(browser.findElement(By.id("password-why")).getText()).contains("由管理员设置");
        Browser.screenshot(browser, "password-change");
        assertThat(api.tokenAnswer(newClerk, "Initial-Pass-1").status()).isEqualTo(403);
        browser.findElement(By.id("password:current")).sendKeys("Initial-Pass-1");
        browser.findElement(By.id("password:new")).sendKeys("Initial-Pass-1");
        browser.findElement(By.id("password:repeat")).sendKeys("Initial-Pass-1\n");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertThat(browser.findElement(By.cssSelector(".ui-messages-error")).getText())
                .contains("新密码不能与当前密码相同");

        browser.findElement(By.id("password:current")).sendKeys("Initial-Pass-1");
        browser.findElement(By.id("password:new")).sendKeys("Huagou-Own-Pass-2");
        browser.findElement(By.id("password:repeat")).sendKeys("Huagou-Own-Pass-2\n");
        wait.until(ExpectedConditions.urlContains("/app/home.xhtml"));
        assertThat(browser.findElement(By.id("who")).getText())
                .contains("华沟村新代办员")
                .contains("华沟村");
        Browser.screenshot(browser, "password-changed-home");
        assertThat(api.tokenAnswer(newClerk, "Huagou-Own-Pass-2").status()).isEqualTo(200);
    }

    /** The county's calendar takes the year's notice in the console; the audit trail says so in words. */
    @Test
    void theCountyAdminImportsTheNoticeAndFindsItInTheAuditTrail() throws Exception {
        new LoginPage(browser, base).open().logIn(countyAdmin, PASSWORD);
        browser.get(base.resolve("admin/calendar.xhtml").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar:days")));
        assertThat(browser.findElement(By.id("calendar:days")).getText())
                .contains("春节")
                .contains("调休上班")
                .doesNotContain("WORKDAY");

        // The notice of shared/data, as the kernel ships it byte for byte.
        Path notice = Path.of("target", "cn-holidays-2026.csv");
        try (var in = BrowserIT.class.getResourceAsStream("/org/onewindow/kernel/calendar/cn-holidays-2026.csv")) {
            Files.write(notice, in.readAllBytes());
        }
        browser.findElement(By.id("calendar:upload_input"))
                .sendKeys(notice.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar:upload-panel"), "已导入"));
        assertThat(browser.findElement(By.id("calendar:upload-panel")).getText())
                .contains("共39天");
        assertThat(browser.findElement(By.id("year-state")).getText()).contains("已导入");
        Browser.screenshot(browser, "calendar-imported");

        browser.get(base.resolve("admin/audit.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit:entries")));
        String trail = browser.findElement(By.id("audit:entries")).getText();
        assertThat(trail).contains("工作日历：导入年度通知").contains("年份：2026").doesNotContain("calendar.notice.imported");
        browser.findElement(By.id("audit:actor")).sendKeys("nobody.at.all");
        browser.findElement(By.id("audit:filter")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:entries"), "没有"));
        Browser.screenshot(browser, "audit-filtered-empty");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("admin/audit.xhtml", "admin/calendar.xhtml", "admin/tenants.xhtml")) {
                browser.get(base.resolve(page).toString());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ow-subnav")));
                assertThat(StaffPage.fitsTheWindow(browser))
                        .as(page + " fits 390 px")
                        .isTrue();
                Browser.screenshot(browser, page.replace("admin/", "").replace(".xhtml", "") + "-phone");
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void aServicePointNamedWithRareCharactersIsStoredAsTypedWithoutTheSpacesAround() throws Exception {
        new LoginPage(browser, base).open().logIn(countyAdmin, PASSWORD);
        ConsolePage console = new ConsolePage(browser, base);
        console.select(QIFENG);

        String errors = console.addServicePoint("\u3000𠮷家村便民服务站 ", "村（社区）便民服务站", "起凤镇𪚥家巷　3 号 Room 2");

        assertThat(errors).isEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("console:points"), "𠮷家村便民服务站"));
        assertThat(console.points()).contains("起凤镇𪚥家巷　3 号 Room 2");
        Browser.screenshot(browser, "console-rare-characters");
        try (var db = TestDatabase.get().superuserConnection();
                var sql = db.createStatement();
                var rs = sql.executeQuery("select name, address from service_point where tenant_code = '" + QIFENG
                        + "' and name like '%家村%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("name")).isEqualTo("𠮷家村便民服务站");
            assertThat(rs.getString("address")).isEqualTo("起凤镇𪚥家巷　3 号 Room 2");
        }
    }

    @Test
    void theCountyAdminReadsTheAuditTrailAndVerifiesIt() throws Exception {
        // Arrange: 起凤镇's centre has its opening hours set, as the demo county's points have.
        String token = zouping.adminToken();
        String centre = "api/v1/service-points/" + zouping.point("起凤镇");
        int version = api.get(centre, token).json().asJsonObject().getInt("version");
        Api.Answer hours = api.putJson(
                centre,
                token,
                "{\"name\":\"" + zouping.pointName("起凤镇") + "\",\"version\":" + version
                        + ",\"openingHours\":[{\"day\":\"MONDAY\",\"opens\":\"08:30\",\"closes\":\"17:30\"}]}");
        assertThat(hours.status()).as(hours.body()).isEqualTo(200);
        new LoginPage(browser, base).open().logIn(countyAdmin, PASSWORD);
        browser.findElement(By.id("nav-audit")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit:entries")));
        assertThat(browser.findElement(By.id("audit:entries")).getText())
                .contains("登录成功")
                .doesNotContain("login.succeeded")
                .as("the actor by name, the username in the title")
                .contains("县管理员")
                .contains(COUNTY_NAME);

        // Objects by name (issue 7 §5): the service points, filtered as a kind of object, by their names, their ids
        // and those of their windows nowhere in the table.
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("PrimeFaces.getWidgetById('audit:subject-type').selectValue('service-point')");
        browser.findElement(By.id("audit:filter")).click();
        wait.until(d -> !d.findElement(By.id("audit:entries")).getText().contains("登录成功"));
        String points = browser.findElement(By.id("audit:entries")).getText();
        assertThat(points)
                .as("no id where a name is known")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .doesNotContain("{\"")
                .doesNotContain("openingHours")
                .doesNotContain("MONDAY")
                .containsPattern("服务场所 \\S+便民服务(站|中心)")
                .contains("办公时间");
        Browser.screenshot(browser, "audit-service-points");
        browser.findElement(By.id("audit:clear")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:entries"), "登录成功"));

        browser.findElement(By.id("audit:verify")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
        assertThat(browser.findElement(By.id("verification")).getText()).contains("核验通过");
        Browser.screenshot(browser, "audit-verified");
    }

    /**
     * PrimeFaces' select menu lost an option clicked before its opening animation ended, with a TypeError in the
     * console (staff.js mends it); the browser console is checked after every test.
     */
    @Test
    void anOptionClickedWhileTheMenuIsStillOpeningIsTaken() {
        new LoginPage(browser, base).open().logIn(qifengAdmin, PASSWORD);
        ConsolePage console = new ConsolePage(browser, base);

        String shown = console.chooseLevelWhileTheMenuOpens("村");

        assertThat(shown).isEqualTo("村");
        console.cancelDialog();
    }

    @Test
    void aMalformedCodeIsExplainedInTheDialogAndNothingIsAdded() {
        new LoginPage(browser, base).open().logIn(qifengAdmin, PASSWORD);
        ConsolePage console = new ConsolePage(browser, base);

        String shortCode = zouping.prefix() + "10626";
        String errors = console.addChild(shortCode, "短码村", "村");

        assertThat(errors).contains("12位数字");
        Browser.screenshot(browser, "console-bad-code");
        console.cancelDialog();
        assertThat(console.shows(shortCode)).isFalse();
        assertThat(new Api(base)
                        .get("api/v1/tenants?q=短码村", new Api(base).token(qifengAdmin, PASSWORD))
                        .body())
                .isEqualTo("[]");
    }

    @Test
    void theHuagouClerkSeesHuagouButCannotReachFumiao() {
        assertThat(new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD))
                .isEmpty();
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("华沟村");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(huagouClerk);
        Browser.screenshot(browser, "home-huagou");

        browser.get(base.resolve("app/tenant.xhtml?code=" + FUMIAO).toString());
        assertThat(browser.findElement(By.id("not-found")).getText()).contains("不在您的管辖范围内");
        assertThat(browser.getPageSource()).doesNotContain("付庙村");
        Browser.screenshot(browser, "tenant-fumiao-refused");

        browser.get(base.resolve("app/tenant.xhtml?code=" + HUAGOU).toString());
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("华沟村");

        browser.get(base.resolve("admin/tenants.xhtml").toString());
        assertThat(browser.getPageSource()).contains("无权访问").doesNotContain("付庙村");
    }

    @Test
    void aScriptInjectedIntoAPageDoesNotRunWhileThePagesOwnScriptsDo() {
        new LoginPage(browser, base).open();
        // The page's own scripts ran: PrimeFaces is loaded and its login button is wired.
        assertThat(browser.executeScript("return typeof PrimeFaces")).isEqualTo("object");
        // What an XSS would add: a script element without the response's nonce, and an inline handler.
        browser.executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                + " document.body.appendChild(s);"
                + " var i = document.createElement('img'); i.setAttribute('onerror', 'window.injected = 2');"
                + " i.src = 'data:,'; document.body.appendChild(i);");
        List<String> refused = new ArrayList<>();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(b -> {
            refused.addAll(Browser.scriptProblems(browser));
            return refused.size() >= 2;
        });
        assertThat(refused).allSatisfy(line -> assertThat(line).contains("Content Security Policy"));
        assertThat(browser.executeScript("return window.injected")).isNull();
    }

    @Test
    void aWrongPasswordIsRefusedInChinese() {
        String error = new LoginPage(browser, base).open().logIn(qifengClerk, "wrong-password");
        assertThat(error).isEqualTo("用户名或密码错误");
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
    }

    @Test
    void aProtectedPageAsksForLoginAndReturnsToIt() {
        browser.manage().deleteAllCookies();
        browser.get(base.resolve("app/tenant.xhtml?code=" + HUAGOU).toString());
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
        new LoginPage(browser, base).logIn(huagouClerk, PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("app/tenant.xhtml?code=" + HUAGOU);
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("华沟村");
    }

    @Test
    void theLanguageSwitchesToEnglishAndLogoutEndsTheSession() {
        new LoginPage(browser, base).open().logIn(qifengClerk, PASSWORD);
        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                // The heading read while the switched page replaces the old one is read again.
                .ignoring(
                        org.openqa.selenium.StaleElementReferenceException.class,
                        org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Workbench"));
        Browser.screenshot(browser, "home-english");
        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                // The heading read while the switched page replaces the old one is read again.
                .ignoring(
                        org.openqa.selenium.StaleElementReferenceException.class,
                        org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "工作台"));

        String apiToken = api.token(qifengClerk, PASSWORD);
        browser.findElement(By.id("session-bar:logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("login.xhtml"));
        browser.get(base.resolve("app/home.xhtml").toString());
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
        assertThat(api.get("api/v1/me", apiToken).status())
                .as("a logout ends the account's bearer tokens too")
                .isEqualTo(401);
    }

    /**
     * An administrator's own row in the staff list offers none of the acts the kernel refuses on one's own account
     * (403 account.manage.own / account.roles.own): it says why instead; the row of a clerk it manages keeps them.
     */
    @Test
    void anAdministratorsOwnRowOffersNoActionAndSaysWhy() {
        assertThat(new LoginPage(browser, base).open().logIn(qifengAdmin, PASSWORD))
                .isEmpty();
        StaffPage staff = new StaffPage(browser, base);

        staff.search("qifeng.");

        org.openqa.selenium.WebElement own = staffRow(qifengAdmin);
        assertThat(own.findElements(By.cssSelector("td.ow-actions button")))
                .as("no button on one's own row")
                .isEmpty();
        org.openqa.selenium.WebElement why = own.findElement(By.cssSelector(".ow-own"));
        assertThat(why.getText()).isEqualTo("本人账号");
        assertThat(why.getAttribute("title")).contains("不能在这里修改自己的账号").contains("上级管理员");
        org.openqa.selenium.WebElement clerk = staffRow(qifengClerk);
        assertThat(clerk.findElements(By.cssSelector("button[id$=':disable']"))).hasSize(1);
        assertThat(clerk.findElements(By.cssSelector("button[id$=':edit']"))).hasSize(1);
        assertThat(clerk.findElements(By.cssSelector(".ow-own"))).isEmpty();
        Browser.screenshot(browser, "staff-own-row");
    }

    /**
     * Leaves each demo item a test drafted or published as the demo has it, for the classes that read it after this
     * one, also when the test stopped half-way.
     */
    @AfterEach
    void leaveTheDemoItemsAsTheDemoHasThem() {
        demoItems.forEach(standards()::leaveAsTheDemoHasIt);
    }

    /** The shared standard as 邹平县 reads it (it adapts no item itself, its town does), put back by its editor. */
    private DemoStandards standards() {
        return new DemoStandards(api, zouping.token(standardsEditor), zouping.code());
    }

    /** The row of the staff list showing {@code username}. */
    private org.openqa.selenium.WebElement staffRow(String username) {
        return browser.findElement(
                By.xpath("//*[@id='staff:accounts']//tr[.//span[@class='ow-username' and text()='" + username + "']]"));
    }

    @Test
    void aChangeOfRolesEndsTheConsoleSessionAtOnce() {
        String countyToken = zouping.adminToken();
        String probe = zouping.username("session.probe");
        assertThat(api.postJson(
                                "api/v1/tenants/" + QIFENG + "/accounts",
                                countyToken,
                                "{\"username\":\"" + probe + "\",\"password\":\"Probe-Password-1\","
                                        + "\"roles\":[\"CLERK\"]}")
                        .status())
                .isEqualTo(201);
        new LoginPage(browser, base).open().logIn(probe, "Probe-Password-1");
        browser.get(base.resolve("app/home.xhtml").toString());
        assertThat(browser.getCurrentUrl()).contains("app/home.xhtml");

        assertThat(api.putJson(
                                "api/v1/tenants/" + QIFENG + "/accounts/" + probe + "/roles",
                                countyToken,
                                "{\"roles\":[\"WINDOW_LEAD\"]}")
                        .status())
                .isEqualTo(200);

        browser.get(base.resolve("app/home.xhtml").toString());
        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
    }

    /**
     * The standard moves on under a town's adaptation (CAT-4), told in the console with the class's county: 起凤镇
     * promises 农村宅基地和建房审批 (NY-0001, statutory 20 days, standard promise 15) in 10 days; the
     * standards team shortens the standard promise to 12; the preview names 起凤镇; the county sees 起凤镇 with a
     * conflict pending; 起凤镇's administrator takes the standard, and the item then shows 12 days from the standard.
     * The standard is put back as the demo has it afterwards, for the classes that read it.
     */
    @Test
    void anEditorReworksADraftAndDiscardsItAfterConfirming() {
        // Arrange: a draft of 食品经营许可 that allows zero visits.
        demoItems.put("XZSP-0002", standards().standard("XZSP-0002"));
        new LoginPage(browser, base).open().logIn(standardsEditor, PASSWORD);
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
        demoItems.put("NY-0001", standards().standard("NY-0001"));
        new LoginPage(browser, base).open().logIn(qifengAdmin, PASSWORD);
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
        new LoginPage(browser, base).open().logIn(standardsEditor, PASSWORD);
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
        assertThat(standards.publications()).contains("NY-0001").contains("已完成").contains(standardsEditor);
        Browser.screenshot(browser, "standards-publications");

        new LoginPage(browser, base).open().logIn(countyAdmin, PASSWORD);
        CatalogPage county = new CatalogPage(browser, base);
        assertThat(county.adoption()).contains("起凤镇").contains("有冲突待处理");
        Browser.screenshot(browser, "catalog-county-adoption");

        // Assert: 起凤镇 sees the conflict, takes the standard after confirming, and its catalog follows it.
        new LoginPage(browser, base).open().logIn(qifengAdmin, PASSWORD);
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

    @Test
    void qifengAddsAnOptionalLocalFieldToAnItemsApplicationFormInTheConsoleAndABadCodeChangesNothing() {
        // Arrange: 起凤镇's administrator opens 城乡居民基本养老保险参保登记, whose standard has an application form
        new LoginPage(browser, base).open().logIn(qifengAdmin, PASSWORD);
        CatalogPage catalog = new CatalogPage(browser, base);
        catalog.open("RS-0001");
        catalog.openOverride();
        assertThat(catalog.localFieldCodes()).isEmpty();

        // Act 1: a code that is not one (a space, a Chinese word) is refused at save, and nothing is stored
        catalog.addLocalField("村民 小组", "村民小组", "select", "第一组、第二组、第三组");
        Browser.screenshot(browser, "catalog-override-local-field");
        assertThat(catalog.saveOverride()).contains("extraFormFields[0].code").contains("应以字母开头");
        assertThat(catalog.has("extraFormFields")).isFalse();

        // Act 2: with a code, saved
        catalog.retypeLocalFieldCode(0, "villageGroup");
        assertThat(catalog.saveOverride()).isEmpty();

        // Assert: the item has the town's field, optional, with its options; the dialog shows it again
        assertThat(catalog.value("extraFormFields")).contains("村民小组");
        assertThat(catalog.source("extraFormFields")).isEqualTo("TOWN");
        catalog.openOverride();
        assertThat(catalog.localFieldCodes()).containsExactly("villageGroup");
        Browser.screenshot(browser, "catalog-override-local-field-saved");

        // Taken off again, the item's form is the standard's (and the other tests' forms stay as they are)
        catalog.removeLocalField(0);
        assertThat(catalog.saveOverride()).isEmpty();
        assertThat(catalog.has("extraFormFields")).isFalse();
    }

    @Test
    void aFormPostedToTheApiFromAnotherSiteWhileTheAdminIsLoggedInChangesNothing() {
        // Arrange: the county's administrator is logged in to the console in this browser.
        assertThat(new LoginPage(browser, base).open().logIn(countyAdmin, PASSWORD))
                .isEmpty();
        String village = zouping.prefix() + "106287";
        String target = base.resolve("api/v1/tenants/import").toString();
        // Act: a page of another origin posts a division list as a text/plain form (no CORS preflight).
        String attack = "<form method='post' enctype='text/plain' action='" + target + "'>"
                + "<input name='code,parent_code,level,name&#10;" + village + "," + QIFENG + ",VILLAGE,跨站村&#10;x'"
                + " value='y'></form><script>document.forms[0].submit()</script>";
        browser.get("data:text/html;charset=utf-8,"
                + java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(target));

        // Assert: refused as unauthenticated (the session does not authenticate the API), nothing imported.
        assertThat(browser.getPageSource()).contains("token.missing");
        Browser.screenshot(browser, "cross-site-post-refused");
        Api api = new Api(base);
        assertThat(api.get("api/v1/tenants/" + village, api.token(countyAdmin, PASSWORD))
                        .status())
                .isEqualTo(404);
    }
}
