package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The process templates page of the console (流程模板) in a real Chromium, over the demo county: 起凤镇
 * (370321106000) adapts the tiered review for its villages from a BPMN file, is refused a template that runs a
 * script, tries its version out and retires it again; the standards team sees the standard templates.
 */
class ProcessTemplatesConsoleIT extends ShippedWar {

    static final String QIFENG = ProcessTemplateIT.QIFENG;
    static final String COUNTY = ProcessTemplateIT.COUNTY;

    static ChromeDriver browser;

    @TempDir
    Path files;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void qifengAdaptsTheTieredReviewIsRefusedAScriptTriesItOutAndRetiresIt() throws IOException {
        // Arrange: 起凤镇 follows the standard tiered review (another test class may have published and retired
        // an adaptation before, so the next version number is counted, not assumed).
        int next = versions("tiered-review", QIFENG) + 1;
        Path adapted = write("qifeng-tiered-review.bpmn20.xml", ProcessTemplateIT.TOWN_TIERED_REVIEW);
        Path script = write(
                "qifeng-script.bpmn20.xml",
                ProcessTemplateIT.TOWN_TIERED_REVIEW.replace(
                        "<userTask id=\"townRecord\" name=\"镇便民服务中心登记\" flowable:candidateGroups=\"370321106000\"/>",
                        "<scriptTask id=\"townRecord\" scriptFormat=\"groovy\"><script>println 'x'</script></scriptTask>"));
        new LoginPage(browser, base).open().logIn("qifeng.admin", PASSWORD);
        browser.findElement(By.id("nav-catalog")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.id("subnav-processes")))
                .click();
        ProcessTemplatesPage page = new ProcessTemplatesPage(browser, base);
        assertThat(page.keys()).contains("on-the-spot", "parallel-review", "single-department", "tiered-review");
        assertThat(page.source("tiered-review")).isEqualTo("STANDARD");
        assertThat(page.sourceLabel("tiered-review")).isEqualTo("标准");
        assertThat(page.steps("tiered-review")).contains("逐级审查").contains("单人办理");
        Browser.screenshot(browser, "processes-qifeng");

        // Act: a file that is not a template, or is too large, is refused by the uploader before it is sent.
        page.select("tiered-review");
        assertThat(page.chooseRefusedFile(write("notes.txt", "not a template")))
                .contains("请选择 .bpmn20.xml、.bpmn 或 .xml 格式");
        assertThat(page.chooseRefusedFile(write("huge.bpmn20.xml", "x".repeat(300 * 1024))))
                .contains("不超过256 KiB");
        Browser.screenshot(browser, "processes-upload-refused");

        // Act: choosing the adaptation asks first; declining publishes nothing.
        assertThat(page.upload(adapted)).contains("qifeng-tiered-review.bpmn20.xml");
        page.cancelPublish();
        assertThat(page.source("tiered-review")).isEqualTo("STANDARD");
        assertThat(versions("tiered-review", QIFENG)).isEqualTo(next - 1);

        // Act: upload the adaptation and confirm it.
        String confirmation = page.upload(adapted);
        assertThat(confirmation).contains("qifeng-tiered-review.bpmn20.xml").contains("第" + next + "版");
        Browser.screenshot(browser, "processes-publish-confirm");
        page.confirmPublish();

        // Assert: 起凤镇's own version is in force.
        assertThat(page.pageMessages()).contains("已发布");
        assertThat(page.source("tiered-review")).isEqualTo("TOWN");
        assertThat(page.sourceLabel("tiered-review")).isEqualTo("乡镇");
        assertThat(page.version("tiered-review")).isEqualTo("第" + next + "版");
        assertThat(page.steps("tiered-review")).contains("镇便民服务中心登记");
        assertThat(page.versionStatus(next)).isEqualTo("在用");
        assertThat(page.openBpmn(next)).contains("<process id=\"tiered-review\"", "镇便民服务中心登记");
        Browser.screenshot(browser, "processes-bpmn");
        page.closeBpmn();

        // Act and assert: a template that runs a script is refused in Chinese and changes nothing.
        int versionsShown = page.versionCount();
        assertThat(page.upload(script)).contains("qifeng-script.bpmn20.xml");
        page.confirmPublish();
        assertThat(page.uploadRefusal()).contains("townRecord").contains("不被允许");
        assertThat(page.version("tiered-review")).isEqualTo("第" + next + "版");
        assertThat(page.source("tiered-review")).isEqualTo("TOWN");
        assertThat(page.versionCount()).isEqualTo(versionsShown);
        assertThat(versions("tiered-review", QIFENG)).isEqualTo(next);
        Browser.screenshot(browser, "processes-script-refused");

        // Act and assert: the dry run goes 起凤镇, the county, the town's record, back to the window.
        assertThat(page.reviewGroups()).isEqualTo(QIFENG + "\n" + COUNTY);
        assertThat(page.runTrial(null))
                .containsExactly(
                        "第1轮 逐级审查 " + QIFENG,
                        "第2轮 逐级审查 " + COUNTY,
                        "第3轮 镇便民服务中心登记 " + QIFENG,
                        "第4轮 窗口出件或送达决定 " + QIFENG);
        assertThat(page.trialEnd()).contains("共4轮").contains("办结");
        Browser.screenshot(browser, "processes-trial");
        assertThat(page.runTrial(1))
                .containsExactly("第1轮 逐级审查 " + QIFENG, "第2轮 镇便民服务中心登记 " + QIFENG, "第3轮 窗口出件或送达决定 " + QIFENG);

        // Act and assert: retiring after confirming brings the standard back.
        assertThat(page.askToRetire()).contains("停用").contains("逐级审查");
        Browser.screenshot(browser, "processes-retire-confirm");
        page.confirmRetire();
        assertThat(page.pageMessages()).contains("已停用");
        assertThat(page.source("tiered-review")).isEqualTo("STANDARD");
        assertThat(page.sourceLabel("tiered-review")).isEqualTo("标准");
        assertThat(page.versionStatus(next)).isEqualTo("已停用");
        assertThat(page.canRetire()).isFalse();
        page.scrollToTop();
        Browser.screenshot(browser, "processes-retired");
    }

    @Test
    void theStandardsTeamSeesTheStandardTemplatesAndReadsThemInEnglish() {
        new LoginPage(browser, base).open().logIn("standards.editor", PASSWORD);
        ProcessTemplatesPage page = new ProcessTemplatesPage(browser, base);

        assertThat(browser.findElement(By.id("subnav-processes")).getAttribute("class"))
                .contains("ow-current");

        assertThat(page.keys()).contains("on-the-spot", "parallel-review", "single-department", "tiered-review");
        assertThat(page.source("parallel-review")).isEqualTo("STANDARD");
        assertThat(page.steps("parallel-review")).contains("并联审查");
        page.select("parallel-review");
        assertThat(page.canRetire())
                .as("the standard is replaced, never retired")
                .isFalse();
        assertThat(page.versionStatus(1)).isIn("在用", "已被新版本取代");

        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Process templates"));
        ProcessTemplatesPage english = new ProcessTemplatesPage(browser, base);
        assertThat(english.sourceLabel("parallel-review")).isEqualTo("Standard");
        assertThat(english.steps("parallel-review")).contains("parallel review");
        Browser.screenshot(browser, "processes-standard-english");
        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "流程模板"));
    }

    private int versions(String key, String tenant) {
        Api.Answer answer = api.get("api/v1/process-templates/" + key + "/versions?tenant=" + tenant, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().asJsonArray().size();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text, StandardCharsets.UTF_8);
    }
}
