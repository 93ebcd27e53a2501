package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.casework.domain.CaseNumberFormat;
import org.onewindow.casework.domain.WarningThreshold;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.settings.domain.Setting;

/** Casework's values and the kernel's settings agree: the same defaults, and a stored pattern always numbers. */
class CaseSettingsTest {

    private final CaseNumberFormatCheck check = new CaseNumberFormatCheck();

    @Test
    void theKernelsDefaultsAreCaseworksDefaults() {
        assertThat(Setting.CASE_NUMBER_FORMAT.defaultValue()).isEqualTo(CaseNumberFormat.DEFAULT_PATTERN);
        assertThat(Integer.parseInt(Setting.WARNING_THRESHOLD_PERCENT.defaultValue()))
                .isEqualTo(WarningThreshold.DEFAULT.percent());
        // Every threshold the kernel lets a division store is one casework can count with.
        new WarningThreshold(Setting.WARNING_THRESHOLD_PERCENT.min());
        new WarningThreshold(Setting.WARNING_THRESHOLD_PERCENT.max());
    }

    @Test
    void theCheckGuardsTheCaseNumberFormat() {
        assertThat(check.setting()).isEqualTo(Setting.CASE_NUMBER_FORMAT);
        check.check("HT{year}-{seq:8}");
        check.check(Setting.CASE_NUMBER_FORMAT.defaultValue());
    }

    @ParameterizedTest(name = "\"{0}\" is refused with {1}")
    @CsvSource({
        "'{county}-{date}', casework.number.pattern.sequence",
        "'{county}-{seq:3}', casework.number.pattern.sequence",
        "'{town}-{seq:6}', casework.number.pattern.placeholder",
        "'ht{seq:6}', casework.number.pattern.literal",
        "'-{seq:6}', casework.number.pattern.literal",
        "'HT{county}{date}{seq:10}ABCDEFGHIJKLMNOPQRSTUVWXYZ', casework.number.pattern.length"
    })
    void aPatternThatCannotNumberIsRefused(String pattern, String key) {
        assertThat(catchThrowableOfType(DomainException.class, () -> check.check(pattern))
                        .key())
                .isEqualTo(key);
    }
}
