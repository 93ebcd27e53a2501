package org.onewindow.kernel.tenant.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantRules;

/** A division as the API shows it, and as a new division or a rename is sent. */
public record TenantView(
        @Schema(
                maxLength = DivisionCode.LENGTH,
                description = "12-digit division code (GB/T 2260 + township + village)")
        String code,

        @Schema(maxLength = DivisionCode.LENGTH) String parentCode,

        @Schema(maxLength = 10, description = "COUNTY, TOWN, STREET, VILLAGE or COMMUNITY")
        String level,

        @Schema(maxLength = TenantRules.MAX_NAME_LENGTH) String name,
        int version,

        @Schema(
                readOnly = true,
                maxLength = 10,
                format = "date",
                description = "The day the division was retired (撤销); absent while it is part of the tree")
        String retiredOn,

        @Schema(
                readOnly = true,
                maxLength = DivisionCode.LENGTH,
                description =
                        "For a retired division: the one its staff and open cases went to (merged into, re-coded as)")
        String successorCode) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(
                tenant.code().value(),
                tenant.parentCode() == null ? null : tenant.parentCode().value(),
                tenant.level().name(),
                tenant.name(),
                tenant.version(),
                tenant.isRetired() ? tenant.retiredOn().toString() : null,
                tenant.successorCode() == null ? null : tenant.successorCode().value());
    }
}
