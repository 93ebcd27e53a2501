package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/**
 * Every refusal of the catalog reads well to a clerk, in Chinese by default and in English. That both
 * languages have the same keys and arguments is checked for every bundle of the WAR, this one included, by
 * {@code org.onewindow.testing.Bundles} in platform/app's {@code BundlesTest}.
 */
class CatalogMessagesTest {

    private static final String BUNDLE = "org.onewindow.catalog.messages";
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"(catalog\\.[a-z.]+)\"");

    private static Properties bundle(String suffix) {
        String name = "/" + BUNDLE.replace('.', '/') + suffix + ".properties";
        try (InputStream in = CatalogMessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String render(Locale locale, DomainException refused) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(refused.key()), locale)
                .format(refused.arguments().toArray());
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

        assertThat(used).isNotEmpty();
        assertThat(bundle("").stringPropertyNames()).containsAll(used);
    }

    @Test
    void noMessageHasABareApostropheThatMessageFormatWouldSwallow() {
        for (Properties messages : new Properties[] {bundle(""), bundle("_en")}) {
            messages.forEach(
                    (key, text) -> assertThat((String) text).as((String) key).doesNotContain("'"));
        }
    }

    @Test
    void aPromiseAboveTheLawReadsWithBothNumbers() {
        DomainException refused = new DomainException("catalog.limits.promised.above.statutory", 2, 1);

        assertThat(render(Locale.SIMPLIFIED_CHINESE, refused)).isEqualTo("承诺时限2个工作日不能超过法定时限1个工作日");
        assertThat(render(Locale.ENGLISH, refused))
                .isEqualTo("A promised limit of 2 working days cannot exceed the statutory limit of 1");
    }

    @Test
    void aProtectedElementIsNamed() {
        DomainException refused = new DomainException("catalog.override.protected", "legalBasis");

        assertThat(render(Locale.SIMPLIFIED_CHINESE, refused)).isEqualTo("“legalBasis”由法律法规或标准确定，本级不能调整");
        assertThat(render(Locale.ENGLISH, refused))
                .isEqualTo("\"legalBasis\" is fixed by law or by the standard and cannot be changed locally");
    }
}
