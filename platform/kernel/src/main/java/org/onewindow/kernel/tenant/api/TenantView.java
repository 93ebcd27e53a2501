package org.onewindow.kernel.tenant.api;

import org.onewindow.kernel.tenant.domain.Tenant;

/** A division as the API shows it. */
public record TenantView(String code, String parentCode, String level, String name, int version) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(
                tenant.code().value(),
                tenant.parentCode() == null ? null : tenant.parentCode().value(),
                tenant.level().name(),
                tenant.name(),
                tenant.version());
    }
}
