package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.onewindow.casework.domain.Agent;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseNumber;
import org.onewindow.casework.domain.CaseNumberFormat;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.CheckCode;
import org.onewindow.casework.domain.ChecklistOutcome;
import org.onewindow.casework.domain.Consultation;
import org.onewindow.casework.domain.DocumentSeries;
import org.onewindow.casework.domain.IntakeWindow;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.LegalClock;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.MobileNumber;
import org.onewindow.casework.domain.Routing;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.ConsultationRecord;
import org.onewindow.casework.infrastructure.IdempotencyRecord;
import org.onewindow.casework.infrastructure.IssuanceRepository;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.identity.domain.UnifiedSocialCreditCode;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;
import org.onewindow.kernel.personaldata.domain.ProtectedIdNumber;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;

/**
 * The front window (前台综合受理): consultations under first-inquiry responsibility, intake with the materials
 * check, one correction notice listing everything missing (§32), acceptance with a case number, a check code and due
 * dates, refusal to accept, and supplements received. Only clerks and window leads take in; every step is on the
 * case's timeline and in the audit chain, in the same transaction.
 *
 * <p>Time comes from the injected {@link Clock}; working days from the county's calendar as its administrators keep
 * it ({@link CalendarService#of}).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class IntakeService {

    /** The longest {@code Idempotency-Key} kept: a UUID fits four times. */
    public static final int IDEMPOTENCY_KEY_MAX_LENGTH = 100;

    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1," + IDEMPOTENCY_KEY_MAX_LENGTH + "}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The item's legal basis as the case keeps it (its column's width); the catalog's text is rarely longer. */
    static final int ITEM_LEGAL_BASIS_MAX_LENGTH = 1000;

    @Inject
    Caller caller;

    @Inject
    CatalogService catalog;

    @Inject
    CaseRepository cases;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Inject
    CalendarService calendars;

    @Inject
    CaseRouting routing;

    @Inject
    NotificationService notifications;

    @Inject
    CaseSettings settings;

    @Inject
    IssuanceRepository documentNumbers;

    /** A closed service point (闭厅) takes nothing in on its closed days. */
    @Inject
    ServicePointService servicePoints;

    @Inject
    TenantService tenants;

    /** The answer to an intake: the body, and whether it is a replay of an earlier one. */
    public record IntakeAnswer(JsonObject body, boolean replayed) {}

    // --- consultation --------------------------------------------------------------------------------

    /**
     * Records a consultation (咨询, 首问负责): the caller is the staff member who answered.
     *
     * @throws DomainException 403 for a caller who is not a clerk or window lead; the rules of {@link Consultation}
     */
    public JsonObject consult(String question, String answer, String itemCode, String applicantContact) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        Consultation consultation = Consultation.record(
                clerk.tenantCode().value(),
                clerk.tenantName(),
                clerk.username(),
                question,
                answer,
                itemCode,
                applicantContact,
                clock);
        ConsultationRecord record = new ConsultationRecord(consultation);
        cases.persist(record);
        audit.record(
                consultation.tenantCode(),
                "casework.consultation.recorded",
                "consultation",
                record.id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("answeredBy", consultation.answeredBy())
                        .add("itemCode", consultation.itemCode() == null ? "" : consultation.itemCode())
                        .build());
        return Json.createObjectBuilder()
                .add("id", record.id().toString())
                .add("servicePoint", consultation.servicePoint())
                .add("answeredBy", consultation.answeredBy())
                .add("askedAt", consultation.askedAt().toString())
                .add("question", consultation.question())
                .build();
    }

    // --- intake ----------------------------------------------------------------------------------------

    /**
     * Takes an application in (收件) and checks its materials: everything mandatory there → accepted (受理) with a
     * case number, a check code (in this answer only; stored as a hash) and due dates; anything missing → one
     * correction notice listing all of it (state {@code AWAITING_SUPPLEMENTS}), nothing accepted. The same key with
     * the same body answers the same again and takes nothing in.
     *
     * @param idempotencyKey the client's {@code Idempotency-Key}: 1–100 printable ASCII characters, per tenant
     * @param requestHash a hash of the request body as sent, to tell a replay from a different request
     * @throws DomainException 403 for a caller who is not a clerk or window lead; 400
     *     {@code casework.idempotency.key.required}, {@code casework.intake.not.offered},
     *     {@code casework.intake.tier}, the identifier checks ({@code identity.resident.*}, {@code identity.uscc.*}),
     *     the materials check, {@code catalog.form.answers.refused} listing every answer of the application form
     *     refused ({@code errors[]} with each field's path, e.g. {@code members[0].idNumber}),
     *     {@code casework.form.absent}; 404 {@code catalog.item.not.found}
     * @throws CaseworkRefusal 422 {@code casework.idempotency.mismatch} for a known key with another body
     */
    public IntakeAnswer takeIn(String idempotencyKey, String requestHash, IntakeCommand command) {
        return intake(idempotencyKey, requestHash, command, null, null);
    }

    /**
     * Refuses an application at the window without accepting it (不予受理, 《行政许可法》§32 ¶1: not an item this body
     * handles, not needing a licence…): taken in as {@link #takeIn} would, its materials marked, then refused with the
     * reason told to the applicant and the legal basis; no number, no correction notice. The same key rules as
     * {@link #takeIn} (the request hash should cover the reason and basis too).
     *
     * @throws DomainException as {@link #takeIn}; 400 {@code casework.refusal.reason.required},
     *     {@code casework.refusal.basis.required}, {@code casework.refusal.reason.length}: nothing is stored
     */
    public IntakeAnswer refuseAtIntake(
            String idempotencyKey, String requestHash, IntakeCommand command, String reason, String legalBasis) {
        return intake(
                idempotencyKey,
                requestHash,
                command,
                reason == null ? "" : reason,
                legalBasis == null ? "" : legalBasis);
    }

    /**
     * Whether an {@code Idempotency-Key} was used at the caller's division already: a loader that makes the same
     * applications again on every start skips what it made before, even when the catalog has changed since.
     */
    public boolean keyUsed(String idempotencyKey) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        String key = idempotencyKey == null ? "" : idempotencyKey.strip();
        return cases.idempotencyRecord(
                        clerk.tenantCode().county().value(), clerk.tenantCode().value(), key)
                .isPresent();
    }

    /** Intake ending in acceptance or a correction notice, or, with a refusal reason, in 不予受理. */
    private IntakeAnswer intake(
            String idempotencyKey, String requestHash, IntakeCommand command, String refusalReason, String legalBasis) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        String key = idempotencyKey == null ? "" : idempotencyKey.strip();
        if (!KEY_SHAPE.matcher(key).matches()) {
            throw new DomainException("casework.idempotency.key.required", IDEMPOTENCY_KEY_MAX_LENGTH);
        }
        if (command == null) {
            throw new DomainException("request.body.required");
        }
        String tenant = clerk.tenantCode().value();
        String county = clerk.tenantCode().county().value();
        if (!tenants.takesIntake(tenant)) {
            // A retired division's code stays for the record; new applications go to its successor (ADR 0014).
            throw new DomainException("casework.intake.tenant.retired", tenant);
        }
        cases.lockIdempotencyKey(tenant, key);
        Optional<IdempotencyRecord> earlier = cases.idempotencyRecord(county, tenant, key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(requestHash)) {
                throw new CaseworkRefusal(CaseworkRefusal.UNPROCESSABLE, 0, "casework.idempotency.mismatch", key);
            }
            return new IntakeAnswer(CaseViews.read(protector.open(earlier.get().responseSealed())), true);
        }
        IntakeWindow place = intakeWindow(clerk, command.servicePointId(), command.windowId());
        refuseWhenClosed(clerk, place);

        org.onewindow.catalog.application.ItemSnapshot offered = offeredItem(clerk, command.itemCode());
        ItemSnapshot item = CatalogItems.snapshot(offered.code(), offered.version(), offered.elements());
        Applicant applicant;
        ProtectedIdNumber applicantId = null;
        UnifiedSocialCreditCode uscc = null;
        IntakeCommand.ApplicantInput input = command.applicant();
        if (input == null) {
            throw new DomainException("casework.applicant.required");
        }
        MobileNumber mobile =
                input.mobile() == null || input.mobile().isBlank() ? null : MobileNumber.parse(input.mobile());
        switch (kind(input.kind())) {
            case PERSON -> {
                ResidentIdNumber number = ResidentIdNumber.parse(input.idNumber(), clock);
                applicant = Applicant.person(input.name(), number.fullNumber());
                applicantId = protector.protect(number);
            }
            case ORGANISATION -> {
                uscc = organisationCode(clerk, input);
                applicant = Applicant.organisation(input.name(), uscc.value(), input.legalRepresentative());
            }
            default -> throw new IllegalStateException();
        }
        Agent agent = null;
        ProtectedIdNumber agentId = null;
        if (command.agent() != null) {
            ResidentIdNumber number = ResidentIdNumber.parse(command.agent().idNumber(), clock);
            agent = new Agent(
                    command.agent().name(), number.fullNumber(), command.agent().authorisation());
            agentId = protector.protect(number);
        }
        Map<String, MaterialMark> marks = marks(command.materials());
        // A refusal at the window needs no form: the application is not taken up.
        var form = formAnswers(offered, command.form(), refusalReason == null);

        Case received = Case.receive(tenant, clerk.tenantName(), item, applicant, agent, clerk.username(), clock);
        ChecklistOutcome outcome = received.markMaterials(marks, clerk.username(), clock);

        CaseFile row = new CaseFile(
                UUID.randomUUID(),
                clerk.tenantCode(),
                received.intakePoint(),
                item.code(),
                item.version(),
                item.name(),
                CaseJson.write(item),
                received.receivedAt(),
                received.receivedOn());
        if (place != null) {
            row.takenInAt(place);
        }
        if (applicantId != null) {
            row.applicantPerson(applicant.name(), applicantId);
        } else {
            row.applicantOrganisation(
                    applicant.name(),
                    uscc.value(),
                    applicant.legalRepresentative(),
                    uscc.override()
                            .map(UnifiedSocialCreditCode.CheckOverride::approvedBy)
                            .orElse(null),
                    uscc.override()
                            .map(UnifiedSocialCreditCode.CheckOverride::reason)
                            .orElse(null));
        }
        if (agent != null) {
            row.agent(agent.name(), agentId, agent.authorisation());
        }
        if (form != null) {
            row.applicationForm(
                    form.definition().toString(),
                    protector.seal(form.answers().toString()),
                    form.masked().toString());
        }
        row.routing(
                CaseJson.write(offered.routing(clerk.tenantCode())
                        .map(plan -> new Routing(plan.template(), plan.windowGroup(), plan.reviewGroups()))
                        .orElse(null)),
                capped(offered.legalBasis(), ITEM_LEGAL_BASIS_MAX_LENGTH));
        String checkCode = null;
        String action;
        if (refusalReason != null) {
            received.refuse(
                    refusalReason, legalBasis, documentNumber(DocumentSeries.REFUSAL, clerk), clerk.username(), clock);
            action = "casework.case.refused";
        } else {
            checkCode = outcome.complete() ? accept(received, row, clerk) : correct(received, clerk);
            action = outcome.complete() ? "casework.case.accepted" : "casework.case.correction.notice";
        }
        copy(received, row);
        cases.persist(row);
        if (refusalReason == null && outcome.complete()) {
            route(received, row, clerk);
        }
        // The timeline says at which window the case was taken in, where that is on record.
        CaseLookup.saveChildren(
                cases,
                received,
                row,
                0,
                place == null ? clerk.tenantName() : capped(place.printed(), CaseRepository.PLACE_MAX_LENGTH));
        audit.record(tenant, action, "case_file", row.id().toString(), null, auditState(row));
        if (uscc != null && uscc.checkOverridden()) {
            audit.record(
                    tenant,
                    "casework.uscc.override",
                    "case_file",
                    row.id().toString(),
                    null,
                    Json.createObjectBuilder()
                            .add("uscc", uscc.value())
                            .add("approvedBy", row.usccOverrideBy())
                            .build());
        }
        // A refusal at the window is told on its printed notice; the applicant is sent nothing about it here.
        if (refusalReason == null) {
            notifications.taken(row, mobile, outcome.complete());
        }
        JsonObject body = CaseViews.intakeView(view(row), checkCode);
        cases.persist(new IdempotencyRecord(
                county, tenant, key, requestHash, row.id(), protector.seal(body.toString()), clock.instant()));
        return new IntakeAnswer(body, false);
    }

    /**
     * Supplements received at the window (补正材料): the new marks are added to the earlier ones; complete → accepted
     * as at intake (the answer carries the check code), still incomplete → the notice again, which may only repeat
     * what the first one asked for.
     *
     * @param reference the case number, or the case id for a case not yet accepted
     * @throws DomainException 400 {@code casework.supplements.materials.required} without the marks; 404 outside the
     *     caller's scope; 409 when the case does not wait for supplements
     */
    public JsonObject receiveSupplements(String reference, Map<String, IntakeCommand.MarkInput> supplied) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        if (supplied == null) {
            throw new DomainException("casework.supplements.materials.required");
        }
        CaseFile row = find(reference);
        Case restored = restore(row);
        if (restored.state() != CaseState.AWAITING_SUPPLEMENTS) {
            throw DomainException.conflict("casework.supplements.not.awaited", label(restored.state()));
        }
        int storedSteps = restored.steps().size();
        Map<String, MaterialMark> marks = new LinkedHashMap<>(restored.marks());
        marks.putAll(marks(supplied));
        ChecklistOutcome outcome = restored.markMaterials(marks, clerk.username(), clock);
        String checkCode = outcome.complete() ? accept(restored, row, clerk) : correct(restored, clerk);
        copy(restored, row);
        cases.flush();
        if (outcome.complete()) {
            route(restored, row, clerk);
        }
        saveChildren(restored, row, storedSteps, clerk);
        cases.flush();
        audit.record(
                row.tenantCode().value(),
                outcome.complete() ? "casework.case.accepted" : "casework.case.correction.notice",
                "case_file",
                row.id().toString(),
                null,
                auditState(row));
        notifications.taken(row, null, outcome.complete());
        return CaseViews.intakeView(view(row), checkCode);
    }

    /**
     * Refuses to accept (不予受理), with the reason told to the applicant and the legal basis.
     *
     * @throws DomainException 404 outside the caller's scope; 409 for a case past intake; 400 without reason or basis
     */
    public JsonObject refuse(String reference, String reason, String legalBasis) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        CaseFile row = find(reference);
        Case restored = restore(row);
        int storedSteps = restored.steps().size();
        restored.refuse(reason, legalBasis, documentNumber(DocumentSeries.REFUSAL, clerk), clerk.username(), clock);
        copy(restored, row);
        saveChildren(restored, row, storedSteps, clerk);
        cases.flush();
        audit.record(
                row.tenantCode().value(),
                "casework.case.refused",
                "case_file",
                row.id().toString(),
                null,
                auditState(row));
        return view(row);
    }

    /**
     * The applicant withdraws the application (撤回) before a decision, at a window: the reason is recorded, an open
     * pause ends and the clock stops today; the case's run ends and its open review tasks leave every queue, wherever
     * they wait (a reviewer who opens one is told it is closed, 409 {@code casework.task.closed}).
     *
     * @param reference the case number, or the case id for a case not yet accepted
     * @throws DomainException 403 for a caller who is not a clerk or window lead; 404 outside the caller's scope;
     *     400 {@code casework.withdrawal.reason.required}, {@code casework.withdrawal.reason.length}; 409
     *     {@code casework.case.transition} for a case decided or closed: nothing changes
     */
    public JsonObject withdraw(String reference, String reason) {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        // Locked as a review action locks it: a reviewer concluding at the same moment is served before or after.
        CaseFile row = cases.lock(find(reference).id()).orElseThrow();
        Case restored = restore(row);
        int storedSteps = restored.steps().size();
        restored.withdraw(reason, clerk.username(), clock);
        copy(restored, row);
        cases.flush();
        saveChildren(restored, row, storedSteps, clerk);
        int closed = routing.endRun(row, clerk);
        audit.record(
                row.tenantCode().value(),
                "casework.case.withdrawn",
                "case_file",
                row.id().toString(),
                null,
                Json.createObjectBuilder(auditState(row))
                        .add("reason", row.withdrawalReason())
                        .add("tasksClosed", closed)
                        .build());
        return view(row);
    }

    // --- steps ----------------------------------------------------------------------------------------------

    /**
     * Where the caller may take applications in (受理窗口), as the intake page offers them: the intake windows of the
     * caller's window scope, or of the halls of the caller's division for a clerk without one
     * ({@link ServicePointService#intakeWindows}). Empty when none is on record: a case is then taken in with its
     * point unknown.
     *
     * @throws DomainException 403 for a caller who is not a clerk or window lead
     */
    public List<IntakeWindow> intakeWindows() {
        StaffPrincipal clerk = caller.requireAny(Role.CLERK, Role.WINDOW_LEAD);
        return servicePoints.intakeWindows(clerk).stream()
                .map(IntakeService::recorded)
                .toList();
    }

    private static IntakeWindow recorded(ServicePointService.IntakeWindow place) {
        return new IntakeWindow(place.servicePointId(), place.servicePoint(), place.windowId(), place.window());
    }

    /**
     * Where the clerk takes this application in (受理窗口): the point and intake window named, else the only one the
     * clerk has ({@link ServicePointService#intakeWindows}); a point alone when the clerk's windows are all at one point
     * or the point has no intake window on record. Null, the point unknown, when the clerk has none on record or
     * several points and names none.
     *
     * @param pointId a service point's id as typed; blank: not named
     * @param windowId a window's id as typed; blank: not named
     * @throws DomainException 400 {@code casework.intake.point.not.yours} for a point not among the clerk's (of another
     *     division or tenant, unknown, malformed); {@code casework.intake.window.not.intake} for a window that is not
     *     one of the clerk's intake windows (受理) of that point: an issuance or consultation window, another point's
     */
    private IntakeWindow intakeWindow(StaffPrincipal clerk, String pointId, String windowId) {
        List<ServicePointService.IntakeWindow> candidates = servicePoints.intakeWindows(clerk);
        String point = pointId == null ? "" : pointId.strip();
        String window = windowId == null ? "" : windowId.strip();
        if (!point.isEmpty()) {
            candidates = candidates.stream()
                    .filter(place -> place.servicePointId().toString().equalsIgnoreCase(point))
                    .toList();
            if (candidates.isEmpty()) {
                throw new DomainException("casework.intake.point.not.yours", point);
            }
        }
        if (!window.isEmpty()) {
            candidates = candidates.stream()
                    .filter(place -> place.windowId() != null
                            && place.windowId().toString().equalsIgnoreCase(window))
                    .toList();
            if (candidates.isEmpty()) {
                throw new DomainException("casework.intake.window.not.intake", window);
            }
        }
        if (candidates.size() == 1) {
            return recorded(candidates.getFirst());
        }
        long points = candidates.stream()
                .map(ServicePointService.IntakeWindow::servicePointId)
                .distinct()
                .count();
        if (points == 1) {
            ServicePointService.IntakeWindow first = candidates.getFirst();
            return new IntakeWindow(first.servicePointId(), first.servicePoint(), null, null);
        }
        return null;
    }

    /**
     * A closed service point (闭厅) takes nothing in on its closed days (ADR 0017): the point taking the case in, or,
     * when it is unknown, every point of the clerk's.
     *
     * @throws DomainException 409 {@code casework.intake.point.closed.named} naming the point, its closure's days and
     *     reason; {@code casework.intake.point.closed} when every point of the clerk's is closed
     */
    private void refuseWhenClosed(StaffPrincipal clerk, IntakeWindow place) {
        LocalDate today = WorkingDayCalendar.today(clock);
        if (place != null) {
            servicePoints.closureOn(place.servicePointId(), today).ifPresent(closure -> {
                // The days as one text (2026-12-02, or 2026-12-02—2026-12-04): a message takes three arguments.
                String days = closure.firstDay().equals(closure.lastDay())
                        ? closure.firstDay().toString()
                        : closure.firstDay() + "—" + closure.lastDay();
                throw DomainException.conflict(
                        "casework.intake.point.closed.named", place.servicePoint(), days, closure.reason());
            });
            return;
        }
        servicePoints.closedForIntake(clerk, today).ifPresent(closure -> {
            throw DomainException.conflict(
                    "casework.intake.point.closed",
                    closure.firstDay().toString(),
                    closure.lastDay().toString(),
                    closure.reason());
        });
    }

    private org.onewindow.catalog.application.ItemSnapshot offeredItem(StaffPrincipal clerk, String itemCode) {
        if (itemCode == null || itemCode.isBlank()) {
            throw new DomainException("casework.intake.item.required");
        }
        org.onewindow.catalog.application.ItemSnapshot offered =
                catalog.snapshot(clerk.tenantCode().value(), itemCode.strip());
        JsonObject elements = offered.elements();
        String name = offered.name();
        if (!offered.offered()) {
            throw new DomainException("casework.intake.not.offered", name, clerk.tenantName());
        }
        CatalogItems.Tier tier = CatalogItems.Tier.of(clerk.tenantLevel());
        if (!CatalogItems.intakeTiers(elements).contains(tier)) {
            throw new DomainException("casework.intake.tier", name, new MessageKey("casework.tier." + tier.name()));
        }
        return offered;
    }

    /**
     * The answers checked against the form of the item version the case pins: every answer refused is listed at once
     * (400, nothing stored). An item without a form takes no answers.
     *
     * @param required whether the form must be filled in (not to refuse at intake, where answers are only checked)
     * @return null when there is nothing to keep
     * @throws DomainException {@code catalog.form.answers.refused} with each field's error, {@code casework.form.absent}
     */
    private org.onewindow.catalog.application.ItemSnapshot.FilledForm formAnswers(
            org.onewindow.catalog.application.ItemSnapshot item, JsonObject answers, boolean required) {
        if (answers == null && !required) {
            return null;
        }
        var filled = item.fillApplicationForm(answers, WorkingDayCalendar.today(clock));
        if (filled.isEmpty() && answers != null && !answers.isEmpty()) {
            throw new DomainException("casework.form.absent", item.name());
        }
        return filled.orElse(null);
    }

    private static Applicant.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Applicant.Kind.PERSON;
        }
        try {
            return Applicant.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("casework.applicant.kind", kind);
        }
    }

    /** A USCC that fails only its check character is accepted with a window lead's recorded override. */
    private UnifiedSocialCreditCode organisationCode(StaffPrincipal clerk, IntakeCommand.ApplicantInput input) {
        return switch (UnifiedSocialCreditCode.check(input.uscc())) {
            case UnifiedSocialCreditCode.Valid valid -> valid.code();
            case UnifiedSocialCreditCode.Malformed malformed -> throw malformed.refusal();
            case UnifiedSocialCreditCode.CheckFailed failed -> {
                String reason = input.usccOverrideReason();
                if (reason == null || reason.isBlank()) {
                    throw failed.refusal();
                }
                if (!clerk.has(Role.WINDOW_LEAD)) {
                    throw new DomainException(DomainException.Kind.FORBIDDEN, "casework.uscc.override.lead");
                }
                yield UnifiedSocialCreditCode.parseWithOverride(
                        input.uscc(),
                        new UnifiedSocialCreditCode.CheckOverride(clerk.username(), reason.strip(), clock.instant()));
            }
        };
    }

    private static String capped(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static Map<String, MaterialMark> marks(Map<String, IntakeCommand.MarkInput> input) {
        Map<String, MaterialMark> marks = new LinkedHashMap<>();
        if (input == null) {
            return marks;
        }
        input.forEach((code, mark) -> {
            if (mark == null || mark.kind() == null) {
                throw new DomainException("casework.material.mark.kind", code, "");
            }
            MaterialMark.Kind kind;
            try {
                kind = MaterialMark.Kind.valueOf(mark.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DomainException("casework.material.mark.kind", code, mark.kind());
            }
            marks.put(code, new MaterialMark(kind, mark.note()));
        });
        return marks;
    }

    /** The working-day calendar of the caller's county: a case is taken in at the clerk's own division. */
    private WorkingDayCalendar calendar() {
        return calendars.of(caller.require().tenantCode());
    }

    /** Accepts with the next number of the county and day; returns the check code, which only the answer carries. */
    private String accept(Case c, CaseFile row, StaffPrincipal clerk) {
        LocalDate today = WorkingDayCalendar.today(clock);
        CaseNumberFormat numbers = settings.caseNumberFormat(clerk.tenantCode());
        long sequence = cases.nextSequence(period(numbers, today));
        CaseNumber number = numbers.format(clerk.tenantCode().value().substring(0, 6), today, sequence);
        CheckCode code = CheckCode.generate();
        c.accept(number, code, clerk.username(), clock, calendar());
        LegalClock legal = c.legalClock().orElseThrow();
        row.accepted(number.value(), checkCodeHash(number.value(), code.value()), legal.acceptedOn());
        return code.value();
    }

    private String correct(Case c, StaffPrincipal clerk) {
        c.issueCorrectionNotice(documentNumber(DocumentSeries.CORRECTION, clerk), clerk.username(), clock, calendar());
        return null;
    }

    /**
     * The next number of the county's series this year, for a notice issued now: drawn in the caller's transaction,
     * so a notice the domain then refuses takes none, and two issued at once never share one.
     */
    private String documentNumber(DocumentSeries series, StaffPrincipal clerk) {
        int year = WorkingDayCalendar.today(clock).getYear();
        return series.format(
                clerk.tenantCode().county().value().substring(0, 6),
                year,
                documentNumbers.nextDocumentNumber(series, year));
    }

    /** The sequence's period for the format's scope: the day, the year, or one for all time. */
    static String period(CaseNumberFormat format, LocalDate acceptedOn) {
        return switch (format.scope()) {
            case DAY -> acceptedOn.format(DAY);
            case YEAR -> String.valueOf(acceptedOn.getYear());
            case NONE -> "-";
        };
    }

    /**
     * SHA-256 (hex) of the case number and the check code as typed on the receipt (upper case): the number salts it,
     * so one table of codes does not open every case.
     */
    public static String checkCodeHash(String caseNumber, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caseNumber + ":" + code.strip().toUpperCase(Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the case's process on acceptance, in this transaction (the row is written with its number); an
     * on-the-spot item comes back decided. The case is copied onto its row again afterwards.
     */
    private void route(Case accepted, CaseFile row, StaffPrincipal clerk) {
        routing.routeAccepted(accepted, row, clerk);
        copy(accepted, row);
        if (accepted.decision().isPresent()) {
            audit.record(
                    row.tenantCode().value(),
                    "casework.case.decided",
                    "case_file",
                    row.id().toString(),
                    null,
                    auditState(row));
        }
    }

    private void copy(Case c, CaseFile row) {
        CaseLookup.copy(c, row, clock, calendar(), protector);
    }

    private void saveChildren(Case c, CaseFile row, int storedSteps, StaffPrincipal actor) {
        CaseLookup.saveChildren(cases, c, row, storedSteps, actor.tenantName());
    }

    private CaseFile find(String reference) {
        return CaseLookup.find(cases, reference);
    }

    private Case restore(CaseFile row) {
        return CaseLookup.restore(cases, row);
    }

    private JsonObject view(CaseFile row) {
        return CaseViews.caseView(row, cases.materials(row), cases.steps(row));
    }

    private static JsonObject auditState(CaseFile row) {
        var state = Json.createObjectBuilder()
                .add("state", row.state())
                .add("item", row.itemCode() + "@" + row.itemVersion());
        if (row.caseNumber() != null) {
            state.add("caseNumber", row.caseNumber());
        }
        return state.build();
    }

    private static MessageKey label(CaseState state) {
        return new MessageKey("casework.state." + state.name());
    }
}
