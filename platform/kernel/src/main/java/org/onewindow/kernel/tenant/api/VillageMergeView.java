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

    /**
     * What a merge did: the merged (now retired) village, the one it went into, how many staff accounts moved (their
     * sessions ended), how many service points moved with their windows, and the change's id, to revert or confirm it
     * ({@code /division-changes/{id}/…}). Plain components, as {@link DivisionListPreviewView} explains.
     */
    public record Done(TenantView merged, TenantView into, int staffMoved, int servicePointsMoved, String changeId) {}
}
