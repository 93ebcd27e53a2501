package org.onewindow.catalog.domain;

import jakarta.json.JsonValue;

/**
 * An element a standards update and a tier's override disagree on (版本更新冲突): the tenant's administrator
 * decides, with the three values side by side, whether to keep the local value, take the standard's, or write
 * a new one ({@link Resolution}). Absent values are {@link JsonValue#NULL}.
 *
 * @param element the element's name
 * @param oldStandard the value in the version the override was made on
 * @param newStandard the value in the new version
 * @param local the value the tier had set
 * @param reason why it is a conflict, which also decides what is in effect until it is resolved
 */
public record Conflict(String element, JsonValue oldStandard, JsonValue newStandard, JsonValue local, Reason reason) {

    public enum Reason {
        /** The standard changed the element, and the tier had set it to something else: the local value stays. */
        BOTH_CHANGED,
        /**
         * The local value breaks the policy against the new version, e.g. a promise longer than a lowered
         * statutory limit. The law cannot wait for the administrator: the tier follows the standard until the
         * conflict is resolved, and the local value is kept here.
         */
        NOT_ALLOWED_BY_NEW_STANDARD
    }

    /** Whether the local value stays in the tenant's effective item while the conflict is pending. */
    public boolean localInEffect() {
        return reason == Reason.BOTH_CHANGED;
    }
}
