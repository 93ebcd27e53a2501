package org.onewindow.app;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's staff page as an administrator uses it: search, the "new account" dialog, the table. */
final class StaffPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    StaffPage(WebDriver browser, URI base) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base.resolve("admin/staff.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff:accounts")));
    }

    void openCreate() {
        browser.findElement(By.id("staff:open-create")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff:new-username")));
    }

    /** Types into the division field and picks the suggestion with {@code code}, as a user does. */
    void chooseTenant(String typed, String code) {
        WebElement input = browser.findElement(By.id("staff:new-tenant_input"));
        input.sendKeys(typed);
        By suggestion = By.xpath("//*[@id='staff:new-tenant_panel']//li[contains(., '" + code + "')]");
        wait.until(ExpectedConditions.elementToBeClickable(suggestion)).click();
        // The roles the administrator may grant there appear once the division is chosen.
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff:new-roles")));
        } finally {
            org.onewindow.testing.Browser.screenshot(
                    (org.openqa.selenium.chrome.ChromeDriver) browser, "staff-create-division");
        }
    }

    void fill(String username, String displayName, String password) {
        browser.findElement(By.id("staff:new-username")).sendKeys(username);
        browser.findElement(By.id("staff:new-name")).sendKeys(displayName);
        browser.findElement(By.cssSelector("input[id^='staff:new-password']")).sendKeys(password);
    }

    /** Ticks the checkbox labelled {@code label} in the dialog's list {@code list} (roles, departments, windows). */
    void tick(String list, String label) {
        WebElement box = browser.findElement(By.id("staff:new-" + list))
                .findElement(By.xpath(".//label[normalize-space()='" + label + "']"));
        box.click();
    }

    /** The labels the dialog's list {@code list} offers. */
    String offered(String list) {
        return browser.findElement(By.id("staff:new-" + list)).getText();
    }

    /** Saves the dialog; returns the errors it then shows (empty when it closed). */
    String save() {
        browser.findElement(By.id("staff:save-create")).click();
        wait.until(ExpectedConditions.or(
                ExpectedConditions.invisibilityOfElementLocated(By.id("staff:create-dialog")),
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#staff\\:create-dialog .ui-messages-error"))));
        return browser.findElements(By.cssSelector("#staff\\:create-dialog .ui-messages-error")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
    }

    /** Opens the bulk import dialog and uploads {@code list}; returns the summary of the preview it shows. */
    String previewList(java.nio.file.Path list) {
        browser.findElement(By.id("staff:open-import")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-import:import-dialog")));
        WebElement summary = browser.findElement(By.id("import-summary"));
        browser.findElement(By.id("staff-import:upload_input"))
                .sendKeys(list.toAbsolutePath().toString());
        wait.until(ExpectedConditions.stalenessOf(summary));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        return browser.findElement(By.id("import-summary")).getText();
    }

    /** The import dialog's report table, as text. */
    String importReport() {
        return browser.findElement(By.id("staff-import:report")).getText();
    }

    void search(String text) {
        WebElement query = browser.findElement(By.id("staff:query"));
        query.clear();
        query.sendKeys(text);
        WebElement listed = browser.findElement(By.id("staff:accounts"));
        browser.findElement(By.id("staff:search")).click();
        // The search re-renders the list: wait for the old one to go, then read the new one.
        wait.until(ExpectedConditions.stalenessOf(listed));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff:accounts")));
    }

    String table() {
        return browser.findElement(By.id("staff:accounts")).getText();
    }

    String pageMessages() {
        return browser.findElement(By.id("messages")).getText();
    }

    /** Whether the page is no wider than the window: nothing to scroll sideways on a phone. */
    static boolean fitsTheWindow(WebDriver browser) {
        Object fits = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        return Boolean.TRUE.equals(fits);
    }
}
