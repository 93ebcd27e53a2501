package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.casework.documents.CaseNotices;
import org.onewindow.casework.documents.NoticeHeader;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.domain.CorrectionNotice;
import org.onewindow.casework.domain.IntakeWindow;
import org.onewindow.casework.domain.Refusal;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;

/**
 * The notices a clerk prints for a case, as PDF, each with its number (correction and refusal notices from the county's
 * yearly series, drawn when they are issued; the receipt with the case number). The acceptance receipt (受理通知书) carries the check code, which the
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
    CaseSettings settings;

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
        NoticeHeader header = header(row, "受理编号 " + row.caseNumber(), row.acceptedOn());
        return new CaseNotices(URI.create(publicUrl))
                .acceptanceReceipt(
                        header,
                        accepted,
                        row.intakeWindow().map(IntakeWindow::printed).orElse(null),
                        calendars.of(caller.require().tenantCode()));
    }

    /**
     * The correction notice (补正通知书) in force for a case in the caller's scope, as PDF (A4): everything to supply at
     * once, where to hand it in, the legal note of §32. Reprinted as often as the clerk needs.
     *
     * @param reference the case id (a case waiting for supplements has no number yet), or its number
     * @throws DomainException 404 {@code casework.case.not.found} alike for an unknown case, one outside the scope
     *     and one without a correction notice
     */
    public byte[] correctionNotice(String reference) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        Case awaiting = CaseLookup.restore(cases, row);
        if (awaiting.correctionNotice().isEmpty()) {
            throw DomainException.notFound("casework.case.not.found", reference);
        }
        CorrectionNotice notice = awaiting.correctionNotice().get();
        NoticeHeader header = header(row, numberOr(notice.documentNumber(), "补正编号 ", row), notice.issuedOn());
        return new CaseNotices(URI.create(publicUrl)).correctionNotice(header, awaiting, null);
    }

    /**
     * The refusal notice (不予受理通知书) of a refused case in the caller's scope, as PDF (A4): the reason, its legal
     * basis and the applicant's rights of reconsideration and suit.
     *
     * @param reference the case id, or its number
     * @throws DomainException 404 {@code casework.case.not.found} alike for an unknown case, one outside the scope
     *     and one not refused
     */
    public byte[] refusalNotice(String reference) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        Case refused = CaseLookup.restore(cases, row);
        if (refused.refusal().isEmpty()) {
            throw DomainException.notFound("casework.case.not.found", reference);
        }
        Refusal refusal = refused.refusal().get();
        NoticeHeader header = header(row, numberOr(refusal.documentNumber(), "不予受理编号 ", row), refusal.refusedOn());
        return new CaseNotices(URI.create(publicUrl)).refusalNotice(header, refused, null);
    }

    /**
     * The notice's number in the county's series; a notice issued before notices were numbered prints the reference
     * it always printed, derived from the case id.
     */
    private static String numberOr(String documentNumber, String legacyPrefix, CaseFile row) {
        return documentNumber != null
                ? documentNumber
                : legacyPrefix + row.id().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The window's header: the issuing body and, beside it, the seal in force where the case was taken in. */
    private NoticeHeader header(CaseFile row, String documentNumber, LocalDate issuedOn) {
        return new NoticeHeader(
                settings.issuingBody(row.tenantCode(), row.intakePoint()),
                documentNumber,
                issuedOn,
                settings.seal(row.tenantCode()));
    }
}
