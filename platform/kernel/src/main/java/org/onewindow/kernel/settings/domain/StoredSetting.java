package org.onewindow.kernel.settings.domain;

import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * A value a division set for itself and the divisions below it.
 *
 * @param tenant the division that set it
 * @param scopePrefix the prefix of that division's codes ({@link DivisionCode#scopePrefix}): 6, 9 or 12 digits
 * @param setting the setting
 * @param value the value as {@link Setting#parse} stores it
 */
public record StoredSetting(DivisionCode tenant, String scopePrefix, Setting setting, String value) {

    public StoredSetting {
        if (!tenant.value().startsWith(scopePrefix)) {
            throw new IllegalArgumentException(scopePrefix + " is not a scope of " + tenant);
        }
    }

    /** The tier the value was set at. */
    public SettingSource tier() {
        return SettingSource.ofScopeDigits(scopePrefix.length());
    }

    /** Whether the value holds for {@code division}: the division lies in the subtree of the one that set it. */
    public boolean reaches(DivisionCode division) {
        return division.value().startsWith(scopePrefix);
    }
}
