package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * The applicant's full resident ID number (身份证号码), shown to the one role that needs it: the reviewer deciding the
 * case, who checks the applicant in systems this product does not reach (the household register, the family economic
 * check for 低保) by the full number (docs/adr/0021). Every showing is an entry in the audit chain, naming the case
 * and who looked, never the number; everywhere else the number stays masked.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ApplicantIdentityService {

    /** The audit action of one showing of the full number. */
    public static final String REVEALED = "casework.applicant.id.revealed";

    @Inject
    Caller caller;

    @Inject
    CaseRepository cases;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditService audit;

    /**
     * The applicant's full ID number, recorded in the audit chain in the same transaction.
     *
     * @param reference the case number, or the case id before acceptance
     * @return {@code caseNumber} (null before acceptance), {@code applicantName}, {@code idNumber} (18 characters)
     * @throws DomainException 403 {@code caller.forbidden} for a caller who is not a reviewer; 404
     *     {@code casework.case.not.found} alike for an unknown case and one outside the caller's scope; 404
     *     {@code casework.applicant.id.none} for an organisation (its credit code is shown whole already)
     */
    public JsonObject revealIdNumber(String reference) {
        StaffPrincipal reviewer = caller.requireAny(Role.REVIEWER);
        CaseFile row = CaseLookup.find(cases, reference);
        if (row.applicantIdNumber() == null) {
            throw DomainException.notFound("casework.applicant.id.none", row.applicantName());
        }
        String idNumber = protector.reveal(row.applicantIdNumber()).fullNumber();
        audit.record(
                row.tenantCode().value(),
                REVEALED,
                "case_file",
                row.id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("reference", row.caseNumber() == null ? row.id().toString() : row.caseNumber())
                        .add("shownTo", reviewer.username())
                        .build());
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (row.caseNumber() == null) {
            answer.addNull("caseNumber");
        } else {
            answer.add("caseNumber", row.caseNumber());
        }
        return answer.add("applicantName", row.applicantName())
                .add("idNumber", idNumber)
                .build();
    }
}
