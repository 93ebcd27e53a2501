package org.onewindow.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.onewindow.testing.Browser;
import org.openqa.selenium.chrome.ChromeDriver;

/** The shipped WAR seen through one headless Chromium per test class, as a user sees it. */
abstract class ShippedWarInBrowser extends ShippedWar {

    static ChromeDriver browser;

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
}
