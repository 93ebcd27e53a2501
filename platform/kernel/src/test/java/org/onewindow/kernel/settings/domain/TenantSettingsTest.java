package org.onewindow.kernel.settings.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * A county (桓台县 370321) with the town 起凤镇 (370321106) and its village 华沟村 (370321106202), another town 田庄镇
 * (370321104) and its village: a value holds for the division that set it and every division below, the nearest wins.
 */
class TenantSettingsTest {

    private static final DivisionCode COUNTY = new DivisionCode("370321000000");
    private static final DivisionCode QIFENG = new DivisionCode("370321106000");
    private static final DivisionCode HUAGOU = new DivisionCode("370321106202");
    private static final DivisionCode TIANZHUANG_VILLAGE = new DivisionCode("370321104201");

    private static StoredSetting county(Setting setting, String value) {
        return new StoredSetting(COUNTY, "370321", setting, value);
    }

    private static StoredSetting qifeng(Setting setting, String value) {
        return new StoredSetting(QIFENG, "370321106", setting, value);
    }

    private static StoredSetting huagou(Setting setting, String value) {
        return new StoredSetting(HUAGOU, "370321106202", setting, value);
    }

    @Test
    void withNothingSetEveryDivisionHasTheBuiltInDefaults() {
        TenantSettings settings = TenantSettings.resolve(HUAGOU, List.of());

        assertThat(settings.warningThresholdPercent()).isEqualTo(80);
        assertThat(settings.caseNumberFormat()).isEqualTo("{county}-{date}-{seq:6}");
        assertThat(settings.rectificationDeadlineWorkingDays()).isEqualTo(10);
        assertThat(settings.issuingBodyName()).isEmpty();
        assertThat(settings.all()).extracting(EffectiveSetting::source).containsOnly(SettingSource.DEFAULT);
        assertThat(settings.all()).noneMatch(EffectiveSetting::setHere);
    }

    @Test
    void aVillageInheritsTheCountysValueUntilItsTownOrItselfSetsOne() {
        List<StoredSetting> countyOnly = List.of(county(Setting.WARNING_THRESHOLD_PERCENT, "60"));
        EffectiveSetting inherited = TenantSettings.resolve(HUAGOU, countyOnly).get(Setting.WARNING_THRESHOLD_PERCENT);
        assertThat(inherited.value()).isEqualTo("60");
        assertThat(inherited.source()).isEqualTo(SettingSource.COUNTY);
        assertThat(inherited.from()).isEqualTo(COUNTY);
        assertThat(inherited.setHere()).isFalse();

        List<StoredSetting> townToo = List.of(
                county(Setting.WARNING_THRESHOLD_PERCENT, "60"), qifeng(Setting.WARNING_THRESHOLD_PERCENT, "65"));
        assertThat(TenantSettings.resolve(HUAGOU, townToo).get(Setting.WARNING_THRESHOLD_PERCENT))
                .extracting(EffectiveSetting::value, EffectiveSetting::source)
                .containsExactly("65", SettingSource.TOWN);

        List<StoredSetting> all = List.of(
                huagou(Setting.WARNING_THRESHOLD_PERCENT, "70"),
                county(Setting.WARNING_THRESHOLD_PERCENT, "60"),
                qifeng(Setting.WARNING_THRESHOLD_PERCENT, "65"));
        EffectiveSetting own = TenantSettings.resolve(HUAGOU, all).get(Setting.WARNING_THRESHOLD_PERCENT);
        assertThat(own.value()).isEqualTo("70");
        assertThat(own.source()).isEqualTo(SettingSource.VILLAGE);
        assertThat(own.setHere()).isTrue();
        // Restoring would bring back the town's value.
        assertThat(own.inherited()).isEqualTo("65");
        assertThat(own.inheritedSource()).isEqualTo(SettingSource.TOWN);
    }

    @Test
    void aValueReachesOnlyTheSubtreeOfTheDivisionThatSetIt() {
        List<StoredSetting> stored = List.of(
                county(Setting.WARNING_THRESHOLD_PERCENT, "60"),
                qifeng(Setting.WARNING_THRESHOLD_PERCENT, "65"),
                huagou(Setting.WARNING_THRESHOLD_PERCENT, "70"));

        assertThat(TenantSettings.resolve(TIANZHUANG_VILLAGE, stored).warningThresholdPercent())
                .isEqualTo(60);
        assertThat(TenantSettings.resolve(QIFENG, stored).warningThresholdPercent())
                .isEqualTo(65);
        assertThat(TenantSettings.resolve(COUNTY, stored).get(Setting.WARNING_THRESHOLD_PERCENT))
                .extracting(EffectiveSetting::value, EffectiveSetting::setHere, EffectiveSetting::inheritedSource)
                .containsExactly("60", true, SettingSource.DEFAULT);
    }

    @Test
    void aValueStoredAtATierTheSettingDoesNotAllowIsIgnored() {
        List<StoredSetting> stored = List.of(
                county(Setting.CASE_NUMBER_FORMAT, "HT{year}-{seq:8}"),
                qifeng(Setting.CASE_NUMBER_FORMAT, "QF{seq:6}"));

        EffectiveSetting format = TenantSettings.resolve(HUAGOU, stored).get(Setting.CASE_NUMBER_FORMAT);

        assertThat(format.value()).isEqualTo("HT{year}-{seq:8}");
        assertThat(format.source()).isEqualTo(SettingSource.COUNTY);
    }

    @Test
    void settingsAreIndependentOfEachOther() {
        List<StoredSetting> stored = List.of(
                county(Setting.RECTIFICATION_DEADLINE_WORKING_DAYS, "5"),
                huagou(Setting.ISSUING_BODY_NAME, "华沟村便民服务站"));

        TenantSettings settings = TenantSettings.resolve(HUAGOU, stored);

        assertThat(settings.rectificationDeadlineWorkingDays()).isEqualTo(5);
        assertThat(settings.issuingBodyName()).isEqualTo("华沟村便民服务站");
        assertThat(settings.get(Setting.WARNING_THRESHOLD_PERCENT).source()).isEqualTo(SettingSource.DEFAULT);
    }
}
