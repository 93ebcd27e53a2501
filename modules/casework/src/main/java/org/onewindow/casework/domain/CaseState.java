package org.onewindow.casework.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case (办件) stands. The allowed moves between states are the actions of {@link CaseAction}; this enum only
 * says what each state means for the legal clock and for the public.
 *
 * <ul>
 *   <li>{@link #RECEIVED} 已收件: the application is taken in at a window and its materials are being checked;
 *   <li>{@link #AWAITING_SUPPLEMENTS} 待补正: a correction notice (补正通知书, §32) listed everything missing;
 *   <li>{@link #ACCEPTED} 已受理: accepted with a case number, the legal clock runs;
 *   <li>{@link #REFUSED} 不予受理: not accepted (reason and legal basis on the notice), the case ends;
 *   <li>{@link #IN_REVIEW} 审查中: a department reviews it;
 *   <li>{@link #SUPPLEMENT_REQUESTED} 审查中补正: the reviewer asked for supplements, the clock is paused;
 *   <li>{@link #SPECIAL_PROCEDURE} 特别程序: hearing, testing, expert review… (§45), the clock is paused;
 *   <li>{@link #DECIDED_APPROVED} 准予许可 / {@link #DECIDED_REJECTED} 不予许可: decided, the clock stops;
 *   <li>{@link #AWAITING_PICKUP} 待领取 at a window, or {@link #POSTED} 已寄出 by free post;
 *   <li>{@link #COMPLETED} 已办结: the result reached the applicant (pickup or delivery recorded);
 *   <li>{@link #WITHDRAWN} 已撤回: the applicant withdrew the application before a decision.
 * </ul>
 */
public enum CaseState {
    RECEIVED,
    AWAITING_SUPPLEMENTS,
    ACCEPTED,
    REFUSED,
    IN_REVIEW,
    SUPPLEMENT_REQUESTED,
    SPECIAL_PROCEDURE,
    DECIDED_APPROVED,
    DECIDED_REJECTED,
    AWAITING_PICKUP,
    POSTED,
    COMPLETED,
    WITHDRAWN;

    private static final Set<CaseState> UNDECIDED =
            EnumSet.of(ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE);
    private static final Set<CaseState> FINAL = EnumSet.of(REFUSED, COMPLETED, WITHDRAWN);

    /** Accepted and not yet decided: the legal clock runs or is paused. */
    public boolean isUndecided() {
        return UNDECIDED.contains(this);
    }

    /** The clock is paused: waiting for supplements or in a special procedure. */
    public boolean isPaused() {
        return this == SUPPLEMENT_REQUESTED || this == SPECIAL_PROCEDURE;
    }

    /** Nothing can happen to the case any more. */
    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Whether some action leads from this state to the other. */
    public boolean mayMoveTo(CaseState next) {
        for (CaseAction action : CaseAction.values()) {
            if (action.allowedIn(this) && action.leadsTo(this) == next) {
                return true;
            }
        }
        return false;
    }
}
