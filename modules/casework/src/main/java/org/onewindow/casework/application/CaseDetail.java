package org.onewindow.casework.application;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.domain.Agent;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.CorrectionNotice;
import org.onewindow.casework.domain.Deadlines;
import org.onewindow.casework.domain.Decision;
import org.onewindow.casework.domain.IntakeWindow;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.Pause;
import org.onewindow.casework.domain.Refusal;
import org.onewindow.casework.infrastructure.CaseRepository;

/**
 * A case as the staff's case page (办件详情) shows it: what the REST view has, plus the item snapshot's checklist with
 * the names of its materials, the pause ledger and the clock as seen today. The applicant and the agent are masked;
 * the check code is not here (only its hash is kept).
 *
 * @param id the case id (the reference while it has no number)
 * @param caseNumber the case number; {@code null} before acceptance
 * @param state where the case stands
 * @param tenantCode the division that took it in
 * @param intakePoint the division that took it in, as printed
 * @param intakeWindow the service point and window that took it in (受理窗口); {@code null} when unknown (a case
 *     taken in before it was recorded, or where no point was on record)
 * @param item the item version the case was taken in under (事项快照)
 * @param applicant the applicant, ID number masked
 * @param agent the agent, ID number masked; {@code null} when the applicant came in person
 * @param receivedAt when it was taken in
 * @param marks the clerk's mark per material code
 * @param correctionNotice the correction notice in force; {@code null} without one
 * @param refusal the refusal to accept; {@code null} unless refused
 * @param decision the decision (准予/不予许可), {@code null} while undecided
 * @param acceptedOn the acceptance date; {@code null} before acceptance
 * @param deadlines the clock today (promised and statutory due dates, used and remaining working days);
 *     {@code null} before acceptance
 * @param pauses the pause ledger (补正、特别程序), oldest first
 * @param timeline every step with where it was taken, oldest first
 * @param form the application form (申请表): {@code name}, {@code fields} as the item defined them, {@code answers}
 *     with ID numbers and phones masked; {@code null} when the case has none
 */
public record CaseDetail(
        UUID id,
        String caseNumber,
        CaseState state,
        String tenantCode,
        String intakePoint,
        IntakeWindow intakeWindow,
        ItemSnapshot item,
        Applicant applicant,
        Agent agent,
        Instant receivedAt,
        Map<String, MaterialMark> marks,
        CorrectionNotice correctionNotice,
        Refusal refusal,
        Decision decision,
        LocalDate acceptedOn,
        Deadlines deadlines,
        List<Pause> pauses,
        List<CaseRepository.StoredStep> timeline,
        JsonObject form) {

    public CaseDetail {
        marks = Map.copyOf(marks);
        pauses = List.copyOf(pauses);
        timeline = List.copyOf(timeline);
    }

    /** The reference a link or a REST call names the case by: its number, else its id. */
    public String reference() {
        return caseNumber == null ? id.toString() : caseNumber;
    }

    /** The clerk's mark on a material; empty when it was not marked (missing). */
    public Optional<MaterialMark> mark(String materialCode) {
        return Optional.ofNullable(marks.get(materialCode));
    }
}
