package org.onewindow.kernel.tenant.application;

import java.util.Map;

/**
 * The catalog items a division offers, as the catalog module knows them: a window's and a department's items must be
 * among them. Implemented by the catalog module as a CDI bean, so the kernel needs none of its classes (as {@link
 * org.onewindow.kernel.settings.application.SettingCheck}).
 */
public interface OfferedItems {

    /**
     * The items offered at the division, in the caller's scope.
     *
     * @param tenantCode the division's 12-digit code
     * @return item code → item name, by code
     */
    Map<String, String> offeredAt(String tenantCode);
}
