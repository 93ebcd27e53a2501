package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.kernel.error.DomainException;

/** A county chooses how its case numbers look; the sequence comes from the database. */
class CaseNumberFormatTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private static String refusalKey(Runnable action) {
        DomainException refused = catchThrowableOfType(DomainException.class, action::run);
        assertThat(refused).isNotNull();
        return refused.key();
    }

    @Test
    void theDefaultIsCountyDateAndSixDigitSequenceWithHyphens() {
        assertThat(CaseNumberFormat.DEFAULT.format("370321", DAY, 123)).hasToString("370321-20261130-000123");
        assertThat(CaseNumberFormat.DEFAULT.scope()).isEqualTo(CaseNumberFormat.SequenceScope.DAY);
    }

    @Test
    void aCountyMayDropTheHyphensOrNumberByYear() {
        assertThat(new CaseNumberFormat("{county}{date}{seq:6}").format("370321", DAY, 123))
                .hasToString("37032120261130000123");
        CaseNumberFormat yearly = new CaseNumberFormat("HT{year}-{seq:8}");
        assertThat(yearly.format("370321", DAY, 42)).hasToString("HT2026-00000042");
        assertThat(yearly.scope()).isEqualTo(CaseNumberFormat.SequenceScope.YEAR);
        assertThat(new CaseNumberFormat("{county}-{seq:10}").scope()).isEqualTo(CaseNumberFormat.SequenceScope.NONE);
    }

    @Test
    void aSequenceBeyondItsDigitsIsRefused() {
        assertThat(refusalKey(() -> CaseNumberFormat.DEFAULT.format("370321", DAY, 1_000_000)))
                .isEqualTo("casework.number.sequence");
        assertThat(refusalKey(() -> CaseNumberFormat.DEFAULT.format("370321", DAY, 0)))
                .isEqualTo("casework.number.sequence");
        assertThat(CaseNumberFormat.DEFAULT.format("370321", DAY, 999_999)).hasToString("370321-20261130-999999");
    }

    @Test
    void theCountyCodeIsSixDigits() {
        assertThat(refusalKey(() -> CaseNumberFormat.DEFAULT.format("370321106202", DAY, 1)))
                .isEqualTo("casework.number.county");
    }

    @ParameterizedTest
    @CsvSource({
        "'{county}-{date}', casework.number.pattern.sequence",
        "'{seq:6}-{seq:6}', casework.number.pattern.sequence",
        "'{county}-{seq:3}', casework.number.pattern.sequence",
        "'{county}-{month}-{seq:6}', casework.number.pattern.placeholder",
        "'{county}/{date}/{seq:6}', casework.number.pattern.literal",
        "'ht-{seq:6}', casework.number.pattern.literal",
        "'{county}-{seq:6}-', casework.number.pattern.literal",
        "'{county}-{date}-{county}-{date}-{seq:10}', casework.number.pattern.length",
    })
    void aBadPatternIsRefusedWhenItIsSaved(String pattern, String key) {
        assertThat(refusalKey(() -> new CaseNumberFormat(pattern))).isEqualTo(key);
    }

    @Test
    void aTypedNumberIsReadWithoutSpacesAndInCapitals() {
        assertThat(CaseNumber.of(" 370321-20261130-000123 ")).isEqualTo(new CaseNumber("370321-20261130-000123"));
        assertThat(CaseNumber.of("ht2026-00000042")).hasToString("HT2026-00000042");
        assertThat(refusalKey(() -> CaseNumber.of("370321/20261130"))).isEqualTo("casework.number.format");
        assertThat(refusalKey(() -> CaseNumber.of(""))).isEqualTo("casework.number.format");
    }
}
