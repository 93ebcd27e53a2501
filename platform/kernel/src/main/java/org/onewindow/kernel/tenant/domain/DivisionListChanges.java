package org.onewindow.kernel.tenant.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;

/**
 * What a yearly division list (年度区划名单, {@link DivisionList}) changes in the tree of one scope: the list is the
 * whole scope as it is to be, so a division of the tree the list does not name is to be retired (撤销). A row equal
 * to its division is no change and no error. Pure: the service reads the tree, this compares, the service applies.
 *
 * <p>Codes keep their meaning (ADR 0001): a division changes its name or its tier within the same code shape (镇 →
 * 街道, 村 → 社区); a village that moves to another town, or a town that is re-coded, gets a new code and names its
 * old one in the column {@code former_code} (原区划代码): the old division is retired with the new one as its
 * successor. A retired code is never used again.
 */
public final class DivisionListChanges {

    /** The kinds of change, in the order the preview lists them. */
    public enum Kind {
        /** 新增: a code the tree does not have. */
        ADDED,
        /** 更名: the same code with another name. */
        RENAMED,
        /** 层级变更: the same code at another tier of its shape (镇 → 街道). */
        RELEVELLED,
        /** 迁移: a new code under another parent for a division that had {@code former_code}. */
        MOVED,
        /** 改码: a new code under the same parent for a division that had {@code former_code}. */
        RECODED,
        /** 撤销: in the tree, not in the list. */
        RETIRED
    }

    /** A division as one side of a change: code, parent code ("" for the root), level and name. */
    public record State(String code, String parentCode, String level, String name) {

        static State of(Tenant tenant) {
            return new State(
                    tenant.code().value(),
                    tenant.parentCode() == null ? "" : tenant.parentCode().value(),
                    tenant.level().name(),
                    tenant.name());
        }
    }

    /**
     * One change: its line in the list (0 for a retirement, which has no line), the division before ({@code null}
     * when added) and after ({@code null} when retired).
     */
    public record Change(Kind kind, int line, State before, State after) {

        /** The code the change is about: the new one, or the retired one. */
        public String code() {
            return after == null ? before.code() : after.code();
        }
    }

    /** The changes in list order (retirements last, by code), how many rows changed nothing, and every problem. */
    public record Plan(List<Change> changes, int unchanged, List<LineError> errors) {

        public Plan {
            changes = List.copyOf(changes);
            errors = errors.stream()
                    .sorted(Comparator.comparingInt(LineError::line))
                    .toList();
        }

        public Map<Kind, Integer> counts() {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                counts.put(kind, 0);
            }
            changes.forEach(change -> counts.merge(change.kind(), 1, Integer::sum));
            return counts;
        }
    }

    private DivisionListChanges() {}

    /**
     * Compares the list's rows with the tree of the scope rooted at {@code root}.
     *
     * @param tree every division of the scope, retired ones included, by code
     */
    public static Plan between(List<DivisionList.Row> rows, Tenant root, Map<String, Tenant> tree) {
        String scope = root.scope();
        List<LineError> errors = new ArrayList<>();
        Map<String, DivisionList.Row> listed = new LinkedHashMap<>();
        Map<String, TenantLevel> levels = new HashMap<>();
        for (DivisionList.Row row : rows) {
            try {
                DivisionCode code = DivisionCode.of(row.code());
                if (!code.value().startsWith(scope)) {
                    throw DomainException.notFound("tenant.not.found", code.value());
                }
                if (listed.containsKey(code.value())) {
                    throw DomainException.conflict("tenant.list.duplicate", code.value());
                }
                levels.put(code.value(), TenantRules.level(row.level()));
                listed.put(code.value(), row);
            } catch (DomainException e) {
                errors.add(lineError(row, e));
            }
        }
        if (!listed.containsKey(root.code().value()) && errors.isEmpty()) {
            errors.add(new LineError(
                    0, "code", "tenant.list.root.missing", root.code().value(), root.name()));
        }
        List<Change> changes = new ArrayList<>();
        Set<String> succeeded = new HashSet<>();
        int unchanged = 0;
        for (DivisionList.Row row : listed.values()) {
            try {
                Change change = compare(row, root, tree, listed, levels, succeeded);
                if (change == null) {
                    unchanged++;
                } else {
                    changes.add(change);
                    if (change.kind() == Kind.RENAMED
                            && levels.get(row.code()) != tree.get(row.code()).level()) {
                        changes.add(relevelled(row, tree.get(row.code())));
                    }
                }
            } catch (DomainException e) {
                errors.add(lineError(row, e));
            }
        }
        tree.values().stream()
                .filter(tenant -> !tenant.isRetired())
                .filter(tenant -> !listed.containsKey(tenant.code().value()))
                .filter(tenant -> !succeeded.contains(tenant.code().value()))
                .sorted(Comparator.comparing(Tenant::code))
                .forEach(tenant -> changes.add(new Change(Kind.RETIRED, 0, State.of(tenant), null)));
        return new Plan(errors.isEmpty() ? changes : List.of(), unchanged, errors);
    }

    private static Change compare(
            DivisionList.Row row,
            Tenant root,
            Map<String, Tenant> tree,
            Map<String, DivisionList.Row> listed,
            Map<String, TenantLevel> levels,
            Set<String> succeeded) {
        DivisionCode code = DivisionCode.of(row.code());
        TenantLevel level = levels.get(code.value());
        String name = TenantRules.checkName(row.name());
        if (!code.fitsLevel(level)) {
            throw new DomainException("division.code.level", code.value(), level.name());
        }
        checkParent(row, code, level, root, listed, levels);
        State after = new State(code.value(), row.parentCode(), level.name(), name);
        Tenant existing = tree.get(code.value());
        if (existing != null && existing.isRetired()) {
            throw new DomainException("tenant.list.retired", code.value(), existing.name());
        }
        if (!row.formerCode().isEmpty()) {
            return succession(row, code, level, after, existing, tree, listed, succeeded);
        }
        if (existing == null) {
            return new Change(Kind.ADDED, row.line(), null, after);
        }
        if (!existing.name().equals(name)) {
            return new Change(Kind.RENAMED, row.line(), State.of(existing), after);
        }
        if (existing.level() != level) {
            return relevelled(row, existing);
        }
        return null;
    }

    private static Change relevelled(DivisionList.Row row, Tenant existing) {
        TenantLevel level = TenantRules.level(row.level());
        TenantRules.checkRelevel(existing, level);
        State before = State.of(existing);
        return new Change(
                Kind.RELEVELLED,
                row.line(),
                before,
                new State(before.code(), before.parentCode(), level.name(), before.name()));
    }

    /** A parent must be listed (the list is the whole scope) at the tier above, its code a prefix of the child's. */
    private static void checkParent(
            DivisionList.Row row,
            DivisionCode code,
            TenantLevel level,
            Tenant root,
            Map<String, DivisionList.Row> listed,
            Map<String, TenantLevel> levels) {
        if (code.equals(root.code())) {
            String rootParent =
                    root.parentCode() == null ? "" : root.parentCode().value();
            if (!row.parentCode().equals(rootParent)) {
                throw new DomainException("tenant.list.root.parent", code.value(), rootParent);
            }
            return;
        }
        if (row.parentCode().isEmpty()) {
            throw new DomainException("tenant.parent.missing", code.value());
        }
        TenantLevel parentLevel = levels.get(row.parentCode());
        if (parentLevel == null || !listed.containsKey(row.parentCode())) {
            throw new DomainException("tenant.parent.unknown", row.parentCode());
        }
        if (!level.mayHaveParent(parentLevel)) {
            throw new DomainException("tenant.parent.level", row.parentCode(), parentLevel.name(), level.name());
        }
        if (!code.value().startsWith(row.parentCode().substring(0, parentLevel.significantDigits()))) {
            throw new DomainException("division.code.parent", code.value(), row.parentCode());
        }
    }

    private static Change succession(
            DivisionList.Row row,
            DivisionCode code,
            TenantLevel level,
            State after,
            Tenant existing,
            Map<String, Tenant> tree,
            Map<String, DivisionList.Row> listed,
            Set<String> succeeded) {
        DivisionCode formerCode = DivisionCode.of(row.formerCode());
        Tenant former = tree.get(formerCode.value());
        if (former == null || former.isRetired()) {
            throw DomainException.notFound("tenant.former.unknown", formerCode.value());
        }
        if (existing != null || listed.containsKey(formerCode.value()) || !succeeded.add(formerCode.value())) {
            throw new DomainException("tenant.former.kept", formerCode.value(), code.value());
        }
        if (!former.level().isLeaf() || !level.isLeaf()) {
            // A town's new code would re-code all its villages too: that is a list of villages with former codes.
            throw new DomainException("tenant.former.leaf", formerCode.value());
        }
        State before = State.of(former);
        Kind kind = before.parentCode().equals(after.parentCode()) ? Kind.RECODED : Kind.MOVED;
        return new Change(kind, row.line(), before, after);
    }

    private static LineError lineError(DivisionList.Row row, DomainException e) {
        return new LineError(row.line(), "", e.key(), e.arguments().toArray());
    }
}
