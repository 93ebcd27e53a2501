package org.onewindow.kernel.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/**
 * A resident ID number (GB 11643-1999) is 18 characters: area, birth date, sequence, check character.
 * The clerk types it; what is wrong with it is said in a sentence, and the number itself never shows
 * up in a log line or an exception.
 */
class ResidentIdNumberTest {

    /** The day the tests run "on": the future-birth sample (2030) lies after it. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static final String VALID = "370321195803121012";

    private static DomainException refusal(String text) {
        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> ResidentIdNumber.parse(text, TODAY));
        assertThat(refused).as("%s should be refused", text).isNotNull();
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
        return refused;
    }

    /** The refusal each reason of the samples file stands for. */
    private static String expectedKey(String why) {
        if (why.startsWith("wrong check character")) {
            return "identity.resident.check";
        }
        if (why.startsWith("no such date")) {
            return "identity.resident.birth.date";
        }
        if (why.startsWith("birth date in the future")) {
            return "identity.resident.birth.future";
        }
        if (why.startsWith("15-digit legacy")) {
            return "identity.resident.legacy";
        }
        if (why.equals("17 characters")) {
            return "identity.resident.length";
        }
        if (why.equals("full-width digit")) {
            // Full-width characters are normalised (input methods type them), so this row's
            // "3703211990050812３" is read as 17 digits: it is refused, for its length.
            return "identity.resident.length";
        }
        throw new AssertionError("no expectation for the reason \"" + why + "\": classify the new sample");
    }

    static Stream<IdentifierSamples.Sample> validSamples() {
        return IdentifierSamples.read("identifiers-resident-id.csv").stream().filter(IdentifierSamples.Sample::valid);
    }

    static Stream<IdentifierSamples.Sample> invalidSamples() {
        return IdentifierSamples.read("identifiers-resident-id.csv").stream().filter(s -> !s.valid());
    }

    @Nested
    class KnownSamples {

        @Test
        void theSamplesFileHasValidAndInvalidRows() {
            List<IdentifierSamples.Sample> samples = IdentifierSamples.read("identifiers-resident-id.csv");

            assertThat(samples).hasSizeGreaterThanOrEqualTo(16);
            assertThat(samples).anyMatch(IdentifierSamples.Sample::valid).anyMatch(s -> !s.valid());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.onewindow.kernel.identity.domain.ResidentIdNumberTest#validSamples")
        void everyValidSampleParsesToItsUpperCaseForm(IdentifierSamples.Sample sample) {
            ResidentIdNumber number = ResidentIdNumber.parse(sample.value(), TODAY);

            assertThat(number.fullNumber()).isEqualTo(sample.value().toUpperCase(Locale.ROOT));
            assertThat(number.birthDate())
                    .isEqualTo(LocalDate.parse(sample.value().substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE));
            assertThat(number.areaCode()).isEqualTo(sample.value().substring(0, 6));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.onewindow.kernel.identity.domain.ResidentIdNumberTest#invalidSamples")
        void everyInvalidSampleIsRefusedForItsReason(IdentifierSamples.Sample sample) {
            DomainException refused = refusal(sample.value());

            assertThat(refused.key()).isEqualTo(expectedKey(sample.why()));
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest(name = "\"{0}\"")
        @NullSource
        @ValueSource(strings = {"", "   ", "\u3000"})
        void nothingTypedAsksForTheNumber(String text) {
            assertThat(refusal(text).key()).isEqualTo("identity.resident.required");
        }

        @Test
        void aFifteenDigitNumberAsksForTheEighteenDigitOne() {
            DomainException refused = refusal("370321580312101");

            assertThat(refused.key()).isEqualTo("identity.resident.legacy");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused)).isEqualTo("这是15位旧身份证号码，请填写18位身份证号码");
            assertThat(Messages.format(Locale.ENGLISH, refused))
                    .isEqualTo("This is an old 15-digit ID number: please enter the 18-digit one");
        }

        @Test
        void fifteenCharactersThatAreNotAllDigitsAreJustTheWrongLength() {
            DomainException refused = refusal("37032158031210X");

            assertThat(refused.key()).isEqualTo("identity.resident.length");
            assertThat(refused.arguments()).containsExactly(15);
        }

        @Test
        void theWrongLengthSaysHowManyCharactersThereAre() {
            DomainException refused = refusal("3703211958031210123");

            assertThat(refused.key()).isEqualTo("identity.resident.length");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused)).isEqualTo("请填写18位身份证号码（现为19位）");
        }

        @Test
        void aLetterBeforeTheLastPlaceNamesItsPosition() {
            DomainException refused = refusal("37032119580312X012");

            assertThat(refused.key()).isEqualTo("identity.resident.character");
            assertThat(refused.arguments()).containsExactly(15, "X");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused))
                    .isEqualTo("身份证号码第15位“X”有误：前17位应为数字，最后一位为数字或X");
        }

        @Test
        void aSpaceInsideTheNumberIsNotDropped() {
            DomainException refused = refusal("370321 19580312101");

            assertThat(refused.key()).isEqualTo("identity.resident.character");
            assertThat(refused.arguments()).containsExactly(7, " ");
        }

        @Test
        void aWrongCheckCharacterNamesTheRightOne() {
            DomainException refused = refusal("370321199005081230");

            assertThat(refused.key()).isEqualTo("identity.resident.check");
            assertThat(refused.arguments()).containsExactly("7");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused)).isEqualTo("身份证号码校验码不符：按前17位校验码应为7，请核对整个号码");
            assertThat(Messages.format(Locale.ENGLISH, refused))
                    .isEqualTo(
                            "The ID number’s check character should be 7 for its first 17 digits: check the whole number");
        }

        @Test
        void the29thOfFebruaryExistsOnlyInLeapYears() {
            String leap = "37030220000229" + "355";
            String common = "37030219990229" + "355";

            assertThat(ResidentIdNumber.parse(leap + ResidentIdNumber.checkCharacter(leap), TODAY)
                            .birthDate())
                    .isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(refusal(common + ResidentIdNumber.checkCharacter(common)).key())
                    .isEqualTo("identity.resident.birth.date");
            assertThat(Messages.format(Messages.DEFAULT_LOCALE, "identity.resident.birth.date"))
                    .isEqualTo("身份证号码中的出生日期不存在，请核对第7至14位");
        }

        @Test
        void aBirthDateIsCheckedAgainstTheClocksToday() {
            String first17 = "37032120261201" + "101";
            String number = first17 + ResidentIdNumber.checkCharacter(first17);
            ZoneId beijing = ZoneId.of("Asia/Shanghai");
            Clock dayBefore = Clock.fixed(
                    LocalDate.of(2026, 11, 30).atTime(23, 59).atZone(beijing).toInstant(), beijing);
            Clock birthDay =
                    Clock.fixed(LocalDate.of(2026, 12, 1).atStartOfDay(beijing).toInstant(), beijing);

            DomainException refused =
                    catchThrowableOfType(DomainException.class, () -> ResidentIdNumber.parse(number, dayBefore));

            assertThat(refused.key()).isEqualTo("identity.resident.birth.future");
            assertThat(ResidentIdNumber.parse(number, birthDay).birthDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        }

        @Test
        void noRefusalCarriesTheNumber() {
            for (String text :
                    List.of("370321199005081230", "370321199002304562", "370321203001014562", "37032119900508123")) {
                DomainException refused = refusal(text);

                assertThat(refused.getMessage()).doesNotContain(text.substring(6, 14));
                assertThat(refused.arguments()).noneMatch(a -> a.toString().contains(text.substring(6, 14)));
            }
        }
    }

    @Nested
    class TypedAtTheWindow {

        @Test
        void aLowerCaseXBecomesUpperCase() {
            ResidentIdNumber number = ResidentIdNumber.parse("37032119800101100x", TODAY);

            assertThat(number.fullNumber()).isEqualTo("37032119800101100X");
            assertThat(number).isEqualTo(ResidentIdNumber.parse("37032119800101100X", TODAY));
        }

        @Test
        void fullWidthCharactersAndSurroundingSpacesAreNormalised() {
            ResidentIdNumber number = ResidentIdNumber.parse("\u3000３７０３２１１９８００１０１１００ｘ \t", TODAY);

            assertThat(number.fullNumber()).isEqualTo("37032119800101100X");
        }

        @Test
        void aZeroWidthCharacterPastedAtTheEndIsDropped() {
            assertThat(ResidentIdNumber.parse("\uFEFF" + VALID + "\u200B", TODAY)
                            .fullNumber())
                    .isEqualTo(VALID);
        }
    }

    @Nested
    class WhatTheNumberTells {

        @Test
        void areaBirthDateSexAndAge() {
            ResidentIdNumber man = ResidentIdNumber.parse(VALID, TODAY);
            ResidentIdNumber woman = ResidentIdNumber.parse("370303198709212146", TODAY);

            assertThat(man.areaCode()).isEqualTo("370321");
            assertThat(man.birthDate()).isEqualTo(LocalDate.of(1958, 3, 12));
            assertThat(man.sex()).isEqualTo(Sex.MALE);
            assertThat(woman.sex()).isEqualTo(Sex.FEMALE);
            assertThat(man.ageOn(LocalDate.of(2026, 3, 11))).isEqualTo(67);
            assertThat(man.ageOn(LocalDate.of(2026, 3, 12))).isEqualTo(68);
        }

        @Test
        void maskedShowsTheFirstSixAndTheLastFour() {
            ResidentIdNumber number = ResidentIdNumber.parse(VALID, TODAY);

            assertThat(number.masked()).isEqualTo("370321********1012");
            assertThat(number).hasToString("370321********1012");
            assertThat(String.valueOf(number)).doesNotContain("19580312");
        }

        @Test
        void restoreChecksAStoredNumberAgainWithoutToday() {
            assertThat(ResidentIdNumber.restore(VALID)).isEqualTo(ResidentIdNumber.parse(VALID, TODAY));
            assertThat(ResidentIdNumber.restore("370321203001014562").birthDate())
                    .isEqualTo(LocalDate.of(2030, 1, 1));
            assertThat(catchThrowableOfType(DomainException.class, () -> ResidentIdNumber.restore("370321199005081230"))
                            .key())
                    .isEqualTo("identity.resident.check");
        }

        @Test
        void isValidNeverThrows() {
            assertThat(ResidentIdNumber.isValid(VALID, TODAY)).isTrue();
            assertThat(ResidentIdNumber.isValid("370321199005081230", TODAY)).isFalse();
            assertThat(ResidentIdNumber.isValid(null, TODAY)).isFalse();
        }
    }

    @Group
    class Properties {

        private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
        private static final String CHECK_ALPHABET = "0123456789X";

        record Generated(String area, LocalDate birth, int sequence, String number) {}

        @Provide
        Arbitrary<Generated> validNumbers() {
            Arbitrary<String> area =
                    Arbitraries.integers().between(110000, 829999).map(String::valueOf);
            Arbitrary<LocalDate> birth = Arbitraries.longs()
                    .between(0, ChronoUnit.DAYS.between(EARLIEST, TODAY))
                    .map(EARLIEST::plusDays);
            Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
            return Combinators.combine(area, birth, sequence).as((a, b, s) -> {
                String first17 = a + b.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(s);
                return new Generated(a, b, s, first17 + ResidentIdNumber.checkCharacter(first17));
            });
        }

        @Property(tries = 500)
        void anyValidNumberParsesAndRoundTrips(@ForAll("validNumbers") Generated generated) {
            ResidentIdNumber number = ResidentIdNumber.parse(generated.number(), TODAY);

            assertThat(number.fullNumber()).isEqualTo(generated.number());
            assertThat(ResidentIdNumber.parse(number.fullNumber(), TODAY)).isEqualTo(number);
            assertThat(number.areaCode()).isEqualTo(generated.area());
            assertThat(number.birthDate()).isEqualTo(generated.birth());
            assertThat(number.sex()).isEqualTo(generated.sequence() % 2 == 1 ? Sex.MALE : Sex.FEMALE);
        }

        @Property(tries = 1000)
        void changingAnySingleCharacterIsRefused(
                @ForAll("validNumbers") Generated generated,
                @ForAll @IntRange(min = 0, max = 17) int position,
                @ForAll @IntRange(min = 1, max = 10) int shift) {
            char[] chars = generated.number().toCharArray();
            if (position == 17) {
                chars[17] = CHECK_ALPHABET.charAt((CHECK_ALPHABET.indexOf(chars[17]) + shift) % 11);
            } else {
                chars[position] = (char) ('0' + (chars[position] - '0' + Math.min(shift, 9)) % 10);
            }
            String changed = new String(chars);

            DomainException refused =
                    catchThrowableOfType(DomainException.class, () -> ResidentIdNumber.parse(changed, TODAY));

            assertThat(refused).as(changed).isNotNull();
            Set<String> expected = position >= 6 && position < 14
                    ? Set.of(
                            "identity.resident.check", "identity.resident.birth.date", "identity.resident.birth.future")
                    : Set.of("identity.resident.check");
            assertThat(refused.key()).isIn(expected);
        }

        @Property(tries = 300)
        void theWayItIsTypedDoesNotMatter(
                @ForAll("validNumbers") Generated generated,
                @ForAll @IntRange(min = 0, max = 3) int spacesBefore,
                @ForAll @IntRange(min = 0, max = 3) int spacesAfter) {
            StringBuilder fullWidth = new StringBuilder();
            for (char c : generated.number().toLowerCase(Locale.ROOT).toCharArray()) {
                fullWidth.append((char) (c + 0xFEE0));
            }
            String typed = "\u3000".repeat(spacesBefore) + fullWidth + " ".repeat(spacesAfter);

            assertThat(ResidentIdNumber.parse(typed, TODAY).fullNumber()).isEqualTo(generated.number());
        }

        @Property(tries = 300)
        void theMaskedFormHidesTheBirthDate(@ForAll("validNumbers") Generated generated) {
            ResidentIdNumber number = ResidentIdNumber.parse(generated.number(), TODAY);

            assertThat(number.masked())
                    .hasSize(18)
                    .startsWith(generated.area())
                    .endsWith(generated.number().substring(14))
                    .contains("********");
            assertThat(number.toString()).isEqualTo(number.masked()).doesNotContain(generated.number());
        }
    }
}
