package org.onewindow.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's process templates page: the templates in force for the own tenant, one template's versions, the
 * upload that saves a draft, the draft beside the version in force with its publication and discard (each confirmed),
 * retiring the own version, the dry run and the BPMN viewer.
 */
final class ProcessTemplatesPage {

    private static final By TEMPLATES = By.id("processes:templates");

    private final WebDriver browser;
    private final WebDriverWait wait;

    ProcessTemplatesPage(WebDriver browser, URI base) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base.resolve("admin/processes.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(TEMPLATES));
    }

    /** The template keys the table lists, in order. */
    List<String> keys() {
        return browser.findElements(By.cssSelector("#processes\\:templates a.ow-open")).stream()
                .map(link -> link.getAttribute("data-key"))
                .toList();
    }

    /** The tier the template in force comes from: STANDARD, COUNTY, TOWN or VILLAGE. */
    String source(String key) {
        return sourceTag(key).getAttribute("data-source");
    }

    /** The tier as the page words it, e.g. 标准 or 乡镇. */
    String sourceLabel(String key) {
        return sourceTag(key).getText();
    }

    String version(String key) {
        return browser.findElement(By.cssSelector("#processes\\:templates .ow-version[data-key='" + key + "']"))
                .getText();
    }

    /** The steps of the template in force, as shown: name and kind per line. */
    String steps(String key) {
        return browser.findElement(By.cssSelector("#processes\\:templates .ow-steps[data-key='" + key + "']"))
                .getText();
    }

    void select(String key) {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#processes\\:templates a.ow-open[data-key='" + key + "']")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-name"), key));
    }

    /** Chooses a file in the uploader, which sends it to be saved as the draft; returns what the page says beside it. */
    String upload(Path file) {
        WebElement messages = browser.findElement(By.id("processes:upload-messages"));
        browser.findElement(By.id("processes:upload_input"))
                .sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.stalenessOf(messages));
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("processes:upload-messages")))
                .getText();
    }

    /** Chooses a file the uploader refuses (its type or size); returns what the page says. */
    String chooseRefusedFile(Path file) {
        WebElement messages = browser.findElement(By.id("processes:upload-messages"));
        browser.findElement(By.id("processes:upload_input"))
                .sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.stalenessOf(messages));
        return uploadRefusal();
    }

    boolean hasDraft() {
        return !browser.findElements(By.id("draft-card")).isEmpty();
    }

    /** Who saved the draft, as the draft card says. */
    String draftSavedBy() {
        return browser.findElement(By.id("draft-saved-by")).getText();
    }

    /** When the draft was saved, to the second, as the draft card says. */
    String draftSavedAt() {
        return browser.findElement(By.id("draft-saved-at")).getText();
    }

    /** The version number and tier the draft becomes, e.g. 第3版 乡镇. */
    String draftBecomes() {
        return browser.findElement(By.id("draft-becomes")).getText().replaceAll("\\s+", " ");
    }

    /** The draft's steps, in order, as shown: name and kind per step. */
    List<String> draftSteps() {
        return comparedSteps("ow-draft-step", false);
    }

    /** The draft's steps marked as differing from the version in force (added or changed). */
    List<String> changedDraftSteps() {
        return comparedSteps("ow-draft-step", true);
    }

    /** The steps of the version in force the comparison marks (removed or changed). */
    List<String> changedInForceSteps() {
        return comparedSteps("ow-in-force-step", true);
    }

    /** The summary above the comparison, e.g. 与在用版本相比，1个环节有变化. */
    String draftChanges() {
        return browser.findElement(By.id("draft-changes")).getText();
    }

    /** Opens the draft's BPMN text and returns it, leaving the viewer open. */
    String openDraftBpmn() {
        browser.findElement(By.id("processes:show-draft-bpmn")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bpmn-text")))
                .getText();
    }

    /** Asks to publish the draft; returns the confirmation's text, leaving it open. */
    String askToPublishDraft() {
        return ask(By.id("processes:publish-draft"));
    }

    /** Asks to discard the draft; returns the confirmation's text, leaving it open. */
    String askToDiscardDraft() {
        return ask(By.id("processes:discard-draft"));
    }

    /** Confirms the question open (publish or discard the draft, retire) and waits for the page to show the outcome. */
    void confirm() {
        WebElement table = browser.findElement(TEMPLATES);
        browser.findElement(By.id("processes:confirm-yes")).click();
        wait.until(ExpectedConditions.stalenessOf(table));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
    }

    /** Declines the question open: nothing changes. */
    void decline() {
        browser.findElement(By.id("processes:confirm-no")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
    }

    /** Shows the draft card in the middle of the window (for a screenshot). */
    void scrollToDraft() {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id("draft-card")));
    }

    /** The refusal shown beside the uploader, empty when none. */
    String uploadRefusal() {
        return browser.findElements(By.cssSelector("#processes\\:upload-messages .ui-messages-error")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    /** The status of one of the own tenant's versions: 在用, 已被新版本取代 or 已停用. */
    String versionStatus(int version) {
        return browser.findElement(By.cssSelector("#processes\\:versions .ow-status[data-version='" + version + "']"))
                .getText();
    }

    int versionCount() {
        return browser.findElements(By.cssSelector("#processes\\:versions .ow-status"))
                .size();
    }

    /** Opens the BPMN text of one version and returns it, leaving the viewer open. */
    String openBpmn(int version) {
        browser.findElement(By.cssSelector("#processes\\:versions a[data-version='" + version + "']"))
                .click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bpmn-text")))
                .getText();
    }

    /** Closes the BPMN viewer with the keyboard. */
    void closeBpmn() {
        browser.findElement(By.id("bpmn-text")).sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("bpmn-dialog")));
    }

    /** The review groups the dry run is prefilled with, one per line. */
    String reviewGroups() {
        return browser.findElement(By.id("processes:review-groups")).getAttribute("value");
    }

    /** Runs a dry run with the prefilled groups; returns its rounds as shown, one line per round. */
    List<String> runTrial(Integer refuseInRound) {
        WebElement refuse = browser.findElement(By.id("processes:refuse-in-round"));
        refuse.clear();
        if (refuseInRound != null) {
            refuse.sendKeys(String.valueOf(refuseInRound));
        }
        WebElement panel = browser.findElement(By.id("processes:trial-panel"));
        browser.findElement(By.id("processes:run-trial")).click();
        wait.until(ExpectedConditions.stalenessOf(panel));
        WebElement rounds = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trial-rounds")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", rounds);
        return rounds.findElements(By.cssSelector("li.ow-round")).stream()
                .map(round -> round.getText().replaceAll("\\s+", " "))
                .toList();
    }

    String trialEnd() {
        return browser.findElement(By.id("trial-end")).getText();
    }

    /** Asks to retire the own version; returns the confirmation's text, leaving it open. */
    String askToRetire() {
        return ask(By.id("processes:retire"));
    }

    boolean canRetire() {
        return !browser.findElements(By.id("processes:retire")).isEmpty();
    }

    String pageMessages() {
        return browser.findElements(By.cssSelector("#messages")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    void scrollToTop() {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
    }

    private String ask(By button) {
        browser.findElement(button).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")))
                .getText();
    }

    private List<String> comparedSteps(String side, boolean changedOnly) {
        return browser.findElements(By.cssSelector("#processes\\:draft-steps ." + side)).stream()
                .filter(step -> !changedOnly || !"SAME".equals(step.getAttribute("data-change")))
                .map(step -> step.getText().replaceAll("\\s+", " ").strip())
                .filter(text -> !text.isEmpty() && !text.equals("—"))
                .toList();
    }

    private WebElement sourceTag(String key) {
        return browser.findElement(
                By.cssSelector("#processes\\:templates .ow-source-cell[data-key='" + key + "'] .ow-source"));
    }
}
