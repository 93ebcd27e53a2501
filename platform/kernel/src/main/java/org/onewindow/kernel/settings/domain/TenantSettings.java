package org.onewindow.kernel.settings.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The settings in force for one division: for each setting the value of the nearest division up its chain that set
 * one (village → town → county), else the built-in default. Which divisions are up the chain follows from the scope
 * prefixes alone (ADR 0001): a value set by a division holds for every code that starts with that division's prefix.
 * A value stored at a tier the setting does not allow (say a town's case number format) is ignored.
 */
public final class TenantSettings {

    private final DivisionCode division;
    private final Map<Setting, EffectiveSetting> values = new EnumMap<>(Setting.class);

    private TenantSettings(DivisionCode division) {
        this.division = division;
    }

    /**
     * Resolves the settings of {@code division} from the values stored in its county (others are skipped: they do
     * not reach it).
     */
    public static TenantSettings resolve(DivisionCode division, Collection<StoredSetting> stored) {
        TenantSettings settings = new TenantSettings(division);
        for (Setting setting : Setting.values()) {
            List<StoredSetting> chain = stored.stream()
                    .filter(s -> s.setting() == setting && s.reaches(division) && setting.mayBeSetAt(s.tier()))
                    .sorted(Comparator.comparingInt(
                                    (StoredSetting s) -> s.scopePrefix().length())
                            .reversed())
                    .toList();
            Optional<StoredSetting> nearest = chain.stream().findFirst();
            Optional<StoredSetting> above =
                    chain.stream().filter(s -> !s.tenant().equals(division)).findFirst();
            boolean setHere = nearest.isPresent() && nearest.get().tenant().equals(division);
            settings.values.put(
                    setting,
                    new EffectiveSetting(
                            setting,
                            nearest.map(StoredSetting::value).orElse(setting.defaultValue()),
                            nearest.map(StoredSetting::tier).orElse(SettingSource.DEFAULT),
                            nearest.map(StoredSetting::tenant).orElse(null),
                            setHere,
                            above.map(StoredSetting::value).orElse(setting.defaultValue()),
                            above.map(StoredSetting::tier).orElse(SettingSource.DEFAULT)));
        }
        return settings;
    }

    public DivisionCode division() {
        return division;
    }

    public EffectiveSetting get(Setting setting) {
        return values.get(setting);
    }

    /** Every setting, in the order of {@link Setting}. */
    public List<EffectiveSetting> all() {
        return List.copyOf(values.values());
    }

    /** {@link Setting#WARNING_THRESHOLD_PERCENT}: 1–99. */
    public int warningThresholdPercent() {
        return Integer.parseInt(get(Setting.WARNING_THRESHOLD_PERCENT).value());
    }

    /** {@link Setting#CASE_NUMBER_FORMAT}: the county's pattern. */
    public String caseNumberFormat() {
        return get(Setting.CASE_NUMBER_FORMAT).value();
    }

    /** {@link Setting#RECTIFICATION_DEADLINE_WORKING_DAYS}: 1–30 working days. */
    public int rectificationDeadlineWorkingDays() {
        return Integer.parseInt(get(Setting.RECTIFICATION_DEADLINE_WORKING_DAYS).value());
    }

    /** {@link Setting#ISSUING_BODY_NAME}: empty when documents name the division itself. */
    public String issuingBodyName() {
        return get(Setting.ISSUING_BODY_NAME).value();
    }

    /** {@link Setting#SEAL_IMAGE}: the SHA-256 of the seal in force; empty when documents are stamped by hand. */
    public String sealImage() {
        return get(Setting.SEAL_IMAGE).value();
    }
}
