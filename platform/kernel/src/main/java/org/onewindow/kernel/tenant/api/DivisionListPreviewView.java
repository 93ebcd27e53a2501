package org.onewindow.kernel.tenant.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.tenant.application.DivisionChangeService;
import org.onewindow.kernel.tenant.domain.DivisionListChanges;

/**
 * What a yearly division list changes in the caller's scope (nothing is applied yet): {@code counts} by kind (ADDED,
 * RENAMED, RELEVELLED, MOVED, RECODED, RETIRED), how many rows are {@code unchanged}, the {@code total} of changes of
 * which {@code changes} is one page, and the {@code token} (SHA-256 of the file and of the tree as previewed) that
 * POST /api/v1/tenants/import/apply takes with the same file. Plain components only: the OpenAPI document reads them
 * as they are (a record mixing annotated and plain components loses some of them there).
 */
public record DivisionListPreviewView(
        String token, Map<String, Integer> counts, int unchanged, int total, List<Change> changes) {

    /**
     * One change: its kind, the list's line or row (0 for a retirement), the code, and the division before ({@code
     * null} for an added one) and after ({@code null} for a retired one).
     */
    public record Change(String kind, int line, String code, Division before, Division after) {}

    /** A division as one side of a change: code, parent code ("" for the scope's root), level and name. */
    public record Division(String code, String parentCode, String level, String name) {

        static Division of(DivisionListChanges.State state) {
            return state == null ? null : new Division(state.code(), state.parentCode(), state.level(), state.name());
        }
    }

    static DivisionListPreviewView of(DivisionChangeService.Preview preview, int first, int size) {
        var plan = preview.plan();
        Map<String, Integer> counts = new LinkedHashMap<>();
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
