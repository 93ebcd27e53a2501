package org.onewindow.kernel.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.identity.domain.UnifiedSocialCreditCode.CheckFailed;
import org.onewindow.kernel.identity.domain.UnifiedSocialCreditCode.CheckOverride;
import org.onewindow.kernel.identity.domain.UnifiedSocialCreditCode.Malformed;
import org.onewindow.kernel.identity.domain.UnifiedSocialCreditCode.Valid;

/**
 * A unified social credit code (GB 32100-2015) is 18 characters of an alphabet without I, O, S, V, Z,
 * the last a check character. A malformed code is always refused; one that only fails its check is
 * accepted when a window lead overrides (early pilot codes are legal and fail it).
 */
class UnifiedSocialCreditCodeTest {

    private static final String COMPANY = "91370321MA3C4RT10E";
    private static final String FAILS_CHECK = "91370321MA3C4RT20A";
    private static final CheckOverride LEAD_APPROVES =
            new CheckOverride("qifeng.lead", "营业执照原件核验，早期试点代码", Instant.parse("2026-11-30T02:00:00Z"));

    private static DomainException refusal(String text) {
        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> UnifiedSocialCreditCode.parse(text));
        assertThat(refused).as("%s should be refused", text).isNotNull();
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
        return refused;
    }

    private static String expectedKey(String why) {
        if (why.equals("wrong check character")) {
            return "identity.uscc.check";
        }
        if (why.contains("not in the alphabet")) {
            return "identity.uscc.character";
        }
        if (why.endsWith("characters")) {
            return "identity.uscc.length";
        }
        throw new AssertionError("no expectation for the reason \"" + why + "\": classify the new sample");
    }

    static Stream<IdentifierSamples.Sample> validSamples() {
        return IdentifierSamples.read("identifiers-uscc.csv").stream().filter(IdentifierSamples.Sample::valid);
    }

    static Stream<IdentifierSamples.Sample> invalidSamples() {
        return IdentifierSamples.read("identifiers-uscc.csv").stream().filter(s -> !s.valid());
    }

    @Nested
    class KnownSamples {

        @Test
        void theSamplesFileHasValidAndInvalidRows() {
            List<IdentifierSamples.Sample> samples = IdentifierSamples.read("identifiers-uscc.csv");

            assertThat(samples).hasSizeGreaterThanOrEqualTo(7);
            assertThat(samples).anyMatch(IdentifierSamples.Sample::valid).anyMatch(s -> !s.valid());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.onewindow.kernel.identity.domain.UnifiedSocialCreditCodeTest#validSamples")
        void everyValidSampleParses(IdentifierSamples.Sample sample) {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(sample.value());

            assertThat(code.value()).isEqualTo(sample.value());
            assertThat(code.checkOverridden()).isFalse();
            assertThat(UnifiedSocialCreditCode.check(sample.value())).isEqualTo(new Valid(code));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.onewindow.kernel.identity.domain.UnifiedSocialCreditCodeTest#invalidSamples")
        void everyInvalidSampleIsRefusedForItsReason(IdentifierSamples.Sample sample) {
            assertThat(refusal(sample.value()).key()).isEqualTo(expectedKey(sample.why()));
        }
    }

    @Nested
    class Malformations {

        @Test
        void nothingTypedAsksForTheCode() {
            assertThat(refusal(null).key()).isEqualTo("identity.uscc.required");
            assertThat(refusal(" ").key()).isEqualTo("identity.uscc.required");
        }

        @Test
        void theLengthIsCounted() {
            DomainException refused = refusal("91370321MA3C4RT1");

            assertThat(refused.arguments()).containsExactly(16);
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused)).isEqualTo("统一社会信用代码应为18位（现为16位）");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"I", "O", "S", "V", "Z", "-", "中"})
        void aCharacterOutsideTheAlphabetNamesItsPosition(String bad) {
            DomainException refused = refusal("91370321MA3C4RT" + bad + "0E");

            assertThat(refused.key()).isEqualTo("identity.uscc.character");
            assertThat(refused.arguments()).containsExactly(16, bad);
        }

        @Test
        void theCharacterMessageSaysWhichLettersAreLeftOut() {
            DomainException refused = refusal("91370321MA3C4RTI00");

            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused))
                    .isEqualTo("统一社会信用代码第16位“I”不可用：只能是数字或除I、O、S、V、Z以外的大写字母");
            assertThat(Messages.format(Locale.ENGLISH, refused))
                    .isEqualTo("Character 16 of the unified social credit code, \"I\", is not allowed:"
                            + " digits and capital letters except I, O, S, V, Z");
        }

        @Test
        void noOverrideMakesAMalformedCodeAcceptable() {
            DomainException refused = catchThrowableOfType(
                    DomainException.class,
                    () -> UnifiedSocialCreditCode.parseWithOverride("91370321MA3C4RTI00", LEAD_APPROVES));

            assertThat(refused.key()).isEqualTo("identity.uscc.character");
            assertThat(UnifiedSocialCreditCode.check("91370321MA3C4RT1")).isInstanceOf(Malformed.class);
        }
    }

    @Nested
    class TheCheckCharacter {

        @Test
        void aFailedCheckIsAVerdictNotOnlyAnException() {
            UnifiedSocialCreditCode.Verdict verdict = UnifiedSocialCreditCode.check(FAILS_CHECK);

            assertThat(verdict).isEqualTo(new CheckFailed(FAILS_CHECK, 'F'));
            DomainException refused = ((CheckFailed) verdict).refusal();
            assertThat(refused.key()).isEqualTo("identity.uscc.check");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused))
                    .isEqualTo("统一社会信用代码校验码不符：按前17位校验码应为F；早期试点代码须经窗口负责人核准后受理");
        }

        @Test
        void parseRefusesAFailedCheck() {
            DomainException refused = refusal(FAILS_CHECK);

            assertThat(refused.key()).isEqualTo("identity.uscc.check");
            assertThat(refused.arguments()).containsExactly("F");
        }

        @Test
        void aWindowLeadsOverrideAcceptsItAndIsKeptWithTheCode() {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parseWithOverride(FAILS_CHECK, LEAD_APPROVES);

            assertThat(code.value()).isEqualTo(FAILS_CHECK);
            assertThat(code.checkOverridden()).isTrue();
            assertThat(code.override()).contains(LEAD_APPROVES);
        }

        @Test
        void aCodeThatPassesNeedsNoOverrideAndRecordsNone() {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parseWithOverride(COMPANY, LEAD_APPROVES);

            assertThat(code.checkOverridden()).isFalse();
            assertThat(code.override()).isEmpty();
        }

        @Test
        void anOverrideNeedsItsApproverAndReason() {
            Instant now = Instant.parse("2026-11-30T02:00:00Z");

            for (Runnable incomplete : List.<Runnable>of(
                    () -> new CheckOverride(null, "试点代码", now),
                    () -> new CheckOverride("qifeng.lead", " ", now),
                    () -> new CheckOverride(" ", null, now))) {
                DomainException refused = catchThrowableOfType(DomainException.class, incomplete::run);
                assertThat(refused.key()).isEqualTo("identity.uscc.override.incomplete");
            }
        }

        @Test
        void theCheckValue31BecomesZero() {
            // Find a 17-character body whose sum is a multiple of 31: its check value would be 31.
            String body = null;
            for (int last = 0; body == null && last < 31; last++) {
                String candidate = "9137032100000000" + UnifiedSocialCreditCode.ALPHABET.charAt(last);
                int sum = 0;
                int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
                for (int i = 0; i < 17; i++) {
                    sum += UnifiedSocialCreditCode.ALPHABET.indexOf(candidate.charAt(i)) * weights[i];
                }
                if (sum % 31 == 0) {
                    body = candidate;
                }
            }

            assertThat(body).isNotNull();
            assertThat(UnifiedSocialCreditCode.checkCharacter(body)).isEqualTo('0');
            assertThat(UnifiedSocialCreditCode.parse(body + "0").value()).isEqualTo(body + "0");
        }
    }

    @Nested
    class TypedAtTheWindow {

        @Test
        void lowerCaseFullWidthAndSurroundingSpacesAreNormalised() {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(" ９１３７０３２１ｍａ３ｃ４ｒｔ１０ｅ\u3000");

            assertThat(code.value()).isEqualTo(COMPANY);
            assertThat(code).isEqualTo(UnifiedSocialCreditCode.parse(COMPANY)).hasToString(COMPANY);
        }

        @Test
        void itsPartsAreNamed() {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(COMPANY);

            assertThat(code.registeringAuthority()).isEqualTo('9');
            assertThat(code.organisationType()).isEqualTo('1');
            assertThat(code.areaCode()).isEqualTo("370321");
            assertThat(code.organisationCode()).isEqualTo("MA3C4RT10");
        }
    }

    @Group
    class Properties {

        @Provide
        Arbitrary<String> validCodes() {
            return Arbitraries.of(UnifiedSocialCreditCode.ALPHABET
                            .chars()
                            .mapToObj(c -> (char) c)
                            .toList())
                    .list()
                    .ofSize(17)
                    .map(chars -> {
                        StringBuilder body = new StringBuilder();
                        chars.forEach(body::append);
                        return body.append(UnifiedSocialCreditCode.checkCharacter(body))
                                .toString();
                    });
        }

        @Property(tries = 500)
        void anyValidCodeParsesAndRoundTrips(@ForAll("validCodes") String text) {
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(text);

            assertThat(code.value()).isEqualTo(text);
            assertThat(UnifiedSocialCreditCode.parse(code.value())).isEqualTo(code);
            assertThat(UnifiedSocialCreditCode.parse(text.toLowerCase(Locale.ROOT)))
                    .isEqualTo(code);
        }

        @Property(tries = 1000)
        void changingAnySingleCharacterFailsTheCheckButStaysWellFormed(
                @ForAll("validCodes") String text,
                @ForAll @IntRange(min = 0, max = 17) int position,
                @ForAll @IntRange(min = 1, max = 30) int shift) {
            String alphabet = UnifiedSocialCreditCode.ALPHABET;
            char[] chars = text.toCharArray();
            chars[position] = alphabet.charAt((alphabet.indexOf(chars[position]) + shift) % alphabet.length());
            String changed = new String(chars);

            assertThat(UnifiedSocialCreditCode.check(changed)).isInstanceOf(CheckFailed.class);
            assertThat(UnifiedSocialCreditCode.parseWithOverride(changed, LEAD_APPROVES)
                            .checkOverridden())
                    .isTrue();
        }
    }
}
