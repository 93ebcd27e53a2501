package org.onewindow.ui.clerk.cases;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.casework.application.ApplicantIdentityService;
import org.onewindow.casework.application.CaseDetail;
import org.onewindow.casework.application.CaseQueryService;
import org.onewindow.casework.application.IntakeCommand;
import org.onewindow.casework.application.IntakeService;
import org.onewindow.casework.domain.Applicant;
import org.onewindow.casework.domain.CaseAction;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.Deadlines;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.domain.MaterialToSupply;
import org.onewindow.casework.domain.Pause;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.ui.FacesMessages;
import org.onewindow.ui.LocaleBacking;

/**
 * One case for staff ({@code /clerk/cases/case.xhtml?number=…}, 办件详情): applicant masked, item, materials,
 * timeline, due dates and the pause ledger, the notices to print again, and the supplements of a case that waits for
 * them. A number outside the caller's scope is not found, exactly like one that does not exist (the error page, 404).
 */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    /** China's time, in which the window works and the law counts days. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The applicant or agent as the page shows them: identifiers masked (a USCC is public and shown whole). */
    public record Person(String kind, String name, String identifier, String extra) implements Serializable {}

    /** The clock today; {@code status} is a {@link org.onewindow.casework.domain.ClockStatus} name. */
    public record Clock(
            String promisedDueDate,
            String statutoryDueDate,
            int usedWorkingDays,
            int remainingWorkingDays,
            String status,
            boolean paused,
            boolean provisional)
            implements Serializable {}

    /** A period of the pause ledger (补正、特别程序). */
    public record PauseRow(String kind, String start, String end, String reason, String legalBasis, Integer announced)
            implements Serializable {}

    /**
     * A step of the timeline: when, what (from → to), who, where, the opinion. {@code action} and {@code to} are the
     * {@link CaseAction} and {@link CaseState} names as stored; the page shows them worded in the language of the
     * moment (a switch of language re-renders this view without reading it again).
     */
    public record StepRow(String at, String action, String to, String actor, String place, String note)
            implements Serializable {}

    /** The decision (准予/不予许可) as the case page shows it. */
    public record DecisionRow(boolean approved, String reason, String legalBasis, String decidedBy, String decidedOn)
            implements Serializable {}

    /** The outcome of supplements received: accepted with the check code shown once, or still waiting. */
    public record SupplementOutcome(String state, String caseNumber, String checkCode) implements Serializable {}

    /**
     * One answer of the application form as the case page shows it: the field's label and the answer worded (ID
     * numbers and phones masked, a unit after its number); a table's columns and rows instead of a value.
     */
    public record FormAnswer(String code, String label, String value, List<String> columns, List<List<String>> rows)
            implements Serializable {

        public boolean table() {
            return !columns.isEmpty();
        }
    }

    @Inject
    CaseQueryService queries;

    @Inject
    IntakeService intake;

    @Inject
    LocaleBacking locale;

    @Inject
    Caller caller;

    @Inject
    ApplicantIdentityService identities;

    private String number;
    private String reference;
    private String caseNumber;
    private String state;
    private String itemName;
    private String itemCode;
    private int itemVersion;
    private String intakePoint;
    private String intakeWindow;
    private String intakeServicePoint;
    private String receivedAt;
    private String acceptedOn;
    private Person applicant;
    private Person agent;
    private List<MaterialLine> materials = List.of();
    private List<MaterialLine> supplements = List.of();
    private Clock clock;
    private List<PauseRow> pauses = List.of();
    private List<StepRow> timeline = List.of();
    private String refusalReason;
    private String refusalBasis;
    private String refusalNoticeNumber;
    private String correctionNoticeNumber;
    private boolean correctionNotice;
    private DecisionRow decision;

    /** How the item's decision is named (准予许可, 准予给付, 已批准…). */
    private DecisionWording wording = DecisionWording.GENERAL;

    private SupplementOutcome supplementOutcome;
    private String formName;
    private List<FormAnswer> formAnswers = List.of();
    private String withdrawalReason;

    /** The applicant's full ID number once a reviewer asked for it; in memory for this view only, never saved. */
    private transient String fullIdNumber;

    /**
     * Reads the case (on the first request of the view).
     *
     * @throws DomainException 404 {@code casework.case.not.found} for a case not found or outside the scope; the
     *     container shows the refusal page with that status
     */
    public void load() {
        show(queries.caseDetail(number == null ? "" : number));
    }

    /** Reads the case again after an act on it (a review action, supplements). */
    public void reload() {
        show(queries.caseDetail(reference));
    }

    private void show(CaseDetail c) {
        reference = c.reference();
        caseNumber = c.caseNumber();
        state = c.state().name();
        itemName = c.item().name();
        wording = DecisionWording.of(c.item());
        itemCode = c.item().code();
        itemVersion = c.item().version();
        intakePoint = c.intakePoint();
        intakeWindow = c.intakeWindow() == null ? null : c.intakeWindow().printed();
        intakeServicePoint = c.intakeWindow() == null ? null : c.intakeWindow().servicePoint();
        receivedAt = minute(c.receivedAt());
        acceptedOn = date(c.acceptedOn());
        Applicant who = c.applicant();
        applicant = new Person(who.kind().name(), who.name(), who.identifier(), who.legalRepresentative());
        agent = c.agent() == null
                ? null
                : new Person(
                        "AGENT",
                        c.agent().name(),
                        c.agent().identifier(),
                        c.agent().authorisation());
        Map<String, RequiredMaterial> byCode = new LinkedHashMap<>();
        c.item().materials().forEach(m -> byCode.put(m.code(), m));
        materials = c.item().materials().stream()
                .map(m -> MaterialLine.of(m, c.marks().get(m.code())))
                .toList();
        supplements = c.correctionNotice() == null || !"AWAITING_SUPPLEMENTS".equals(state)
                ? List.of()
                : c.correctionNotice().toSupply().stream()
                        .map(MaterialToSupply::code)
                        .map(byCode::get)
                        .filter(m -> m != null)
                        .map(MaterialLine::of)
                        .toList();
        correctionNotice = c.correctionNotice() != null;
        correctionNoticeNumber = correctionNotice ? c.correctionNotice().documentNumber() : null;
        Deadlines d = c.deadlines();
        clock = d == null
                ? null
                : new Clock(
                        date(d.promisedDueDate()),
                        date(d.statutoryDueDate()),
                        d.usedWorkingDays(),
                        d.remainingWorkingDays(),
                        d.status().name(),
                        d.paused(),
                        d.promisedProvisional());
        List<PauseRow> ledger = new ArrayList<>();
        for (Pause p : c.pauses()) {
            ledger.add(new PauseRow(
                    p.kind().name(),
                    date(p.start()),
                    date(p.end()),
                    p.reason(),
                    p.legalBasis(),
                    p.announcedWorkingDays()));
        }
        pauses = ledger;
        List<StepRow> steps = new ArrayList<>();
        for (CaseRepository.StoredStep stored : c.timeline()) {
            steps.add(new StepRow(
                    minute(stored.step().at()),
                    stored.step().action().name(),
                    stored.step().to().name(),
                    stored.step().actor(),
                    stored.place(),
                    stored.step().opinion()));
        }
        timeline = steps;
        decision = c.decision() == null
                ? null
                : new DecisionRow(
                        c.decision().approved(),
                        c.decision().reason(),
                        c.decision().legalBasis(),
                        c.decision().decidedBy(),
                        date(c.decision().decidedOn()));
        formName = c.form() == null ? null : c.form().getString("name");
        formAnswers = c.form() == null ? List.of() : formAnswers(c.form());
        refusalReason = c.refusal() == null ? null : c.refusal().reason();
        refusalBasis = c.refusal() == null ? null : c.refusal().legalBasis();
        refusalNoticeNumber = c.refusal() == null ? null : c.refusal().documentNumber();
    }

    /** The answers in the form's order, each worded by its field's definition. */
    private static List<FormAnswer> formAnswers(JsonObject form) {
        JsonObject answers = form.getJsonObject("answers");
        List<FormAnswer> shown = new ArrayList<>();
        for (JsonValue value : form.getJsonArray("fields")) {
            JsonObject field = value.asJsonObject();
            String code = field.getString("code");
            JsonValue answer = answers.get(code);
            if (field.get("columns") instanceof JsonArray columns) {
                List<JsonObject> definitions =
                        columns.stream().map(JsonValue::asJsonObject).toList();
                List<List<String>> rows = new ArrayList<>();
                if (answer instanceof JsonArray list) {
                    for (JsonValue row : list) {
                        rows.add(definitions.stream()
                                .map(column -> worded(column, row.asJsonObject().get(column.getString("code"))))
                                .toList());
                    }
                }
                List<String> labels =
                        definitions.stream().map(c -> c.getString("label")).toList();
                shown.add(new FormAnswer(code, field.getString("label"), "", labels, rows));
            } else {
                shown.add(new FormAnswer(code, field.getString("label"), worded(field, answer), List.of(), List.of()));
            }
        }
        return shown;
    }

    /** An answer as read: a number with its unit, an organisation's name with its code, nothing as empty. */
    private static String worded(JsonObject field, JsonValue answer) {
        if (answer == null || answer.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        String unit = field.getString("unit", null);
        String text = switch (answer) {
            case JsonString string -> string.getString();
            case JsonNumber number -> number.bigDecimalValue().toPlainString();
            case JsonObject organisation ->
                organisation.getString("name", "") + "（" + organisation.getString("uscc", "") + "）";
            default -> answer.toString();
        };
        return unit == null ? text : text + " " + unit;
    }

    /** 补正材料 received at the window: complete → accepted (the check code shown once), else still waiting. */
    public void receiveSupplements() {
        Map<String, IntakeCommand.MarkInput> marks = new LinkedHashMap<>();
        for (MaterialLine line : supplements) {
            if (line.isMarked()) {
                marks.put(line.getCode(), new IntakeCommand.MarkInput(line.getKind(), line.getNote()));
            }
        }
        if (marks.isEmpty()) {
            FacesMessages.errorText(FacesMessages.textOf(ClerkText.VAR, "supplements.none"));
            return;
        }
        try {
            JsonObject answer = intake.receiveSupplements(reference, marks);
            supplementOutcome = new SupplementOutcome(
                    answer.getString("state"), text(answer, "caseNumber"), text(answer, "checkCode"));
            show(queries.caseDetail(
                    supplementOutcome.caseNumber() == null ? reference : supplementOutcome.caseNumber()));
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    /**
     * Shows the applicant's full ID number to a reviewer (ADR 0021), confirmed first; the showing is in the audit
     * chain. A refusal (another role, the case gone) shows as a message and the number stays masked.
     */
    public void revealIdNumber() {
        try {
            fullIdNumber = identities.revealIdNumber(reference).getString("idNumber");
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    /** Whether the page offers the full ID number: to a reviewer, for a person (an organisation's code is whole). */
    public boolean isIdNumberRevealable() {
        return fullIdNumber == null
                && applicant != null
                && "PERSON".equals(applicant.kind())
                && caller.require().has(Role.REVIEWER);
    }

    /** The applicant's identifier as shown: the full ID number once revealed, else masked. */
    public String getApplicantIdentifier() {
        return fullIdNumber != null ? fullIdNumber : applicant.identifier();
    }

    public boolean isIdNumberRevealed() {
        return fullIdNumber != null;
    }

    /**
     * 撤回: the applicant withdraws at the window, with the reason they gave (confirmed in the dialog first). The case
     * shows withdrawn and its open tasks leave every queue; a refusal (no reason, a case decided meanwhile) shows in
     * the dialog and nothing changes.
     */
    public void withdraw() {
        try {
            intake.withdraw(reference, withdrawalReason);
        } catch (DomainException e) {
            FacesMessages.error(e);
            return;
        }
        withdrawalReason = null;
        FacesMessages.infoOf(ClerkText.VAR, "withdrawal.done");
        reload();
    }

    /**
     * Whether the withdrawal is offered: to a clerk or window lead (as {@link IntakeService#withdraw} allows), on a
     * case still before its decision ({@link CaseAction#WITHDRAW}).
     */
    public boolean isWithdrawable() {
        StaffPrincipal staff = caller.require();
        return (staff.has(Role.CLERK) || staff.has(Role.WINDOW_LEAD))
                && CaseAction.WITHDRAW.allowedIn(CaseState.valueOf(state));
    }

    private static String text(JsonObject body, String key) {
        return body.get(key) == null || body.get(key).getValueType() == JsonValue.ValueType.NULL
                ? null
                : body.getString(key);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String minute(Instant at) {
        return at == null ? null : MINUTE.format(at.atZone(CHINA));
    }

    // --- links to the printed notices -------------------------------------------------------------------------

    private String context() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    /** The receipt (受理通知书) prints with the check code, which the clerk types from the applicant's copy. */
    public String getReceiptAction() {
        return caseNumber == null ? null : context() + CaseNoticeLink.PATH;
    }

    public String getCorrectionNoticeUrl() {
        return correctionNotice ? CaseNoticeLink.of(context(), reference, "correction", null) : null;
    }

    public String getRefusalNoticeUrl() {
        return refusalReason == null ? null : CaseNoticeLink.of(context(), reference, "refusal", null);
    }

    /** The receipt of a case just accepted on supplements, with the code shown this once. */
    public String getReceiptUrl() {
        return supplementOutcome == null || supplementOutcome.checkCode() == null
                ? null
                : CaseNoticeLink.of(context(), reference, "receipt", supplementOutcome.checkCode());
    }

    // --- view state -----------------------------------------------------------------------------------------

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getReference() {
        return reference;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getState() {
        return state;
    }

    public String getStateLabel() {
        return Messages.format(locale.getLocale(), wording.stateKey(state));
    }

    /** The decision's name as the item words it (准予许可 for a licence, 准予给付 for a benefit…); null before one. */
    public String getDecisionLabel() {
        if (decision == null) {
            return null;
        }
        String decided = decision.approved() ? CaseState.DECIDED_APPROVED.name() : CaseState.DECIDED_REJECTED.name();
        return Messages.format(locale.getLocale(), wording.stateKey(decided));
    }

    public DecisionWording getWording() {
        return wording;
    }

    public String getItemName() {
        return itemName;
    }

    public String getItemCode() {
        return itemCode;
    }

    public int getItemVersion() {
        return itemVersion;
    }

    public String getIntakePoint() {
        return intakePoint;
    }

    /** The service point and window that took the case in (受理窗口); null when unknown. */
    public String getIntakeWindow() {
        return intakeWindow;
    }

    /** Where a result "at the intake window" waits: the point that took the case in, else its division. */
    public String getPickupAtIntake() {
        return intakeServicePoint != null ? intakeServicePoint : intakePoint;
    }

    public String getReceivedAt() {
        return receivedAt;
    }

    public String getAcceptedOn() {
        return acceptedOn;
    }

    public Person getApplicant() {
        return applicant;
    }

    public Person getAgent() {
        return agent;
    }

    /** The name of the case's application form; null when it has none. */
    public String getFormName() {
        return formName;
    }

    /** The application form's answers, masked; empty when the case has none. */
    public List<FormAnswer> getFormAnswers() {
        return formAnswers;
    }

    public List<MaterialLine> getMaterials() {
        return materials;
    }

    public List<MaterialLine> getSupplements() {
        return supplements;
    }

    public Clock getClock() {
        return clock;
    }

    public List<PauseRow> getPauses() {
        return pauses;
    }

    /** The timeline with its actions and states worded in the page's language now. */
    public List<StepRow> getTimeline() {
        Locale language = locale.getLocale();
        return timeline.stream()
                .map(step -> new StepRow(
                        step.at(),
                        Messages.format(language, wording.actionKey(step.action())),
                        Messages.format(language, wording.stateKey(step.to())),
                        step.actor(),
                        step.place(),
                        step.note()))
                .toList();
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public void setWithdrawalReason(String withdrawalReason) {
        this.withdrawalReason = withdrawalReason;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public String getRefusalBasis() {
        return refusalBasis;
    }

    /** The refusal notice's number (文号); null unless refused, or refused before notices were numbered. */
    public String getRefusalNoticeNumber() {
        return refusalNoticeNumber;
    }

    /** The number of the correction notice in force; null without one, or for one issued before numbering. */
    public String getCorrectionNoticeNumber() {
        return correctionNoticeNumber;
    }

    public DecisionRow getDecision() {
        return decision;
    }

    public SupplementOutcome getSupplementOutcome() {
        return supplementOutcome;
    }
}
