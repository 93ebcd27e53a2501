package org.onewindow.casework.domain;

import static org.onewindow.casework.domain.CaseState.ACCEPTED;
import static org.onewindow.casework.domain.CaseState.AWAITING_PICKUP;
import static org.onewindow.casework.domain.CaseState.AWAITING_SUPPLEMENTS;
import static org.onewindow.casework.domain.CaseState.COMPLETED;
import static org.onewindow.casework.domain.CaseState.DECIDED_APPROVED;
import static org.onewindow.casework.domain.CaseState.DECIDED_REJECTED;
import static org.onewindow.casework.domain.CaseState.IN_REVIEW;
import static org.onewindow.casework.domain.CaseState.POSTED;
import static org.onewindow.casework.domain.CaseState.RECEIVED;
import static org.onewindow.casework.domain.CaseState.REFUSED;
import static org.onewindow.casework.domain.CaseState.SPECIAL_PROCEDURE;
import static org.onewindow.casework.domain.CaseState.SUPPLEMENT_REQUESTED;
import static org.onewindow.casework.domain.CaseState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;

/**
 * What can be done to a case, from which states, and where it leads: the case's whole transition table in one place.
 * Every other move is refused with {@code casework.case.transition} (409), naming the state and the action in the
 * caller's language.
 */
public enum CaseAction {
    /** 收件: creates the case; never allowed on an existing one. */
    RECEIVE(EnumSet.noneOf(CaseState.class), RECEIVED),
    /** The clerk marks the materials seen, scanned or satisfied by government data; the state does not change. */
    MARK_MATERIALS(EnumSet.of(RECEIVED, AWAITING_SUPPLEMENTS), null),
    /** 出具补正通知书 (§32): again while waiting, for what the first notice listed and is still missing. */
    ISSUE_CORRECTION_NOTICE(EnumSet.of(RECEIVED, AWAITING_SUPPLEMENTS), AWAITING_SUPPLEMENTS),
    /** 受理. */
    ACCEPT(EnumSet.of(RECEIVED, AWAITING_SUPPLEMENTS), ACCEPTED),
    /** 不予受理. */
    REFUSE(EnumSet.of(RECEIVED, AWAITING_SUPPLEMENTS), REFUSED),
    /** A department starts the review (the first task is claimed). */
    START_REVIEW(EnumSet.of(ACCEPTED), IN_REVIEW),
    /** 审查中补正: pauses the clock. */
    REQUEST_SUPPLEMENT(EnumSet.of(IN_REVIEW), SUPPLEMENT_REQUESTED),
    /** The supplements arrived: the clock runs again from the next day. */
    RECEIVE_SUPPLEMENT(EnumSet.of(SUPPLEMENT_REQUESTED), IN_REVIEW),
    /** 特别程序 (§45): pauses the clock. */
    START_SPECIAL_PROCEDURE(EnumSet.of(IN_REVIEW), SPECIAL_PROCEDURE),
    END_SPECIAL_PROCEDURE(EnumSet.of(SPECIAL_PROCEDURE), IN_REVIEW),
    /**
     * 审查意见: one tier or department of several gives its opinion (逐级审查, 并联审批); the state does not change, the
     * decision follows when the last has answered. Also while another department waits for supplements or a special
     * procedure: a parallel review does not stop for one department's pause, only the decision does.
     */
    GIVE_OPINION(EnumSet.of(IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE), null),
    /** 延期 (§42): once, with the head's approval; the state does not change. */
    EXTEND(EnumSet.of(ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE), null),
    /** 准予许可. */
    APPROVE(EnumSet.of(IN_REVIEW), DECIDED_APPROVED),
    /** 不予许可: reason and legal basis required (§38). */
    REJECT(EnumSet.of(IN_REVIEW), DECIDED_REJECTED),
    /** The result waits at a window (统一出件). */
    HOLD_FOR_PICKUP(EnumSet.of(DECIDED_APPROVED, DECIDED_REJECTED), AWAITING_PICKUP),
    /** The result goes by free post; also when the applicant asks for post instead of coming. */
    POST(EnumSet.of(DECIDED_APPROVED, DECIDED_REJECTED, AWAITING_PICKUP), POSTED),
    /** 领取: who collected, with which ID. */
    RECORD_PICKUP(EnumSet.of(AWAITING_PICKUP), COMPLETED),
    /** The post reports delivery. */
    CONFIRM_DELIVERY(EnumSet.of(POSTED), COMPLETED),
    /**
     * A scanned material (扫描件) attached, marking the material as uploaded; the state does not change. At the window
     * and in review alike, until the decision: what was decided on is the record, and a scan after it would change
     * a material the decision no longer looked at (so never once decided, issued, completed, refused or withdrawn).
     */
    ATTACH_SCAN(
            EnumSet.of(RECEIVED, AWAITING_SUPPLEMENTS, ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE),
            null),
    /** 撤回: the applicant withdraws before a decision. */
    WITHDRAW(
            EnumSet.of(RECEIVED, AWAITING_SUPPLEMENTS, ACCEPTED, IN_REVIEW, SUPPLEMENT_REQUESTED, SPECIAL_PROCEDURE),
            WITHDRAWN);

    private final Set<CaseState> from;
    private final CaseState to;

    CaseAction(Set<CaseState> from, CaseState to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedIn(CaseState state) {
        return from.contains(state);
    }

    /** The states this action is allowed in. */
    public Set<CaseState> allowedStates() {
        return from.isEmpty() ? EnumSet.noneOf(CaseState.class) : EnumSet.copyOf(from);
    }

    /** The state after the action taken in {@code state}: the same state for an action that changes none. */
    public CaseState leadsTo(CaseState state) {
        return to == null ? state : to;
    }

    /**
     * The state after the action.
     *
     * @throws DomainException (conflict) {@code casework.case.transition} when the action is not allowed in the state
     */
    public CaseState from(CaseState state) {
        if (!allowedIn(state)) {
            throw DomainException.conflict("casework.case.transition", label(state), label(this));
        }
        return leadsTo(state);
    }

    static MessageKey label(CaseState state) {
        return new MessageKey("casework.state." + state.name());
    }

    static MessageKey label(CaseAction action) {
        return new MessageKey("casework.action." + action.name());
    }
}
