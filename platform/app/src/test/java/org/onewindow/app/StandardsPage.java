package org.onewindow.app;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's standards page: the items, a draft, the side-by-side comparison, the impact preview, publishing. */
final class StandardsPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    StandardsPage(WebDriver browser, URI base) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base.resolve("admin/standards.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("standards:items")));
    }

    void open(String itemCode) {
        // Searched first, as an editor would: the list pages by ten and other tests add items to the shared catalog.
        WebElement query = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standards:query")));
        query.clear();
        query.sendKeys(itemCode);
        WebElement listed = browser.findElement(By.id("standards:items"));
        browser.findElement(By.id("standards:search")).click();
        wait.until(ExpectedConditions.stalenessOf(listed));
        By link = By.cssSelector("#standards\\:items a.ow-open[data-code='" + itemCode + "']");
        wait.until(ExpectedConditions.elementToBeClickable(link)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-name"), itemCode));
    }

    /** Starts a draft from the version in force and returns the elements the editor shows. */
    String startDraft() {
        browser.findElement(By.id("standards:new-draft")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standards:elements")))
                .getAttribute("value");
    }

    void editElements(String json) {
        WebElement elements = browser.findElement(By.id("standards:elements"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", elements, json);
    }

    void compare() {
        browser.findElement(By.id("standards:compare")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("standards:diff")));
    }

    /** The rows of the comparison that are marked changed, as shown. */
    String changedRows() {
        return browser.findElements(By.cssSelector("#standards\\:diff tr.ow-changed")).stream()
                .map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    /** Narrows the comparison to the changed elements and brings it into view. */
    void showChangedOnly() {
        WebElement diff = browser.findElement(By.id("standards:diff"));
        browser.findElement(By.cssSelector("#standards\\:changed-only .ui-chkbox-box"))
                .click();
        wait.until(ExpectedConditions.stalenessOf(diff));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center'});",
                        browser.findElement(By.id("standards:diff")));
    }

    /** Saves the draft; the editor closes once it is saved. */
    void saveDraft() {
        WebElement editor = browser.findElement(By.id("standards:elements"));
        browser.findElement(By.id("standards:save-draft")).click();
        wait.until(ExpectedConditions.stalenessOf(editor));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("standards:impact")));
    }

    /** Opens the existing draft in the editor and returns its elements. */
    String editDraft() {
        browser.findElement(By.id("standards:edit-draft")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standards:elements")))
                .getAttribute("value");
    }

    /** Asks to discard the draft and confirms; returns the confirmation's text. */
    String discardDraft() {
        browser.findElement(By.id("standards:discard-draft")).click();
        String question = wait.until(
                        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")))
                .getText();
        browser.findElement(By.id("standards:confirm-yes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("standards:discard-draft")));
        return question;
    }

    /** Types a value into one of the draft form's fields ({@code form-name}, {@code form-promised}, …). */
    void fill(String field, String value) {
        WebElement input = browser.findElement(By.id("standards:" + field));
        input.clear();
        input.sendKeys(value);
    }

    /** The value a field of the draft form shows. */
    String field(String field) {
        return browser.findElement(By.id("standards:" + field)).getAttribute("value");
    }

    /** Types a value into a field of the material at that position ({@code material-name}, {@code material-sources}). */
    void fillMaterial(int index, String field, String value) {
        fill("materials:" + index + ":" + field, value);
    }

    /** Adds a material to the form; returns its position (0-based), as its fields are named. */
    int addMaterial() {
        int before = materialCount();
        WebElement form = browser.findElement(By.id("standards:draft-form"));
        browser.findElement(By.id("standards:add-material")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.id("standards:materials:" + before + ":material-name")));
        return before;
    }

    int materialCount() {
        return browser.findElements(By.cssSelector("#standards\\:draft-form .ow-draft-row[data-code]"))
                .size();
    }

    /** Chooses the material's form by its name (原件, 复印件, 电子件). */
    void chooseMaterialForm(int index, String label) {
        browser.findElement(By.id("standards:materials:" + index + ":material-form"))
                .findElement(By.xpath(".//label[normalize-space(.)='" + label + "']"))
                .click();
    }

    /** Ticks or unticks a source of the material by its name (申请人提供, 部门共享数据：施工图审查). */
    void toggleSource(int index, String name) {
        browser.findElement(By.id("standards:materials:" + index + ":material-sources"))
                .findElement(By.xpath(".//label[normalize-space(.)='" + name + "']"))
                .click();
    }

    /** The names of the sources ticked for the material, in the order shown. */
    java.util.List<String> chosenSources(int index) {
        WebElement sources = browser.findElement(By.id("standards:materials:" + index + ":material-sources"));
        return sources.findElements(By.cssSelector("input[type=checkbox]")).stream()
                .filter(WebElement::isSelected)
                .map(box -> sources.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
                        .getText())
                .toList();
    }

    /** Saves the form with the keyboard (Enter on its button); the editor closes once it is saved. */
    void saveForm() {
        WebElement form = browser.findElement(By.id("standards:draft-form"));
        browser.findElement(By.id("standards:save-form")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(form));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("standards:impact")));
    }

    /** Saves the form, which is refused; returns the message shown at {@code field}. */
    String saveFormRefused(String field) {
        WebElement form = browser.findElement(By.id("standards:draft-form"));
        browser.findElement(By.id("standards:save-form")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(form));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standards:" + field + "-message")))
                .getText();
    }

    /** Compares JSON that is refused; returns the message shown at the JSON. */
    String compareRefused() {
        WebElement editor = browser.findElement(By.id("standards:elements"));
        browser.findElement(By.id("standards:compare")).click();
        wait.until(ExpectedConditions.stalenessOf(editor));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("standards:elements-message")))
                .getText();
    }

    /** Leaves the editor without saving. */
    void cancelDraft() {
        WebElement editor = browser.findElement(By.id("standards:elements"));
        browser.findElement(By.id("standards:cancel-draft")).click();
        wait.until(ExpectedConditions.stalenessOf(editor));
    }

    String draftVersion() {
        return browser.findElement(By.id("draft-version")).getText();
    }

    String messages() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("messages")))
                .getText();
    }

    String previewImpact() {
        browser.findElement(By.id("standards:impact")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("impact-panel")))
                .getText();
    }

    /** Asks to publish; returns the confirmation's text, leaving it open. */
    String askToPublish() {
        browser.findElement(By.id("standards:publish")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")))
                .getText();
    }

    String confirmPublish() {
        browser.findElement(By.id("standards:confirm-yes")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")))
                .getText();
    }

    /** The recent publications table, as shown (scrolled into view). */
    String publications() {
        WebElement table = browser.findElement(By.id("standards:publications"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", table);
        return table.getText();
    }

    String adoption() {
        return browser.findElement(By.id("adoption:tenants")).getText();
    }
}
