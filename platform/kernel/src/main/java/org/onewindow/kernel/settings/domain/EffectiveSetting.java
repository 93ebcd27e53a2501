package org.onewindow.kernel.settings.domain;

import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The value of a setting in force for a division, and where it comes from (as the catalog shows an element's source).
 *
 * @param setting the setting
 * @param value the value in force
 * @param source the tier that set it, or {@link SettingSource#DEFAULT}
 * @param from the division that set it; null for the default
 * @param setHere whether the division itself set it (本级)
 * @param inherited what would be in force if the division had not set it (the value {@code DELETE} restores)
 * @param inheritedSource where that inherited value comes from
 */
public record EffectiveSetting(
        Setting setting,
        String value,
        SettingSource source,
        DivisionCode from,
        boolean setHere,
        String inherited,
        SettingSource inheritedSource) {}
