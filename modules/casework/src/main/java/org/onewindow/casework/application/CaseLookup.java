package org.onewindow.casework.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.domain.Agent;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseNumber;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.domain.LegalClock;
import org.onewindow.casework.domain.Refusal;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.error.DomainException;

/** Finding a case in the caller's scope and taking the domain object up again from its rows. */
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
        LegalClock clock = row.acceptedOn() == null
                ? null
                : new LegalClock(
                        row.acceptedOn(),
                        row.promisedLimitWorkingDays(),
                        row.statutoryLimitWorkingDays(),
                        cases.pauses(row),
                        null,
                        null);
        Refusal refusal = row.refusalReason() == null
                ? null
                : new Refusal(row.refusalReason(), row.refusalBasis(), row.refusedBy(), row.refusedOn());
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
                cases.steps(row).stream().map(CaseRepository.StoredStep::step).toList()));
    }

    static List<CaseRepository.StoredStep> steps(CaseRepository cases, CaseFile row) {
        return cases.steps(row);
    }
}
