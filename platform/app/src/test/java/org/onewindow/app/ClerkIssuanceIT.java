package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issuance at the window (统一出件) in a real Chromium, in a county of its own (沂河县 with 起凤镇 and its village 华沟村,
 * and their back office): a 最低生活保障申请 taken in at 华沟村 and decided by the county's civil affairs bureau comes
 * back to 华沟村's window, where its clerk sends it to the intake window, prints the decision letter and records the
 * pickup by an agent, completing the case; another goes by free post; the county reviewer's rejection without reason is
 * refused once and the dialog stays usable; a disability certificate decided by the county's 残联 is printed.
 */
class ClerkIssuanceIT extends ShippedWarInBrowser {

    static final String AGENT_ID_WRONG_CHECK = "370321194510014682";

    static TestCounty yihe;
    static String huagouClerk;
    static String mzReviewer;

    WebDriverWait wait;
    DibaoCases dibao;

    @BeforeEach
    void ownCountyOnADesktop() {
        ownCounty();
        dibao = new DibaoCases(api, yihe);
        browser.manage().window().setSize(new Dimension(1366, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** 沂河县 with its back office: 华沟村's clerk and reviewer, 起凤镇's reviewer, the county's 民政局 and 残联. */
    private void ownCounty() {
        if (yihe != null) {
            return;
        }
        yihe = TestCounty.named("沂河县").town("起凤镇", "华沟村").backOffice().make(api);
        huagouClerk = yihe.clerk("华沟村", "huagou.clerk");
        yihe.reviewer("华沟村", "huagou.reviewer", "CWH");
        yihe.reviewer("起凤镇", "qifeng.reviewer", "SHSW");
        mzReviewer = yihe.reviewer("沂河县", "mz.reviewer", "MZ");
        yihe.reviewer("沂河县", "cl.reviewer", "CL");
    }

    @Test
    void theHuagouClerkSendsTheResultToTheIntakeWindowPrintsTheLetterAndAnAgentCollectsIt() throws Exception {
        // Arrange: 低保 decided by 县民政局 with an opinion that opens with its own findings
        String number = dibao.decided("孙玉兰", "经审核，申请人家庭人均收入低于当地最低生活保障标准。");
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);

        // Act 1: the delivery task from the queue, claimed; its card is the issuance's, not a review's
        browser.findElement(By.id("nav-queue")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue:tasks")));
        browser.findElement(By.id("q")).sendKeys(number, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(text("queue:tasks"))
                .as("the queue names the decision as a benefit's")
                .contains("准予给付")
                .doesNotContain("准予许可");
        browser.findElement(By.cssSelector("#queue\\:tasks button[id$='claim']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已认领"));
        browser.findElement(By.linkText(number)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issuance-card")));
        assertThat(text("task-title")).startsWith("出件与送达").doesNotContain("审查");
        assertThat(text("state")).as("a benefit is granted, not licensed").isEqualTo("准予给付");
        assertThat(text("case")).doesNotContain("准予许可").doesNotContain("行政许可");
        assertThat(browser.findElements(By.id("review:open-approve"))).isEmpty();
        Browser.screenshot(browser, "clerk-issuance-decided");

        // Act 2: back to the intake window (the choice preselected), confirmed
        assertThat(browser.findElement(By.id("issuance:mode:0")).isSelected()).isTrue();
        deliver();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "待领取"));

        // Assert: waiting at 华沟村's station, the letter numbered and printable
        assertThat(text("state")).isEqualTo("待领取");
        assertThat(text("delivery-place")).contains("华沟村");
        String letterNumber = text("letter-number");
        assertThat(letterNumber).isNotBlank();
        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("the print link has the focus")
                .isEqualTo("print-letter");
        String letter = pdfText(browser.findElement(By.id("print-letter")).getAttribute("href"));
        assertThat(letter)
                .contains("准予给付决定书")
                .contains(number)
                .contains(letterNumber)
                .contains("最低生活保障")
                .contains("经审核，申请人家庭人均收入低于当地最低生活保障标准。根据")
                .doesNotContain("经审查，经审核")
                .doesNotContain("行政许可")
                .doesNotContain(DibaoCases.ID_NUMBER);
        Browser.screenshot(browser, "clerk-issuance-awaiting-pickup");

        // Act 3: an agent collects it; a wrong check character is refused beside the field and changes nothing
        browser.findElement(By.id("pickup:collector:1")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pickup:authorisation")));
        field("pickup:collected-by").sendKeys("李强");
        field("pickup:id-number").sendKeys(AGENT_ID_WRONG_CHECK);
        field("pickup:authorisation").sendKeys("孙玉兰签字的委托书");
        browser.findElement(By.id("pickup:check-pickup")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pickup:pickup-fields"), "校验码"));
        assertThat(browser.findElement(By.id("issuance-dialogs:pickup-confirm")).isDisplayed())
                .as("no confirmation for a wrong number")
                .isFalse();
        assertThat(text("state")).isEqualTo("待领取");
        Browser.screenshot(browser, "clerk-pickup-wrong-id");

        field("pickup:id-number").sendKeys(Keys.BACK_SPACE, "1");
        checkedAndConfirmed("pickup:check-pickup", "issuance-dialogs:pickup-yes", "clerk-pickup-confirm");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "办结"));

        // Assert: completed, on the timeline, out of the queue, the page usable (no mask left)
        assertThat(text("state")).isEqualTo("已办结");
        assertThat(text("timeline")).contains("登记领取").contains("已办结");
        assertThat(browser.findElements(By.id("pickup:check-pickup"))).isEmpty();
        assertThat(browser.findElements(By.id("review:release")))
                .as("the done task offers nothing")
                .isEmpty();
        assertThat(dibao.tasksOf("huagou.clerk", number))
                .as("the case left the queue")
                .isEmpty();
        assertThat(selectText("select pickup_id_masked from case_file where case_number = '" + number + "'"))
                .isEqualTo("370321********4681");
        noMask();
        Browser.screenshot(browser, "clerk-issuance-completed");
    }

    @Test
    void aPostedResultNeedsItsAddressAndTellsTheTrackingNumber() throws Exception {
        // Arrange
        String number = dibao.decided("钱秀珍", "符合最低生活保障条件");
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);
        browser.findElement(By.id("nav-cases")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cases")));
        assertThat(browser.findElement(By.xpath("//tr[.//a[text()='" + number + "']]"))
                        .getText())
                .as("the window's list names the decision as a benefit's")
                .contains("准予给付")
                .doesNotContain("准予许可");
        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issuance-card")));
        assertThat(browser.findElements(By.id("print-licence")))
                .as("最低生活保障 issues no licence")
                .isEmpty();

        // Act 1: free post without an address
        browser.findElement(By.id("issuance:mode:2")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issuance:address")));
        field("issuance:recipient").sendKeys("钱秀珍");
        field("issuance:phone").sendKeys("13905331234");
        field("issuance:tracking").sendKeys("1180000000123");
        browser.findElement(By.id("issuance:deliver")).click();

        // Assert: refused at the address, nothing changed
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("issuance:delivery-fields"), "请填写邮寄地址"));
        assertThat(browser.findElement(By.id("issuance-dialogs:delivery-confirm"))
                        .isDisplayed())
                .as("no confirmation without an address")
                .isFalse();
        assertThat(text("state")).isEqualTo("准予给付");
        Browser.screenshot(browser, "clerk-post-without-address");

        // Act 2: with the address
        field("issuance:address").sendKeys("起凤镇华沟村幸福路12号");
        deliver();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已邮寄"));

        // Assert: posted with its tracking number; the delivery step is done, the post's delivery completes it
        assertThat(text("state")).isEqualTo("已寄出");
        assertThat(text("delivery-tracking")).isEqualTo("1180000000123");
        assertThat(dibao.tasksOf("huagou.clerk", number)).isEmpty();
        assertThat(pdfText(browser.findElement(By.id("print-letter")).getAttribute("href")))
                .contains("1180000000123");
        browser.findElement(By.id("posted:confirm-delivery")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issuance-dialogs:delivered-yes")));
        browser.findElement(By.id("issuance-dialogs:delivered-yes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "已办结"));
        noMask();
        Browser.screenshot(browser, "clerk-post-completed");
    }

    @Test
    void theCountyReviewersRejectionWithoutReasonIsRefusedOnceAndTheDialogStaysUsable() throws Exception {
        // Arrange: 低保 reviewed at the village and the town, its county task claimed by mz.reviewer
        String number = dibao.atTheCounty("周凤英");
        JsonObject task = dibao.onlyTaskOf("mz.reviewer", number);
        assertThat(api.postJson("api/v1/tasks/" + task.getString("id") + "/claim", dibao.token("mz.reviewer"), "{}")
                        .status())
                .isEqualTo(200);
        new LoginPage(browser, base).open().logIn(mzReviewer, PASSWORD);
        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number + "&task=" + task.getString("id"))
                .toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("review:open-reject")));

        // Act 1: 不予 without reason
        browser.findElement(By.id("review:open-reject")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-dialogs:reject-reason")));
        browser.findElement(By.id("review-dialogs:reject")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("review-dialogs:reject-reason-message"), "必须说明理由"));

        // Assert: said once, beside the field, before any confirmation; nothing changed
        assertThat(visibleTexts("必须说明理由")).as("one message").hasSize(1);
        assertThat(browser.findElements(By.id("review-dialogs:reject-yes")))
                .as("no confirmation yet")
                .isEmpty();
        assertThat(text("state")).isEqualTo("审查中");
        Browser.screenshot(browser, "review-reject-without-reason");

        // Act 2: the same dialog, still usable: the reason and basis typed, then confirmed
        browser.findElement(By.id("review-dialogs:reject-reason")).click();
        field("review-dialogs:reject-reason").sendKeys("家庭人均收入高于当地最低生活保障标准");
        field("review-dialogs:reject-basis").sendKeys(DibaoCases.BASIS);
        checkedAndConfirmed("review-dialogs:reject", "review-dialogs:reject-yes", "review-reject-confirm");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已提交不予意见"));

        // Assert: refused as a benefit is, the dialogs closed and the page clickable
        assertThat(text("state")).isEqualTo("不予给付");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("review-dialogs:reject-dialog")));
        noMask();
        browser.findElement(By.id("nav-queue")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue:tasks")));
    }

    @Test
    void anIssuedLicenceIsPrintedFromTheResultCard() throws Exception {
        // Arrange: 残疾人证核发 taken in at 华沟村, approved by the county's 残联, its licence issued
        String clerk = api.token(huagouClerk, PASSWORD);
        Api.Exchange taken = api.exchange(
                "POST",
                "api/v1/cases",
                clerk,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                "{\"itemCode\":\"CL-0001\",\"applicant\":{\"kind\":\"PERSON\",\"name\":\"赵桂芝\",\"idNumber\":\""
                        + DibaoCases.ID_NUMBER + "\"},\"materials\":{\"ID_CARD\":{\"kind\":\"PAPER_SEEN\"},"
                        + "\"HOUSEHOLD_REGISTER\":{\"kind\":\"PAPER_SEEN\"},\"PHOTO\":{\"kind\":\"PAPER_SEEN\"},"
                        + "\"DISABILITY_ASSESSMENT\":{\"kind\":\"GOVERNMENT_DATA\",\"note\":\"评定结果\"}}}");
        assertThat(taken.answer().status()).as(taken.answer().body()).isEqualTo(201);
        String number = taken.answer().json().asJsonObject().getString("caseNumber");
        JsonObject review = dibao.onlyTaskOf("cl.reviewer", number);
        Api.Answer approved = api.postJson(
                "api/v1/tasks/" + review.getString("id") + "/approve",
                dibao.token("cl.reviewer"),
                "{\"opinion\":\"评定等级属实\",\"legalBasis\":\"《残疾人证管理办法》第十条\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Api.Answer issued = api.postJson("api/v1/cases/" + number + "/issuance", clerk, "{}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String licenceNumber =
                issued.json().asJsonObject().getJsonObject("licence").getString("licenceNumber");
        new LoginPage(browser, base).open().logIn(huagouClerk, PASSWORD);

        // Act: the case page's result card
        browser.get(base.resolve("clerk/cases/case.xhtml?number=" + number).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-licence")));
        Browser.screenshot(browser, "clerk-issuance-licence");

        // Assert: 打印证照 opens the licence with its number, holder, item, validity and issuing body
        assertThat(text("print-licence")).isEqualTo("打印证照");
        assertThat(pdfText(browser.findElement(By.id("print-licence")).getAttribute("href")))
                .contains("中华人民共和国残疾人证")
                .contains(licenceNumber)
                .contains("赵桂芝")
                .contains("残疾人证核发")
                .contains("长期有效")
                .contains("发证机关")
                .doesNotContain(DibaoCases.ID_NUMBER);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** 确定送达方式, then 确认 in the confirmation that opens once the choice was checked. */
    private void deliver() {
        checkedAndConfirmed("issuance:deliver", "issuance-dialogs:delivery-yes", "clerk-delivery-confirm");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("issuance-dialogs:delivery-yes")));
    }

    /** An act checked first ({@code check}), then confirmed ({@code yes}) in the dialog that opens once it passed. */
    private void checkedAndConfirmed(String check, String yes, String screenshot) {
        browser.findElement(By.id(check)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(yes)));
        Browser.screenshot(browser, screenshot);
        browser.findElement(By.id(yes)).click();
    }

    /** No modal mask is left over the page. */
    private void noMask() {
        wait.until(d ->
                d.findElements(By.cssSelector(".ui-widget-overlay")).stream().noneMatch(WebElement::isDisplayed));
    }

    private WebElement field(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The visible elements (without children) whose own text contains the words. */
    private List<WebElement> visibleTexts(String words) {
        return browser.findElements(By.xpath("//*[contains(text(), '" + words + "') and not(self::script)]")).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    /** The text of a PDF the page links to, fetched in this browser's session. */
    private String pdfText(String href) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(href))
                .header(
                        "Cookie",
                        browser.manage().getCookies().stream()
                                .map(c -> c.getName() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")))
                .build();
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(answer.body())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
