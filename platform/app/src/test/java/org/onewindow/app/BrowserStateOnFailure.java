package org.onewindow.app;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.onewindow.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * When a browser test fails, its message says what the page showed at that moment (address, focused field, the
 * messages on the page, requests still on their way, the console) and a screenshot is kept under
 * target/screenshots/failed-TEST.png: a failure seen only in CI can then be read from its log.
 */
final class BrowserStateOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (ShippedWarInBrowser.browser == null) {
            throw thrown;
        }
        String state;
        try {
            state = state(context.getRequiredTestMethod().getName());
        } catch (WebDriverException | IllegalStateException unreadable) {
            state = "the browser could not be read: " + unreadable.getMessage();
        }
        AssertionError failure = new AssertionError(thrown.getMessage() + "\n--- the page at failure ---\n" + state);
        failure.initCause(thrown);
        failure.setStackTrace(thrown.getStackTrace());
        throw failure;
    }

    private static String state(String test) {
        var browser = ShippedWarInBrowser.browser;
        Browser.screenshot(browser, "failed-" + test);
        Object pending =
                ((JavascriptExecutor) browser).executeScript("return window.jQuery ? window.jQuery.active : -1");
        WebElement focused = browser.switchTo().activeElement();
        List<String> messages = browser
                .findElements(By.cssSelector(".ui-message-error, .ui-messages-error, .ui-messages-info, .ow-live"))
                .stream()
                .map(e -> e.getAttribute("class") + ": " + e.getText())
                .toList();
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
        return "url: " + browser.getCurrentUrl()
                + "\nfocused: " + focused.getTagName() + "#" + focused.getAttribute("id")
                + "\nrequests on their way: " + pending
                + "\nmessages: " + messages
                + "\nconsole: " + console;
    }
}
