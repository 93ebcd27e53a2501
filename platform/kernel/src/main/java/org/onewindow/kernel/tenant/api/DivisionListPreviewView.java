package org.onewindow.kernel.tenant.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onewindow.kernel.tenant.application.DivisionChangeService;
import org.onewindow.kernel.tenant.domain.DivisionListChanges;

/**
 * What a yearly division list changes in the caller's scope (nothing is applied yet): counts by kind, one page of
 * the changes, and the token that applies exactly this file to exactly this tree.
 */
public record DivisionListPreviewView(
        @Schema(
                description = "Give it to POST /api/v1/tenants/import/apply with the same file: SHA-256 of the file"
                        + " and of the tree as previewed (a tree changed since is refused with 409)",
                example = "9f2c0c5e8b1d4a7e3f60b2a9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9")
        String token,

        @Schema(description = "How many changes of each kind: ADDED, RENAMED, RELEVELLED, MOVED, RECODED, RETIRED")
        Map<String, Integer> counts,

        @Schema(description = "Rows equal to their division: no change, no error", example = "88")
        int unchanged,

        @Schema(description = "All changes, of which this page lists some", example = "5")
        int total,

        List<Change> changes) {

    /** One change; {@code before} is absent for an added division, {@code after} for a retired one. */
    public record Change(
            @Schema(example = "RELEVELLED") String kind,

            @Schema(description = "The list's line or row; 0 for a retirement", example = "70")
            int line,

            @Schema(example = "370321106000") String code,
            Division before,
            Division after) {}

    /** A division as one side of a change. */
    public record Division(
            @Schema(example = "370321106000") String code,
            @Schema(example = "370321000000") String parentCode,
            @Schema(example = "STREET") String level,
            @Schema(example = "起凤街道") String name) {

        static Division of(DivisionListChanges.State state) {
            return state == null ? null : new Division(state.code(), state.parentCode(), state.level(), state.name());
        }
    }

    static DivisionListPreviewView of(DivisionChangeService.Preview preview, int first, int size) {
        var plan = preview.plan();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        plan.counts().forEach((kind, count) -> counts.put(kind.name(), count));
        List<Change> page = plan.changes().stream()
                .skip(first)
                .limit(size)
                .map(c -> new Change(
                        c.kind().name(), c.line(), c.code(), Division.of(c.before()), Division.of(c.after())))
                .toList();
        return new DivisionListPreviewView(
                preview.token(), counts, plan.unchanged(), plan.changes().size(), page);
    }
}
