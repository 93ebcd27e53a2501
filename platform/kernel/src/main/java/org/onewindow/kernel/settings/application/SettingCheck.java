package org.onewindow.kernel.settings.application;

import org.onewindow.kernel.settings.domain.Setting;

/**
 * A module's check of the values of a setting whose rules the module owns (the casework module checks a case number
 * pattern). Implement it as a CDI bean; {@link SettingsService} runs every check of a setting before it stores a
 * value, so the kernel needs no module's classes.
 */
public interface SettingCheck {

    /** The setting checked. */
    Setting setting();

    /**
     * Checks a value already cleaned by {@link Setting#parse}.
     *
     * @throws org.onewindow.kernel.error.DomainException 400 naming what is wrong, in the module's messages
     */
    void check(String value);
}
