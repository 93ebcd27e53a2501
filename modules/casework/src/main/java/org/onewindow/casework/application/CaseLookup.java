package org.onewindow.casework.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.domain.Agent;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseNumber;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.domain.Decision;
import org.onewindow.casework.domain.Delivery;
import org.onewindow.casework.domain.Extension;
import org.onewindow.casework.domain.LegalClock;
import org.onewindow.casework.domain.Pickup;
import org.onewindow.casework.domain.Refusal;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.calendar.DueDate;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;

/**
 * Finding a case in the caller's scope, and the mapping between the domain {@link Case} and its rows in both
 * directions ({@link #restore} and {@link #copy}/{@link #save}): every service that moves a case on takes it up with
 * {@code restore}, calls the domain, and writes it back with {@code save}, in its own transaction.
 */
final class CaseLookup {

    private CaseLookup() {}

    /**
     * The case by its number, or by its id while it has no number yet (awaiting supplements).
     *
     * @throws DomainException 404 {@code casework.case.not.found}, the same for a case outside the caller's scope
     *     (row-level security hides it) as for one that does not exist
     */
    static CaseFile find(CaseRepository cases, String reference) {
        String typed = reference == null ? "" : reference.strip();
        Optional<CaseFile> found;
        try {
            found = cases.find(UUID.fromString(typed));
        } catch (IllegalArgumentException notAnId) {
            try {
                found = cases.findByNumber(CaseNumber.of(typed).value());
            } catch (DomainException malformed) {
                found = Optional.empty();
            }
        }
        return found.orElseThrow(() -> DomainException.notFound("casework.case.not.found", typed));
    }

    /**
     * The domain case of a row. Identifiers come back as the row keeps them: a person's ID number masked (the clear
     * one is never needed to move a case on; showing it is a separate, audited act).
     */
    static Case restore(CaseRepository cases, CaseFile row) {
        return restore(cases, row, null);
    }

    /** The domain case of a row, with its check code where the caller proved it knows it (a receipt's reprint). */
    static Case restore(CaseRepository cases, CaseFile row, CheckCode checkCode) {
        Applicant applicant = row.applicantKind().equals("PERSON")
                ? Applicant.person(row.applicantName(), row.applicantIdNumber().masked())
                : Applicant.organisation(row.applicantName(), row.applicantUscc(), row.legalRepresentative());
        Agent agent = row.agentName() == null
                ? null
                : new Agent(row.agentName(), row.agentIdNumber().masked(), row.agentAuthorisation());
        Extension extension = row.extensionWorkingDays() == null
                ? null
                : new Extension(
                        row.extensionWorkingDays(),
                        row.extensionApprovedBy(),
                        row.extensionReason(),
                        row.extensionApprovedOn());
        LegalClock clock = row.acceptedOn() == null
                ? null
                : new LegalClock(
                        row.acceptedOn(),
                        row.promisedLimitWorkingDays(),
                        row.statutoryLimitWorkingDays(),
                        cases.pauses(row),
                        extension,
                        row.clockStoppedOn());
        Refusal refusal = row.refusalReason() == null
                ? null
                : new Refusal(
                        row.refusalReason(),
                        row.refusalBasis(),
                        row.refusedBy(),
                        row.refusedOn(),
                        row.refusalNoticeNumber());
        return Case.restore(new Case.Stored(
                row.tenantCode().value(),
                row.intakePoint(),
                CaseJson.readItem(row.itemSnapshot()),
                applicant,
                agent,
                CaseState.valueOf(row.state()),
                row.receivedAt(),
                row.receivedOn(),
                cases.materials(row),
                CaseJson.readNotice(row.firstCorrectionNotice()),
                CaseJson.readNotice(row.correctionNotice()),
                refusal,
                row.caseNumber() == null ? null : new CaseNumber(row.caseNumber()),
                checkCode,
                clock,
                decision(row),
                delivery(row),
                pickup(row),
                row.completedOn(),
                row.withdrawalReason(),
                cases.steps(row).stream().map(CaseRepository.StoredStep::step).toList()));
    }

    private static Decision decision(CaseFile row) {
        return row.decisionApproved() == null
                ? null
                : new Decision(
                        row.decisionApproved(),
                        row.decisionReason(),
                        row.decisionBasis(),
                        row.decidedBy(),
                        row.decidedOn());
    }

    private static Delivery delivery(CaseFile row) {
        if (row.deliveryKind() == null) {
            return null;
        }
        return row.deliveryKind().equals("POST")
                ? new Delivery.ByPost(row.postRecipient(), row.postAddress(), row.postPhone(), row.postTrackingNumber())
                : new Delivery.AtWindow(row.deliveryPointId(), row.deliveryPoint());
    }

    private static Pickup pickup(CaseFile row) {
        return row.pickupCollectedAt() == null
                ? null
                : new Pickup(
                        row.pickupCollectedBy(),
                        row.pickupIdNumber().masked(),
                        row.pickupAuthorisation(),
                        row.pickupRecordedBy(),
                        row.pickupCollectedAt());
    }

    /**
     * Writes the state the domain case reached onto its row: state, notices, refusal, due dates as of today,
     * decision, extension, delivery, pickup, completion and withdrawal. The ID number shown at pickup is sealed here
     * the one time it is clear (a restored case carries only the masked one, and the row already has it).
     *
     * @throws DomainException {@code identity.resident.*} for a pickup identifier that is no valid resident ID number
     */
    static void copy(Case c, CaseFile row, Clock clock, WorkingDayCalendar calendar, PersonalDataProtector protector) {
        row.update(
                c.state().name(),
                CaseJson.write(c.firstCorrectionNotice().orElse(null)),
                CaseJson.write(c.correctionNotice().orElse(null)),
                c.refusal().map(Refusal::reason).orElse(null),
                c.refusal().map(Refusal::legalBasis).orElse(null),
                c.refusal().map(Refusal::refusedBy).orElse(null),
                c.refusal().map(Refusal::refusedOn).orElse(null),
                c.refusal().map(Refusal::documentNumber).orElse(null),
                c.item().promisedLimitWorkingDays(),
                c.item().statutoryLimitWorkingDays(),
                clock.instant());
        c.legalClock().ifPresent(legal -> {
            LocalDate today = WorkingDayCalendar.today(clock);
            DueDate promised = legal.promisedDueDate(calendar, today);
            DueDate statutory = legal.statutoryDueDate(calendar, today);
            // The flag goes with the promised date, the one the receipt and the progress page show beside it.
            row.dueDates(promised.date(), statutory.date(), promised.provisional());
            Extension extension = legal.extension();
            row.clock(
                    extension == null ? null : extension.workingDays(),
                    extension == null ? null : extension.approvedBy(),
                    extension == null ? null : extension.reason(),
                    extension == null ? null : extension.approvedOn(),
                    legal.stoppedOn());
        });
        Decision decision = c.decision().orElse(null);
        if (decision == null) {
            row.decision(null, null, null, null, null);
        } else {
            row.decision(
                    decision.approved(),
                    decision.reason(),
                    decision.legalBasis(),
                    decision.decidedBy(),
                    decision.decidedOn());
        }
        switch (c.delivery().orElse(null)) {
            case Delivery.AtWindow window -> row.deliveryAtWindow(window.servicePointId(), window.servicePoint());
            case Delivery.ByPost post ->
                row.deliveryByPost(post.recipient(), post.address(), post.phone(), post.trackingNumber());
            case null -> {}
        }
        c.pickup()
                .filter(p -> row.pickupCollectedAt() == null)
                .ifPresent(p -> row.pickup(
                        p.collectedBy(),
                        protector.protect(ResidentIdNumber.parse(p.identifier(), clock)),
                        p.authorisation(),
                        p.recordedBy(),
                        p.collectedAt()));
        row.closed(c.completedOn().orElse(null), c.withdrawalReason().orElse(null));
    }

    /**
     * Writes the case back: its row ({@link #copy}), its materials and pause ledger, and the steps after the first
     * {@code storedSteps} (the timeline only grows), each taken at {@code place}; flushed, so that a constraint
     * fails inside the caller's transaction.
     */
    static void save(
            CaseRepository cases,
            Case c,
            CaseFile row,
            int storedSteps,
            String place,
            Clock clock,
            WorkingDayCalendar calendar,
            PersonalDataProtector protector) {
        copy(c, row, clock, calendar, protector);
        cases.flush();
        saveChildren(cases, c, row, storedSteps, place);
    }

    /** The materials, the pause ledger and the new steps of a case whose row is written. */
    static void saveChildren(CaseRepository cases, Case c, CaseFile row, int storedSteps, String place) {
        cases.replaceMaterials(row, c.marks());
        cases.appendSteps(row, c.steps(), storedSteps, place);
        cases.replacePauses(row, c.legalClock().map(LegalClock::pauses).orElse(List.of()));
    }

    static List<CaseRepository.StoredStep> steps(CaseRepository cases, CaseFile row) {
        return cases.steps(row);
    }
}
