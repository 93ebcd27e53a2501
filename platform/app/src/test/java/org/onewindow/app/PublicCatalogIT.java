package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public catalog (CAT-2, CH-1) as a citizen meets it, without logging in, on the demo county: 华沟村
 * (370321106202) in 起凤镇, 桓台县. A villager searches 养老, opens the service guide (办事指南), downloads it as a PDF
 * with real Chinese text, and reads it in English; a mistyped place or item says so plainly.
 */
class PublicCatalogIT extends ShippedWarInBrowser {

    static final String HUAGOU = "370321106202";
    static final String QIFENG = "370321106000";
    static final String PENSION = "城乡居民基本养老保险参保登记";

    @BeforeEach
    void anonymous() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    void aVillagerSearchesPensionAndFindsTheRegistrationWithoutLoggingIn() {
        // Arrange: 华沟村's catalog, the place picked from the address
        open("catalog/index.xhtml?tenant=" + HUAGOU);
        assertThat(new Select(browser.findElement(By.id("village")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("华沟村");
        assertThat(new Select(browser.findElement(By.id("town")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("起凤镇");
        assertThat(text("count")).contains("华沟村").contains("13");

        // Act
        browser.findElement(By.id("q")).sendKeys("养老");
        browser.findElement(By.id("find")).click();
        waitFor(ExpectedConditions.urlContains("q="));

        // Assert
        assertThat(resultNames()).containsExactly(PENSION);
        assertThat(browser.getCurrentUrl()).contains("village=" + HUAGOU);
        Browser.screenshot(browser, "public-catalog-search-pension");

        // The guide, and back to the list: the words are still searched
        browser.findElement(By.linkText(PENSION)).click();
        waitFor(ExpectedConditions.urlContains("guide.xhtml"));
        browser.findElement(By.id("back")).click();
        waitFor(ExpectedConditions.urlContains("index.xhtml"));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("养老");
        assertThat(resultNames()).containsExactly(PENSION);
    }

    @Test
    void theCatalogFiltersByThemeLifeEventServiceObjectAndTierAndPages() {
        open("catalog/index.xhtml?tenant=" + HUAGOU);
        assertThat(text("page-of")).contains("1").contains("2");
        assertThat(resultNames()).hasSize(10);
        browser.findElement(By.id("next")).click();
        waitFor(ExpectedConditions.urlContains("page=2"));
        assertThat(resultNames()).hasSize(3);

        open("catalog/index.xhtml?tenant=" + HUAGOU + "&theme=" + encode("社会救助"));
        assertThat(resultCodes()).containsExactly("MZ-0001", "MZ-0002");
        open("catalog/index.xhtml?tenant=" + HUAGOU + "&life=" + encode("创业"));
        assertThat(resultCodes()).containsExactly("XZSP-0001", "XZSP-0002");
        open("catalog/index.xhtml?tenant=" + HUAGOU + "&object=LEGAL_PERSON");
        assertThat(resultCodes()).contains("ZRZY-0001", "XZSP-0002").doesNotContain("RS-0001");
        open("catalog/index.xhtml?tenant=" + HUAGOU + "&tier=VILLAGE");
        assertThat(resultCodes()).contains("RS-0001").doesNotContain("ZJ-0001");

        open("catalog/index.xhtml?tenant=" + HUAGOU + "&q=" + encode("不存在的事项"));
        assertThat(browser.findElements(By.id("empty"))).hasSize(1);
        assertThat(text("empty")).contains("没有找到符合条件的事项");
        Browser.screenshot(browser, "public-catalog-empty");

        // Choosing only the town shows the town's own catalog.
        open("catalog/index.xhtml?county=370321000000&town=" + QIFENG);
        assertThat(text("count")).contains("起凤镇");
    }

    @Test
    void theGuideShowsEverythingAnApplicantNeedsIncludingWhatTheGovernmentAlreadyHolds() {
        open("catalog/index.xhtml?tenant=" + HUAGOU + "&q=" + encode("养老"));
        browser.findElement(By.linkText(PENSION)).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("guide")));

        assertThat(text("item-name")).isEqualTo(PENSION);
        assertThat(text("place")).contains("华沟村");
        String materials = text("materials");
        assertThat(materials).contains("居民身份证").contains("居民户口簿").contains("无需提交，政府部门已有");
        assertThat(text("basic"))
                .contains("RS-0001")
                .contains("公共服务")
                .contains("《中华人民共和国社会保险法》")
                .contains("桓台县人力资源和社会保障局");
        assertThat(text("limits")).contains("1个工作日").contains("即办");
        Browser.screenshot(browser, "public-guide-pension");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        Browser.screenshot(browser, "public-guide-pension-phone");
    }

    /**
     * 田庄村 (370321100201) has no 便民服务站 of its own: its guide says so and names the points that take the item in
     * for it, by the item's intake tiers: 低保 (village, town, county) at 田庄镇's centre and the county's centre,
     * 宅基地 (village, town) at the town's centre only.
     */
    @Test
    void theGuideOfAVillageWithoutAServicePointSaysWhereToGo() {
        open("catalog/guide.xhtml?tenant=370321100201&item=MZ-0001");

        String places = text("places");
        assertThat(places)
                .contains("田庄村没有受理本事项的服务场所，请到以下地点办理")
                .contains("田庄镇便民服务中心")
                .contains("桓台县便民服务中心");
        assertThat(places.indexOf("田庄镇便民服务中心"))
                .as("the town's centre, the nearer, first")
                .isLessThan(places.indexOf("桓台县便民服务中心"));
        Browser.screenshot(browser, "public-guide-village-without-point");

        open("catalog/guide.xhtml?tenant=370321100201&item=NY-0001");
        assertThat(text("places")).contains("田庄镇便民服务中心").doesNotContain("桓台县便民服务中心");

        open("catalog/guide.xhtml?tenant=" + HUAGOU + "&item=MZ-0001");
        assertThat(text("places"))
                .as("a village with its own station is sent nowhere else")
                .contains("华沟村便民服务站")
                .doesNotContain("没有受理本事项的服务场所");
    }

    @Test
    void theGuideDownloadsAsAPdfWithChineseText() throws Exception {
        open("catalog/guide.xhtml?tenant=" + HUAGOU + "&item=RS-0001");
        String href = browser.findElement(By.id("pdf")).getAttribute("href");

        HttpResponse<byte[]> pdf = get(URI.create(href));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(textOf(pdf.body())).contains(PENSION).contains("居民身份证").contains("华沟村");
    }

    @Test
    void anUnknownPlaceOrItemIsExplainedWithoutAStackTrace() throws Exception {
        open("catalog/index.xhtml?tenant=370321999999");
        assertThat(text("not-found")).contains("未找到区划").contains("370321999999");
        open("catalog/guide.xhtml?tenant=" + HUAGOU + "&item=XX-9999");
        assertThat(text("not-found")).contains("未找到事项").contains("XX-9999");
        Browser.screenshot(browser, "public-guide-not-found");

        HttpResponse<byte[]> page = get(base.resolve("catalog/guide.xhtml?tenant=abc&item=RS-0001"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8))
                .contains("未找到区划")
                .doesNotContain("java.lang.")
                .doesNotContain("at org.onewindow");
        HttpResponse<byte[]> pdf = get(base.resolve("api/v1/catalog/items/XX-9999/guide.pdf?tenant=" + HUAGOU));
        assertThat(pdf.statusCode()).isEqualTo(404);
        assertThat(new String(pdf.body(), StandardCharsets.UTF_8)).contains("catalog.item.not.found");
    }

    @Test
    void theGuideReadsInEnglishAfterSwitchingLanguage() {
        open("catalog/guide.xhtml?tenant=" + HUAGOU + "&item=RS-0001");
        assertThat(text("materials")).contains("申请材料");

        browser.findElement(By.id("public-bar:lang")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("materials"), "Materials"));

        assertThat(browser.getCurrentUrl()).contains("item=RS-0001").contains("tenant=" + HUAGOU);
        assertThat(text("materials")).contains("Not needed: the government already holds it");
        assertThat(text("basic")).contains("Public service");
        assertThat(text("pdf")).isEqualTo("Download PDF");
        Browser.screenshot(browser, "public-guide-english");

        browser.findElement(By.id("back")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("search")));
        assertThat(text("find")).isEqualTo("Search");
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("en");
        browser.findElement(By.id("public-bar:lang")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("find"), "查询"));
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("zh-CN");
    }

    @Test
    void aNewcomerGoesFromTheStaffLoginToTheCatalogPicksTownAndVillageAndSeesTheItems() {
        // Arrange: the staff login page, where a citizen who only knows the site's address lands
        new LoginPage(browser, base).open();
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("zh-CN");

        // Act: 办事指南, nothing chosen yet
        PublicCatalogPage catalog = PublicCatalogPage.fromLoginPage(browser);

        // Assert: the only county is preselected and its items show at once
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("zh-CN");
        assertThat(catalog.chosen("county")).isEqualTo("桓台县");
        assertThat(catalog.count()).contains("桓台县");
        assertThat(catalog.resultNames()).isNotEmpty();
        assertThat(browser.findElements(By.id("no-place"))).isEmpty();
        assertThat(catalog.moreFiltersOpen())
                .as("all filters shown on a desktop")
                .isTrue();
        Browser.screenshot(browser, "public-catalog-first-visit");

        // Two steps to the village: each select submits itself (no "this.form.submit is not a function")
        catalog = catalog.pick("town", "起凤镇");
        assertThat(browser.getCurrentUrl()).contains("town=" + QIFENG);
        assertThat(catalog.count()).contains("起凤镇");
        assertThat(catalog.chosen("village")).isEqualTo("全部");
        catalog = catalog.pick("village", "华沟村");
        assertThat(browser.getCurrentUrl()).contains("village=" + HUAGOU);
        assertThat(catalog.chosen("town")).isEqualTo("起凤镇");
        assertThat(catalog.count()).contains("华沟村").contains("13");
        assertThat(catalog.resultNames()).hasSize(10);
        Browser.screenshot(browser, "public-catalog-first-visit-village");
    }

    @Test
    void aNewcomerSearchesRightAwayWithoutChoosingAPlace() {
        new LoginPage(browser, base).open();
        PublicCatalogPage catalog = PublicCatalogPage.fromLoginPage(browser);

        catalog = catalog.search("养老");

        assertThat(catalog.resultNames()).contains(PENSION);
        assertThat(catalog.count()).contains("桓台县");

        // A link without any place, e.g. a bookmarked search, searches the preselected county too.
        open("catalog/index.xhtml?q=" + encode("养老"));
        assertThat(browser.findElements(By.id("no-place"))).isEmpty();
        assertThat(resultNames()).contains(PENSION);
    }

    @Test
    void theFirstVisitFitsAPhone390PixelsWide() {
        browser.manage().window().setSize(new Dimension(390, 844));
        new LoginPage(browser, base).open();
        assertThat(PublicCatalogPage.widths(browser)[1]).as("viewport").isLessThanOrEqualTo(400);
        Browser.screenshot(browser, "login-phone");
        PublicCatalogPage catalog = PublicCatalogPage.fromLoginPage(browser);

        assertFitsTheScreen("start page");
        assertThat(catalog.columnWidths())
                .as("no column of width 0")
                .allSatisfy(w -> assertThat(w).isGreaterThan(200));
        Browser.screenshot(browser, "public-catalog-first-visit-phone");

        catalog = catalog.pick("town", "起凤镇").pick("village", "华沟村");
        assertThat(catalog.resultNames()).hasSize(10);
        assertFitsTheScreen("village results");
        assertThat(catalog.columnWidths()).allSatisfy(w -> assertThat(w).isGreaterThan(200));
        Browser.screenshot(browser, "public-catalog-village-phone");

        open("catalog/index.xhtml?tenant=" + HUAGOU + "&theme=" + encode("社会救助"));
        assertThat(new PublicCatalogPage(browser).moreFiltersOpen())
                .as("a chosen theme is not hidden")
                .isTrue();
        assertFitsTheScreen("filtered");

        open("catalog/guide.xhtml?tenant=" + HUAGOU + "&item=RS-0001");
        assertFitsTheScreen("guide");
    }

    /**
     * The site's address ("/") is a citizens' start page: a service search, the progress lookup and a plain link to the
     * staff login, in Chinese or English, fitting a phone 390 px wide and used with the keyboard alone (Tab, typing,
     * Enter).
     */
    @Test
    void theStartPageLetsACitizenFindAServiceOrLookUpProgressWithTheKeyboardOnAPhone() {
        // Arrange: a phone opens the site's address
        browser.manage().window().setSize(new Dimension(390, 844));
        open("");
        assertThat(browser.getTitle()).startsWith("首页");
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("zh-CN");
        assertThat(text("staff-login")).isEqualTo("工作人员登录");
        assertFitsTheScreen("start page");
        assertThat(browser.findElement(By.id("q")).getSize().getWidth()).isGreaterThan(200);
        assertThat(browser.findElement(By.id("number")).getSize().getWidth()).isGreaterThan(200);
        Browser.screenshot(browser, "start-page-phone");

        // Act: Tab to the search box, type, Enter
        tabTo("q").sendKeys("养老" + Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("results")));

        // Assert: the preselected county's catalog answers the search
        assertThat(browser.getCurrentUrl()).contains("catalog/index.xhtml");
        assertThat(resultNames()).contains(PENSION);

        // The lookup: Enter in the number's field goes on to the code, Enter there looks the case up
        open("");
        tabTo("number").sendKeys("370321-20200101-999999" + Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("code");
        browser.switchTo().activeElement().sendKeys("ZZZZZZ" + Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("not-found")));
        assertThat(browser.getCurrentUrl()).contains("progress.xhtml").contains("number=370321-20200101-999999");

        // The staff login, by keyboard too
        open("");
        tabTo("staff-login").sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));

        // In English
        open("");
        browser.findElement(By.id("public-bar:lang")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-login"), "Staff login"));
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("en");
        assertThat(text("find-heading")).isEqualTo("Find a service");
        assertFitsTheScreen("start page in English");
        Browser.screenshot(browser, "start-page-phone-english");
        browser.findElement(By.id("public-bar:lang")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("staff-login"), "工作人员登录"));
    }

    /** Presses Tab from the top of a page just opened until the element {@code id} has the focus (at most 30). */
    WebElement tabTo(String id) {
        for (int presses = 0; presses < 30; presses++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            new org.openqa.selenium.interactions.Actions(browser)
                    .sendKeys(Keys.TAB)
                    .perform();
        }
        throw new AssertionError(id + " is not reached by Tab");
    }

    @Test
    void theStaffHomeDeclaresItsLanguageToo() {
        assertThat(new LoginPage(browser, base).open().logIn("huagou.clerk", PASSWORD))
                .isEmpty();
        assertThat(browser.getCurrentUrl()).contains("/app/");
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("zh-CN");

        browser.findElement(By.id("session-bar:lang")).click();
        waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(PublicCatalogPage.language(browser)).isEqualTo("en");
    }

    void assertFitsTheScreen(String page) {
        long[] widths = PublicCatalogPage.widths(browser);
        assertThat(widths[0])
                .as(page + ": document width ≤ viewport (no sideways scrolling)")
                .isLessThanOrEqualTo(widths[1]);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    void open(String path) {
        browser.get(base.resolve(path).toString());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main.owp-main")));
    }

    void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        // A page the browser is replacing while the condition reads it is no failure: read it again.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(
                        org.openqa.selenium.StaleElementReferenceException.class,
                        org.openqa.selenium.WebDriverException.class)
                .until(condition);
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    List<String> resultNames() {
        return browser.findElements(By.cssSelector("#results .owp-result a.owp-name")).stream()
                .map(WebElement::getText)
                .toList();
    }

    List<String> resultCodes() {
        return browser.findElements(By.cssSelector("#results .owp-result")).stream()
                .map(e -> e.getAttribute("data-code"))
                .toList();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The text the guide PDF shows, as copy-and-paste and screen readers get it, read by an independent library. */
    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
