package org.onewindow.ui.clerk.cases;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onewindow.casework.application.CatalogItems;
import org.onewindow.casework.application.IntakeCommand;
import org.onewindow.casework.application.IntakeService;
import org.onewindow.casework.domain.ChecklistOutcome;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.MaterialToSupply;
import org.onewindow.casework.domain.MaterialsChecklist;
import org.onewindow.catalog.application.CatalogFilter;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.catalog.application.TenantItem;
import org.onewindow.catalog.domain.ApplicationForm;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.guide.ServiceGuide;
import org.onewindow.catalog.guide.ServiceGuideService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.FieldError;
import org.onewindow.kernel.error.FieldsRefusedException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.identity.domain.UnifiedSocialCreditCode;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.ui.FacesMessages;
import org.onewindow.ui.LocaleBacking;

/**
 * The front window's intake page ({@code /clerk/cases/intake.xhtml}, 综合受理): find an item the clerk's division
 * takes in, read its guide, type the applicant (and agent), mark the materials, then accept (受理), issue one
 * correction notice (补正通知书) or refuse (不予受理). The decision is {@link IntakeService}'s; this bean keeps the form
 * between the page's steps and checks the ID numbers as they are typed with the kernel's own rules.
 */
@Named
@ViewScoped
public class IntakeBacking implements Serializable {

    /** Where the materials' refusals show: under the checklist. */
    static final String MATERIALS = "intake:materials-messages";

    /** The most items the search lists: a clerk narrows by typing, not by scrolling. */
    static final int RESULTS_MAX = 12;

    /** The guide facts the window shows beside the form; the whole guide is one link away. */
    static final Set<String> SUMMARY_FACTS = Set.of(
            ItemElements.DEPARTMENT,
            ItemElements.CONDITIONS,
            ItemElements.STATUTORY_LIMIT_DAYS,
            ItemElements.PROMISED_LIMIT_DAYS,
            ItemElements.FEES,
            ItemElements.ON_THE_SPOT,
            ItemElements.MAX_VISITS);

    /** An item the search found: code, name, promised limit as worded. */
    public record ItemOption(String code, String name, int promisedLimitWorkingDays, boolean onTheSpot)
            implements Serializable {}

    /**
     * A window the clerk takes applications in at (受理窗口), as the page offers it.
     *
     * @param key {@code <servicePointId>/<windowId>}, the window's id empty for a hall without an intake window
     * @param label as printed: {@code 华沟村便民服务站 综合代办窗口}
     */
    public record WindowOption(String key, String label) implements Serializable {}

    /** A fact of the guide summary, worded in the page's language. */
    public record Fact(String label, String value) implements Serializable {}

    /** The item chosen, as its version stands now (the case pins this version on intake). */
    public record ChosenItem(
            String code,
            String name,
            int version,
            int promisedLimitWorkingDays,
            int statutoryLimitWorkingDays,
            boolean onTheSpot,
            List<Fact> summary)
            implements Serializable {}

    /**
     * What the intake came to. For an acceptance the check code, shown this once (the product keeps only its hash).
     *
     * @param reference the case number, or the case id while it has none
     */
    public record Outcome(
            String state,
            String reference,
            String caseNumber,
            String checkCode,
            String promisedDueDate,
            String statutoryDueDate,
            List<String> toSupply)
            implements Serializable {}

    @Inject
    IntakeService intake;

    @Inject
    CatalogService catalog;

    @Inject
    ServiceGuideService guides;

    @Inject
    Caller caller;

    @Inject
    LocaleBacking locale;

    @Inject
    Clock clock;

    private List<WindowOption> windows;
    private String window;

    private String query;
    private List<ItemOption> results;
    private ChosenItem item;
    private List<MaterialLine> materials = List.of();
    private String formName;
    private List<FormEntry> formEntries = List.of();

    private String applicantKind = "PERSON";
    private String name;
    private String idNumber;
    private String uscc;
    private String legalRepresentative;
    private String mobile;
    private String usccOverrideReason;
    private String agentName;
    private String agentIdNumber;
    private String agentAuthorisation;
    private boolean refusing;
    private String refusalReason;
    private String refusalBasis;

    private String idCheck;
    private boolean idValid;
    private String usccCheck;
    private boolean usccValid;
    private String agentIdCheck;
    private boolean agentIdValid;

    private String idempotencyKey = UUID.randomUUID().toString();
    private Outcome outcome;

    // --- where the clerk takes it in ----------------------------------------------------------------------

    /**
     * The clerk's intake windows (受理窗口), read once per page: the first is chosen, the only one when the clerk
     * serves at one window; none when no point is on record.
     */
    public List<WindowOption> getWindows() {
        if (windows == null) {
            windows = intake.intakeWindows().stream()
                    .map(place -> new WindowOption(
                            place.servicePointId() + "/" + (place.windowId() == null ? "" : place.windowId()),
                            place.printed()))
                    .toList();
            if (window == null && !windows.isEmpty()) {
                window = windows.getFirst().key();
            }
        }
        return windows;
    }

    public String getWindow() {
        getWindows();
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    // --- finding the item ------------------------------------------------------------------------------

    /**
     * Searches the division's effective catalog as the public catalog does ({@link CatalogFilter}: name, aliases,
     * materials, code; width and punctuation ignored), keeping the items this tier takes in.
     */
    public void search() {
        StaffPrincipal clerk = caller.require();
        CatalogItems.Tier tier = CatalogItems.Tier.of(clerk.tenantLevel());
        List<ItemOption> found = new ArrayList<>();
        for (TenantItem offered :
                catalog.effectiveCatalog(clerk.tenantCode().value(), new CatalogFilter(query, "", "", ""))) {
            JsonObject elements = offered.item().elements();
            if (CatalogItems.intakeTiers(elements).contains(tier)) {
                found.add(new ItemOption(
                        offered.item().standard().code(),
                        elements.getString("name", offered.item().standard().code()),
                        elements.getInt(ItemElements.PROMISED_LIMIT_DAYS, 0),
                        elements.getBoolean(ItemElements.ON_THE_SPOT, false)));
            }
            if (found.size() == RESULTS_MAX) {
                break;
            }
        }
        results = found;
    }

    /** Takes the item up: its materials checklist and the summary of its guide. */
    public void choose(String itemCode) {
        StaffPrincipal clerk = caller.require();
        try {
            var offered = catalog.snapshot(clerk.tenantCode().value(), itemCode);
            ItemSnapshot snapshot = CatalogItems.snapshot(offered.code(), offered.version(), offered.elements());
            item = new ChosenItem(
                    snapshot.code(),
                    snapshot.name(),
                    snapshot.version(),
                    snapshot.promisedLimitWorkingDays(),
                    snapshot.statutoryLimitWorkingDays(),
                    snapshot.onTheSpot(),
                    summary(clerk.tenantCode().value(), snapshot.code()));
            materials =
                    snapshot.materials().stream().map(MaterialLine::atIntake).toList();
            Optional<ApplicationForm> form = offered.applicationForm();
            formName = form.map(ApplicationForm::name).orElse(null);
            formEntries = form.map(f -> f.fields().stream().map(FormEntry::new).toList())
                    .orElse(List.of());
            results = null;
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    private List<Fact> summary(String tenant, String itemCode) {
        ServiceGuide guide = guides.guide(tenant, itemCode, locale.getLocale());
        List<Fact> facts = new ArrayList<>();
        for (ServiceGuide.Section section : guide.sections()) {
            for (ServiceGuide.Fact fact : section.facts()) {
                if (SUMMARY_FACTS.contains(fact.key())) {
                    facts.add(new Fact(fact.label(), String.join("；", fact.values())));
                }
            }
        }
        return facts;
    }

    /** Back to the search, keeping nothing of the item. */
    public void changeItem() {
        item = null;
        materials = List.of();
        formName = null;
        formEntries = List.of();
        refusing = false;
    }

    // --- live checks of the identifiers ------------------------------------------------------------------

    /** The applicant's ID number as typed so far, checked by GB 11643's rules (length, date, check character). */
    public void checkIdNumber() {
        idCheck = checkResident(idNumber);
        idValid = idCheck == null && present(idNumber);
    }

    public void checkAgentIdNumber() {
        agentIdCheck = checkResident(agentIdNumber);
        agentIdValid = agentIdCheck == null && present(agentIdNumber);
    }

    /** The organisation's code as typed so far, by GB 32100's rules. */
    public void checkUscc() {
        if (!present(uscc)) {
            usccCheck = null;
            usccValid = false;
            return;
        }
        usccCheck = switch (UnifiedSocialCreditCode.check(uscc)) {
            case UnifiedSocialCreditCode.Valid valid -> null;
            case UnifiedSocialCreditCode.CheckFailed failed -> text(failed.refusal());
            case UnifiedSocialCreditCode.Malformed malformed -> text(malformed.refusal());
        };
        usccValid = usccCheck == null;
    }

    /** The refusal of an ID number as typed, in the page's language; null when valid or still empty. */
    private String checkResident(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            ResidentIdNumber.parse(typed, clock);
            return null;
        } catch (DomainException e) {
            return text(e);
        }
    }

    // --- deciding -------------------------------------------------------------------------------------

    /** 受理: only with every mandatory material there; otherwise says what is missing and takes nothing in. */
    public void accept() {
        ChecklistOutcome checklist = checklist();
        if (checklist == null) {
            return;
        }
        if (checklist instanceof ChecklistOutcome.Incomplete incomplete) {
            FacesMessages.error(MATERIALS, new DomainException("casework.accept.incomplete", names(incomplete)));
            return;
        }
        takeIn(null);
    }

    /** 补正通知书: only when something mandatory is missing or not conforming; one notice lists all of it. */
    public void issueCorrectionNotice() {
        ChecklistOutcome checklist = checklist();
        if (checklist == null) {
            return;
        }
        if (checklist.complete()) {
            FacesMessages.error(MATERIALS, new DomainException("casework.correction.complete"));
            return;
        }
        takeIn(null);
    }

    /** Opens the refusal's reason and basis. */
    public void startRefusal() {
        refusing = true;
    }

    /** 不予受理 with the reason and basis typed. */
    public void refuse() {
        if (checklist() == null) {
            return;
        }
        takeIn(new String[] {refusalReason, refusalBasis});
    }

    /** A fresh page for the next applicant; the check code of the last one is gone from it. */
    public String next() {
        return "/clerk/cases/intake?faces-redirect=true";
    }

    /**
     * The checklist as the domain evaluates it, or null (with the message on the page) when an ID number or a mark
     * is wrong: the clerk sees every problem at the field it belongs to.
     */
    private ChecklistOutcome checklist() {
        if (item == null) {
            FacesMessages.error(new DomainException("casework.intake.item.required"));
            return null;
        }
        boolean valid = true;
        if ("PERSON".equals(applicantKind)) {
            checkIdNumber();
            if (!idValid) {
                FacesMessages.errorText("intake:id-number", required(idCheck));
                valid = false;
            }
        }
        if (hasAgent()) {
            checkAgentIdNumber();
            if (!agentIdValid) {
                FacesMessages.errorText("intake:agent-id-number", required(agentIdCheck));
                valid = false;
            }
        }
        try {
            ChecklistOutcome outcome = MaterialsChecklist.evaluate(
                    CatalogItems.snapshot(item.code(), item.version(), elementsOfChosen())
                            .materials(),
                    marks());
            return valid ? outcome : null;
        } catch (DomainException e) {
            FacesMessages.error(MATERIALS, e);
            return null;
        }
    }

    private JsonObject elementsOfChosen() {
        return catalog.snapshot(caller.require().tenantCode().value(), item.code())
                .elements();
    }

    private void takeIn(String[] refusal) {
        IntakeCommand command = command(refusal != null);
        FormEntry.clearErrors(formEntries);
        try {
            IntakeService.IntakeAnswer answer = refusal == null
                    ? intake.takeIn(idempotencyKey, hash(command, null), command)
                    : intake.refuseAtIntake(idempotencyKey, hash(command, refusal), command, refusal[0], refusal[1]);
            outcome = outcome(answer.body());
        } catch (FieldsRefusedException e) {
            showFormErrors(e);
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    /** Each answer the service refused shown beside its field, the count at the top. */
    private void showFormErrors(FieldsRefusedException refused) {
        FacesMessages.errorText(text(refused));
        for (FieldError error : refused.errors()) {
            String message = Messages.format(
                    locale.getLocale(), error.key(), error.arguments().toArray());
            if (!FormEntry.showError(formEntries, error.field(), message)) {
                FacesMessages.errorText(message);
            }
        }
    }

    /** The application as the service takes it; a refusal carries the form only when something of it was typed. */
    private IntakeCommand command(boolean refusing) {
        boolean person = "PERSON".equals(applicantKind);
        IntakeCommand.ApplicantInput applicant = new IntakeCommand.ApplicantInput(
                applicantKind,
                name,
                person ? idNumber : null,
                person ? null : uscc,
                person ? null : legalRepresentative,
                person ? null : usccOverrideReason,
                mobile);
        IntakeCommand.AgentInput agent =
                hasAgent() ? new IntakeCommand.AgentInput(agentName, agentIdNumber, agentAuthorisation) : null;
        JsonObject answers = formEntries.isEmpty() ? null : FormEntry.answers(formEntries);
        if (refusing && answers != null && answers.isEmpty()) {
            answers = null;
        }
        String chosen = getWindow();
        String pointId = chosen == null ? null : chosen.substring(0, Math.max(0, chosen.indexOf('/')));
        String windowId = chosen == null ? null : chosen.substring(chosen.indexOf('/') + 1);
        return new IntakeCommand(
                item.code(),
                applicant,
                agent,
                markInputs(),
                answers,
                pointId == null || pointId.isEmpty() ? null : pointId,
                windowId == null || windowId.isEmpty() ? null : windowId);
    }

    private boolean hasAgent() {
        return present(agentName) || present(agentIdNumber) || present(agentAuthorisation);
    }

    private Map<String, IntakeCommand.MarkInput> markInputs() {
        Map<String, IntakeCommand.MarkInput> marks = new LinkedHashMap<>();
        for (MaterialLine line : materials) {
            if (line.isMarked()) {
                marks.put(line.getCode(), new IntakeCommand.MarkInput(line.getKind(), line.getNote()));
            }
        }
        return marks;
    }

    private Map<String, MaterialMark> marks() {
        Map<String, MaterialMark> marks = new LinkedHashMap<>();
        for (MaterialLine line : materials) {
            if (line.isMarked()) {
                marks.put(line.getCode(), new MaterialMark(MaterialMark.Kind.valueOf(line.getKind()), line.getNote()));
            }
        }
        return marks;
    }

    /**
     * The request's fingerprint for the idempotency key: a second press of 受理 with the same form answers the same
     * case, a changed form under the same key is refused. Never logged (it hashes the ID number).
     */
    private static String hash(IntakeCommand command, String[] refusal) {
        String text = command + (refusal == null ? "" : "|refusal|" + refusal[0] + "|" + refusal[1]);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome outcome(JsonObject body) {
        List<String> toSupply = new ArrayList<>();
        if (body.get("correctionNotice") instanceof JsonObject notice) {
            notice.getJsonArray("toSupply")
                    .forEach(m -> toSupply.add(m.asJsonObject().getString("name")));
        }
        String number = string(body, "caseNumber");
        return new Outcome(
                body.getString("state"),
                number == null ? body.getString("id") : number,
                number,
                string(body, "checkCode"),
                string(body, "promisedDueDate"),
                string(body, "statutoryDueDate"),
                toSupply);
    }

    private static String string(JsonObject body, String key) {
        JsonValue value = body.get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : body.getString(key);
    }

    private String names(ChecklistOutcome.Incomplete incomplete) {
        return incomplete.toSupply().stream().map(MaterialToSupply::name).collect(Collectors.joining("、"));
    }

    /** The refusal of a check, or for an empty number the kernel's "required" refusal. */
    private String required(String check) {
        return check != null ? check : text(new DomainException("identity.resident.required"));
    }

    private String text(DomainException e) {
        return Messages.format(locale.getLocale(), e);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    // --- the printed notice --------------------------------------------------------------------------------

    /** Where the notice of the outcome prints (opened in a new tab, ready to print). */
    public String getNoticeUrl() {
        if (outcome == null) {
            return null;
        }
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return switch (outcome.state()) {
            // An on-the-spot item (即办件) is accepted and decided at the window at once: its receipt all the same.
            case "ACCEPTED", "DECIDED_APPROVED" ->
                CaseNoticeLink.of(context, outcome.reference(), "receipt", outcome.checkCode());
            case "AWAITING_SUPPLEMENTS" -> CaseNoticeLink.of(context, outcome.reference(), "correction", null);
            case "REFUSED" -> CaseNoticeLink.of(context, outcome.reference(), "refusal", null);
            default -> null;
        };
    }

    // --- view state ---------------------------------------------------------------------------------------

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<ItemOption> getResults() {
        return results;
    }

    public ChosenItem getItem() {
        return item;
    }

    /** The name of the item's application form; null when it has none. */
    public String getFormName() {
        return formName;
    }

    /** The fields of the item's application form as the clerk fills them in; empty when it has none. */
    public List<FormEntry> getFormEntries() {
        return formEntries;
    }

    public List<MaterialLine> getMaterials() {
        return materials;
    }

    public String getApplicantKind() {
        return applicantKind;
    }

    public void setApplicantKind(String applicantKind) {
        this.applicantKind = "ORGANISATION".equals(applicantKind) ? "ORGANISATION" : "PERSON";
    }

    public boolean isPerson() {
        return "PERSON".equals(applicantKind);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public void setLegalRepresentative(String legalRepresentative) {
        this.legalRepresentative = legalRepresentative;
    }

    public String getUsccOverrideReason() {
        return usccOverrideReason;
    }

    public void setUsccOverrideReason(String usccOverrideReason) {
        this.usccOverrideReason = usccOverrideReason;
    }

    public String getAgentName() {
        return agentName;
    }

    public void setAgentName(String agentName) {
        this.agentName = agentName;
    }

    public String getAgentIdNumber() {
        return agentIdNumber;
    }

    public void setAgentIdNumber(String agentIdNumber) {
        this.agentIdNumber = agentIdNumber;
    }

    public String getAgentAuthorisation() {
        return agentAuthorisation;
    }

    public void setAgentAuthorisation(String agentAuthorisation) {
        this.agentAuthorisation = agentAuthorisation;
    }

    public boolean isRefusing() {
        return refusing;
    }

    public String getRefusalReason() {
        return refusalReason;
    }

    public void setRefusalReason(String refusalReason) {
        this.refusalReason = refusalReason;
    }

    public String getRefusalBasis() {
        return refusalBasis;
    }

    public void setRefusalBasis(String refusalBasis) {
        this.refusalBasis = refusalBasis;
    }

    public String getIdCheck() {
        return idCheck;
    }

    public boolean isIdValid() {
        return idValid;
    }

    public String getUsccCheck() {
        return usccCheck;
    }

    public boolean isUsccValid() {
        return usccValid;
    }

    public String getAgentIdCheck() {
        return agentIdCheck;
    }

    public boolean isAgentIdValid() {
        return agentIdValid;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
