package org.onewindow.app;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff login page, as a clerk uses it: type, press Enter. */
final class LoginPage {

    private final WebDriver browser;
    private final URI base;

    LoginPage(WebDriver browser, URI base) {
        this.browser = browser;
        this.base = base;
    }

    LoginPage open() {
        browser.manage().deleteAllCookies();
        browser.get(base.resolve("login.xhtml").toString());
        return this;
    }

    /** Logs in and waits for the next page; returns this page's error text if login was refused. */
    String logIn(String username, String password) {
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password + "\n");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.or(
                        ExpectedConditions.urlContains("/app/"),
                        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error"))));
        return browser.findElements(By.cssSelector(".ui-messages-error")).stream()
                .map(e -> e.getText())
                .findFirst()
                .orElse("");
    }
}
