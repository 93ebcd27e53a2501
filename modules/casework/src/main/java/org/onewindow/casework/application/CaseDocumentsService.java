package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.casework.documents.CaseNotices;
import org.onewindow.casework.documents.NoticeHeader;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;

/**
 * The notices a clerk prints for a case, as PDF. The acceptance receipt (受理通知书) carries the check code, which the
 * product keeps only as a hash: the clerk reprints it with the code from the intake answer (or the applicant's
 * receipt), and a wrong code is answered like an unknown case.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CaseDocumentsService {

    @Inject
    Caller caller;

    @Inject
    CaseRepository cases;

    @Inject
    CalendarService calendars;

    @Inject
    @ConfigProperty(name = "onewindow.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /**
     * The acceptance receipt of an accepted case in the caller's scope: PDF bytes (A4), with the progress QR code.
     *
     * @param reference the case number
     * @param code the case's check code, as the intake answered it
     * @throws DomainException 404 {@code casework.case.not.found} alike for an unknown case, one outside the scope, one
     *     not accepted and a wrong code
     */
    public byte[] acceptanceReceipt(String reference, String code) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        String typed = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (row.caseNumber() == null
                || !MessageDigest.isEqual(
                        IntakeService.checkCodeHash(row.caseNumber(), typed).getBytes(StandardCharsets.US_ASCII),
                        row.checkCodeHash().getBytes(StandardCharsets.US_ASCII))) {
            throw DomainException.notFound("casework.case.not.found", reference);
        }
        // The code matched the hash of a code the product made, so it is well formed.
        Case accepted = CaseLookup.restore(cases, row, new CheckCode(typed));
        NoticeHeader header = NoticeHeader.of(row.intakePoint(), "受理编号 " + row.caseNumber(), row.acceptedOn());
        return new CaseNotices(URI.create(publicUrl))
                .acceptanceReceipt(
                        header, accepted, calendars.of(caller.require().tenantCode()));
    }
}
