package org.onewindow.kernel.tenant.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/** A village merged into a sibling (撤村并居): the request names the village that is merged away. */
public record VillageMergeView(
        @Schema(
                maxLength = DivisionCode.LENGTH,
                description = "The village merged into the one of the path: retired, its open work follows",
                example = "370321106201")
        String mergedCode) {

    /** What a merge did. */
    public record Done(
            TenantView merged,
            TenantView into,

            @Schema(description = "Staff accounts that moved (their sessions ended)", example = "1")
            int staffMoved,

            @Schema(description = "Service points that moved with their windows", example = "1")
            int servicePointsMoved) {}
}
