package org.onewindow.app;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's catalog page: the tenant's effective items, one item's elements and sources, the override dialog. */
final class CatalogPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    CatalogPage(WebDriver browser, URI base) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base.resolve("admin/catalog.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog:items")));
    }

    void search(String text) {
        WebElement table = browser.findElement(By.id("catalog:items"));
        WebElement query = browser.findElement(By.id("catalog:query"));
        query.clear();
        query.sendKeys(text + "\n");
        wait.until(ExpectedConditions.stalenessOf(table));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#catalog\\:items a.ow-open[data-code='" + text + "']")));
    }

    void open(String itemCode) {
        search(itemCode);
        browser.findElement(By.cssSelector("#catalog\\:items a.ow-open[data-code='" + itemCode + "']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-name"), itemCode));
    }

    /** The effective value of an element of the open item, as shown. */
    String value(String element) {
        return browser.findElement(By.cssSelector("#catalog\\:elements .ow-value[data-element='" + element + "']"))
                .getText();
    }

    /** Whether the open item has the element at all. */
    boolean has(String element) {
        return !browser.findElements(By.cssSelector("#catalog\\:elements .ow-value[data-element='" + element + "']"))
                .isEmpty();
    }

    /** Who set the element: STANDARD, COUNTY, TOWN or VILLAGE. */
    String source(String element) {
        return browser.findElement(By.cssSelector(
                        "#catalog\\:elements .ow-source-cell[data-element='" + element + "'] .ow-source"))
                .getAttribute("data-source");
    }

    String sourceLabel(String element) {
        return browser.findElement(By.cssSelector(
                        "#catalog\\:elements .ow-source-cell[data-element='" + element + "'] .ow-source"))
                .getText();
    }

    void openOverride() {
        browser.findElement(By.id("catalog:open-override")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("override:promised")));
    }

    /** Types the promise and presses Enter; returns the dialog's error text, empty when it saved and closed. */
    String promise(int days) {
        WebElement panel = browser.findElement(By.id("override:override-panel"));
        WebElement promised = browser.findElement(By.id("override:promised"));
        promised.clear();
        promised.sendKeys(String.valueOf(days));
        // The save re-renders the panel: wait for that, so an earlier refusal is not read as this one's. An Enter
        // that reaches the field before the page's script is ready again after the last save is lost (seen once in
        // a full run on a loaded machine): then it is pressed again, which saves the same value.
        for (int attempt = 0; ; attempt++) {
            promised.sendKeys(Keys.ENTER);
            try {
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.stalenessOf(panel));
                break;
            } catch (TimeoutException lost) {
                if (attempt == 2) {
                    throw lost;
                }
            }
        }
        wait.until(
                ExpectedConditions.or(
                        ExpectedConditions.invisibilityOfElementLocated(By.id("override:override-dialog")),
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(
                                        "#override\\:override-dialog .ui-message-error, #override\\:override-dialog .ui-messages-error"))));
        return browser
                .findElements(
                        By.cssSelector(
                                "#override\\:override-dialog .ui-message-error, #override\\:override-dialog .ui-messages-error"))
                .stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    /**
     * Adds a local field of the application form in the open override dialog (本级增加的申请表字段): the last row's
     * code, label, type and options.
     */
    void addLocalField(String code, String label, String type, String options) {
        int rows = browser.findElements(By.cssSelector("#override\\:local-fields .ow-local-field"))
                .size();
        browser.findElement(By.id("override:add-field")).click();
        wait.until(d -> d.findElements(By.cssSelector("#override\\:local-fields .ow-local-field"))
                        .size()
                == rows + 1);
        WebElement row = browser.findElements(By.cssSelector("#override\\:local-fields .ow-local-field"))
                .get(rows);
        row.findElement(By.cssSelector("input[id$='field-code']")).sendKeys(code);
        row.findElement(By.cssSelector("input[id$='field-label']")).sendKeys(label);
        new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("select[id$='field-type']")))
                .selectByValue(type);
        row.findElement(By.cssSelector("input[id$='field-options']")).sendKeys(options);
    }

    /** The local fields' rows in the open override dialog, as text of their inputs: code, label. */
    java.util.List<String> localFieldCodes() {
        return browser.findElements(By.cssSelector("#override\\:local-fields input[id$='field-code']")).stream()
                .map(input -> input.getAttribute("value"))
                .toList();
    }

    /** Replaces the code of the local field in the given row (0-based). */
    void retypeLocalFieldCode(int row, String code) {
        WebElement input = browser.findElements(By.cssSelector("#override\\:local-fields input[id$='field-code']"))
                .get(row);
        input.clear();
        input.sendKeys(code);
    }

    /** Removes the local field of the given row (0-based) from the open dialog. */
    void removeLocalField(int row) {
        int rows = browser.findElements(By.cssSelector("#override\\:local-fields .ow-local-field"))
                .size();
        browser.findElements(By.cssSelector("#override\\:local-fields button[id$='remove-field']"))
                .get(row)
                .click();
        wait.until(d -> d.findElements(By.cssSelector("#override\\:local-fields .ow-local-field"))
                        .size()
                == rows - 1);
    }

    /** Presses 保存 in the override dialog; returns the dialog's error text, empty when it saved and closed. */
    String saveOverride() {
        WebElement panel = browser.findElement(By.id("override:override-panel"));
        browser.findElement(By.id("override:save-override")).click();
        wait.until(ExpectedConditions.stalenessOf(panel));
        wait.until(
                ExpectedConditions.or(
                        ExpectedConditions.invisibilityOfElementLocated(By.id("override:override-dialog")),
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(
                                        "#override\\:override-dialog .ui-message-error, #override\\:override-dialog .ui-messages-error"))));
        return browser
                .findElements(
                        By.cssSelector(
                                "#override\\:override-dialog .ui-message-error, #override\\:override-dialog .ui-messages-error"))
                .stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    String adoption() {
        return browser.findElement(By.id("adoption:tenants")).getText();
    }

    String pageMessages() {
        return browser.findElement(By.id("messages")).getText();
    }
}
