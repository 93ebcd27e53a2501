package org.onewindow.app;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's conflicts page: the tenant's pending conflicts and the three ways to settle one. */
final class ConflictsPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    ConflictsPage(WebDriver browser, URI base) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(base.resolve("admin/conflicts.xhtml").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflicts:table")));
    }

    private By actions(String itemCode, String element) {
        return By.cssSelector(".ow-actions[data-conflict='" + itemCode + "/" + element + "']");
    }

    /** The conflict's row as shown (item, element, old and new standard, local value), empty when there is none. */
    String row(String itemCode, String element) {
        return browser.findElements(actions(itemCode, element)).stream()
                .map(a -> a.findElement(By.xpath("ancestor::tr[1]")).getText())
                .findFirst()
                .orElse("");
    }

    /** Asks to take the standard value; returns the confirmation's text, leaving it open. */
    String askToTakeStandard(String itemCode, String element) {
        browser.findElement(actions(itemCode, element))
                .findElement(By.cssSelector(".ow-take"))
                .click();
        WebElement dialog =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        return dialog.getText();
    }

    void confirm() {
        browser.findElement(By.id("conflicts:confirm-yes")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .ui-messages-info")));
    }

    String pageMessages() {
        return browser.findElement(By.id("messages")).getText();
    }
}
