package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The front window in a real Chromium, in a county of its own (沂河县, 起凤镇 with 华沟村 and 付庙村, their back office):
 * 华沟村's clerk
 * takes in 最低生活保障申请 with the keyboard alone, prints the receipt, and the citizen follows the case by the
 * receipt's QR code without logging in; an incomplete application gets one correction notice and is accepted when the
 * supplements come; the neighbouring village's clerk finds nothing of it.
 */
class ClerkIntakeIT extends ShippedWarInBrowser {

    static final String DIBAO = "最低生活保障申请";
    static final String ID_NUMBER = "370321195803121012";

    static TestCounty yihe;
    static String huagouClerk;
    static String huagouReviewer;
    static String fumiaoClerk;
    /** A case number of the county: its prefix, the day, the number. */
    static String caseNumber;
    /** 华沟村's only intake window, as the county was made with it. */
    static String huagouWindow;

    WebDriverWait wait;

    @BeforeEach
    void ownCountyOnADesktop() {
        ownCounty();
        browser.manage().window().setSize(new Dimension(1366, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** 沂河县 with 华沟村's clerk and reviewer (its 村委会's) and 付庙村's clerk. */
    private void ownCounty() {
        if (yihe != null) {
            return;
        }
        yihe = TestCounty.named("沂河县").town("起凤镇", "华沟村", "付庙村").backOffice().make(api);
        huagouClerk = yihe.clerk("华沟村", "huagou.clerk");
        huagouReviewer = yihe.reviewer("华沟村", "huagou.reviewer", "CWH");
        fumiaoClerk = yihe.clerk("付庙村", "fumiao.clerk");
        caseNumber = yihe.prefix() + "-\\d{8}-\\d{6}";
        huagouWindow = yihe.pointName("华沟村") + " 综合受理窗口";
    }

    @Test
    void theHuagouClerkTakesInDibaoWithTheKeyboardOnlyAndTheCitizenFollowsItByTheReceiptsQrCode() throws Exception {
        // Arrange: 华沟村's clerk at the window; the menu leads to intake
        assertThat(new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD))
                .isEmpty();
        browser.findElement(By.id("nav-intake")).sendKeys(Keys.ENTER);
        ClerkIntakePage intake = new ClerkIntakePage(browser);
        assertThat(intake.focused().getAttribute("id"))
                .as("the search has the focus")
                .isEqualTo("find:q");

        // Act: find, pick, type the applicant, mark every material, accept: keys only
        intake.find("低保");
        assertThat(intake.foundCodes()).first().isEqualTo("MZ-0001");
        intake.pickFocused();
        assertThat(intake.text("item-name")).isEqualTo(DIBAO);
        assertThat(intake.text("guide-summary")).contains("承诺办结时限").contains("工作日");
        intake.type("王秀英", Keys.ENTER);
        assertThat(intake.typeIdNumberAndReadCheck(ID_NUMBER.substring(0, 17), "现为17位"))
                .contains("18位");
        assertThat(intake.typeIdNumberAndReadCheck("X", "校验码")).contains("应为2");
        intake.type(Keys.BACK_SPACE);
        assertThat(intake.typeIdNumberAndReadCheck("2", "号码有效")).isEqualTo("号码有效");
        // The ID card, the household register (e-licences) and the economic check (shared data) start satisfied
        intake.type(Keys.ENTER).enterToMaterials().markMaterials(0, 0, 1, 1, 0);
        intake.fillDibaoForm("王秀英", ID_NUMBER);
        Browser.screenshot(browser, "clerk-intake-dibao-filled");
        assertThat(intake.text("intake:window-only"))
                .as("the clerk's only intake window, where the case is taken in")
                .isEqualTo(huagouWindow);
        intake.decide("a");

        // Assert: accepted, the number and the check code shown once, the print link has the focus
        assertThat(intake.errors()).isEmpty();
        assertThat(intake.text("outcome-title")).isEqualTo("已受理");
        String number = intake.text("case-number");
        String code = intake.text("check-code");
        assertThat(number).matches(caseNumber);
        assertThat(code).matches("[2-9A-Z]{6}");
        assertThat(intake.focused().getAttribute("id")).isEqualTo("print");
        Browser.screenshot(browser, "clerk-intake-dibao-accepted");

        // The receipt prints: its text has the number and the item, its QR code the progress page
        byte[] receipt = get(URI.create(intake.printHref()), true).body();
        assertThat(text(receipt))
                .contains("受理通知书")
                .contains(number)
                .contains("最低生活保障")
                .contains(code);
        URI qr = URI.create(qrCode(receipt));
        assertThat(qr.getPath()).isEqualTo("/progress/" + number);
        assertThat(qr.getQuery()).isEqualTo("code=" + code);

        // Enter on the print link opens the notice in a new tab, ready to print
        int tabs = browser.getWindowHandles().size();
        intake.type(Keys.ENTER);
        wait.until(d -> d.getWindowHandles().size() > tabs);
        String clerkTab = browser.getWindowHandle();
        browser.getWindowHandles().stream()
                .filter(h -> !h.equals(clerkTab))
                .forEach(h -> browser.switchTo().window(h).close());
        browser.switchTo().window(clerkTab);

        // The citizen, on a phone and not logged in, scans the QR code (its path on this deployment)
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base.resolve(qr.getRawPath().substring(1) + "?" + qr.getRawQuery())
                .toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        assertThat(browser.getCurrentUrl()).contains("progress.xhtml");
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("已受理");
        assertThat(browser.findElement(By.id("item-name")).getText()).isEqualTo(DIBAO);
        assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("promised-due")).getText()).matches("\\d{4}-\\d{2}-\\d{2}.*");
        assertThat(browser.getPageSource()).doesNotContain("王秀英").doesNotContain("370321********");
        long[] widths = PublicCatalogPage.widths(browser);
        assertThat(widths[0]).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(widths[1]);
        Browser.screenshot(browser, "progress-phone");

        // A wrong code reads exactly like a number that does not exist
        browser.get(
                base.resolve("progress.xhtml?number=" + number + "&code=ZZZZZZ").toString());
        String wrongCode = browser.findElement(By.id("not-found")).getText();
        browser.get(base.resolve("progress.xhtml?number=" + yihe.prefix() + "-20200101-999999&code=" + code)
                .toString());
        assertThat(browser.findElement(By.id("not-found")).getText())
                .isEqualTo(wrongCode)
                .contains("未找到此办件");
        assertThat(browser.findElements(By.id("progress"))).isEmpty();

        // Enter in 受理编号 goes on to 查询码 instead of sending the lookup half filled in
        browser.get(base.resolve("progress.xhtml").toString());
        String blankPage = browser.getCurrentUrl();
        browser.findElement(By.id("number")).sendKeys(number, Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("code");
        assertThat(browser.getCurrentUrl()).isEqualTo(blankPage);
        browser.switchTo().activeElement().sendKeys(code.toLowerCase(java.util.Locale.ROOT), Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(number);

        // Sent without a code all the same (no script): the field says so, and it is no lookup and no failure, so
        // 25 of them (past the 20 wrong codes a client may give) leave the right code answering
        for (int i = 0; i < 25; i++) {
            browser.get(
                    base.resolve("progress.xhtml?number=" + number + "&code=").toString());
        }
        assertThat(browser.findElement(By.id("code-message")).getText()).isEqualTo("请填写查询码");
        assertThat(browser.findElement(By.id("code")).getAttribute("aria-describedby"))
                .isEqualTo("code-message");
        assertThat(browser.findElements(By.id("not-found"))).isEmpty();
        assertThat(browser.findElements(By.id("number-message"))).isEmpty();
        browser.get(base.resolve("progress.xhtml?number=&code=" + code).toString());
        assertThat(browser.findElement(By.id("number-message")).getText()).isEqualTo("请填写受理编号");
        Browser.screenshot(browser, "progress-code-missing");
        browser.get(base.resolve("progress.xhtml?number=" + number + "&code=" + code)
                .toString());
        assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(number);
    }

    @Test
    void aMissingMaterialGivesOneCorrectionNoticeAndTheSupplementsAcceptTheCase() throws Exception {
        // Arrange
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/intake.xhtml").toString());
        ClerkIntakePage intake = new ClerkIntakePage(browser);
        intake.find("MZ-0001").pickFocused();
        intake.type("李　建国", Keys.ENTER).type("370321194510014681", Keys.ENTER);

        // Act: the two materials only the applicant has not handed in (what the government holds starts satisfied);
        // 补正 with Alt+B
        intake.enterToMaterials().markMaterials(0, 0, 0, 0, 0);
        intake.fillDibaoForm("李建国", "370321194510014681").decide("b");

        // Assert: one notice listing both, printable, asking for nothing the government holds
        assertThat(intake.errors()).isEmpty();
        assertThat(intake.text("outcome-title")).contains("补正通知书");
        assertThat(intake.text("to-supply"))
                .contains("家庭收入及财产状况声明")
                .contains("家庭经济状况核对授权书")
                .doesNotContain("居民户口簿")
                .doesNotContain("居民身份证")
                .doesNotContain("核对报告");
        Browser.screenshot(browser, "clerk-intake-correction");
        byte[] notice = get(URI.create(intake.printHref()), true).body();
        assertThat(text(notice))
                .contains("补正")
                .contains("家庭收入及财产状况声明")
                .contains("家庭经济状况核对授权书")
                .as("a benefit's notice cites its own basis, not the Licensing Law")
                .contains("社会救助暂行办法")
                .doesNotContain("行政许可法")
                .doesNotContain("居民户口簿")
                .doesNotContain("居民身份证")
                .doesNotContain("家庭经济状况核对报告");

        // The applicant comes back: the window's cases waiting for supplements lead to the case page, which lists
        // only what the notice asked for
        browser.findElement(By.id("nav-cases")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cases")));
        browser.findElement(By.id("awaiting")).click();
        wait.until(ExpectedConditions.urlContains("awaiting=true"));
        assertThat(browser.findElement(By.id("cases")).getText())
                .contains("李　建国")
                .contains("待补正");
        Browser.screenshot(browser, "clerk-cases-awaiting");
        browser.findElements(By.cssSelector("#cases a.ow-open-case")).get(0).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supplements-card")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("待补正");
        assertThat(browser.findElement(By.id("applicant-id")).getText()).isEqualTo("370321********4681");
        assertThat(browser.findElement(By.id("correction-number")).getText())
                .as("the notice's number (文号) in the county's yearly series")
                .matches(yihe.prefix() + "补正〔\\d{4}〕\\d{6}号");
        assertThat(browser.findElements(By.cssSelector("#supplements-card .ow-material")))
                .hasSize(2);
        browser.findElements(By.cssSelector("#supplements-card select.ow-mark"))
                .forEach(select -> select.sendKeys(Keys.ARROW_DOWN));
        browser.findElement(By.id("supplements:receive")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supplement-outcome")));

        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已受理");
        assertThat(browser.findElement(By.id("case-number")).getText()).matches(caseNumber);
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("出具补正通知书")
                .contains("受理")
                .contains("华沟村");
        Browser.screenshot(browser, "clerk-case-accepted-on-supplements");
    }

    @Test
    void badInputIsExplainedAtItsFieldAndNothingIsTakenIn() {
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/intake.xhtml").toString());
        ClerkIntakePage intake = new ClerkIntakePage(browser);
        intake.find("　低保　").pickFocused();

        // A rare character in the name, full-width spaces and a 15-digit legacy number
        intake.type("𠮷　", Keys.ENTER);
        assertThat(intake.typeIdNumberAndReadCheck("370321580312101", "15位")).contains("18位");
        intake.type(Keys.ENTER).enterToMaterials().markMaterials(0, 0, 1, 1, 0).decide("a");

        assertThat(intake.has("outcome")).isFalse();
        assertThat(intake.errors()).contains("15位旧身份证号码");
        assertThat(browser.getPageSource()).doesNotContain("at org.onewindow").doesNotContain("java.lang.");
        Browser.screenshot(browser, "clerk-intake-legacy-id");

        // Accepting with a mandatory material missing says what is missing and takes nothing in
        browser.get(base.resolve("clerk/cases/intake.xhtml").toString());
        intake = new ClerkIntakePage(browser).find("低保").pickFocused();
        intake.type("王秀英", Keys.ENTER).type(ID_NUMBER, Keys.ENTER);
        intake.enterToMaterials().markMaterials(0, 0, 1, 0, 0).decide("a");
        assertThat(intake.has("outcome")).isFalse();
        assertThat(intake.errors()).contains("材料不齐全").contains("家庭经济状况核对授权书");
        browser.manage().window().setSize(new Dimension(390, 844));
        long[] widths = PublicCatalogPage.widths(browser);
        assertThat(widths[0]).as("the intake page fits a phone").isLessThanOrEqualTo(widths[1]);
        Browser.screenshot(browser, "clerk-intake-phone");
    }

    /**
     * Enter moves on from every kind of field, the form's select menus included (issue 7): a clerk takes in 城乡居民基本
     * 养老保险参保登记 with the keyboard alone, from the item search through its two select menus to "accept".
     */
    @Test
    void enterMovesThroughTheFormsSelectMenusToAccept() {
        // Arrange: 华沟村's clerk finds the item and types the applicant
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/intake.xhtml").toString());
        ClerkIntakePage intake = new ClerkIntakePage(browser).find("养老保险");
        assertThat(intake.focused().getAttribute("data-code")).isEqualTo("RS-0001");
        intake.pickFocused().type("王秀英", Keys.ENTER).type(ID_NUMBER, Keys.ENTER);
        // Both materials come as e-licences, so they start satisfied: Enter keeps each mark
        intake.enterToMaterials().markMaterials(0, 0);

        // Act and assert: each select takes an arrow key, then Enter goes to the next field
        assertThat(intake.focusedField()).isEqualTo("householdType");
        intake.type(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(intake.focusedField()).as("Enter left the first select").isEqualTo("contributionGrade");
        intake.type(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(intake.focusedField()).as("Enter left the second select").isEqualTo("address");
        intake.type("沂南县起凤镇华沟村18号", Keys.ENTER);
        assertThat(intake.focusedField()).isEqualTo("phone");
        intake.type("13805331234", Keys.ENTER);
        assertThat(intake.focused().getAttribute("id")).isEqualTo("intake:accept");
        intake.type(Keys.ENTER);

        // An on-the-spot item (即办件): accepted and decided at once, the receipt to print like any accepted case.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(intake.errors()).isEmpty();
        assertThat(intake.text("outcome-title")).isEqualTo("已受理，当场办结（准予）");
        assertThat(browser.findElement(By.id("print")).getText()).isEqualTo("打印受理通知书（Alt+P）");
        assertThat(browser.findElement(By.id("print")).getAttribute("href")).contains("receipt");
        browser.findElement(By.id("done:open-case")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-answers")));
        assertThat(browser.findElement(By.id("intake-window")).getText()).isEqualTo(huagouWindow);
        assertThat(browser.findElement(By.id("form-answers")).getText())
                .contains("农业")
                .contains("300")
                .contains("沂南县起凤镇华沟村18号");
    }

    @Test
    void theClerkFillsTheLowIncomeFormWithAHouseholdMemberAndTheCaseShowsItMasked() {
        // Arrange: 华沟村's clerk takes 低保 up, the applicant and every material there
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/intake.xhtml").toString());
        ClerkIntakePage intake = new ClerkIntakePage(browser).find("低保").pickFocused();
        intake.type("王秀英", Keys.ENTER).type(ID_NUMBER, Keys.ENTER);
        intake.enterToMaterials().markMaterials(0, 0, 1, 1, 0);
        assertThat(intake.text("form-name")).isEqualTo("最低生活保障申请表");

        // Act: the form with a second row added then removed, and a bank account and member ID typed wrong first
        intake.fillDibaoForm("王秀英", ID_NUMBER);
        intake.formButton(".ow-add-row", 2).formButton("[data-row='1'] .ow-remove-row", 1);
        // Enter twice after a row's last cell, as a clerk moving on does: the row's remove button is no stop, the
        // second Enter adds a row, and the row just typed is kept.
        intake.formInput("members[0].monthlyIncome").sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).endsWith("add-row");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".ow-form-row")).size() == 2);
        assertThat(intake.formInput("members[0].name").getAttribute("value")).isEqualTo("王秀英");
        intake.formButton("[data-row='1'] .ow-remove-row", 1);
        intake.fill("bankAccount", "6228-48").fill("members[0].idNumber", "370321195803121013");
        intake.decide("a");

        // Assert: each refusal beside its field, nothing taken in; then corrected and accepted
        assertThat(intake.has("outcome")).isFalse();
        assertThat(intake.formError("bankAccount")).contains("银行账号");
        assertThat(intake.formError("members[0].idNumber")).contains("校验码");
        assertThat(intake.formInput("members[0].name").getAttribute("value")).isEqualTo("王秀英");
        Browser.screenshot(browser, "clerk-intake-form-refused");
        browser.manage().window().setSize(new Dimension(390, 844));
        long[] widths = PublicCatalogPage.widths(browser);
        assertThat(widths[0]).as("the form fits a phone").isLessThanOrEqualTo(widths[1]);
        Browser.screenshot(browser, "clerk-intake-form-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
        intake.fill("bankAccount", "6228480012345678").fill("members[0].idNumber", ID_NUMBER);
        intake.accessKey("a");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(intake.errors()).isEmpty();
        assertThat(intake.text("outcome-title")).isEqualTo("已受理");

        // The case page shows the form, the member's ID number and the phone masked
        browser.findElement(By.id("done:open-case")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-answers")));
        String answers = browser.findElement(By.id("form-answers")).getText();
        assertThat(answers)
                .contains("共同生活家庭成员人数")
                .contains("王秀英")
                .contains("370321********1012")
                .contains("本人")
                .contains("300.00 元")
                .contains("138****1234")
                .contains("************5678")
                .doesNotContain(ID_NUMBER);
        assertThat(browser.getPageSource()).doesNotContain(ID_NUMBER).doesNotContain("6228480012345678");
        Browser.screenshot(browser, "clerk-case-form");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-answers")));
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("var card = document.getElementById('form-card');"
                        + " return card.scrollWidth - card.clientWidth;");
        assertThat(((Number) overflow).longValue())
                .as("the form's card fits a phone")
                .isLessThanOrEqualTo(0);
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('form-card').scrollIntoView()");
        Browser.screenshot(browser, "clerk-case-form-phone");
    }

    @Test
    void theHomePageShowsAClerkTodaysWorkAndTheWayToIntakeAndAnAdministratorNone() throws Exception {
        // Arrange: 华沟村's queue as the API counts it
        var queue = api.get("api/v1/tasks?limit=100", api.token(huagouClerk, PASSWORD))
                .json()
                .asJsonObject()
                .getJsonArray("tasks");
        long warned = queue.stream()
                .filter(task -> task.asJsonObject().getString("clockStatus").equals("WARNING"))
                .count();

        // Act
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);

        // Assert: the same figures on the home page, and one key press to intake
        assertThat(browser.findElement(By.id("work-tasks")).getText()).isEqualTo(String.valueOf(queue.size()));
        assertThat(browser.findElement(By.id("work-warned")).getText()).isEqualTo(String.valueOf(warned));
        Browser.screenshot(browser, "clerk-home");
        browser.findElement(By.cssSelector("#work-intake a")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.titleContains("综合受理"));

        browser.manage().deleteAllCookies();
        new LoginPage(browser, base).open().logIn(yihe.admin(), PASSWORD);
        assertThat(browser.findElements(By.id("work")))
                .as("no work card for an administrator")
                .isEmpty();
    }

    @Test
    void theClerkRefusesAnApplicationWithReasonAndBasisAndRecordsAConsultation() throws Exception {
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/intake.xhtml").toString());
        ClerkIntakePage intake = new ClerkIntakePage(browser).find("高龄").pickFocused();
        intake.type("王秀英", Keys.ENTER).type(ID_NUMBER, Keys.ENTER);

        // Act: 不予受理 without a basis first, then with it
        intake.accessKey("r");
        wait.until(d -> "intake:refusal-reason".equals(intake.focused().getAttribute("id")));
        intake.type("申请人未满80周岁，不属于高龄津贴发放对象");
        intake.settled();
        browser.findElement(By.id("intake:refuse")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertThat(intake.errors()).contains("法律依据");
        browser.findElement(By.id("intake:refusal-basis")).sendKeys("《山东省高龄津贴发放办法》第三条");
        intake.settled();
        browser.findElement(By.id("intake:refuse")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));

        // Assert: refused, no number, the refusal notice prints with the reason and basis
        assertThat(intake.text("outcome-title")).isEqualTo("不予受理");
        assertThat(intake.has("case-number")).isFalse();
        String notice = text(get(URI.create(intake.printHref()), true).body());
        assertThat(notice).contains("不予受理通知书").contains("不属于高龄津贴发放对象").contains("第三条");
        Browser.screenshot(browser, "clerk-intake-refused");

        // 首问负责: an empty question is refused at its field, a real one recorded with who answered
        browser.findElement(By.id("consult:record")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#consult .ui-message-error")));
        assertThat(browser.findElement(By.id("consult")).getText()).contains("请填写咨询内容");
        intake.accessKey("c");
        intake.type("低保需要带哪些材料？");
        browser.findElement(By.id("consult:contact")).sendKeys("13800000000");
        browser.findElement(By.id("consult:record")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consult-recorded")));
        assertThat(browser.findElement(By.id("consult-recorded")).getText()).contains(huagouClerk);
    }

    @Test
    void anotherVillagesClerkOpeningTheCaseMeetsNotFoundAndNoData() throws Exception {
        String number = dibaoAcceptedOverRest("王秀英");

        new LoginPage(browser, base).open().logIn(fumiaoClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number).toString());

        assertThat(browser.getPageSource()).contains("未找到办件").doesNotContain("王秀英");
        assertThat(get(base.resolve("clerk/cases/case.xhtml?number=" + number), true)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(base.resolve("clerk/cases/case.xhtml?number=%F0%A0%AE%B7%E3%80%80"), true)
                        .statusCode())
                .as("a number of a rare character and a full-width space")
                .isEqualTo(404);
        Browser.screenshot(browser, "clerk-case-not-found");

        // The village it belongs to sees it
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number).toString());
        assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("applicant-id")).getText()).isEqualTo("370321********1012");
        Browser.screenshot(browser, "clerk-case-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        Browser.screenshot(browser, "clerk-case-phone");
    }

    @Test
    void theVillageReviewerClaimsTheCaseFromTheQueueAndGivesAnOpinionWithConfirmation() throws Exception {
        // Arrange: a complete 低保 taken in at 华沟村 (over REST, as another window would)
        String number = dibaoAcceptedOverRest("张桂兰");

        // Act: the village's reviewer finds it in the queue by its number and claims it
        new LoginPage(browser, base).open().logIn(huagouReviewer, PASSWORD);
        browser.findElement(By.id("nav-queue")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue:tasks")));
        browser.findElement(By.id("q")).sendKeys(number, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(browser.findElement(By.id("queue:tasks")).getText())
                .contains(number)
                .contains("张桂兰");
        Browser.screenshot(browser, "clerk-queue");
        browser.findElement(By.cssSelector("#queue\\:tasks button[id$='claim']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已认领"));
        browser.findElement(By.linkText(number)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-card")));

        // A rejection without reason is refused in its dialog and changes nothing
        browser.findElement(By.id("review:open-reject")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-dialogs:reject-reason")));
        browser.findElement(By.id("review-dialogs:reject")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("review-dialogs:reject-reason-message"), "理由"));
        assertThat(browser.findElement(By.id("state")).getText())
                .doesNotContain("不予")
                .doesNotContain("准予");

        // The opinion, confirmed: the village's step is done, the case goes on to the town
        browser.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("review:open-approve")));
        browser.findElement(By.id("review:open-approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-dialogs:approve-opinion")));
        browser.findElement(By.id("review-dialogs:approve-opinion")).sendKeys("入户调查属实，民主评议通过");
        Browser.screenshot(browser, "clerk-case-review-dialog");
        browser.findElement(By.id("review-dialogs:approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm:yes")));
        browser.findElement(By.id("confirm:yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已提交准予意见"));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("入户调查属实");
        Browser.screenshot(browser, "clerk-case-reviewed");
    }

    @Test
    void theReviewerSeesTheFullIdNumberAndTheClerkWithdrawsTheCaseWithConfirmationInChineseAndEnglish()
            throws Exception {
        // Arrange: a complete 低保 waiting in 华沟村's review queue; its reviewer is offered no withdrawal
        String number = dibaoAcceptedOverRest("赵春梅");
        assertThat(reviewerTasks(number)).as("the task waits in the queue").isEqualTo(1);
        new LoginPage(browser, base).open().logIn(huagouReviewer, PASSWORD);
        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number).toString());
        assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(number);
        assertThat(browser.findElements(By.id("withdrawal-card")))
                .as("a reviewer may not withdraw")
                .isEmpty();
        // The reviewer may see the full ID number, confirmed first and audited (ADR 0021)
        assertThat(browser.findElement(By.id("applicant-id")).getText()).isEqualTo("370321********1012");
        browser.findElement(By.id("reveal:reveal-id")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm:yes")));
        browser.findElement(By.id("confirm:yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("applicant-id"), ID_NUMBER));
        assertThat(selectCount("select count(*) from audit_entry where action = 'casework.applicant.id.revealed'"
                        + " and actor = '" + huagouReviewer + "' and after_state like '%" + number + "%'"))
                .isEqualTo(1);
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number).toString());
        assertThat(browser.findElement(By.id("applicant-id")).getText())
                .as("masked for the clerk")
                .isEqualTo("370321********1012");
        assertThat(browser.findElements(By.id("reveal:reveal-id"))).isEmpty();

        // Act 1: the reason typed, then 取消 in the confirmation dialog: nothing changes
        openWithdrawalDialog().sendKeys("申请人已外出务工，暂不申请");
        assertThat(browser.findElement(By.id("withdraw-warning")).getText()).contains("不能恢复");
        Browser.screenshot(browser, "clerk-case-withdraw-confirm");
        browser.findElement(By.id("withdrawal-dialog-form:withdraw-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("withdrawal-dialog-form:withdraw-reason")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已受理");
        assertThat(reviewerTasks(number)).isEqualTo(1);

        // Act 2: without a reason the dialog says so and nothing changes
        openWithdrawalDialog().clear();
        confirmWithdrawal();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("withdrawal-dialog-form:withdraw-messages"), "请填写撤回原因"));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已受理");
        assertThat(reviewerTasks(number)).isEqualTo(1);

        // Act 3: with the reason, confirmed
        browser.findElement(By.id("withdrawal-dialog-form:withdraw-reason")).sendKeys("申请人已外出务工，暂不申请");
        confirmWithdrawal();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已撤回"));

        // Assert: withdrawn, on the timeline with the reason, no longer offered, its task gone from the queue
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("已撤回");
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("撤回")
                .contains("申请人已外出务工");
        assertThat(browser.findElements(By.id("withdrawal-card"))).isEmpty();
        assertThat(reviewerTasks(number)).as("the task left the queue").isZero();
        Browser.screenshot(browser, "clerk-case-withdrawn");

        // The same page in English: every step and state of the timeline in English words
        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "withdrawn"));
        List<String> steps =
                browser.findElements(By.cssSelector("#timeline .ow-step-action, #timeline .ow-step-to")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertThat(steps).isNotEmpty().allSatisfy(words -> assertThat(words).matches("[→ a-z]+"));
        assertThat(String.join(" ", steps))
                .contains("receive")
                .contains("accept")
                .contains("withdraw");
        Browser.screenshot(browser, "clerk-case-withdrawn-english");
        browser.findElement(By.id("session-bar:lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "已撤回"));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Opens the withdrawal dialog from the case page: its reason field, visible. */
    private WebElement openWithdrawalDialog() {
        browser.findElement(By.id("withdrawal:open-withdraw")).click();
        return wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.id("withdrawal-dialog-form:withdraw-reason")));
    }

    /** 确认撤回 in the withdrawal dialog. */
    private void confirmWithdrawal() {
        browser.findElement(By.id("withdrawal-dialog-form:withdraw")).click();
    }

    /** How many tasks of the case wait in 华沟村 reviewer's queue, as the API lists them. */
    private int reviewerTasks(String number) {
        return api.get("api/v1/tasks?q=" + number, api.token(huagouReviewer, PASSWORD))
                .json()
                .asJsonObject()
                .getJsonArray("tasks")
                .size();
    }

    /** 低保 taken in complete at 华沟村 over REST, as another window would: its case number. */
    private String dibaoAcceptedOverRest(String applicant) {
        String materials = "{\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"INCOME_STATEMENT\":{\"kind\":\"PAPER_SEEN\"},\"CHECK_AUTHORISATION\":{\"kind\":\"PAPER_SEEN\"},"
                + "\"FAMILY_ASSETS\":{\"kind\":\"GOVERNMENT_DATA\"}}";
        return api.exchange(
                        "POST",
                        "api/v1/cases",
                        api.token(huagouClerk, PASSWORD),
                        Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()),
                        "{\"itemCode\":\"MZ-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"" + applicant
                                + "\",\"idNumber\":\"" + ID_NUMBER + "\"},\"materials\":" + materials + ","
                                + DemoFormAnswers.inBody("MZ-0001") + "}")
                .answer()
                .json()
                .asJsonObject()
                .getString("caseNumber");
    }

    /** A GET in this browser's session (its cookies), e.g. a notice the page links to. */
    private HttpResponse<byte[]> get(URI uri, boolean withSession) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (withSession) {
            request.header(
                    "Cookie",
                    browser.manage().getCookies().stream()
                            .map(c -> c.getName() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** What the QR code on the first page says, read as a phone would from the page at 150 dpi. */
    private static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            return new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(
                                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))),
                            Map.of(DecodeHintType.TRY_HARDER, true))
                    .getText();
        }
    }
}
