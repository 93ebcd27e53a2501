package org.onewindow.app;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The intake page ({@code clerk/cases/intake.xhtml}) as a clerk uses it all day: with the keyboard only. Every step
 * types into whatever has the focus, so a page that loses the focus or breaks the Enter/Tab order fails the test.
 */
final class ClerkIntakePage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    ClerkIntakePage(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("find:q")));
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** The path of the application form's field that has the focus ({@code phone}), or "" outside the form. */
    String focusedField() {
        Object path = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("var field = document.activeElement.closest('[data-field]');"
                        + " return field ? field.getAttribute('data-field') : '';");
        return String.valueOf(path);
    }

    /** Types into the focused element. */
    ClerkIntakePage type(CharSequence... keys) {
        focused().sendKeys(keys);
        return this;
    }

    /** Presses Alt with a letter: an access key of the page. */
    ClerkIntakePage accessKey(String letter) {
        new Actions(browser).keyDown(Keys.ALT).sendKeys(letter).keyUp(Keys.ALT).perform();
        return this;
    }

    /** Types the search and presses Enter; waits until the focus is on the first item found. */
    ClerkIntakePage find(String words) {
        type(words, Keys.ENTER);
        wait.until(d -> focusedHasClass("ow-pick"));
        return this;
    }

    List<String> foundCodes() {
        return browser.findElements(By.cssSelector("#find .ow-pick")).stream()
                .map(e -> e.getAttribute("data-code"))
                .toList();
    }

    /** Enter on the focused item: its guide and form open, the focus on the applicant's name. */
    ClerkIntakePage pickFocused() {
        type(Keys.ENTER);
        wait.until(d -> {
            try {
                return "intake:name".equals(focused().getAttribute("id"));
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
        return this;
    }

    /** Types characters one by one into the applicant's ID number (focused) and waits for the live check to say. */
    String typeIdNumberAndReadCheck(String characters, String expected) {
        focused().sendKeys(characters);
        // Each key sends its check: read the answer once the last one is in, not while the next replaces it.
        settled();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("intake:id-check"), expected));
        return browser.findElement(By.id("intake:id-check")).getText();
    }

    /** Enter until the focus is on the first material's select, checking that Enter only ever moves forward. */
    ClerkIntakePage enterToMaterials() {
        for (int i = 0; i < 10 && !focusedIsMaterialSelect(); i++) {
            type(Keys.ENTER);
        }
        if (!focusedIsMaterialSelect()) {
            throw new AssertionError(
                    "Enter did not reach the materials, focus on " + focused().getAttribute("id"));
        }
        return this;
    }

    /**
     * Marks materials from the focused select on: for each, {@code downs} arrow presses (1 = paper seen, 0 = not
     * handed in), then Enter past the note to the next select.
     */
    ClerkIntakePage markMaterials(int... downs) {
        for (int down : downs) {
            if (!focusedIsMaterialSelect()) {
                throw new AssertionError(
                        "not on a material, focus on " + focused().getAttribute("id"));
            }
            for (int i = 0; i < down; i++) {
                type(Keys.ARROW_DOWN);
            }
            type(Keys.ENTER, Keys.ENTER);
        }
        return this;
    }

    /** The input of the application form's field at {@code path} ({@code phone}, {@code members[0].idNumber}). */
    WebElement formInput(String path) {
        return browser.findElement(By.cssSelector(
                "[data-field='" + path + "'] input:not([type=hidden]), [data-field='" + path + "'] textarea"));
    }

    /**
     * Waits until no request of the page is queued or on its way, as a clerk sees the page settle before pressing a
     * button. PrimeFaces sends its requests (the live ID checks on each key, the buttons) one after the other through
     * its own queue, outside jQuery's count of active requests: the queue is what tells.
     */
    ClerkIntakePage settled() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0)")));
        return this;
    }

    /** Types into a field of the application form, replacing what it held. */
    ClerkIntakePage fill(String path, String text) {
        WebElement input = formInput(path);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        return this;
    }

    /** Chooses an option of a choice field of the application form with the arrow key, as a clerk does. */
    ClerkIntakePage choose(String path, String option) {
        WebElement menu = browser.findElement(By.cssSelector("[data-field='" + path + "'] .ui-selectonemenu"));
        // The menu's label takes the keys (PrimeFaces' combobox): each arrow down chooses the next option.
        WebElement label = menu.findElement(By.cssSelector(".ui-selectonemenu-label"));
        for (int i = 0; i < 20 && !label.getText().equals(option); i++) {
            label.sendKeys(Keys.ARROW_DOWN);
        }
        if (!label.getText().equals(option)) {
            throw new AssertionError("no option " + option + " in " + path + ", at " + label.getText());
        }
        return this;
    }

    /** The message shown beside a field of the application form; empty when there is none. */
    String formError(String path) {
        return browser.findElements(By.cssSelector("[data-field='" + path + "'] .ow-field-error")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    /** Clicks a button of the form (add or remove a table's row) and waits for the form to be drawn again. */
    ClerkIntakePage formButton(String css, int rowsAfter) {
        browser.findElement(By.cssSelector(css)).click();
        wait.until(d -> d.findElements(By.cssSelector(".ow-form-row")).size() == rowsAfter);
        return this;
    }

    /** 最低生活保障申请表 filled in for one household member, the applicant. */
    ClerkIntakePage fillDibaoForm(String name, String idNumber) {
        fill("householdSize", "1");
        fill("members[0].name", name);
        fill("members[0].idNumber", idNumber);
        choose("members[0].relation", "本人");
        fill("members[0].monthlyIncome", "300");
        fill("monthlyHouseholdIncome", "300");
        fill("reason", "年老体弱，无固定收入");
        fill("bankName", "桓台农商银行");
        fill("bankAccount", "6228480012345678");
        fill("phone", "13805331234");
        return this;
    }

    /** Alt+letter on a decision button; waits for the outcome or a refusal message. */
    ClerkIntakePage decide(String accessKey) {
        accessKey(accessKey);
        wait.until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("outcome")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message-error, .ui-messages-error"))));
        return this;
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    boolean has(String id) {
        return !browser.findElements(By.id(id)).isEmpty();
    }

    /** Every error message on the page. */
    String errors() {
        return String.join(
                " | ",
                browser.findElements(By.cssSelector(".ui-message-error, .ui-messages-error")).stream()
                        .map(WebElement::getText)
                        .toList());
    }

    String printHref() {
        return browser.findElement(By.id("print")).getAttribute("href");
    }

    /** Whether the focused element has the class; false while an AJAX update replaces it (read again next poll). */
    private boolean focusedHasClass(String css) {
        try {
            String classes = focused().getAttribute("class");
            return classes != null && classes.contains(css);
        } catch (StaleElementReferenceException replaced) {
            return false;
        }
    }

    private boolean focusedIsMaterialSelect() {
        WebElement element = focused();
        return element.getTagName().equals("select")
                && element.getAttribute("class").contains("ow-mark");
    }
}
