package org.onewindow.casework.application;

import java.util.UUID;

/**
 * The applicant must be told something at once (告知): what to supplement (补正, §32), how long a special procedure
 * takes (§45), why the limit was extended (§42), that the case was decided. Fired as a CDI event inside the
 * transaction that made the step, after the case and its timeline are written; the notification outbox observes it
 * ({@code @Observes(during = TransactionPhase.IN_PROGRESS)} to write its row in the same transaction, or
 * {@code AFTER_SUCCESS} to send). The timeline and the audit chain already record the same text.
 *
 * @param caseId the case
 * @param caseNumber its number, as on the receipt
 * @param tenantCode the case's tenant (the intake service point's)
 * @param kind what the applicant is told
 * @param text the text the applicant is told, in the case's words (what to supply, the reason…)
 */
public record ApplicantNotice(UUID caseId, String caseNumber, String tenantCode, Kind kind, String text) {

    public enum Kind {
        SUPPLEMENT_REQUESTED,
        SPECIAL_PROCEDURE_STARTED,
        EXTENDED,
        DECIDED
    }
}
