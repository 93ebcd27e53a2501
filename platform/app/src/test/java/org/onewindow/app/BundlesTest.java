package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.testing.Bundles;

/**
 * Every language bundle of every module in the WAR reads the same in Chinese and English (issue 9: one
 * shared check, applied to every bundle). The bundles are found on the class path, so a new module's
 * bundle is checked the day its jar joins the WAR.
 */
class BundlesTest {

    static Set<String> everyBundle() {
        return Bundles.discover(BundlesTest.class.getClassLoader());
    }

    @Test
    void theBundlesOfEveryPartAreFound() {
        assertThat(everyBundle())
                .contains(
                        "org/onewindow/kernel/messages",
                        "org/onewindow/process/messages",
                        "org/onewindow/catalog/messages",
                        "org/onewindow/catalog/guide/guide",
                        "org/onewindow/ui/text",
                        "org/onewindow/ui/catalog",
                        "org/onewindow/admin/text");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyBundle")
    void readsTheSameInChineseAndEnglish(String bundle) {
        Bundles.assertSameKeys(bundle);
    }

    /**
     * Texts written in the other language on purpose, each with why; every other text is in its bundle's language.
     */
    static final Map<String, String> OTHER_LANGUAGE_ON_PURPOSE = Map.of(
            "org/onewindow/ui/catalog#public.language",
            "the language switch names the other language in that language: English / 中文",
            "org/onewindow/ui/catalog#catalog.keyword.placeholder",
            "example searches are what citizens type, in Chinese in either language",
            "org/onewindow/ui/cases#intake.find.placeholder",
            "the example search is what a clerk types, in Chinese in either language",
            "org/onewindow/catalog/messages#catalog.import.boolean.malformed",
            "the values a Chinese workbook may hold (是/否) are named as written");

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyBundle")
    void speaksItsOwnLanguageWithoutLeftovers(String bundle) {
        Bundles.assertInItsLanguage(BundlesTest.class.getClassLoader(), bundle, OTHER_LANGUAGE_ON_PURPOSE);
    }

    @Test
    void theLanguageCheckFindsAnEnglishLeftoverInChineseAndChineseInEnglish() {
        assertThatThrownBy(() -> Bundles.assertInItsLanguage(
                        BundlesTest.class.getClassLoader(), "bundleprobe/leftovers", Map.of()))
                .hasMessageContaining("bundleprobe/leftovers [zh] leftover is not Chinese: Save changes")
                .hasMessageContaining("bundleprobe/leftovers [en] mixed holds Chinese")
                .hasMessageNotContaining("[zh] mixed")
                .hasMessageNotContaining("numbers")
                .hasMessageNotContaining("[en] chinese");
        Bundles.assertInItsLanguage(
                BundlesTest.class.getClassLoader(),
                "bundleprobe/leftovers",
                Map.of("bundleprobe/leftovers#leftover", "probe", "bundleprobe/leftovers#mixed", "probe"));
    }

    /** The probe lives outside {@code org/onewindow}, so {@link #everyBundle} does not find it. */
    @Test
    void theCheckFindsAMissingKeyAnEmptyTextAndASwallowedOrDifferentArgument() {
        assertThatThrownBy(() -> Bundles.assertSameKeys("bundleprobe/broken"))
                .hasMessageContaining("keys in Chinese that English lacks")
                .hasMessageContaining("only.chinese")
                .hasMessageContaining("keys in English that Chinese lacks")
                .hasMessageContaining("only.english")
                .hasMessageContaining("empty.text is empty")
                .hasMessageContaining("swallowed: an apostrophe swallows a placeholder")
                .hasMessageContaining("other.argument: arguments in English vs Chinese")
                .hasMessageContaining("unbalanced is no MessageFormat pattern");
    }

    @Test
    void argumentsInQuotesAreNotArgumentsAndTwoApostrophesAreOne() {
        assertThat(Bundles.arguments("{0} of {1}")).containsExactly(0, 1);
        assertThat(Bundles.arguments("the token''s {0}")).containsExactly(0);
        assertThat(Bundles.arguments("the token's {0}")).isEmpty();
        assertThat(Bundles.arguments("{1,choice,0#none|1#one|1<{1,number,integer} rounds}"))
                .containsExactly(1);
    }
}
