package org.onewindow.catalog.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * What publishing a new version would do, shown to the standards team before they publish (更新影响预览):
 * which tenants' effective item changes and which tenants get conflicts to resolve. Nothing is changed.
 *
 * @param itemCode the item
 * @param fromVersion the version in force
 * @param toVersion the version about to be published
 * @param standardChanged whether the elements differ at all, i.e. whether a tenant without any override in
 *     its chain sees a change
 * @param overriding the tenants that have an override of the item
 * @param changed the overriding tenants whose effective item changes
 * @param conflicts the overriding tenants that get conflicts, with them
 */
public record ImpactPreview(
        String itemCode,
        int fromVersion,
        int toVersion,
        boolean standardChanged,
        SortedSet<DivisionCode> overriding,
        SortedSet<DivisionCode> changed,
        SortedMap<DivisionCode, List<Conflict>> conflicts) {

    public ImpactPreview {
        overriding = Collections.unmodifiableSortedSet(new TreeSet<>(overriding));
        changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
        conflicts = Collections.unmodifiableSortedMap(new TreeMap<>(conflicts));
    }

    /**
     * Re-bases every override on a copy and reports the effect.
     *
     * @param overrides the item's overrides on {@code from}, by the tenant that made them
     */
    public static ImpactPreview of(ItemVersion from, ItemVersion to, Map<DivisionCode, TierOverride> overrides) {
        return ofResults(from, to, rebased(from, to, overrides));
    }

    /**
     * Every overriding tenant's own re-base, each computed from the overrides as they were (its tiers above
     * included): what a publication stores and what {@link #ofResults} reports.
     */
    public static Map<DivisionCode, RebaseResult> rebased(
            ItemVersion from, ItemVersion to, Map<DivisionCode, TierOverride> overrides) {
        Map<DivisionCode, RebaseResult> results = new LinkedHashMap<>();
        overrides.forEach((tenant, override) -> {
            if (!tenant.equals(override.tenant())) {
                throw new IllegalArgumentException("override of " + override.tenant() + " filed under " + tenant);
            }
            results.put(
                    tenant, Rebase.chain(from, to, chainOf(tenant, overrides)).getLast());
        });
        return results;
    }

    /** The preview of re-bases computed already ({@link #rebased}), by overriding tenant. */
    public static ImpactPreview ofResults(ItemVersion from, ItemVersion to, Map<DivisionCode, RebaseResult> results) {
        SortedSet<DivisionCode> changed = new TreeSet<>();
        SortedMap<DivisionCode, List<Conflict>> conflicts = new TreeMap<>();
        results.forEach((tenant, own) -> {
            if (own.effectiveChanged()) {
                changed.add(tenant);
            }
            if (own.hasConflicts()) {
                conflicts.put(tenant, own.conflicts());
            }
        });
        boolean standardChanged = !JsonValues.same(from.elements(), to.elements());
        return new ImpactPreview(
                from.code(),
                from.number(),
                to.number(),
                standardChanged,
                new TreeSet<>(results.keySet()),
                changed,
                conflicts);
    }

    /**
     * The previews of one update over disjoint tenants (each county's), as one. Merged in one pass: at 2,800 counties
     * merging them pairwise would copy the growing sets 2,800 times.
     *
     * @param whole the update itself, which carries the item, the versions and whether the standard changed
     */
    public static ImpactPreview merge(ImpactPreview whole, List<ImpactPreview> parts) {
        SortedSet<DivisionCode> allOverriding = new TreeSet<>(whole.overriding);
        SortedSet<DivisionCode> allChanged = new TreeSet<>(whole.changed);
        SortedMap<DivisionCode, List<Conflict>> allConflicts = new TreeMap<>(whole.conflicts);
        for (ImpactPreview part : parts) {
            if (!whole.itemCode.equals(part.itemCode)
                    || whole.fromVersion != part.fromVersion
                    || whole.toVersion != part.toVersion) {
                throw new IllegalArgumentException("previews of different updates");
            }
            allOverriding.addAll(part.overriding);
            allChanged.addAll(part.changed);
            allConflicts.putAll(part.conflicts);
        }
        return new ImpactPreview(
                whole.itemCode,
                whole.fromVersion,
                whole.toVersion,
                whole.standardChanged,
                allOverriding,
                allChanged,
                allConflicts);
    }

    /** The overrides that exist in the tenant's county, town and itself, county first. */
    private static List<TierOverride> chainOf(DivisionCode tenant, Map<DivisionCode, TierOverride> overrides) {
        ElementSource deepest = ElementSource.tierOf(tenant);
        List<TierOverride> chain = new ArrayList<>();
        for (ElementSource tier : List.of(ElementSource.COUNTY, ElementSource.TOWN, ElementSource.VILLAGE)) {
            if (tier.compareTo(deepest) <= 0 && overrides.get(tier.ancestorOf(tenant)) instanceof TierOverride o) {
                chain.add(o);
            }
        }
        return chain;
    }

    /**
     * Whether any tenant's effective item changes, overriding or not: a tenant without an override of its own
     * sees what the nearest tier above it with an override sees, or the standard's change if there is none.
     */
    public boolean changesFor(DivisionCode tenant) {
        ElementSource deepest = ElementSource.tierOf(tenant);
        for (ElementSource tier : List.of(ElementSource.VILLAGE, ElementSource.TOWN, ElementSource.COUNTY)) {
            if (tier.compareTo(deepest) <= 0 && overriding.contains(tier.ancestorOf(tenant))) {
                return changed.contains(tier.ancestorOf(tenant));
            }
        }
        return standardChanged;
    }

    public Set<DivisionCode> conflicted() {
        return conflicts.keySet();
    }

    public int changedCount() {
        return changed.size();
    }

    public int conflictedCount() {
        return conflicts.size();
    }
}
