package org.onewindow.app;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public catalog's search page ({@code catalog/index.xhtml}) as a citizen uses it: the place selects submit
 * themselves on change, the search button submits the form. Every action waits for the new page.
 */
final class PublicCatalogPage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    PublicCatalogPage(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("search")));
    }

    /** The staff login page's link to the public catalog, followed as a newcomer would. */
    static PublicCatalogPage fromLoginPage(WebDriver browser) {
        browser.findElement(By.id("public-catalog")).click();
        return new PublicCatalogPage(browser);
    }

    /** The option shown in the place select {@code county}, {@code town} or {@code village}. */
    String chosen(String select) {
        return new Select(browser.findElement(By.id(select)))
                .getFirstSelectedOption()
                .getText();
    }

    /** Picks a town or village by name; the select submits the form itself (no button). */
    PublicCatalogPage pick(String select, String name) {
        return theNextPageAfter(() -> new Select(browser.findElement(By.id(select))).selectByVisibleText(name));
    }

    PublicCatalogPage search(String text) {
        WebElement query = browser.findElement(By.id("q"));
        query.clear();
        query.sendKeys(text);
        return theNextPageAfter(() -> browser.findElement(By.id("find")).click());
    }

    /**
     * Runs {@code submit} and waits for the page it loads. The page being left is marked, and the wait is for a
     * loaded page without the mark: asking the old page's elements whether they are gone is answered, while the page
     * changes, by this chromedriver with "node does not belong to the document" rather than as stale.
     */
    private PublicCatalogPage theNextPageAfter(Runnable submit) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("window.owLeft = true;");
        submit.run();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(page -> Boolean.TRUE.equals(
                        script.executeScript("return !window.owLeft && document.readyState === 'complete';")));
        return new PublicCatalogPage(browser);
    }

    /** The "N items at PLACE" line, or empty when no place is shown. */
    String count() {
        return browser.findElements(By.id("count")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    List<String> resultNames() {
        return browser.findElements(By.cssSelector("#results .owp-result a.owp-name")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The width of every place select, the keyword box and every result, in CSS pixels. */
    List<Integer> columnWidths() {
        return browser
                .findElements(By.cssSelector("#search select, #search input[type=search], #results .owp-result"))
                .stream()
                .map(e -> e.getSize().getWidth())
                .toList();
    }

    /** Whether the first result starts inside the first screen, i.e. is seen without scrolling. */
    boolean firstResultOnFirstScreen() {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("var r = document.querySelector('#results .owp-result');"
                        + " return r != null && r.getBoundingClientRect().top < window.innerHeight;");
    }

    /** Whether the folded filters (theme, life event, service object, tier) are open. */
    boolean moreFiltersOpen() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript("return document.getElementById('more').open;");
    }

    /** {@code [document width, viewport width]}: the page scrolls sideways when the first is larger. */
    static long[] widths(WebDriver browser) {
        List<?> widths = (List<?>) ((JavascriptExecutor) browser)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
        return new long[] {((Number) widths.get(0)).longValue(), ((Number) widths.get(1)).longValue()};
    }

    /** The page's declared language ({@code <html lang>}), as screen readers and the automated check read it. */
    static String language(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.documentElement.lang;");
    }
}
