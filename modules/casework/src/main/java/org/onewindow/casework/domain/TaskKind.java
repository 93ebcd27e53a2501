package org.onewindow.casework.domain;

import java.util.Set;

/**
 * What a task of a case's process asks of its holder, read from the step's id in the template. The standard
 * templates (and overrides that follow them) name their window steps {@code windowDecision}, {@code jointDecision}
 * and {@code windowDelivery}; every other step is a review by a tier or a department.
 */
public enum TaskKind {
    /** A tier or a department reviews and gives its opinion (审查); the last one's answer decides. */
    REVIEW,
    /** The window decides: an on-the-spot item (即办件), or the joint decision after a parallel review (汇总决定). */
    WINDOW_DECISION,
    /** The result leaves the window: handed over or posted (出件、送达). */
    WINDOW_DELIVERY;

    private static final Set<String> WINDOW_DECISIONS = Set.of("windowDecision", "jointDecision");

    public static TaskKind of(String stepKey) {
        if ("windowDelivery".equals(stepKey)) {
            return WINDOW_DELIVERY;
        }
        return WINDOW_DECISIONS.contains(stepKey) ? WINDOW_DECISION : REVIEW;
    }

    /** Done by the window's clerks rather than by reviewers. */
    public boolean atWindow() {
        return this != REVIEW;
    }
}
