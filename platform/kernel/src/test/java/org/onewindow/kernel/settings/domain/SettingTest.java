package org.onewindow.kernel.settings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/** Each setting checks its values and says which tiers may set it. */
class SettingTest {

    private static String refusal(Setting setting, String value) {
        return catchThrowableOfType(DomainException.class, () -> setting.parse(value))
                .key();
    }

    @ParameterizedTest(name = "warning threshold \"{0}\" is refused: {1}")
    @CsvSource({
        "0, settings.value.range",
        "100, settings.value.range",
        "abc, settings.value.number",
        "-5, settings.value.number",
        "6.5, settings.value.number",
        "'', settings.value.required",
        "9999999999, settings.value.number"
    })
    void aWarningThresholdOutside1To99IsRefused(String value, String key) {
        assertThat(refusal(Setting.WARNING_THRESHOLD_PERCENT, value)).isEqualTo(key);
    }

    @Test
    void aWholeNumberIsStoredWithoutSpacesOrLeadingZeros() {
        assertThat(Setting.WARNING_THRESHOLD_PERCENT.parse(" 060 ")).isEqualTo("60");
        assertThat(Setting.WARNING_THRESHOLD_PERCENT.parse("1")).isEqualTo("1");
        assertThat(Setting.WARNING_THRESHOLD_PERCENT.parse("99")).isEqualTo("99");
        assertThat(Setting.RECTIFICATION_DEADLINE_WORKING_DAYS.parse("15")).isEqualTo("15");
        assertThat(refusal(Setting.RECTIFICATION_DEADLINE_WORKING_DAYS, "31")).isEqualTo("settings.value.range");
    }

    @Test
    void aTextIsCleanedAndLimited() {
        assertThat(Setting.ISSUING_BODY_NAME.parse("  桓台县行政审批服务局 ")).isEqualTo("桓台县行政审批服务局");
        assertThat(Setting.ISSUING_BODY_NAME.parse("")).isEmpty();
        assertThat(refusal(Setting.ISSUING_BODY_NAME, "局".repeat(51))).isEqualTo("settings.value.length");
        assertThat(refusal(Setting.CASE_NUMBER_FORMAT, " ")).isEqualTo("settings.value.required");
        assertThat(refusal(Setting.ISSUING_BODY_NAME, "桓台\u0007县")).startsWith("text.");
    }

    @Test
    void theCaseNumberFormatIsSetByTheCountyOnlyTheOthersByEveryTier() {
        assertThat(Setting.CASE_NUMBER_FORMAT.mayBeSetAt(SettingSource.COUNTY)).isTrue();
        assertThat(Setting.CASE_NUMBER_FORMAT.mayBeSetAt(SettingSource.TOWN)).isFalse();
        assertThat(Setting.CASE_NUMBER_FORMAT.mayBeSetAt(SettingSource.VILLAGE)).isFalse();
        for (Setting setting : new Setting[] {
            Setting.WARNING_THRESHOLD_PERCENT, Setting.RECTIFICATION_DEADLINE_WORKING_DAYS, Setting.ISSUING_BODY_NAME
        }) {
            assertThat(setting.mayBeSetAt(SettingSource.of(TenantLevel.STREET))).isTrue();
            assertThat(setting.mayBeSetAt(SettingSource.of(TenantLevel.COMMUNITY)))
                    .isTrue();
            assertThat(setting.mayBeSetAt(SettingSource.DEFAULT)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"warningThreshold", "", "WARNING_THRESHOLD_PERCENT"})
    void anUnknownNameIsNotFound(String name) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> Setting.named(name));
        assertThat(refused.key()).isEqualTo("settings.unknown");
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(Setting.named("caseNumberFormat")).isEqualTo(Setting.CASE_NUMBER_FORMAT);
    }

    @Test
    void everyDefaultPassesItsOwnCheck() {
        for (Setting setting : Setting.values()) {
            if (setting.kind() != Setting.Kind.IMAGE) {
                assertThat(setting.parse(setting.defaultValue())).isEqualTo(setting.defaultValue());
            }
        }
    }

    @Test
    void theSealIsSetByACountyOrATownAndUploadedNeverTyped() {
        assertThat(Setting.SEAL_IMAGE.mayBeSetAt(SettingSource.COUNTY)).isTrue();
        assertThat(Setting.SEAL_IMAGE.mayBeSetAt(SettingSource.of(TenantLevel.STREET)))
                .isTrue();
        assertThat(Setting.SEAL_IMAGE.mayBeSetAt(SettingSource.VILLAGE)).isFalse();
        assertThat(Setting.SEAL_IMAGE.defaultValue()).isEmpty();
        assertThat(Setting.SEAL_IMAGE.max()).isEqualTo(SealImage.MAX_BYTES);
        assertThat(refusal(Setting.SEAL_IMAGE, "seal.png")).isEqualTo("settings.value.image");
        assertThat(refusal(Setting.SEAL_IMAGE, "")).isEqualTo("settings.value.image");
    }
}
