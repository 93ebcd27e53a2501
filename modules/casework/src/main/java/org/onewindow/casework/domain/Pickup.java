package org.onewindow.casework.domain;

import java.time.Instant;

/**
 * The result collected at the window (领取): who collected it, with which ID; an agent shows the authorisation.
 *
 * @param collectedBy the name of who collected it
 * @param identifier the resident ID number shown (masked in {@link #toString()})
 * @param authorisation for an agent, the authorisation shown; {@code null} when the applicant collected in person
 * @param recordedBy the clerk
 * @param collectedAt when
 * @throws org.onewindow.kernel.error.DomainException {@code casework.pickup.name.required},
 *     {@code casework.pickup.identifier.required}
 */
public record Pickup(
        String collectedBy, String identifier, String authorisation, String recordedBy, Instant collectedAt) {

    public Pickup {
        collectedBy = Texts.required(collectedBy, "casework.pickup.name.required");
        identifier = Texts.required(identifier, "casework.pickup.identifier.required");
        authorisation = Texts.optional(authorisation);
    }

    @Override
    public String toString() {
        return "Pickup[" + collectedBy + ", " + Texts.masked(identifier) + ", " + collectedAt + "]";
    }
}
