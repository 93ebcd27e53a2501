package org.onewindow.catalog.domain;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;

/**
 * A tier's override after a standards update (版本更新后的本级调整): re-based on the new version, with the
 * conflicts its administrator still has to resolve. Until then {@link #override()} is what is in effect: it
 * keeps every conflicting local value the new version allows, so nothing local is lost while waiting.
 *
 * @param standard the new standard version the override is now based on
 * @param override the re-based override, in effect now
 * @param conflicts the conflicts still pending
 * @param converged the elements dropped because the new standard now says what the tier had said
 * @param effectiveChanged whether the update changed the tenant's effective item (before any resolution)
 */
public record RebaseResult(
        ItemVersion standard,
        TierOverride override,
        List<Conflict> conflicts,
        Set<String> converged,
        boolean effectiveChanged) {

    public RebaseResult {
        conflicts = List.copyOf(conflicts);
        converged = Set.copyOf(converged);
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    public Optional<Conflict> conflict(String element) {
        return conflicts.stream().filter(c -> c.element().equals(element)).findFirst();
    }

    /**
     * Settles one conflict.
     *
     * @return the result with that conflict gone and the override changed accordingly
     * @throws DomainException when the element has no pending conflict, or the kept or edited value is not
     *     allowed against the new version
     */
    public RebaseResult resolve(String element, Resolution resolution) {
        Conflict conflict = conflict(element)
                .orElseThrow(() -> DomainException.notFound("catalog.rebase.conflict.not.found", element));
        TierOverride resolved = switch (resolution) {
            case Resolution.KeepLocal keep -> set(element, conflict.local());
            case Resolution.TakeStandard take -> override.without(element);
            case Resolution.Edit edit -> set(element, edit.value());
        };
        List<Conflict> pending = conflicts.stream().filter(c -> c != conflict).toList();
        return new RebaseResult(standard, resolved, pending, converged, effectiveChanged);
    }

    /** Settles every pending conflict the same way. */
    public RebaseResult resolveAll(Resolution resolution) {
        RebaseResult result = this;
        for (Conflict conflict : conflicts) {
            result = result.resolve(conflict.element(), resolution);
        }
        return result;
    }

    /**
     * The final override, once every conflict is settled.
     *
     * @throws DomainException {@code catalog.rebase.conflicts.pending} while any is not
     */
    public TierOverride settled() {
        if (hasConflicts()) {
            throw DomainException.conflict("catalog.rebase.conflicts.pending", conflicts.size());
        }
        return override;
    }

    private TierOverride set(String element, JsonValue value) {
        // The policy reads only protected elements from what is above, and only the standard sets those.
        OverridePolicy.checkValue(element, value, standard.elements());
        return override.with(element, value);
    }
}
