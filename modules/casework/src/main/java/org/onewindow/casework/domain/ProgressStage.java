package org.onewindow.casework.domain;

/**
 * The stage the public progress page shows (办理进度): the case's state without the decision's outcome, which
 * {@link PublicProgress} names beside it worded for the item (准予给付, 准予许可…) and the decision letter explains. Only accepted cases have a number to look up, so intake states never
 * appear.
 */
public enum ProgressStage {
    ACCEPTED,
    IN_REVIEW,
    WAITING_FOR_SUPPLEMENTS,
    SPECIAL_PROCEDURE,
    DECIDED,
    READY_FOR_PICKUP,
    POSTED,
    COMPLETED,
    WITHDRAWN;

    /** The stage of an accepted case's state. */
    public static ProgressStage of(CaseState state) {
        return switch (state) {
            case ACCEPTED -> ACCEPTED;
            case IN_REVIEW -> IN_REVIEW;
            case SUPPLEMENT_REQUESTED -> WAITING_FOR_SUPPLEMENTS;
            case SPECIAL_PROCEDURE -> SPECIAL_PROCEDURE;
            case DECIDED_APPROVED, DECIDED_REJECTED -> DECIDED;
            case AWAITING_PICKUP -> READY_FOR_PICKUP;
            case POSTED -> POSTED;
            case COMPLETED -> COMPLETED;
            case WITHDRAWN -> WITHDRAWN;
            case RECEIVED, AWAITING_SUPPLEMENTS, REFUSED ->
                throw new IllegalArgumentException(state + " has no case number to look up");
        };
    }
}
