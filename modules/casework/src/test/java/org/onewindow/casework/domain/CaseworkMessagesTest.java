package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/** Every refusal of casework reads well to a clerk, in Chinese by default and in English. */
class CaseworkMessagesTest {

    private static final String BUNDLE = "/org/onewindow/casework/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!')\\{(\\d+)[^}]*}");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"(casework\\.[a-z.]+[a-z])\"");

    private static Properties bundle(String suffix) {
        try (InputStream in = CaseworkMessagesTest.class.getResourceAsStream(BUNDLE + suffix + ".properties")) {
            assertThat(in).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void bothLanguagesHaveTheSameMessagesWithTheSameArguments() {
        Properties chinese = bundle("");
        Properties english = bundle("_en");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        for (String key : chinese.stringPropertyNames()) {
            assertThat(placeholders(english.getProperty(key)))
                    .as(key)
                    .isEqualTo(placeholders(chinese.getProperty(key)));
        }
    }

    @Test
    void everyKeyTheCodeRefusesWithHasAMessage() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_CODE.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(bundle("").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyStateAndActionHasItsName() {
        Set<String> keys = bundle("").stringPropertyNames();
        for (CaseState state : CaseState.values()) {
            assertThat(keys).contains("casework.state." + state.name());
        }
        for (CaseAction action : CaseAction.values()) {
            assertThat(keys).contains("casework.action." + action.name());
        }
    }

    @Test
    void everyMessageRendersWithoutStrayQuotesOrBraces() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            for (String key : bundle("").stringPropertyNames()) {
                String rendered = Messages.format(locale, key, 7, 8, 9);

                assertThat(rendered)
                        .as("%s [%s]", key, locale)
                        .doesNotContain("'")
                        .isNotEqualTo(key);
                assertThat(rendered).as("%s [%s]", key, locale).doesNotContainPattern("\\{\\d");
            }
        }
    }

    @Test
    void aPatternRefusalShowsThePlaceholdersLiterally() {
        DomainException refused = new DomainException("casework.number.pattern.placeholder", "{month}");

        assertThat(Messages.format(Locale.ENGLISH, refused))
                .isEqualTo(
                        "Unknown placeholder {month} in the numbering pattern: use {county}, {date}, {year}, {seq:N}");
    }

    @Test
    void theLimitsReadWithBothNumbers() {
        DomainException refused = new DomainException("casework.limits.promised.above.statutory", 31, 30);

        assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, refused)).isEqualTo("承诺时限31个工作日不能超过法定时限30个工作日");
    }
}
