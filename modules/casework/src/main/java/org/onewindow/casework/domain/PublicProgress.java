package org.onewindow.casework.domain;

import java.time.LocalDate;

/**
 * What anyone holding the receipt sees (进度查询), without login: the stage and the dates, nothing personal (no name,
 * no ID number, no address, no decision reasons).
 *
 * @param caseNumber the number on the receipt
 * @param itemName the item's name, as on the receipt
 * @param stage the stage
 * @param acceptedOn the acceptance date
 * @param promisedDueDate the promised completion date as it stands today (pauses and extension included)
 * @param dueDateProvisional whether that date assumed the weekday rule for a year without a holiday notice
 * @param decidedOn the decision date, {@code null} before
 * @param completedOn the completion date, {@code null} before
 * @param pickupPoint where the result waits, while it waits there; {@code null} otherwise
 * @param wording how the item's decision is named ({@link DecisionWording}: 准予许可, 准予给付, 已批准…)
 * @param decisionApproved whether the decision granted; {@code null} before one. The letter the receipt's holder may
 *     download says as much.
 */
public record PublicProgress(
        CaseNumber caseNumber,
        String itemName,
        ProgressStage stage,
        LocalDate acceptedOn,
        LocalDate promisedDueDate,
        boolean dueDateProvisional,
        LocalDate decidedOn,
        LocalDate completedOn,
        String pickupPoint,
        DecisionWording wording,
        Boolean decisionApproved) {

    /** The message key of the decision's name as the item words it ({@link DecisionWording#decisionKey}); null before. */
    public String decisionKey() {
        return decisionApproved == null ? null : wording.decisionKey(decisionApproved);
    }
}
