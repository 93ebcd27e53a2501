package org.onewindow.casework.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;

/**
 * A case (办件): one application for one item, from intake at a window to the result in the applicant's hands. It is
 * taken in at any service point (收件), its materials checked against the item version it was taken in under, then
 * either one correction notice lists everything missing (补正, §32) or it is accepted with a case number and the legal
 * clock starts (受理); it is refused (不予受理) when it cannot be; a department reviews it, may pause the clock for
 * supplements or a special procedure (§45), may extend it once (§42), and decides (准予/不予许可, a rejection with reason
 * and legal basis); the result waits at a window or goes by post (统一出件) and the case completes with the pickup or
 * delivery recorded (办结). The applicant may withdraw before a decision.
 *
 * <p>The allowed moves are {@link CaseAction}'s table; any other is refused with {@code casework.case.transition}
 * (409) and changes nothing. Every method checks all its input before it changes anything. Time comes from the
 * {@link Clock} parameter, legal dates are China's ({@link WorkingDayCalendar#today}).
 *
 * <p>A plain aggregate so that a JPA entity can map its fields (the steps, pauses and marks as element collections);
 * the process engine holds the flow between departments, this holds what the applicant and supervisors see. When it
 * is mapped, give the entity and its table another name ({@code @Entity(name = "CaseFile")}, table {@code case_file}):
 * {@code CASE} is a reserved word in JPQL and in SQL.
 */
public class Case {

    /** §32 ¶1 (4): the correction notice is given on the spot or within five (working) days of receipt. */
    public static final int CORRECTION_NOTICE_WORKING_DAYS = 5;

    private String tenantCode;
    private String intakePoint;
    private ItemSnapshot item;
    private Applicant applicant;
    private Agent agent;
    private CaseState state;
    private Instant receivedAt;
    private LocalDate receivedOn;
    private Map<String, MaterialMark> marks = new LinkedHashMap<>();
    private CorrectionNotice firstCorrectionNotice;
    private CorrectionNotice correctionNotice;
    private Refusal refusal;
    private CaseNumber caseNumber;
    private CheckCode checkCode;
    private LegalClock clock;
    private Decision decision;
    private Delivery delivery;
    private Pickup pickup;
    private LocalDate completedOn;
    private String withdrawalReason;
    private List<CaseStep> steps = new ArrayList<>();

    /** For the persistence mapping. */
    protected Case() {}

    /**
     * A case taken in at a window (收件).
     *
     * @param tenantCode the division code of the intake point's tenant (the case's tenant)
     * @param intakePoint the service point and window that took it in, as printed
     * @param item the effective item version at intake
     * @param applicant who applies
     * @param agent who acts for the applicant, {@code null} when the applicant came in person
     * @param actor the clerk
     */
    public static Case receive(
            String tenantCode,
            String intakePoint,
            ItemSnapshot item,
            Applicant applicant,
            Agent agent,
            String actor,
            Clock clock) {
        Case received = new Case();
        received.tenantCode = Objects.requireNonNull(tenantCode, "tenantCode");
        received.intakePoint = Objects.requireNonNull(intakePoint, "intakePoint");
        received.item = Objects.requireNonNull(item, "item");
        received.applicant = Objects.requireNonNull(applicant, "applicant");
        received.agent = agent;
        received.state = CaseState.RECEIVED;
        received.receivedAt = clock.instant();
        received.receivedOn = WorkingDayCalendar.today(clock);
        received.step(CaseAction.RECEIVE, null, CaseState.RECEIVED, actor, null, clock);
        return received;
    }

    /**
     * What the persistence layer stored of a case, to take it up again: every stage from intake to completion or
     * withdrawal. The identifiers are what the row keeps, e.g. a masked ID number (the applicant's, the agent's, the
     * one shown at pickup), never the clear one.
     *
     * @param checkCode {@code null}: the row keeps only the code's hash
     * @param clock the legal clock with its pauses, extension and stop day; {@code null} before acceptance
     * @param decision {@code null} while undecided
     * @param delivery {@code null} until the result waits at a window or is posted
     * @param pickup {@code null} until collected
     * @param completedOn the day of completion (办结), {@code null} before
     * @param withdrawalReason {@code null} unless withdrawn
     */
    public record Stored(
            String tenantCode,
            String intakePoint,
            ItemSnapshot item,
            Applicant applicant,
            Agent agent,
            CaseState state,
            Instant receivedAt,
            LocalDate receivedOn,
            Map<String, MaterialMark> marks,
            CorrectionNotice firstCorrectionNotice,
            CorrectionNotice correctionNotice,
            Refusal refusal,
            CaseNumber caseNumber,
            CheckCode checkCode,
            LegalClock clock,
            Decision decision,
            Delivery delivery,
            Pickup pickup,
            LocalDate completedOn,
            String withdrawalReason,
            List<CaseStep> steps) {}

    /** A stored case taken up again; nothing is checked that was checked when it was stored. */
    public static Case restore(Stored stored) {
        Case restored = new Case();
        restored.tenantCode = Objects.requireNonNull(stored.tenantCode(), "tenantCode");
        restored.intakePoint = stored.intakePoint();
        restored.item = Objects.requireNonNull(stored.item(), "item");
        restored.applicant = Objects.requireNonNull(stored.applicant(), "applicant");
        restored.agent = stored.agent();
        restored.state = Objects.requireNonNull(stored.state(), "state");
        restored.receivedAt = stored.receivedAt();
        restored.receivedOn = stored.receivedOn();
        restored.marks = new LinkedHashMap<>(stored.marks());
        restored.firstCorrectionNotice = stored.firstCorrectionNotice();
        restored.correctionNotice = stored.correctionNotice();
        restored.refusal = stored.refusal();
        restored.caseNumber = stored.caseNumber();
        restored.checkCode = stored.checkCode();
        restored.clock = stored.clock();
        restored.decision = stored.decision();
        restored.delivery = stored.delivery();
        restored.pickup = stored.pickup();
        restored.completedOn = stored.completedOn();
        restored.withdrawalReason = stored.withdrawalReason();
        restored.steps = new ArrayList<>(stored.steps());
        return restored;
    }

    /**
     * The clerk's marks, replacing the earlier ones, and what they add up to.
     *
     * @throws DomainException see {@link MaterialsChecklist#evaluate}
     */
    public ChecklistOutcome markMaterials(Map<String, MaterialMark> newMarks, String actor, Clock clock) {
        CaseState next = begin(CaseAction.MARK_MATERIALS, actor);
        ChecklistOutcome outcome = MaterialsChecklist.evaluate(item.materials(), newMarks);
        marks = new LinkedHashMap<>(newMarks);
        step(CaseAction.MARK_MATERIALS, state, next, actor, null, clock);
        return outcome;
    }

    /**
     * A scanned material attached (上传扫描件): the material is marked {@link MaterialMark.Kind#SCANNED_UPLOAD} with the
     * file's reference, replacing its earlier mark; the timeline names the material and the file. The checklist is
     * not evaluated again: at the window the clerk still takes the supplements in or accepts.
     *
     * @throws DomainException 409 {@code casework.case.transition} for a closed case; 404
     *     {@code casework.material.not.found} for a material the case's item version does not ask for
     */
    public void attachScan(String materialCode, ScannedFile file, String actor, Clock clock) {
        CaseState next = begin(CaseAction.ATTACH_SCAN, actor);
        RequiredMaterial material = material(materialCode);
        marks.put(material.code(), MaterialMark.scanned(file.reference()));
        step(CaseAction.ATTACH_SCAN, state, next, actor, material.name() + " · " + file.reference(), clock);
    }

    /**
     * A material of the item version the case pinned.
     *
     * @throws DomainException 404 {@code casework.material.not.found}
     */
    public RequiredMaterial material(String materialCode) {
        String code = materialCode == null ? "" : materialCode.strip();
        return item.materials().stream()
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("casework.material.not.found", code, item.name()));
    }

    /** The materials check as the marks stand. */
    public ChecklistOutcome checklist() {
        return MaterialsChecklist.evaluate(item.materials(), marks);
    }

    /**
     * The correction notice (补正通知书) listing every mandatory material missing or not conforming. A later notice,
     * after incomplete supplements, may only repeat what the first one asked for: asking for something new breaks the
     * one-time rule (一次性告知).
     *
     * @param documentNumber the notice's number, drawn from the county's {@link DocumentSeries#CORRECTION} series
     *     (in the same transaction, so that a refused notice uses none)
     * @throws DomainException {@code casework.correction.complete} when nothing is missing;
     *     {@code casework.correction.late} for a first notice more than five working days after receipt (the
     *     application then counts as accepted on receipt, §32); {@code casework.correction.not.in.first} for a later
     *     notice asking for a material the first did not
     */
    public CorrectionNotice issueCorrectionNotice(
            String documentNumber, String actor, Clock clock, WorkingDayCalendar calendar) {
        CaseState next = begin(CaseAction.ISSUE_CORRECTION_NOTICE, actor);
        if (!(checklist() instanceof ChecklistOutcome.Incomplete incomplete)) {
            throw new DomainException("casework.correction.complete");
        }
        LocalDate today = WorkingDayCalendar.today(clock);
        if (firstCorrectionNotice == null) {
            if (calendar.workingDaysBetween(receivedOn, today) > CORRECTION_NOTICE_WORKING_DAYS) {
                throw new DomainException("casework.correction.late", receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
            }
        } else {
            String added = incomplete.toSupply().stream()
                    .filter(m -> !firstCorrectionNotice.asksFor(m.code()))
                    .map(MaterialToSupply::name)
                    .collect(Collectors.joining("、"));
            if (!added.isEmpty()) {
                throw new DomainException("casework.correction.not.in.first", added, firstCorrectionNotice.issuedOn());
            }
        }
        CorrectionNotice notice = new CorrectionNotice(
                today,
                actor,
                incomplete.toSupply(),
                LegalBasis.forCorrection(item),
                Objects.requireNonNull(documentNumber, "documentNumber"));
        if (firstCorrectionNotice == null) {
            firstCorrectionNotice = notice;
        }
        correctionNotice = notice;
        step(CaseAction.ISSUE_CORRECTION_NOTICE, state, next, actor, null, clock);
        return notice;
    }

    /**
     * Accepts the case (受理): every mandatory material is there; the case gets its number and check code, and the
     * legal clock starts from the acceptance date with the item's limits. When the first correction notice was not
     * given within five working days of receipt, the law counts the application as accepted on receipt (§32), and
     * so does the clock.
     *
     * @param number the case number, formatted by the county's {@link CaseNumberFormat} from the next sequence value
     * @param code a fresh {@link CheckCode}
     * @throws DomainException {@code casework.accept.incomplete} naming what is missing
     */
    public void accept(CaseNumber number, CheckCode code, String actor, Clock clock, WorkingDayCalendar calendar) {
        CaseState next = begin(CaseAction.ACCEPT, actor);
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(code, "code");
        if (checklist() instanceof ChecklistOutcome.Incomplete incomplete) {
            throw new DomainException(
                    "casework.accept.incomplete",
                    incomplete.toSupply().stream().map(MaterialToSupply::name).collect(Collectors.joining("、")));
        }
        LocalDate today = WorkingDayCalendar.today(clock);
        boolean deemed = firstCorrectionNotice == null
                && calendar.workingDaysBetween(receivedOn, today) > CORRECTION_NOTICE_WORKING_DAYS;
        LocalDate acceptedOn = deemed ? receivedOn : today;
        caseNumber = number;
        checkCode = code;
        this.clock = LegalClock.start(acceptedOn, item.promisedLimitWorkingDays(), item.statutoryLimitWorkingDays());
        step(CaseAction.ACCEPT, state, next, actor, number.value(), clock);
    }

    /**
     * Refuses to accept (不予受理).
     *
     * @param documentNumber the refusal notice's number, drawn from the county's {@link DocumentSeries#REFUSAL}
     *     series (in the same transaction, so that a refused refusal uses none)
     * @throws DomainException see {@link Refusal}; {@code casework.refusal.basis.not.licence} naming the item's own
     *     basis when an item that is not a licence is refused under the Administrative Licensing Law
     */
    public void refuse(String reason, String legalBasis, String documentNumber, String actor, Clock clock) {
        CaseState next = begin(CaseAction.REFUSE, actor);
        Refusal refused = new Refusal(
                reason,
                legalBasis,
                actor,
                WorkingDayCalendar.today(clock),
                Objects.requireNonNull(documentNumber, "documentNumber"));
        if (!item.licence() && LegalBasis.citesLicensingLaw(refused.legalBasis())) {
            String own = LegalBasis.ofItem(item);
            throw new DomainException("casework.refusal.basis.not.licence", own.isEmpty() ? "—" : own);
        }
        refusal = refused;
        step(CaseAction.REFUSE, state, next, actor, refusal.reason(), clock);
    }

    /** A department starts reviewing. */
    public void startReview(String actor, Clock clock) {
        CaseState next = begin(CaseAction.START_REVIEW, actor);
        step(CaseAction.START_REVIEW, state, next, actor, null, clock);
    }

    /**
     * The reviewer asks for supplements (审查中补正): the clock pauses from today.
     *
     * @param whatToSupply what the applicant is told to supply, at once
     * @throws DomainException see {@link Pause}
     */
    public void requestSupplement(String whatToSupply, String legalBasis, String actor, Clock clock) {
        CaseState next = begin(CaseAction.REQUEST_SUPPLEMENT, actor);
        Pause pause = new Pause(
                PauseKind.SUPPLEMENT, WorkingDayCalendar.today(clock), null, whatToSupply, legalBasis, null, null);
        this.clock = this.clock.pause(pause);
        step(CaseAction.REQUEST_SUPPLEMENT, state, next, actor, pause.reason(), clock);
    }

    /** The supplements arrived: today is still paused, the clock runs again from tomorrow. */
    public void receiveSupplement(String actor, Clock clock) {
        CaseState next = begin(CaseAction.RECEIVE_SUPPLEMENT, actor);
        this.clock = this.clock.resume(WorkingDayCalendar.today(clock), null);
        step(CaseAction.RECEIVE_SUPPLEMENT, state, next, actor, null, clock);
    }

    /**
     * A special procedure starts (§45): the clock pauses; the applicant is told how long it takes.
     *
     * @throws DomainException {@code casework.pause.kind} for {@link PauseKind#SUPPLEMENT}; see {@link Pause}
     */
    public void startSpecialProcedure(
            PauseKind kind, String reason, String legalBasis, int announcedWorkingDays, String actor, Clock clock) {
        CaseState next = begin(CaseAction.START_SPECIAL_PROCEDURE, actor);
        if (!kind.isSpecialProcedure()) {
            throw new DomainException("casework.pause.kind");
        }
        Pause pause =
                new Pause(kind, WorkingDayCalendar.today(clock), null, reason, legalBasis, announcedWorkingDays, null);
        this.clock = this.clock.pause(pause);
        step(CaseAction.START_SPECIAL_PROCEDURE, state, next, actor, pause.reason(), clock);
    }

    /** The special procedure ended with its result (hearing record, test report…); the clock runs from tomorrow. */
    public void endSpecialProcedure(String result, String actor, Clock clock) {
        CaseState next = begin(CaseAction.END_SPECIAL_PROCEDURE, actor);
        this.clock = this.clock.resume(WorkingDayCalendar.today(clock), Texts.optional(result));
        step(CaseAction.END_SPECIAL_PROCEDURE, state, next, actor, Texts.optional(result), clock);
    }

    /**
     * Extends the limits once (§42), approved by the head today.
     *
     * @throws DomainException see {@link Extension} and {@link LegalClock#extend}
     */
    public void extend(
            int workingDays, String approvedBy, String reason, String actor, Clock clock, WorkingDayCalendar calendar) {
        CaseState next = begin(CaseAction.EXTEND, actor);
        Extension extension = new Extension(workingDays, approvedBy, reason, WorkingDayCalendar.today(clock));
        this.clock = this.clock.extend(extension, calendar);
        step(CaseAction.EXTEND, state, next, actor, extension.reason(), clock);
    }

    /**
     * One tier's or department's opinion in a review that several share (审查意见): on the timeline, no decision
     * yet. A negative opinion states its reason and legal basis as a rejection must (§38), since it may end the case.
     *
     * @param legalBasis the article relied on; required for a negative opinion, optional for a positive one
     * @throws DomainException {@code casework.decision.reason.required}, {@code casework.decision.reason.length},
     *     {@code casework.decision.basis.required} for a negative opinion without basis
     */
    public void giveOpinion(boolean approved, String opinion, String legalBasis, String actor, Clock clock) {
        CaseState next = begin(CaseAction.GIVE_OPINION, actor);
        String why = checkedOpinion(approved, opinion, legalBasis);
        step(CaseAction.GIVE_OPINION, state, next, actor, why, clock);
    }

    /**
     * An opinion as {@link #giveOpinion} takes it, checked before anything is done with it: stripped, its reason and
     * legal basis required when it is negative.
     *
     * @return the opinion stripped, {@code null} for a positive one without text
     * @throws DomainException as {@link #giveOpinion}
     */
    public static String checkedOpinion(boolean approved, String opinion, String legalBasis) {
        String why = approved ? Texts.optional(opinion) : Texts.required(opinion, "casework.decision.reason.required");
        Texts.maxLength(why, Pause.REASON_MAX_LENGTH, "casework.decision.reason.length");
        if (!approved) {
            Texts.required(legalBasis, "casework.decision.basis.required");
        }
        return why;
    }

    /**
     * Grants (准予许可); the clock stops today.
     *
     * @throws DomainException see {@link Decision}
     */
    public void approve(String opinion, String legalBasis, String actor, Clock clock) {
        CaseState next = begin(CaseAction.APPROVE, actor);
        decide(CaseAction.APPROVE, next, new Decision(true, opinion, legalBasis, actor, today(clock)), clock);
    }

    /**
     * Rejects (不予许可) with reason and legal basis (§38); the clock stops today.
     *
     * @throws DomainException {@code casework.decision.reason.required}, {@code casework.decision.basis.required}
     */
    public void reject(String reason, String legalBasis, String actor, Clock clock) {
        CaseState next = begin(CaseAction.REJECT, actor);
        decide(CaseAction.REJECT, next, new Decision(false, reason, legalBasis, actor, today(clock)), clock);
    }

    private void decide(CaseAction action, CaseState next, Decision made, Clock clock) {
        this.clock = this.clock.stop(made.decidedOn());
        decision = made;
        step(action, state, next, made.decidedBy(), made.reason(), clock);
    }

    /** The result waits at a service point's window (the intake window or one the applicant chose). */
    public void holdForPickup(Delivery.AtWindow window, String actor, Clock clock) {
        CaseState next = begin(CaseAction.HOLD_FOR_PICKUP, actor);
        delivery = Objects.requireNonNull(window, "window");
        step(CaseAction.HOLD_FOR_PICKUP, state, next, actor, window.servicePoint(), clock);
    }

    /** The result goes by free post. */
    public void post(Delivery.ByPost post, String actor, Clock clock) {
        CaseState next = begin(CaseAction.POST, actor);
        delivery = Objects.requireNonNull(post, "post");
        step(CaseAction.POST, state, next, actor, post.trackingNumber(), clock);
    }

    /**
     * The result collected (领取), completing the case (办结). Someone other than the applicant (for an organisation:
     * other than its legal representative) must show an authorisation.
     *
     * @throws DomainException see {@link Pickup}; {@code casework.pickup.authorisation.required}
     */
    public void recordPickup(String collectedBy, String identifier, String authorisation, String actor, Clock clock) {
        CaseState next = begin(CaseAction.RECORD_PICKUP, actor);
        Pickup collected = new Pickup(collectedBy, identifier, authorisation, actor, clock.instant());
        if (collected.authorisation() == null && !isApplicantInPerson(collected)) {
            throw new DomainException("casework.pickup.authorisation.required", collected.collectedBy());
        }
        pickup = collected;
        completedOn = WorkingDayCalendar.today(clock);
        step(CaseAction.RECORD_PICKUP, state, next, actor, null, clock);
    }

    private boolean isApplicantInPerson(Pickup collected) {
        return switch (applicant.kind()) {
            case PERSON -> normalised(collected.identifier()).equals(normalised(applicant.identifier()));
            case ORGANISATION -> collected.collectedBy().equals(applicant.legalRepresentative());
        };
    }

    private static String normalised(String identifier) {
        return identifier.strip().toUpperCase(Locale.ROOT);
    }

    /** The post delivered the result, completing the case (办结). */
    public void confirmDelivery(String actor, Clock clock) {
        CaseState next = begin(CaseAction.CONFIRM_DELIVERY, actor);
        completedOn = WorkingDayCalendar.today(clock);
        step(CaseAction.CONFIRM_DELIVERY, state, next, actor, null, clock);
    }

    /**
     * The applicant withdraws (撤回) before a decision; an open pause ends and the clock stops today.
     *
     * @throws DomainException {@code casework.withdrawal.reason.required}
     */
    public void withdraw(String reason, String actor, Clock clock) {
        CaseState next = begin(CaseAction.WITHDRAW, actor);
        String why = Texts.required(reason, "casework.withdrawal.reason.required");
        Texts.maxLength(why, Pause.REASON_MAX_LENGTH, "casework.withdrawal.reason.length");
        if (this.clock != null) {
            LocalDate today = WorkingDayCalendar.today(clock);
            LegalClock running = this.clock.isPaused() ? this.clock.resume(today, null) : this.clock;
            this.clock = running.stop(today);
        }
        withdrawalReason = why;
        step(CaseAction.WITHDRAW, state, next, actor, why, clock);
    }

    /** The clock as seen today; empty before acceptance. */
    public Optional<Deadlines> deadlines(WorkingDayCalendar calendar, Clock clock, WarningThreshold threshold) {
        if (this.clock == null) {
            return Optional.empty();
        }
        return Optional.of(this.clock.deadlines(calendar, WorkingDayCalendar.today(clock), threshold));
    }

    /** What the public progress page shows; empty for a case without a number (not accepted). */
    public Optional<PublicProgress> publicProgress(WorkingDayCalendar calendar, Clock clock) {
        if (caseNumber == null) {
            return Optional.empty();
        }
        Deadlines now = this.clock.deadlines(calendar, WorkingDayCalendar.today(clock), WarningThreshold.DEFAULT);
        String pickupPoint = state == CaseState.AWAITING_PICKUP && delivery instanceof Delivery.AtWindow window
                ? window.servicePoint()
                : null;
        return Optional.of(new PublicProgress(
                caseNumber,
                item.name(),
                ProgressStage.of(state),
                this.clock.acceptedOn(),
                now.promisedDueDate(),
                now.promisedProvisional(),
                decision == null ? null : decision.decidedOn(),
                completedOn,
                pickupPoint,
                DecisionWording.of(item),
                decision == null ? null : decision.approved()));
    }

    /** The state the action leads to; checked before any input so that a wrong move is reported as such. */
    private CaseState begin(CaseAction action, String actor) {
        Objects.requireNonNull(actor, "actor");
        return action.from(state);
    }

    private static LocalDate today(Clock clock) {
        return WorkingDayCalendar.today(clock);
    }

    private void step(CaseAction action, CaseState from, CaseState to, String actor, String opinion, Clock clock) {
        steps.add(new CaseStep(clock.instant(), action, from, to, actor, opinion));
        state = to;
    }

    public String tenantCode() {
        return tenantCode;
    }

    public String intakePoint() {
        return intakePoint;
    }

    public ItemSnapshot item() {
        return item;
    }

    public Applicant applicant() {
        return applicant;
    }

    public Optional<Agent> agent() {
        return Optional.ofNullable(agent);
    }

    public CaseState state() {
        return state;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public Map<String, MaterialMark> marks() {
        return Collections.unmodifiableMap(marks);
    }

    /** The first correction notice; later ones may only repeat what it asked for. */
    public Optional<CorrectionNotice> firstCorrectionNotice() {
        return Optional.ofNullable(firstCorrectionNotice);
    }

    /** The correction notice in force (the latest). */
    public Optional<CorrectionNotice> correctionNotice() {
        return Optional.ofNullable(correctionNotice);
    }

    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    public Optional<CaseNumber> caseNumber() {
        return Optional.ofNullable(caseNumber);
    }

    public Optional<CheckCode> checkCode() {
        return Optional.ofNullable(checkCode);
    }

    /** The legal clock; empty before acceptance. */
    public Optional<LegalClock> legalClock() {
        return Optional.ofNullable(clock);
    }

    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    public Optional<Delivery> delivery() {
        return Optional.ofNullable(delivery);
    }

    public Optional<Pickup> pickup() {
        return Optional.ofNullable(pickup);
    }

    public Optional<LocalDate> completedOn() {
        return Optional.ofNullable(completedOn);
    }

    public Optional<String> withdrawalReason() {
        return Optional.ofNullable(withdrawalReason);
    }

    /** The timeline, oldest first. */
    public List<CaseStep> steps() {
        return List.copyOf(steps);
    }
}
