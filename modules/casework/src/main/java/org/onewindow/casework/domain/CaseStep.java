package org.onewindow.casework.domain;

import java.time.Instant;

/**
 * One step of a case's timeline (办理环节): what was done, by whom, when, from which state to which, and the
 * handler's opinion. The audit chain records the same step; the case page shows these.
 *
 * @param at when
 * @param action what
 * @param from the state before ({@code null} for the intake)
 * @param to the state after
 * @param actor the staff account
 * @param opinion the opinion or note; may be {@code null}
 */
public record CaseStep(Instant at, CaseAction action, CaseState from, CaseState to, String actor, String opinion) {}
