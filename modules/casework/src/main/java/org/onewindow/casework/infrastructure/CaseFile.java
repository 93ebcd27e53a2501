package org.onewindow.casework.infrastructure;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.domain.IntakeWindow;
import org.onewindow.kernel.personaldata.domain.ProtectedIdNumber;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantOwned;

/**
 * The row of a case (办件) in {@code case_file}: named so because {@code CASE} is reserved in JPQL and SQL. It holds
 * what the domain {@code Case} needs to be taken up again, with the applicant's and the agent's ID numbers sealed
 * (never in clear), so is the one shown at pickup, the check code as a hash only, the item snapshot as {@code jsonb},
 * and the application form's answers sealed with a masked copy for views. Its materials, timeline and pause ledger are
 * rows of their own ({@link CaseRepository}). The application service maps it to and from the domain object; this
 * class holds no rule.
 */
@Entity(name = "CaseFile")
@Table(name = "case_file")
public class CaseFile extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "intake_point", nullable = false, updatable = false)
    private String intakePoint;

    @Column(name = "intake_service_point_id", updatable = false)
    private UUID intakeServicePointId;

    @Column(name = "intake_service_point", updatable = false)
    private String intakeServicePoint;

    @Column(name = "intake_window_id", updatable = false)
    private UUID intakeWindowId;

    @Column(name = "intake_window", updatable = false)
    private String intakeWindow;

    @Column(name = "case_number")
    private String caseNumber;

    @Column(nullable = false)
    private String state;

    @Column(name = "item_code", nullable = false, updatable = false)
    private String itemCode;

    @Column(name = "item_version", nullable = false, updatable = false)
    private int itemVersion;

    @Column(name = "item_name", nullable = false, updatable = false)
    private String itemName;

    @Convert(converter = JsonbConverter.class)
    @Column(name = "item_snapshot", nullable = false, updatable = false)
    private String itemSnapshot;

    @Column(name = "applicant_kind", nullable = false, updatable = false)
    private String applicantKind;

    @Column(name = "applicant_name", nullable = false, updatable = false)
    private String applicantName;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "sealed", column = @Column(name = "applicant_id_sealed")),
        @AttributeOverride(name = "lookupHash", column = @Column(name = "applicant_id_lookup")),
        @AttributeOverride(name = "masked", column = @Column(name = "applicant_id_masked"))
    })
    private ProtectedIdNumber applicantIdNumber;

    @Column(name = "applicant_uscc", updatable = false)
    private String applicantUscc;

    @Column(name = "uscc_override_by", updatable = false)
    private String usccOverrideBy;

    @Column(name = "uscc_override_reason", updatable = false)
    private String usccOverrideReason;

    @Column(name = "legal_representative", updatable = false)
    private String legalRepresentative;

    @Column(name = "agent_name", updatable = false)
    private String agentName;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "sealed", column = @Column(name = "agent_id_sealed")),
        @AttributeOverride(name = "lookupHash", column = @Column(name = "agent_id_lookup")),
        @AttributeOverride(name = "masked", column = @Column(name = "agent_id_masked"))
    })
    private ProtectedIdNumber agentIdNumber;

    @Column(name = "agent_authorisation", updatable = false)
    private String agentAuthorisation;

    @Column(name = "check_code_hash")
    private String checkCodeHash;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Convert(converter = JsonbConverter.class)
    @Column(name = "first_correction_notice")
    private String firstCorrectionNotice;

    @Convert(converter = JsonbConverter.class)
    @Column(name = "correction_notice")
    private String correctionNotice;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(name = "refusal_basis")
    private String refusalBasis;

    @Column(name = "refused_by")
    private String refusedBy;

    @Column(name = "refused_on")
    private LocalDate refusedOn;

    @Column(name = "refusal_notice_number")
    private String refusalNoticeNumber;

    @Column(name = "accepted_on")
    private LocalDate acceptedOn;

    @Column(name = "promised_limit_working_days", nullable = false)
    private int promisedLimitWorkingDays;

    @Column(name = "statutory_limit_working_days", nullable = false)
    private int statutoryLimitWorkingDays;

    @Column(name = "promised_due_date")
    private LocalDate promisedDueDate;

    @Column(name = "statutory_due_date")
    private LocalDate statutoryDueDate;

    @Column(name = "due_dates_provisional", nullable = false)
    private boolean dueDatesProvisional;

    @Column(name = "decision_approved")
    private Boolean decisionApproved;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decision_basis")
    private String decisionBasis;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "extension_working_days")
    private Integer extensionWorkingDays;

    @Column(name = "extension_approved_by")
    private String extensionApprovedBy;

    @Column(name = "extension_reason")
    private String extensionReason;

    @Column(name = "extension_approved_on")
    private LocalDate extensionApprovedOn;

    @Column(name = "clock_stopped_on")
    private LocalDate clockStoppedOn;

    @Column(name = "delivery_kind")
    private String deliveryKind;

    @Column(name = "delivery_point")
    private String deliveryPoint;

    /** Written by {@link CaseRepository#recordDeliveryPoint} (a null UUID binds as text here), read with the row. */
    @Column(name = "delivery_point_id", insertable = false, updatable = false)
    private UUID deliveryPointId;

    @Column(name = "post_recipient")
    private String postRecipient;

    @Column(name = "post_address")
    private String postAddress;

    @Column(name = "post_phone")
    private String postPhone;

    @Column(name = "post_tracking_number")
    private String postTrackingNumber;

    @Column(name = "pickup_collected_by")
    private String pickupCollectedBy;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "sealed", column = @Column(name = "pickup_id_sealed")),
        @AttributeOverride(name = "lookupHash", column = @Column(name = "pickup_id_lookup")),
        @AttributeOverride(name = "masked", column = @Column(name = "pickup_id_masked"))
    })
    private ProtectedIdNumber pickupIdNumber;

    @Column(name = "pickup_authorisation")
    private String pickupAuthorisation;

    @Column(name = "pickup_recorded_by")
    private String pickupRecordedBy;

    @Column(name = "pickup_collected_at")
    private Instant pickupCollectedAt;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @Convert(converter = JsonbConverter.class)
    @Column(name = "process_plan", updatable = false)
    private String processPlan;

    @Column(name = "item_legal_basis", updatable = false)
    private String itemLegalBasis;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    // --- the application form (申请表) ---

    @Convert(converter = JsonbConverter.class)
    @Column(name = "form_definition", updatable = false)
    private String formDefinition;

    @Column(name = "form_answers_sealed", updatable = false)
    private String formAnswersSealed;

    @Convert(converter = JsonbConverter.class)
    @Column(name = "form_answers_masked", updatable = false)
    private String formAnswersMasked;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected CaseFile() {}

    /** A new row for a case just received, with what never changes after intake. */
    public CaseFile(
            UUID id,
            DivisionCode tenant,
            String intakePoint,
            String itemCode,
            int itemVersion,
            String itemName,
            String itemSnapshot,
            Instant receivedAt,
            LocalDate receivedOn) {
        super(tenant);
        this.id = id;
        this.intakePoint = intakePoint;
        this.itemCode = itemCode;
        this.itemVersion = itemVersion;
        this.itemName = itemName;
        this.itemSnapshot = itemSnapshot;
        this.receivedAt = receivedAt;
        this.receivedOn = receivedOn;
        this.createdAt = receivedAt;
        this.updatedAt = receivedAt;
    }

    /** Where it was taken in (受理窗口), before the row is first written; left null when unknown. */
    public void takenInAt(IntakeWindow window) {
        this.intakeServicePointId = window.servicePointId();
        this.intakeServicePoint = window.servicePoint();
        this.intakeWindowId = window.windowId();
        this.intakeWindow = window.window();
    }

    /** Where it was taken in; empty for a case taken in before it was recorded, or where no point was on record. */
    public Optional<IntakeWindow> intakeWindow() {
        return intakeServicePointId == null
                ? Optional.empty()
                : Optional.of(new IntakeWindow(intakeServicePointId, intakeServicePoint, intakeWindowId, intakeWindow));
    }

    /** A natural person applies (自然人): the ID number sealed. */
    public void applicantPerson(String name, ProtectedIdNumber idNumber) {
        this.applicantKind = "PERSON";
        this.applicantName = name;
        this.applicantIdNumber = idNumber;
    }

    /** An organisation applies, with its legal representative; {@code overrideBy} when its USCC check failed. */
    public void applicantOrganisation(
            String name, String uscc, String legalRepresentative, String overrideBy, String overrideReason) {
        this.applicantKind = "ORGANISATION";
        this.applicantName = name;
        this.applicantUscc = uscc;
        this.legalRepresentative = legalRepresentative;
        this.usccOverrideBy = overrideBy;
        this.usccOverrideReason = overrideReason;
    }

    /**
     * The application form as the item defined it and the answers: sealed in full, and masked for every view.
     *
     * @param definition the form's JSON ({@code ApplicationForm.toJson})
     * @param answersSealed the answers sealed by the personal-data protector
     * @param answersMasked the answers with ID numbers and phones masked, JSON
     */
    public void applicationForm(String definition, String answersSealed, String answersMasked) {
        this.formDefinition = definition;
        this.formAnswersSealed = answersSealed;
        this.formAnswersMasked = answersMasked;
    }

    /** The form's definition as JSON, or null when the case has none. */
    public String formDefinition() {
        return formDefinition;
    }

    /** The answers sealed, or null. */
    public String formAnswersSealed() {
        return formAnswersSealed;
    }

    /** The answers masked as JSON, or null. */
    public String formAnswersMasked() {
        return formAnswersMasked;
    }

    public void agent(String name, ProtectedIdNumber idNumber, String authorisation) {
        this.agentName = name;
        this.agentIdNumber = idNumber;
        this.agentAuthorisation = authorisation;
    }

    /** Takes over the state the domain case reached. */
    public void update(
            String state,
            String firstCorrectionNotice,
            String correctionNotice,
            String refusalReason,
            String refusalBasis,
            String refusedBy,
            LocalDate refusedOn,
            String refusalNoticeNumber,
            int promisedLimitWorkingDays,
            int statutoryLimitWorkingDays,
            Instant now) {
        this.state = state;
        this.firstCorrectionNotice = firstCorrectionNotice;
        this.correctionNotice = correctionNotice;
        this.refusalReason = refusalReason;
        this.refusalBasis = refusalBasis;
        this.refusedBy = refusedBy;
        this.refusedOn = refusedOn;
        this.refusalNoticeNumber = refusalNoticeNumber;
        this.promisedLimitWorkingDays = promisedLimitWorkingDays;
        this.statutoryLimitWorkingDays = statutoryLimitWorkingDays;
        this.updatedAt = now;
    }

    /** The acceptance (受理): the number, the check code's hash and the clock's dates. */
    public void accepted(String caseNumber, String checkCodeHash, LocalDate acceptedOn) {
        this.caseNumber = caseNumber;
        this.checkCodeHash = checkCodeHash;
        this.acceptedOn = acceptedOn;
    }

    public void dueDates(LocalDate promised, LocalDate statutory, boolean provisional) {
        this.promisedDueDate = promised;
        this.statutoryDueDate = statutory;
        this.dueDatesProvisional = provisional;
    }

    /** The decision (准予/不予许可); all {@code null} while undecided. */
    public void decision(Boolean approved, String reason, String legalBasis, String decidedBy, LocalDate decidedOn) {
        this.decisionApproved = approved;
        this.decisionReason = reason;
        this.decisionBasis = legalBasis;
        this.decidedBy = decidedBy;
        this.decidedOn = decidedOn;
    }

    /** The one extension (§42), all {@code null} without one, and the day the clock stopped. */
    public void clock(
            Integer extensionWorkingDays,
            String extensionApprovedBy,
            String extensionReason,
            LocalDate extensionApprovedOn,
            LocalDate clockStoppedOn) {
        this.extensionWorkingDays = extensionWorkingDays;
        this.extensionApprovedBy = extensionApprovedBy;
        this.extensionReason = extensionReason;
        this.extensionApprovedOn = extensionApprovedOn;
        this.clockStoppedOn = clockStoppedOn;
    }

    /** The result waits at a service point's window; clears a post. */
    public void deliveryAtWindow(UUID servicePointId, String servicePoint) {
        delivery("WINDOW", servicePoint, null, null, null, null);
        this.deliveryPointId = servicePointId;
    }

    /** The result goes by free post; clears a window. */
    public void deliveryByPost(String recipient, String address, String phone, String trackingNumber) {
        delivery("POST", null, recipient, address, phone, trackingNumber);
    }

    private void delivery(
            String kind, String point, String recipient, String address, String phone, String trackingNumber) {
        this.deliveryKind = kind;
        this.deliveryPoint = point;
        this.deliveryPointId = null;
        this.postRecipient = recipient;
        this.postAddress = address;
        this.postPhone = phone;
        this.postTrackingNumber = trackingNumber;
    }

    /** The result collected (领取): the ID number shown, sealed as the applicant's is. */
    public void pickup(
            String collectedBy,
            ProtectedIdNumber idNumber,
            String authorisation,
            String recordedBy,
            Instant collectedAt) {
        this.pickupCollectedBy = collectedBy;
        this.pickupIdNumber = idNumber;
        this.pickupAuthorisation = authorisation;
        this.pickupRecordedBy = recordedBy;
        this.pickupCollectedAt = collectedAt;
    }

    /** Completion (办结) and withdrawal (撤回); {@code null} where not reached. */
    public void closed(LocalDate completedOn, String withdrawalReason) {
        this.completedOn = completedOn;
        this.withdrawalReason = withdrawalReason;
    }

    /**
     * How the case will be routed, fixed at intake: the process plan as JSON ({@code template}, {@code windowGroup},
     * {@code reviewGroups}), {@code null} for an item without one; the item's legal basis as printed.
     */
    public void routing(String processPlan, String itemLegalBasis) {
        this.processPlan = processPlan;
        this.itemLegalBasis = itemLegalBasis;
    }

    /** The process instance routing the case between departments, once it started. */
    public void processInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public UUID id() {
        return id;
    }

    public String intakePoint() {
        return intakePoint;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String state() {
        return state;
    }

    public String itemCode() {
        return itemCode;
    }

    public int itemVersion() {
        return itemVersion;
    }

    public String itemName() {
        return itemName;
    }

    public String itemSnapshot() {
        return itemSnapshot;
    }

    public String applicantKind() {
        return applicantKind;
    }

    public String applicantName() {
        return applicantName;
    }

    public ProtectedIdNumber applicantIdNumber() {
        return applicantIdNumber;
    }

    public String applicantUscc() {
        return applicantUscc;
    }

    public String usccOverrideBy() {
        return usccOverrideBy;
    }

    public String legalRepresentative() {
        return legalRepresentative;
    }

    public String agentName() {
        return agentName;
    }

    public ProtectedIdNumber agentIdNumber() {
        return agentIdNumber;
    }

    public String agentAuthorisation() {
        return agentAuthorisation;
    }

    public String checkCodeHash() {
        return checkCodeHash;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public String firstCorrectionNotice() {
        return firstCorrectionNotice;
    }

    public String correctionNotice() {
        return correctionNotice;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public String refusalBasis() {
        return refusalBasis;
    }

    public String refusedBy() {
        return refusedBy;
    }

    public LocalDate refusedOn() {
        return refusedOn;
    }

    /** The refusal notice's number (不予受理通知书); {@code null} unless refused, or refused before numbering. */
    public String refusalNoticeNumber() {
        return refusalNoticeNumber;
    }

    public LocalDate acceptedOn() {
        return acceptedOn;
    }

    public int promisedLimitWorkingDays() {
        return promisedLimitWorkingDays;
    }

    public int statutoryLimitWorkingDays() {
        return statutoryLimitWorkingDays;
    }

    public LocalDate promisedDueDate() {
        return promisedDueDate;
    }

    public LocalDate statutoryDueDate() {
        return statutoryDueDate;
    }

    public boolean dueDatesProvisional() {
        return dueDatesProvisional;
    }

    public Boolean decisionApproved() {
        return decisionApproved;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String decisionBasis() {
        return decisionBasis;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public Integer extensionWorkingDays() {
        return extensionWorkingDays;
    }

    public String extensionApprovedBy() {
        return extensionApprovedBy;
    }

    public String extensionReason() {
        return extensionReason;
    }

    public LocalDate extensionApprovedOn() {
        return extensionApprovedOn;
    }

    public LocalDate clockStoppedOn() {
        return clockStoppedOn;
    }

    /** {@code WINDOW}, {@code POST} or {@code null}. */
    public String deliveryKind() {
        return deliveryKind;
    }

    public String deliveryPoint() {
        return deliveryPoint;
    }

    /** The id of the service point where the result waits; null by post, or at a division with no point on record. */
    public UUID deliveryPointId() {
        return deliveryPointId;
    }

    public String postRecipient() {
        return postRecipient;
    }

    public String postAddress() {
        return postAddress;
    }

    public String postPhone() {
        return postPhone;
    }

    public String postTrackingNumber() {
        return postTrackingNumber;
    }

    public String pickupCollectedBy() {
        return pickupCollectedBy;
    }

    public ProtectedIdNumber pickupIdNumber() {
        return pickupIdNumber;
    }

    public String pickupAuthorisation() {
        return pickupAuthorisation;
    }

    public String pickupRecordedBy() {
        return pickupRecordedBy;
    }

    public Instant pickupCollectedAt() {
        return pickupCollectedAt;
    }

    public LocalDate completedOn() {
        return completedOn;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    public String processPlan() {
        return processPlan;
    }

    public String itemLegalBasis() {
        return itemLegalBasis;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public int version() {
        return version;
    }
}
