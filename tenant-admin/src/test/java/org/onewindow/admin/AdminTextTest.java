package org.onewindow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.process.domain.TemplateSource;
import org.onewindow.process.domain.TemplateStep;

/**
 * The process templates page finds a text for every key it uses and every kind of step, tier, status and draft
 * change it shows. That the console's texts ({@code #{a}}) exist in Chinese and English with the same arguments
 * is checked for every bundle of the WAR by {@code org.onewindow.testing.Bundles} in platform/app's
 * {@code BundlesTest}.
 */
class AdminTextTest {

    private static final Pattern KEY_ON_PAGE = Pattern.compile("a\\['([a-zA-Z.]+)'");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"(processes\\.[a-zA-Z.]+)\"");
    private static final Path PAGE = Path.of("src/main/resources/META-INF/resources/admin/processes.xhtml");
    private static final Path NAV = Path.of("src/main/resources/META-INF/resources/WEB-INF/includes/admin/nav.xhtml");
    private static final Path BACKING = Path.of("src/main/java/org/onewindow/admin/ProcessTemplatesBacking.java");

    private static Properties bundle(String language) {
        String name = "/org/onewindow/admin/text_" + language + ".properties";
        try (InputStream in = AdminTextTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> matches(Pattern pattern, Path file) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(Files.readString(file));
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void everyTextTheProcessesPageUsesExists() throws IOException {
        Set<String> used = matches(KEY_ON_PAGE, PAGE);
        used.addAll(matches(KEY_ON_PAGE, NAV));
        // A key ending in a dot is completed on the page (a['processes.kind.'.concat(step.kind())]): checked below.
        used.removeIf(key -> key.endsWith("."));
        used.addAll(matches(KEY_IN_CODE, BACKING));
        Arrays.stream(TemplateStep.Kind.values()).forEach(kind -> used.add("processes.kind." + kind.name()));
        Arrays.stream(TemplateSource.values()).forEach(source -> used.add("source." + source.name()));
        Set.of("IN_FORCE", "REPLACED", "RETIRED").forEach(status -> used.add("processes.status." + status));
        Arrays.stream(ProcessTemplatesBacking.StepChange.values())
                .filter(change -> change != ProcessTemplatesBacking.StepChange.SAME)
                .forEach(change -> used.add("processes.draft.change." + change.name()));

        assertThat(used).contains("processes.title", "nav.processes");
        assertThat(bundle("zh").stringPropertyNames()).containsAll(used);
        assertThat(bundle("en").stringPropertyNames()).containsAll(used);
    }

    @Test
    void theProcessesTextsHaveNoBareApostropheThatMessageFormatWouldSwallow() {
        for (Properties texts : new Properties[] {bundle("zh"), bundle("en")}) {
            texts.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("processes."))
                    .forEach(key -> assertThat(texts.getProperty(key)).as(key).doesNotContain("'"));
        }
    }

    @Test
    void aStepKindReadsInWordsAndADryRunEndsInWords() {
        Properties chinese = bundle("zh");
        Properties english = bundle("en");

        assertThat(chinese.getProperty("processes.kind.SEQUENTIAL_REVIEWS")).isEqualTo("逐级审查");
        assertThat(chinese.getProperty("processes.kind.PARALLEL_REVIEWS")).isEqualTo("并联审查");
        assertThat(new MessageFormat(chinese.getProperty("processes.trial.finished"), Locale.SIMPLIFIED_CHINESE)
                        .format(new Object[] {4}))
                .isEqualTo("共4轮，流程已办结");
        assertThat(new MessageFormat(english.getProperty("processes.trial.finished"), Locale.ENGLISH)
                        .format(new Object[] {1}))
                .isEqualTo("1 round, the case is done");
        assertThat(new MessageFormat(english.getProperty("processes.trial.finished"), Locale.ENGLISH)
                        .format(new Object[] {4}))
                .isEqualTo("4 rounds, the case is done");
    }
}
