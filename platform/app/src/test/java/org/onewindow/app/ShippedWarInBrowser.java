package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.testing.Browser;
import org.openqa.selenium.chrome.ChromeDriver;

/** The shipped WAR seen through one headless Chromium per test class, as a user sees it. */
@ExtendWith(BrowserStateOnFailure.class)
abstract class ShippedWarInBrowser extends ShippedWar {

    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open();
    }

    /** Every page a browser test opened ran its own scripts: none refused by the policy, none failing. */
    @AfterEach
    void noScriptWasRefusedOrFailed() {
        assertThat(Browser.scriptProblems(browser)).as("the browser console").isEmpty();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
