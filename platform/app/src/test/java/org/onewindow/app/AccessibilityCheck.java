package org.onewindow.app;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core's automated WCAG 2.1 AA check (the rules tagged A and AA of WCAG 2.0 and 2.1, as GB/T 37668-2019 asks) on
 * the page the browser shows, at the desktop's width and at a phone's. The script comes from the library's jar and is
 * run through WebDriver, not through the page, so the pages' own script policy is not loosened for it.
 */
final class AccessibilityCheck {

    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final WebDriver browser;
    private final List<String> violations = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    AccessibilityCheck(WebDriver browser) {
        this.browser = browser;
    }

    /**
     * Checks the page shown now at both widths (resized in place: a page with view state, such as intake with an item
     * chosen, stays as it is) and notes every violation as {@code page @ width: rule (impact) selector: summary}.
     */
    AccessibilityCheck check(String page) {
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.manage().window().setSize(size);
            settled();
            // axe.run in the page itself (the library's "legacy" mode): its default runs each frame's part, then
            // opens a blank window, injects axe-core there a second time and merges the parts in it, a window and an
            // injection more per width, which only a frame from another origin needs; no page of ours has a frame.
            Results results =
                    new AxeBuilder().withTags(WCAG_AA).setLegacyMode(true).analyze(browser);
            if (results.isErrored()) {
                violations.add(page + " @ " + size.width + " px: axe failed: " + results.getErrorMessage());
            } else if (results.getPasses().isEmpty()) {
                violations.add(page + " @ " + size.width + " px: axe passed no rule: it did not look at the page");
            }
            for (Rule rule : results.getViolations()) {
                for (CheckedNode node : rule.getNodes()) {
                    violations.add(page + " @ " + size.width + " px: " + rule.getId() + " (" + rule.getImpact() + ") "
                            + node.getTarget() + ": " + node.getFailureSummary().replace('\n', ' '));
                }
            }
            checked.add(page + " @ " + size.width);
        }
        browser.manage().window().setSize(DESKTOP);
        return this;
    }

    /**
     * Waits until nothing moves: no request on its way, no jQuery animation, no finite CSS animation or transition
     * running. A dialog's mask fading in blends the colours under it, which axe would read as a contrast fault.
     */
    private void settled() {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(
                        driver -> Boolean.TRUE.equals(
                                ((JavascriptExecutor) driver)
                                        .executeScript(
                                                "return (!window.jQuery || (jQuery.active === 0 && jQuery(':animated').length === 0))"
                                                        + " && document.getAnimations().every(function (a) {"
                                                        + " return a.playState !== 'running' || a.effect.getTiming().iterations === Infinity; })")));
    }

    /** Every violation noted so far, one a line, for a reader to fix. */
    List<String> violations() {
        return violations;
    }

    /** The pages and widths checked, {@code page @ width}. */
    List<String> checked() {
        return checked;
    }
}
