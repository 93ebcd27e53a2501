package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseNumber;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.domain.LegalClock;
import org.onewindow.casework.domain.ProgressStage;
import org.onewindow.casework.domain.PublicProgress;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.MaterialFileRepository;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * Reading cases: a case by number for staff in scope, and the public progress (进度查询) by number and check code for
 * anyone holding the receipt.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CaseQueryService {

    @Inject
    Caller caller;

    @Inject
    Scopes scopes;

    @Inject
    CalendarService calendars;

    @Inject
    CaseSettings settings;

    @Inject
    CaseRepository cases;

    @Inject
    ProgressThrottle throttle;

    @Inject
    MaterialFileRepository files;

    @Inject
    IssuanceService issuance;

    @Inject
    Clock clock;

    /** The most cases {@link #takenInHere} lists. */
    public static final int RECENT_MAX = 200;

    /**
     * A case as staff see it (applicant masked), see {@link CaseViews#caseView}, with the scans of its materials
     * ({@link CaseViews#withFiles}: name, type, size, who and when, never the content).
     *
     * @param reference the case number, or the case id while it has none
     * @throws DomainException 404 {@code casework.case.not.found} for an unknown case and for one outside the
     *     caller's scope alike
     */
    public JsonObject caseView(String reference) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        return CaseViews.withFiles(
                CaseViews.caseView(row, cases.materials(row), cases.steps(row)), files.list(row, null));
    }

    /**
     * The public progress of a case (进度查询), see {@link CaseViews#progressView}: no login, nothing personal.
     *
     * @param client who asks ({@link ClientAddress}), for the throttle
     * @throws DomainException 404 {@code casework.progress.not.found} alike for an unknown number, a case not
     *     accepted and a wrong code
     * @throws CaseworkRefusal 429 {@code casework.progress.throttled} after too many wrong codes from this client
     *     (see {@link ProgressThrottle}); never because others got this case's code wrong
     */
    public JsonObject progress(String caseNumber, String code, String client) {
        CaseRepository.ProgressRow row = receipt(caseNumber, code, client);
        return CaseViews.progressView(new PublicProgress(
                new CaseNumber(row.caseNumber()),
                row.itemName(),
                ProgressStage.of(row.state()),
                row.acceptedOn(),
                row.promisedDueDate(),
                row.dueDatesProvisional(),
                row.decidedOn(),
                row.completedOn(),
                row.pickupPoint(),
                DecisionWording.of(row.itemType()),
                row.decisionApproved()));
    }

    /**
     * The decision letter (准予 / 不予行政许可决定书) of a case for the applicant holding its receipt, as PDF (A4): the
     * letter the window hands over, with its document number, the check code and the progress QR code. No login: the
     * case number and check code are checked and throttled exactly as {@link #progress} checks them, then the letter
     * is read as a public visitor of exactly the case's division (all twelve digits, no role), nothing else.
     *
     * @param client who asks ({@link ClientAddress}), for the throttle
     * @throws DomainException 404 {@code casework.progress.not.found} alike for an unknown number, a case not
     *     accepted and a wrong code; 404 {@code casework.progress.letter.not.issued} for the right code of a case
     *     whose letter is not issued yet
     * @throws CaseworkRefusal 429 {@code casework.progress.throttled} after too many wrong codes, as for the progress
     */
    public byte[] decisionLetter(String caseNumber, String code, String client) {
        CaseRepository.ProgressRow row = receipt(caseNumber, code, client);
        String tenant = cases.receiptTenant(row.caseNumber(), row.checkCodeHash())
                .orElseThrow(() -> DomainException.notFound("casework.progress.not.found"));
        return scopes.run(Scope.visitorOf(DivisionCode.of(tenant)), () -> {
            if (!issuance.decisionLetterIssued(row.caseNumber())) {
                throw DomainException.notFound("casework.progress.letter.not.issued", row.caseNumber());
            }
            return issuance.decisionLetter(row.caseNumber(), code);
        });
    }

    /**
     * The case the receipt names, when the code is its check code; every failure counted against the client, and
     * refused alike.
     */
    private CaseRepository.ProgressRow receipt(String caseNumber, String code, String client) {
        String number =
                caseNumber == null ? "" : caseNumber.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        throttle.check(client);
        Optional<CaseRepository.ProgressRow> found = Optional.empty();
        if (code != null && !code.isBlank() && number.length() <= CaseNumber.MAX_LENGTH) {
            byte[] typed = IntakeService.checkCodeHash(number, code).getBytes(StandardCharsets.US_ASCII);
            found = cases.progress(number).stream()
                    .filter(row -> row.checkCodeHash() != null)
                    .filter(row ->
                            MessageDigest.isEqual(typed, row.checkCodeHash().getBytes(StandardCharsets.US_ASCII)))
                    .findFirst();
        }
        if (found.isEmpty()) {
            throttle.failed(client);
            throw DomainException.notFound("casework.progress.not.found");
        }
        return found.get();
    }

    /**
     * A case as the staff's case page shows it (办件详情): the checklist with the materials' names, the pause ledger and
     * the clock today; applicant masked.
     *
     * @param reference the case number, or the case id while it has none
     * @throws DomainException 404 {@code casework.case.not.found} for an unknown case and for one outside the
     *     caller's scope alike
     */
    public CaseDetail caseDetail(String reference) {
        caller.require();
        CaseFile row = CaseLookup.find(cases, reference);
        Case restored = CaseLookup.restore(cases, row);
        return new CaseDetail(
                row.id(),
                row.caseNumber(),
                restored.state(),
                row.tenantCode().value(),
                row.intakePoint(),
                row.intakeWindow().orElse(null),
                restored.item(),
                restored.applicant(),
                restored.agent().orElse(null),
                restored.receivedAt(),
                restored.marks(),
                restored.correctionNotice().orElse(null),
                restored.refusal().orElse(null),
                restored.decision().orElse(null),
                row.acceptedOn(),
                restored.deadlines(calendars.of(row.tenantCode()), clock, settings.warningThreshold(row.tenantCode()))
                        .orElse(null),
                restored.legalClock().map(LegalClock::pauses).orElse(List.of()),
                cases.steps(row),
                CaseViews.form(row) instanceof JsonObject form ? form : null);
    }

    /**
     * The cases taken in at the caller's own division (本窗口办件), newest first: what a clerk took in today, what waits
     * for supplements. Applicant masked, as {@link CaseRepository.CaseLine}.
     *
     * @param awaitingSupplementsOnly only the cases waiting for supplements (待补正)
     * @param limit at most this many, 1–{@value #RECENT_MAX}
     */
    public List<CaseRepository.CaseLine> takenInHere(boolean awaitingSupplementsOnly, int limit) {
        String tenant = caller.require().tenantCode().value();
        return cases.takenIn(tenant, awaitingSupplementsOnly, Math.max(1, Math.min(limit, RECENT_MAX)));
    }
}
