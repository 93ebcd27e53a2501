package org.onewindow.kernel.settings.domain;

import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Where the value of a setting comes from: the product's built-in default (默认), or the value set at the county (县),
 * a town or street (镇/街道) or a village or community (村/居). The order of the constants is the order values are
 * looked for from the far end, so a later constant is nearer the tenant and wins.
 */
public enum SettingSource {
    DEFAULT,
    COUNTY,
    TOWN,
    VILLAGE;

    /** The tier a division of {@code level} sets values at: streets count as towns, communities as villages. */
    public static SettingSource of(TenantLevel level) {
        return switch (level) {
            case COUNTY -> COUNTY;
            case TOWN, STREET -> TOWN;
            case VILLAGE, COMMUNITY -> VILLAGE;
        };
    }

    /** The tier whose scope prefix has {@code digits} digits (6, 9 or 12, see {@link TenantLevel#significantDigits}). */
    static SettingSource ofScopeDigits(int digits) {
        for (TenantLevel level : TenantLevel.values()) {
            if (level.significantDigits() == digits) {
                return of(level);
            }
        }
        throw new IllegalArgumentException("no tier has a scope of " + digits + " digits");
    }
}
