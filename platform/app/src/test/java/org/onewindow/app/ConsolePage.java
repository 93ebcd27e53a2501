package org.onewindow.app;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's division page: the tree, the selected division, the "add a division below" and service point dialogs. */
final class ConsolePage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    ConsolePage(WebDriver browser, URI base) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base.resolve("admin/tenants.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("console:tree")));
    }

    By node(String code) {
        return By.cssSelector("#console\\:tree .ow-node[title='" + code + "']");
    }

    void select(String code) {
        wait.until(ExpectedConditions.elementToBeClickable(node(code))).click();
        wait.until(ExpectedConditions.textToBe(By.id("selected-code"), code));
    }

    void expand(String code) {
        WebElement content = browser.findElement(node(code))
                .findElement(By.xpath("ancestor::*[contains(@class,'ui-treenode-content')][1]"));
        WebElement toggler = content.findElement(By.cssSelector(".ui-tree-toggler"));
        if (toggler.getAttribute("class").contains("right")) {
            toggler.click();
        }
    }

    /** Fills and saves the dialog; returns the messages the dialog then shows (empty when it closed). */
    String addChild(String code, String name, String levelLabel) {
        browser.findElement(By.id("console:open-add-child")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console:child-code")));
        browser.findElement(By.id("console:child-code")).sendKeys(code);
        browser.findElement(By.id("console:child-name")).sendKeys(name);
        choose("console:child-level", levelLabel);
        browser.findElement(By.id("console:save-child")).click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.invisibilityOfElementLocated(By.id("console:add-child-dialog")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                        "#console\\:add-child-dialog .ui-messages-error, #messages .ui-messages-error"))));
        return browser.findElements(By.cssSelector(".ui-messages-error")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    /**
     * Adds a service point to the selected division. The texts are put into the fields as a paste would, so any
     * character reaches the server (the driver cannot type characters beyond the BMP such as 𠮷).
     *
     * @return the messages the dialog then shows (empty when it closed)
     */
    String addServicePoint(String name, String kindLabel, String address) {
        browser.findElement(By.id("console:open-add-point")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console:point-name")));
        paste("console:point-name", name);
        choose("console:point-kind", kindLabel);
        paste("console:point-address", address);
        browser.findElement(By.id("console:save-point")).click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.invisibilityOfElementLocated(By.id("console:add-point-dialog")),
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#console\\:add-point-dialog .ui-messages-error"))));
        return browser.findElements(By.cssSelector(".ui-messages-error")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    /** Uploads a yearly division list; returns what the preview then shows (counts, changes or refused lines). */
    String previewList(java.nio.file.Path file) {
        browser.findElement(By.id("console:list-upload_input"))
                .sendKeys(file.toAbsolutePath().toString());
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#console\\:list-changes, #console\\:list-errors li")))
                .findElement(By.xpath("ancestor-or-self::*[@id='console:list-panel']"))
                .getText();
    }

    /** Applies the previewed list, answering the confirmation with yes; returns the messages beside the uploader. */
    String applyList() {
        browser.findElement(By.id("console:apply-list")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("console:confirm-yes")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("console:list-changes")));
        return browser.findElement(By.id("console:list-panel")).getText();
    }

    /**
     * Reverts the pending division change of the village {@code formerCode} from the list of changes to confirm,
     * answering the confirmation with yes; returns the page's messages then.
     */
    String revertChange(String formerCode) {
        WebElement table = browser.findElement(By.id("console:pending-changes"));
        table.findElement(By.xpath(".//tbody/tr[contains(., '" + formerCode + "')]//button[contains(@id, ':revert')]"))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("console:confirm-yes")))
                .click();
        wait.until(ExpectedConditions.stalenessOf(table));
        wait.until(page -> !pageMessages().isBlank());
        return pageMessages();
    }

    /**
     * Confirms the pending division change whose row shows {@code text}, answering the confirmation with yes; returns
     * the page's messages then.
     */
    String confirmChange(String text) {
        WebElement table = browser.findElement(By.id("console:pending-changes"));
        table.findElement(By.xpath(".//tbody/tr[contains(., '" + text + "')]//button[contains(@id, ':confirm')]"))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("console:confirm-yes")))
                .click();
        wait.until(ExpectedConditions.stalenessOf(table));
        wait.until(page -> !pageMessages().isBlank());
        return pageMessages();
    }

    /** What the search box finds for {@code text}: the result table's text. */
    String search(String text) {
        WebElement query = browser.findElement(By.id("console:query"));
        query.clear();
        query.sendKeys(text);
        List<WebElement> earlier = browser.findElements(By.id("console:found-table"));
        browser.findElement(By.id("console:search")).click();
        // An earlier search's table is replaced by the answer: wait for it to go first.
        earlier.forEach(table -> wait.until(ExpectedConditions.stalenessOf(table)));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console:found-table")))
                .getText();
    }

    /** Finds a division by the search box and shows it, as a user looking for a village of a big tree does. */
    void find(String name, String code) {
        search(name);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
        wait.until(ExpectedConditions.textToBe(By.id("selected-code"), code));
    }

    /**
     * Merges the village labelled {@code mergedLabel} into the selected one (撤村并居), answering the confirmation
     * with yes; returns the page's messages then.
     */
    String merge(String mergedLabel) {
        browser.findElement(By.id("console:open-merge")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console:merged")));
        choose("console:merged", mergedLabel);
        browser.findElement(By.id("console:save-merge")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("console:confirm-yes")))
                .click();
        By refusal = By.cssSelector("#console\\:merge-dialog .ui-messages-error-summary");
        wait.until(page -> !page.findElement(By.id("console:merge-dialog")).isDisplayed()
                || !page.findElements(refusal).isEmpty());
        wait.until(
                page -> !page.findElements(refusal).isEmpty() || !pageMessages().isBlank());
        return pageMessages()
                + browser.findElements(refusal).stream()
                        .map(WebElement::getText)
                        .reduce("", String::concat);
    }

    /**
     * Opens the "add a division below" dialog and clicks the level {@code label} in the same moment the menu starts
     * to open, before its opening animation ends (as a quick hand on a slow machine does).
     *
     * @return the level the menu then shows
     */
    String chooseLevelWhileTheMenuOpens(String label) {
        browser.findElement(By.id("console:open-add-child")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console:child-level")));
        return (String) ((JavascriptExecutor) browser).executeScript("""
                        var label = arguments[0];
                        var menu = PrimeFaces.getWidgetById('console:child-level');
                        menu.show();
                        menu.items.filter(function () { return this.dataset.label === label; }).trigger('click');
                        return menu.label.text();
                        """, label);
    }

    private void paste(String id, String text) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), text);
    }

    String points() {
        return browser.findElement(By.id("console:points")).getText();
    }

    /**
     * Picks an option of a PrimeFaces select menu as a user does: open it, click the option, see the menu show the
     * choice and close. A click that lands while the menu is still opening is taken too (staff.js).
     */
    private void choose(String menuId, String label) {
        browser.findElement(By.id(menuId)).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#" + menuId.replace(":", "\\:") + "_items li[data-label='" + label + "']")))
                .click();
        wait.until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
    }

    String pageMessages() {
        return browser.findElements(By.cssSelector("#messages")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    boolean shows(String code) {
        return !browser.findElements(node(code)).isEmpty();
    }

    void cancelDialog() {
        browser.findElement(By.cssSelector("#console\\:add-child-dialog .ui-dialog-titlebar-close"))
                .click();
    }
}
