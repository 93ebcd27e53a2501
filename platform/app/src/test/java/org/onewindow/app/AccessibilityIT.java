package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 7's accessibility bar (GB/T 37668-2019, WCAG 2.1 AA): axe-core's automated check finds no violation on any
 * public page, nor on any staff page as the user who works there sees it, at the desktop's width and at 390 px; and a
 * citizen can switch the public pages to large text (大字版, the 适老化 rules), which the next page remembers.
 *
 * <p>In a county of this class's own ({@link TestCounty} 沂南县, numbered as the demo county, with its back office): the
 * accounts it logs in as and the cases its pages show are made there.
 */
class AccessibilityIT extends ShippedWarInBrowser {

    /** 沂南县, this class's own: its 华沟村 takes in and decides the cases the pages show. */
    static TestCounty yinan;

    static String HUAGOU;
    static String QIFENG;
    static String countyAdmin;
    static String huagouClerk;
    static String huagouReviewer;
    static String standardsEditor;
    static String countyAuditor;

    WebDriverWait wait;

    /** The county, its towns and villages with their back office, and the staff who log in or decide. */
    @BeforeEach
    void ownCounty() {
        if (yinan != null) {
            return;
        }
        yinan = TestCounty.named("沂南县").demoTowns().backOffice().make(api);
        HUAGOU = yinan.code("华沟村");
        QIFENG = yinan.code("起凤镇");
        countyAdmin = yinan.admin();
        huagouClerk = yinan.clerk("华沟村", "huagou.clerk");
        huagouReviewer = yinan.reviewer("华沟村", "huagou.reviewer", "CWH");
        yinan.reviewer("起凤镇", "qifeng.reviewer", "SHSW");
        yinan.reviewer(yinan.name(), "mz.reviewer", "MZ");
        standardsEditor = yinan.standardsEditor("standards.editor");
        countyAuditor = yinan.staff(yinan.name(), "county.auditor", Set.of("AUDITOR"));
    }

    @BeforeEach
    void anonymousAtTheDesktop() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(AccessibilityCheck.DESKTOP);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void everyPublicPageHasNoViolation() {
        String[] accepted = acceptDibaoAtHuagou();
        AccessibilityCheck axe = new AccessibilityCheck(browser);

        open("", By.id("find-service"));
        axe.check("start page");
        new LoginPage(browser, base).open();
        axe.check("login");
        open("catalog/index.xhtml", By.id("search"));
        axe.check("catalog without a place");
        open("catalog/index.xhtml?tenant=" + HUAGOU, By.id("results"));
        axe.check("catalog of 华沟村");
        open("catalog/guide.xhtml?tenant=" + HUAGOU + "&item=RS-0001", By.id("guide"));
        axe.check("guide RS-0001");
        browser.findElement(By.id("public-bar:lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("materials"), "Materials"));
        axe.check("guide RS-0001 in English");
        browser.findElement(By.id("public-bar:lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("materials"), "申请材料"));
        open("progress.xhtml", By.id("lookup"));
        axe.check("progress, empty");
        open("progress.xhtml?number=" + accepted[0] + "&code=" + accepted[1], By.id("progress"));
        axe.check("progress with a case");
        open("progress.xhtml?number=" + accepted[0] + "&code=ZZZZZZ", By.id("not-found"));
        axe.check("progress, not found");

        assertThat(axe.violations()).as("violations on %s", axe.checked()).isEmpty();
    }

    @Test
    void everyPageOfTheFrontWindowHasNoViolation() {
        String number = acceptDibaoAtHuagou()[0];
        DibaoCases dibao = new DibaoCases(api, yinan);
        String decided = dibao.decided("吴淑芬", "符合最低生活保障条件");
        String awaitingPickup = dibao.decided("郑桂香", "符合最低生活保障条件");
        assertThat(api.postJson(
                                "api/v1/cases/" + awaitingPickup + "/delivery",
                                dibao.token("huagou.clerk"),
                                "{\"mode\":\"INTAKE_WINDOW\"}")
                        .status())
                .isEqualTo(200);
        AccessibilityCheck axe = new AccessibilityCheck(browser);

        logIn(huagouClerk);
        axe.check("clerk home");
        open("app/tenant.xhtml?code=" + HUAGOU, By.id("tenant"));
        axe.check("tenant page");
        open("clerk/cases/intake.xhtml", By.id("find:q"));
        axe.check("intake, nothing chosen");
        new ClerkIntakePage(browser).find("低保").pickFocused();
        axe.check("intake with 低保 chosen");
        open("clerk/cases/index.xhtml", By.cssSelector("[id$='cases']"));
        axe.check("cases list");
        assertRows("cases");
        open("clerk/cases/case.xhtml?number=" + number, By.id("case-number"));
        axe.check("case page");
        open("clerk/cases/case.xhtml?number=" + decided, By.id("issuance-card"));
        browser.findElement(By.id("issuance:mode:2")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issuance:address")));
        axe.check("case page, the result to hand out by post");
        open("clerk/cases/case.xhtml?number=" + awaitingPickup, By.id("pickup:check-pickup"));
        browser.findElement(By.id("pickup:collector:1")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pickup:authorisation")));
        axe.check("case page, the pickup by an agent");
        open("password.xhtml", By.id("password:current"));
        axe.check("password page");

        logIn(huagouReviewer);
        open("clerk/tasks/queue.xhtml", By.id("queue:tasks"));
        axe.check("task queue of a reviewer");
        assertRows("queue:tasks");

        assertThat(axe.violations()).as("violations on %s", axe.checked()).isEmpty();
    }

    @Test
    void everyConsolePageHasNoViolationWithItsItemsAndDialogsOpen() {
        AccessibilityCheck axe = new AccessibilityCheck(browser);

        logIn(countyAdmin);
        ConsolePage tenants = new ConsolePage(browser, base);
        axe.check("console tenants");
        tenants.select(QIFENG);
        browser.findElement(By.id("console:open-add-child")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console:child-code")));
        axe.check("console tenants, adding a village");
        CatalogPage catalog = new CatalogPage(browser, base);
        axe.check("console catalog");
        catalog.open("RS-0001");
        catalog.openOverride();
        axe.check("console catalog, RS-0001 overriding");
        new ConflictsPage(browser, base);
        axe.check("console conflicts");
        ProcessTemplatesPage processes = new ProcessTemplatesPage(browser, base);
        axe.check("console processes");
        processes.select(processes.keys().get(0));
        axe.check("console processes, a template");
        StaffPage staff = new StaffPage(browser, base);
        axe.check("console staff");
        assertRows("staff:accounts");
        staff.openCreate();
        axe.check("console staff, a new account");
        browser.navigate().refresh();
        staff = new StaffPage(browser, base);
        staff.previewList(listWithABadRow());
        axe.check("console staff, a list previewed");
        assertRows("staff-import:report");
        open("admin/calendar.xhtml", By.id("calendar:days"));
        axe.check("console calendar");
        assertRows("calendar:days");
        open("admin/settings.xhtml", By.id("settings:table"));
        axe.check("console settings");
        assertRows("settings:table");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("settings:table:0:edit")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings:setting-value")));
        axe.check("console settings, editing a value");
        open("admin/places.xhtml", By.id("places:points"));
        axe.check("console service points");
        assertRows("places:points");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("places:points:0:edit")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("places:point-name")));
        axe.check("console service points, editing a point's hours");

        logIn(standardsEditor);
        new StandardsPage(browser, base).open("RS-0001");
        axe.check("console standards, RS-0001");
        logIn(countyAuditor);
        open("admin/audit.xhtml", By.id("audit:filter"));
        axe.check("console audit");
        assertRows("audit:entries");

        assertThat(axe.violations()).as("violations on %s", axe.checked()).isEmpty();
    }

    /**
     * 大字版: the toggle in the public bar enlarges the text of the page, the next public page opens large too (the
     * choice is kept in the browser, set by a script file, not inline), and the toggle switches it back.
     */
    @Test
    void aCitizenSwitchesToLargeTextAndTheNextPageKeepsIt() {
        browser.manage().window().setSize(AccessibilityCheck.PHONE);
        open("catalog/index.xhtml?tenant=" + HUAGOU, By.id("results"));
        double normal = bodyTextPixels();
        WebElement toggle = browser.findElement(By.id("large-text"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getText()).isEqualTo("大字版");
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");

        toggle.click();

        wait.until(d -> bodyTextPixels() > normal);
        assertThat(bodyTextPixels()).isGreaterThanOrEqualTo(normal * 1.2);
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        Browser.screenshot(browser, "public-catalog-large-text-phone");
        assertThat(new AccessibilityCheck(browser)
                        .check("catalog in large text")
                        .violations())
                .isEmpty();

        open("catalog/guide.xhtml?tenant=" + HUAGOU + "&item=RS-0001", By.id("guide"));
        browser.manage().window().setSize(AccessibilityCheck.PHONE);
        assertThat(bodyTextPixels()).as("the next page remembers").isGreaterThanOrEqualTo(normal * 1.2);
        Browser.screenshot(browser, "public-guide-large-text-phone");

        browser.findElement(By.id("large-text")).click();
        wait.until(d -> bodyTextPixels() == normal);
        assertThat(browser.findElement(By.id("large-text")).getAttribute("aria-pressed"))
                .isEqualTo("false");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** The computed font size of the catalog's and guide's body text, in CSS pixels. */
    private double bodyTextPixels() {
        Object size = ((JavascriptExecutor) browser)
                .executeScript("return parseFloat(getComputedStyle(document.querySelector('.owp-main')).fontSize);");
        return ((Number) size).doubleValue();
    }

    /**
     * The actions column of every console table (its icon buttons) lines up with its header and stays in its column,
     * at the desktop and on a phone (390 px, where the rows reflow into stacked cells): a cell styled as a flex row
     * leaves the table's grid.
     */
    @Test
    void everyActionsColumnStaysInItsColumnAtTheDesktopAndOnAPhone() {
        logIn(countyAdmin);
        Map<String, By> pages = new LinkedHashMap<>();
        pages.put("admin/staff.xhtml", By.cssSelector("td.ow-actions"));
        pages.put("admin/places.xhtml", By.cssSelector("td.ow-actions"));
        pages.put("admin/calendar.xhtml", By.id("calendar:days"));
        for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            for (Map.Entry<String, By> page : pages.entrySet()) {
                open(page.getKey(), page.getValue());
                Object misplaced = ((JavascriptExecutor) browser).executeScript(ACTIONS_OUT_OF_COLUMN);
                assertThat(misplaced)
                        .as("%s at %s px", page.getKey(), size.width)
                        .isEqualTo("");
                String name = page.getKey().replace("admin/", "").replace(".xhtml", "");
                Browser.screenshot(browser, "console-actions-" + name + "-" + size.width);
            }
        }
    }

    /**
     * For each table with an actions column: every action cell is a table cell under its header (at the desktop) or
     * a stacked cell inside the page (reflowed), and every button lies inside its cell. Answers what is out, or "".
     */
    private static final String ACTIONS_OUT_OF_COLUMN = """
            var out = [];
            document.querySelectorAll('td.ow-actions').forEach(function (td, i) {
              var cell = td.getBoundingClientRect();
              var table = td.closest('table');
              var th = table.querySelector('thead th.ow-actions');
              var stacked = getComputedStyle(td).display !== 'table-cell';
              if (!stacked && th && th.offsetWidth > 0) {
                var head = th.getBoundingClientRect();
                if (Math.abs(head.left - cell.left) > 1 || Math.abs(head.right - cell.right) > 1) {
                  out.push(table.id + ' row ' + i + ': cell ' + cell.left + '-' + cell.right
                      + ' under header ' + head.left + '-' + head.right);
                }
              }
              if (stacked && getComputedStyle(td).display !== 'block') {
                out.push(table.id + ' row ' + i + ': a reflowed cell shown as ' + getComputedStyle(td).display);
              }
              if (cell.right > document.documentElement.clientWidth + 1) {
                out.push(table.id + ' row ' + i + ': beyond the page, right edge ' + cell.right);
              }
              td.querySelectorAll('.ui-button').forEach(function (button) {
                var b = button.getBoundingClientRect();
                if (b.width > 0 && (b.left < cell.left - 1 || b.right > cell.right + 1 || b.top < cell.top - 1
                    || b.bottom > cell.bottom + 1)) {
                  out.push(table.id + ' row ' + i + ': button ' + button.id + ' outside its cell');
                }
              });
            });
            return out.join('\\n');
            """;

    private void logIn(String username) {
        assertThat(new LoginPage(browser, base).open().logIn(username, PASSWORD))
                .as(username)
                .isEmpty();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    /** The list {@code table} (a table's id, or its end) shows rows of the county's own, not its empty message. */
    private void assertRows(String table) {
        assertThat(browser.findElements(By.cssSelector("[id$='" + table + "_data'] > tr[data-ri]")))
                .as("rows of %s", table)
                .isNotEmpty();
    }

    private void open(String path, By ready) {
        browser.get(base.resolve(path).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(ready));
    }

    /**
     * A staff list for the county's import with a bad row, as its administrator previews it: a new clerk of 华沟村, and
     * 华沟村's clerk again (a username taken).
     */
    private static Path listWithABadRow() {
        try {
            Path list = Path.of("target", "staff-list-with-a-bad-row-" + yinan.prefix() + ".csv");
            Files.writeString(
                    list,
                    StaffImportIT.HEADER + HUAGOU + "," + yinan.username("a11y.clerk") + ",无障碍,窗口人员,,,\n" + HUAGOU + ","
                            + huagouClerk + ",重名,窗口人员,,,\n");
            return list;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** 华沟村's clerk takes in 低保 with every material over the API: {@code [case number, check code]}. */
    private String[] acceptDibaoAtHuagou() {
        String clerk = yinan.token(huagouClerk);
        String body = "{\"itemCode\":\"MZ-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"王秀英\","
                + "\"idNumber\":\"370321195803121012\"},\"materials\":{"
                + "\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"PAPER_SEEN\"}}," + DemoFormAnswers.inBody("MZ-0001") + "}";
        Api.Exchange taken = api.exchange(
                "POST",
                "api/v1/cases",
                clerk,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                body);
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        JsonObject accepted = taken.answer().json().asJsonObject();
        return new String[] {accepted.getString("caseNumber"), accepted.getString("checkCode")};
    }
}
