package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.testing.Api;
import org.onewindow.testing.Browser;
import org.onewindow.testing.TestCounty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The process templates page of the console (流程模板) in a real Chromium, in a county of this class's own ({@link
 * TestCounty} 沂水县 with its town 起凤镇): 起凤镇 saves an adaptation of the tiered review for its villages as a draft
 * (草稿), compares it with the version in force and publishes it, is refused a template that runs a script, finds a
 * draft changed by someone else and discards it, tries its version out and retires it again; the standards team sees
 * the standard templates.
 */
class ProcessTemplatesConsoleIT extends ShippedWarInBrowser {

    /** 沂水县, this class's own: what its town publishes and retires no other class reads. */
    static TestCounty yishui;

    static String COUNTY;
    static String QIFENG;
    static String qifengAdmin;
    static String standardsEditor;

    /** A county with the town 起凤镇 and a village of it, 起凤镇's administrator and a standards editor. */
    @BeforeEach
    void ownCounty() {
        if (yishui != null) {
            return;
        }
        yishui = TestCounty.named("沂水县").town(106, "起凤镇", "华沟村").make(api);
        COUNTY = yishui.code();
        QIFENG = yishui.code("起凤镇");
        qifengAdmin = yishui.staff("起凤镇", "qifeng.admin", Set.of("TENANT_ADMIN"));
        standardsEditor = yishui.standardsEditor("standards.editor");
    }

    @TempDir
    Path files;

    @Test
    void qifengDraftsAnAdaptationPublishesItIsRefusedAScriptDiscardsADraftTriesItOutAndRetiresIt() throws IOException {
        // Arrange: 起凤镇 follows the standard tiered review, has published no version of its own and has no draft.
        assertThat(versions("tiered-review", QIFENG)).isZero();
        int next = 1;
        assertThat(draft("tiered-review").status()).isEqualTo(404);
        String townTieredReview = ProcessTemplateIT.townTieredReview(QIFENG);
        Path adapted = write("qifeng-tiered-review.bpmn20.xml", townTieredReview);
        Path archived = write("qifeng-archive.bpmn20.xml", townTieredReview.replace("镇便民服务中心登记", "镇便民服务中心登记归档"));
        Path script = write(
                "qifeng-script.bpmn20.xml",
                townTieredReview.replace(
                        "<userTask id=\"townRecord\" name=\"镇便民服务中心登记\" flowable:candidateGroups=\"" + QIFENG + "\"/>",
                        "<scriptTask id=\"townRecord\" scriptFormat=\"groovy\"><script>println 'x'</script></scriptTask>"));
        assertThat(script).content(StandardCharsets.UTF_8).contains("scriptTask");
        new LoginPage(browser, base).open().logIn(qifengAdmin, TestCounty.PASSWORD);
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
        assertThat(page.hasDraft()).isFalse();
        assertThat(page.chooseRefusedFile(write("notes.txt", "not a template")))
                .contains("请选择 .bpmn20.xml、.bpmn 或 .xml 格式");
        assertThat(page.chooseRefusedFile(write("huge.bpmn20.xml", "x".repeat(300 * 1024))))
                .contains("不超过256 KiB");
        Browser.screenshot(browser, "processes-upload-refused");

        // Act: uploading the adaptation saves it as 起凤镇's draft.
        assertThat(page.upload(adapted))
                .contains("qifeng-tiered-review.bpmn20.xml")
                .contains("草稿");

        // Assert: the draft shows who saved it, its steps beside those in force with the added step marked, and
        // nothing is in force yet.
        assertThat(page.hasDraft()).isTrue();
        assertThat(page.draftSavedBy()).isEqualTo(qifengAdmin);
        assertThat(page.draftSavedAt()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(page.draftBecomes()).isEqualTo("第" + next + "版 乡镇");
        assertThat(page.draftSteps()).containsExactly("逐级审查 逐级审查", "镇便民服务中心登记 单人办理", "窗口出件或送达决定 单人办理");
        assertThat(page.changedDraftSteps()).containsExactly("镇便民服务中心登记 单人办理");
        assertThat(page.changedInForceSteps()).isEmpty();
        assertThat(page.draftChanges()).isEqualTo("与在用版本相比，1个环节有变化");
        assertThat(page.source("tiered-review")).isEqualTo("STANDARD");
        assertThat(versions("tiered-review", QIFENG)).isEqualTo(next - 1);
        page.scrollToDraft();
        Browser.screenshot(browser, "processes-draft");
        assertThat(page.openDraftBpmn()).contains("<process id=\"tiered-review\"", "镇便民服务中心登记");
        Browser.screenshot(browser, "processes-draft-bpmn");
        page.closeBpmn();

        // Act: publishing the draft asks first, naming the template, the version and the tier; declining keeps it.
        assertThat(page.askToPublishDraft())
                .contains("逐级审查：村—镇—县")
                .contains("第" + next + "版")
                .contains("乡镇");
        Browser.screenshot(browser, "processes-draft-publish-confirm");
        page.decline();
        assertThat(page.hasDraft()).isTrue();
        assertThat(page.source("tiered-review")).isEqualTo("STANDARD");
        page.askToPublishDraft();
        page.confirm();

        // Assert: 起凤镇's own version is in force and the draft has ended.
        assertThat(page.pageMessages()).contains("已发布");
        assertThat(page.source("tiered-review")).isEqualTo("TOWN");
        assertThat(page.sourceLabel("tiered-review")).isEqualTo("乡镇");
        assertThat(page.version("tiered-review")).isEqualTo("第" + next + "版");
        assertThat(page.steps("tiered-review")).contains("镇便民服务中心登记");
        assertThat(page.hasDraft()).isFalse();
        assertThat(draft("tiered-review").status()).isEqualTo(404);
        Browser.screenshot(browser, "processes-draft-published");
        assertThat(page.versionStatus(next)).isEqualTo("在用");
        assertThat(page.openBpmn(next)).contains("<process id=\"tiered-review\"", "镇便民服务中心登记");
        Browser.screenshot(browser, "processes-bpmn");
        page.closeBpmn();

        // Act: a new draft renames the town's step; compared with the town's version now in force, that step changed.
        assertThat(page.upload(archived)).contains("qifeng-archive.bpmn20.xml");
        assertThat(page.draftBecomes()).isEqualTo("第" + (next + 1) + "版 乡镇");
        assertThat(page.changedDraftSteps()).containsExactly("镇便民服务中心登记归档 单人办理");
        assertThat(page.changedInForceSteps()).containsExactly("镇便民服务中心登记 单人办理");
        int lock = draft("tiered-review").json().asJsonObject().getInt("lockVersion");

        // Act and assert: a template that runs a script is refused in Chinese; the draft and what is in force stay.
        int versionsShown = page.versionCount();
        assertThat(page.upload(script)).contains("townRecord").contains("不被允许");
        assertThat(page.uploadRefusal()).contains("townRecord").contains("不被允许");
        assertThat(page.changedDraftSteps()).containsExactly("镇便民服务中心登记归档 单人办理");
        assertThat(draft("tiered-review").json().asJsonObject().getInt("lockVersion"))
                .isEqualTo(lock);
        assertThat(page.version("tiered-review")).isEqualTo("第" + next + "版");
        assertThat(page.source("tiered-review")).isEqualTo("TOWN");
        assertThat(page.versionCount()).isEqualTo(versionsShown);
        assertThat(versions("tiered-review", QIFENG)).isEqualTo(next);
        page.scrollToDraft();
        Browser.screenshot(browser, "processes-script-refused");

        // Act: meanwhile another session of 起凤镇's administrators saves the draft again; this page read it before.
        Api.Answer other = api.put(
                "api/v1/process-templates/tiered-review/draft?tenant=" + QIFENG + "&lockVersion=" + lock,
                yishui.token(qifengAdmin),
                "application/xml",
                townTieredReview.getBytes(StandardCharsets.UTF_8));
        assertThat(other.status()).as(other.body()).isEqualTo(200);

        // Assert: discarding from the old read is refused in Chinese and the page shows the draft as it is now.
        assertThat(page.askToDiscardDraft()).contains("放弃").contains("逐级审查（起凤镇：镇级登记）");
        page.confirm();
        assertThat(page.pageMessages()).contains("已被他人修改").contains("已重新读取草稿");
        Browser.screenshot(browser, "processes-draft-stale");
        assertThat(page.hasDraft()).isTrue();
        assertThat(page.draftChanges()).isEqualTo("环节与在用版本相同（其他内容可能不同，可查看 BPMN）");
        assertThat(page.changedDraftSteps()).isEmpty();
        page.scrollToDraft();
        Browser.screenshot(browser, "processes-draft-reloaded");

        // Act: discard the draft as it is now, after confirming.
        page.scrollToDraft();
        assertThat(page.askToDiscardDraft()).contains("放弃").contains("在用版本不受影响");
        Browser.screenshot(browser, "processes-draft-discard-confirm");
        page.confirm();

        // Assert: no draft any more; the town's version stays in force.
        assertThat(page.pageMessages()).contains("已放弃");
        assertThat(page.hasDraft()).isFalse();
        assertThat(draft("tiered-review").status()).isEqualTo(404);
        assertThat(page.source("tiered-review")).isEqualTo("TOWN");
        assertThat(page.version("tiered-review")).isEqualTo("第" + next + "版");
        Browser.screenshot(browser, "processes-draft-discarded");

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
        page.confirm();
        assertThat(page.pageMessages()).contains("已停用");
        assertThat(page.source("tiered-review")).isEqualTo("STANDARD");
        assertThat(page.sourceLabel("tiered-review")).isEqualTo("标准");
        assertThat(page.versionStatus(next)).isEqualTo("已停用");
        assertThat(page.canRetire()).isFalse();
        page.scrollToTop();
        Browser.screenshot(browser, "processes-retired");
    }

    @Test
    void theStandardsTeamSeesTheStandardTemplatesAndReadsThemAndADraftInEnglish() throws IOException {
        new LoginPage(browser, base).open().logIn(standardsEditor, TestCounty.PASSWORD);
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

        // A draft of the next standard version reads in English too, and discarding it leaves no trace.
        int next = versions("parallel-review", "standard") + 1;
        english.select("parallel-review");
        assertThat(english.upload(write(
                        "standard-parallel-review.bpmn20.xml",
                        bundled("parallel-review").replace("汇总各部门意见并决定", "汇总各部门意见、听证后决定"))))
                .contains("Saved the file \"standard-parallel-review.bpmn20.xml\" as the draft");
        assertThat(english.draftSavedBy()).isEqualTo(standardsEditor);
        assertThat(english.draftBecomes()).isEqualTo("Version " + next + " Standard");
        assertThat(english.changedDraftSteps()).containsExactly("汇总各部门意见、听证后决定 single task");
        assertThat(english.draftChanges()).isEqualTo("1 step differs from the version in force");
        english.scrollToDraft();
        Browser.screenshot(browser, "processes-standard-draft-english");
        assertThat(english.askToDiscardDraft()).contains("Discard the draft of");
        english.confirm();
        assertThat(english.pageMessages()).contains("Discarded the draft");
        assertThat(english.hasDraft()).isFalse();
        assertThat(versions("parallel-review", "standard")).isEqualTo(next - 1);
        browser.findElement(By.id("session-bar:lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "流程模板"));
    }

    /** 起凤镇's draft of a template, read over REST as its administrator (404 when there is none). */
    private Api.Answer draft(String key) {
        return api.get("api/v1/process-templates/" + key + "/draft?tenant=" + QIFENG, yishui.token(qifengAdmin));
    }

    private static String bundled(String key) throws IOException {
        try (var in = ProcessTemplatesConsoleIT.class.getResourceAsStream(
                "/org/onewindow/process/templates/" + key + ".bpmn20.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
