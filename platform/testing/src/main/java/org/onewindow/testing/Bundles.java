package org.onewindow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * The one check that a language bundle reads the same in both languages: Chinese (zh-CN, the default:
 * {@code name.properties}, {@code name_zh.properties} or {@code name_zh_CN.properties}) and English
 * ({@code name_en.properties}) have the same keys, no empty text, and every text is a
 * {@link MessageFormat} pattern that parses and uses the same argument numbers in both languages, none
 * of them swallowed by an unpaired apostrophe. Bundles are named by their class-path base name, e.g.
 * {@code org/onewindow/kernel/messages}.
 */
public final class Bundles {

    /** Where the project's bundles live; every {@code .properties} file under it belongs to a bundle. */
    public static final String ROOT = "org/onewindow";

    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("(_en|_zh|_zh_CN)?\\.properties$");
    private static final List<String> CHINESE_SUFFIXES = List.of("", "_zh", "_zh_CN");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private Bundles() {}

    /** The base names of every bundle under {@link #ROOT} that {@code loader} sees, in folders and jars alike. */
    public static SortedSet<String> discover(ClassLoader loader) {
        SortedSet<String> bases = new TreeSet<>();
        try {
            for (URL root : Collections.list(loader.getResources(ROOT))) {
                for (String resource : propertiesUnder(root)) {
                    bases.add(LANGUAGE_SUFFIX.matcher(resource).replaceFirst(""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bases;
    }

    /** {@link #assertSameKeys(ClassLoader, String)} with the class loader that loaded this class. */
    public static void assertSameKeys(String baseName) {
        assertSameKeys(Bundles.class.getClassLoader(), baseName);
    }

    /**
     * Asserts that the bundle {@code baseName} (e.g. {@code org/onewindow/kernel/messages}) exists in Chinese
     * and English with the same keys, no empty texts, and patterns that parse and use the same arguments.
     * Every finding is reported at once.
     */
    public static void assertSameKeys(ClassLoader loader, String baseName) {
        List<String> chineseFiles = CHINESE_SUFFIXES.stream()
                .map(suffix -> baseName + suffix + ".properties")
                .filter(name -> loader.getResource(name) != null)
                .toList();
        assertThat(chineseFiles)
                .as("the Chinese (default) texts of %s: one of %s.properties, _zh or _zh_CN", baseName, baseName)
                .hasSize(1);
        Properties chinese = load(loader, chineseFiles.get(0));
        Properties english = load(loader, baseName + "_en.properties");
        assertThat(english)
                .as("the English texts of %s (%s_en.properties)", baseName, baseName)
                .isNotNull();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(chinese).as("%s has texts", baseName).isNotEmpty();
        softly.assertThat(difference(chinese, english))
                .as("%s: keys in Chinese that English lacks", baseName)
                .isEmpty();
        softly.assertThat(difference(english, chinese))
                .as("%s: keys in English that Chinese lacks", baseName)
                .isEmpty();
        for (var language :
                List.of(new Object[] {chinese, Locale.SIMPLIFIED_CHINESE}, new Object[] {english, Locale.ENGLISH})) {
            Properties texts = (Properties) language[0];
            Locale locale = (Locale) language[1];
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                String text = texts.getProperty(key);
                softly.assertThat(text.isBlank())
                        .as("%s [%s] %s is empty", baseName, locale, key)
                        .isFalse();
                try {
                    new MessageFormat(text, locale);
                } catch (IllegalArgumentException e) {
                    softly.fail("%s [%s] %s is no MessageFormat pattern (%s): %s", baseName, locale, key, e, text);
                    continue;
                }
                softly.assertThat(arguments(text))
                        .as(
                                "%s [%s] %s: an apostrophe swallows a placeholder (write '' for one): %s",
                                baseName, locale, key, text)
                        .isEqualTo(writtenPlaceholders(text));
            }
        }
        for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
            if (english.containsKey(key)) {
                softly.assertThat(arguments(english.getProperty(key)))
                        .as("%s %s: arguments in English vs Chinese", baseName, key)
                        .isEqualTo(arguments(chinese.getProperty(key)));
            }
        }
        softly.assertAll();
    }

    /**
     * Asserts that every text of {@code baseName} is written in its own language: an English text holds no Chinese
     * character (a leftover the English page would show), and a Chinese text that holds letters holds a Chinese
     * character too (a text of Latin words only is an English leftover in the Chinese page). Placeholders,
     * identifiers and product names beside Chinese words are fine ({@code 请上传 Excel 工作簿（.xlsx）}).
     *
     * @param onPurpose the keys ({@code bundle#key}) written in the other language on purpose, each with why (the
     *     language switch names the other language in that language)
     */
    public static void assertInItsLanguage(ClassLoader loader, String baseName, Map<String, String> onPurpose) {
        String chineseFile = CHINESE_SUFFIXES.stream()
                .map(suffix -> baseName + suffix + ".properties")
                .filter(name -> loader.getResource(name) != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Chinese texts for " + baseName));
        Properties chinese = load(loader, chineseFile);
        Properties english = load(loader, baseName + "_en.properties");
        SoftAssertions softly = new SoftAssertions();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String text = english.getProperty(key);
            if (!onPurpose.containsKey(baseName + "#" + key)) {
                softly.assertThat(HAN.matcher(text).find())
                        .as("%s [en] %s holds Chinese: %s", baseName, key, text)
                        .isFalse();
            }
        }
        for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
            String words = PLACEHOLDER.matcher(chinese.getProperty(key)).replaceAll("");
            if (!onPurpose.containsKey(baseName + "#" + key)
                    && LATIN_WORD.matcher(words).find()) {
                softly.assertThat(HAN.matcher(words).find())
                        .as("%s [zh] %s is not Chinese: %s", baseName, key, words)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    /**
     * The argument numbers {@link MessageFormat} substitutes in {@code pattern}: those of every
     * {@code {n...}} outside quoted text, nested ones (in a choice) included. {@code ''} is one apostrophe.
     */
    public static SortedSet<Integer> arguments(String pattern) {
        SortedSet<Integer> found = new TreeSet<>();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int j = i + 1;
                while (j < pattern.length() && Character.isWhitespace(pattern.charAt(j))) {
                    j++;
                }
                int start = j;
                while (j < pattern.length() && Character.isDigit(pattern.charAt(j))) {
                    j++;
                }
                if (j > start) {
                    found.add(Integer.parseInt(pattern.substring(start, j)));
                }
            }
        }
        return found;
    }

    /** Every {@code {n} } as written, quoted or not: what the author meant to be substituted. */
    static SortedSet<Integer> writtenPlaceholders(String pattern) {
        SortedSet<Integer> found = new TreeSet<>();
        Matcher matcher = ANY_PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

    private static Set<String> difference(Properties from, Properties without) {
        Set<String> keys = new TreeSet<>(from.stringPropertyNames());
        keys.removeAll(without.stringPropertyNames());
        return keys;
    }

    /** The file read as UTF-8, as {@link java.util.ResourceBundle} reads properties since Java 9; null when absent. */
    private static Properties load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> propertiesUnder(URL root) throws IOException {
        List<String> found = new ArrayList<>();
        if (root.getProtocol().equals("file")) {
            Path folder;
            try {
                folder = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.toString().endsWith(".properties"))
                        .map(file ->
                                ROOT + "/" + folder.relativize(file).toString().replace('\\', '/'))
                        .forEach(found::add);
            }
        } else if (root.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream()
                        .map(entry -> entry.getName())
                        .filter(name -> name.startsWith(ROOT + "/") && name.endsWith(".properties"))
                        .forEach(found::add);
            }
        }
        return found;
    }
}
