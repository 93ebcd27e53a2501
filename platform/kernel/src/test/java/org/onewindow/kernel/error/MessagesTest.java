package org.onewindow.kernel.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Refusals are rendered in the caller's language: Chinese by default, English when asked for. */
class MessagesTest {

    private static final String KERNEL_BUNDLE = "/org/onewindow/kernel/messages";

    private static Properties resource(String name) {
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Rendering through {@link Messages}. That both languages have the same keys and arguments is checked
     * for every bundle of the WAR at once, by {@code org.onewindow.testing.Bundles} in platform/app's
     * {@code BundlesTest}.
     */
    @Nested
    class Bundles {

        /*
         * BUG (reported, not fixed here): messages_en.properties has bare apostrophes in
         * token.algorithm, token.signature, token.issuer and audit.broken.content ("token's",
         * "entry's"). Messages.format renders every message through java.text.MessageFormat, where a
         * single quote starts a quoted section, so the apostrophe is dropped ("The access tokens
         * signature is invalid"); any placeholder after such a quote would also stop being replaced.
         * Fix: write '' (two apostrophes) in those messages, or use a typographic ’.
         */
        @Test
        void everyApostropheOfAMessageIsShown() {
            SoftAssertions softly = new SoftAssertions();
            for (Locale locale : new Locale[] {Messages.DEFAULT_LOCALE, Locale.ENGLISH}) {
                Properties bundle =
                        resource(KERNEL_BUNDLE + (locale.equals(Locale.ENGLISH) ? "_en" : "") + ".properties");
                for (String key : bundle.stringPropertyNames()) {
                    String pattern = bundle.getProperty(key);
                    long expected = pattern.replace("''", "'")
                            .chars()
                            .filter(c -> c == '\'')
                            .count();

                    String rendered = Messages.format(locale, key);

                    softly.assertThat(rendered.chars().filter(c -> c == '\'').count())
                            .as("%s [%s] renders as: %s", key, locale, rendered)
                            .isEqualTo(expected);
                }
            }
            softly.assertAll();
        }
    }

    @Nested
    class Formatting {

        @Test
        void chineseIsTheDefault() {
            String text = Messages.format(Messages.DEFAULT_LOCALE, "division.code.format", "12345");

            assertThat(text).isEqualTo("区划代码“12345”格式不正确：应为12位数字");
        }

        @Test
        void englishWhenAskedFor() {
            String text = Messages.format(Locale.ENGLISH, "division.code.format", "12345");

            assertThat(text).isEqualTo("Division code \"12345\" is malformed: it must be 12 digits");
        }

        @Test
        void anyEnglishVariantGetsEnglishAndAnyOtherLanguageChinese() {
            assertThat(Messages.format(Locale.US, "tenant.name.required")).isEqualTo("Please enter a name");
            assertThat(Messages.format(Locale.UK, "tenant.name.required")).isEqualTo("Please enter a name");
            assertThat(Messages.format(Locale.FRENCH, "tenant.name.required")).isEqualTo("请填写名称");
            assertThat(Messages.format(Locale.TRADITIONAL_CHINESE, "tenant.name.required"))
                    .isEqualTo("请填写名称");
            assertThat(Messages.supported(null)).isEqualTo(Messages.DEFAULT_LOCALE);
        }

        @Test
        void chineseStaysTheDefaultWhateverTheServerLocale() {
            Locale serverLocale = Locale.getDefault();
            try {
                Locale.setDefault(Locale.ENGLISH);

                assertThat(Messages.format(Locale.GERMAN, "tenant.name.required"))
                        .isEqualTo("请填写名称");
            } finally {
                Locale.setDefault(serverLocale);
            }
        }

        @Test
        void anUnknownKeyRendersAsTheKeyItself() {
            assertThat(Messages.format(Locale.ENGLISH, "no.such.key", 1)).isEqualTo("no.such.key");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, "no.such.key")).isEqualTo("no.such.key");
        }

        @Test
        void aRefusalRendersWithItsArguments() {
            DomainException refused = new DomainException("tenant.name.length", 50);

            assertThat(Messages.format(Locale.ENGLISH, refused)).isEqualTo("The name may have at most 50 characters");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused)).isEqualTo("名称不能超过50个字");
        }

        @Test
        void anArgumentThatIsAKeyRendersInTheSameLanguage() {
            DomainException refused = new DomainException("tenant.not.found", new MessageKey("tenant.name.required"));

            assertThat(Messages.format(Locale.ENGLISH, refused)).contains("Please enter a name");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused)).isEqualTo("未找到区划“请填写名称”");
        }

        @Test
        void aLockRendersItsEndTimeInBeijingWhateverTheServersZone() {
            // 2026-12-01 07:01 Beijing is 23:01 UTC the day before.
            Instant until = Instant.parse("2026-11-30T23:01:00Z");
            TimeZone server = TimeZone.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone("UTC"));

                assertThat(Messages.format(Messages.DEFAULT_LOCALE, "login.locked", Date.from(until)))
                        .isEqualTo("连续登录失败次数过多，账号已锁定至07:01，请稍后再试");
                assertThat(Messages.format(Locale.ENGLISH, "login.locked", until))
                        .isEqualTo("Too many failed logins: the account is locked until 07:01");
            } finally {
                TimeZone.setDefault(server);
            }
        }
    }
}
