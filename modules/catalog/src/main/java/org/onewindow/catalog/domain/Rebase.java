package org.onewindow.catalog.domain;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;

/**
 * Moves tenants' overrides onto a newly published standard version (版本更新), element by element:
 *
 * <ul>
 *   <li>the standard did not change the element: the override keeps its value (kept);
 *   <li>the standard changed it to exactly the tier's value: the override no longer needs it and drops it
 *       (converged), unless a tier above also set it, which the tier's value still has to shadow;
 *   <li>the standard changed it to something else: a {@link Conflict}, the local value staying in effect;
 *   <li>the local value is no longer allowed against the new version (a promise above a lowered statutory
 *       limit): a conflict too, and the standard is in effect until it is resolved.
 * </ul>
 *
 * Elements the override does not name simply take the new standard's value. Nothing local is lost silently:
 * each value the override had is still in it, or in a conflict, or equal to the new standard.
 */
public final class Rebase {

    private Rebase() {}

    /** Re-bases the override of a tenant with no override above it (or whose tiers above are not concerned). */
    public static RebaseResult of(ItemVersion from, ItemVersion to, TierOverride override) {
        return chain(from, to, List.of(override)).getFirst();
    }

    /**
     * Re-bases a tenant's whole chain, county first.
     *
     * @param chainFromCountyDown the overrides as they are on {@code from}, in the order of {@link
     *     EffectiveItem#resolve}
     * @return one result per override, in the same order
     * @throws DomainException when the versions are not two versions of one item in order, or the chain does
     *     not apply to {@code from}
     */
    public static List<RebaseResult> chain(ItemVersion from, ItemVersion to, List<TierOverride> chainFromCountyDown) {
        if (!from.code().equals(to.code())) {
            throw new DomainException("catalog.version.item.mismatch", from.code(), to.code());
        }
        if (to.number() <= from.number()) {
            throw new DomainException("catalog.version.order", from.number(), to.number());
        }
        List<TierOverride> rebased = new ArrayList<>();
        List<RebaseResult> results = new ArrayList<>();
        for (int tier = 0; tier < chainFromCountyDown.size(); tier++) {
            List<TierOverride> upToHere = chainFromCountyDown.subList(0, tier + 1);
            EffectiveItem before = EffectiveItem.resolve(from, upToHere);
            RebaseResult result = rebase(from, to, upToHere.getLast(), upToHere.subList(0, tier));
            rebased.add(result.override());
            EffectiveItem after = EffectiveItem.resolve(to, rebased);
            boolean changed = !JsonValues.same(before.elements(), after.elements());
            results.add(new RebaseResult(to, result.override(), result.conflicts(), result.converged(), changed));
        }
        return results;
    }

    private static RebaseResult rebase(
            ItemVersion from, ItemVersion to, TierOverride override, List<TierOverride> tiersAbove) {
        TierOverride rebased = override.rebasedOnto(to.number());
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> converged = new LinkedHashSet<>();
        for (var set : override.patch().entrySet()) {
            String element = set.getKey();
            JsonValue local = set.getValue();
            JsonValue oldStandard = from.element(element);
            JsonValue newStandard = to.element(element);
            boolean standardChanged = !JsonValues.same(oldStandard, newStandard);
            if (!OverridePolicy.allows(element, local, to.elements())) {
                conflicts.add(new Conflict(
                        element, oldStandard, newStandard, local, Conflict.Reason.NOT_ALLOWED_BY_NEW_STANDARD));
                rebased = rebased.without(element);
            } else if (standardChanged && !JsonValues.same(local, newStandard)) {
                conflicts.add(new Conflict(element, oldStandard, newStandard, local, Conflict.Reason.BOTH_CHANGED));
            } else if (standardChanged && tiersAbove.stream().noneMatch(above -> above.sets(element))) {
                converged.add(element);
                rebased = rebased.without(element);
            }
            // Otherwise kept: the standard left the element alone, or the tier's value, though now the
            // standard's too, still has to shadow a tier above that set the element.
        }
        return new RebaseResult(to, rebased, conflicts, converged, false);
    }
}
