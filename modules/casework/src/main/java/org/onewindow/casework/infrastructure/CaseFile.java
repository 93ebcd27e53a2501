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
import java.util.UUID;
import org.onewindow.kernel.personaldata.domain.ProtectedIdNumber;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantOwned;

/**
 * The row of a case (办件) in {@code case_file}: named so because {@code CASE} is reserved in JPQL and SQL. It holds
 * what the domain {@code Case} needs to be taken up again, with the applicant's and the agent's ID numbers sealed
 * (never in clear), the check code as a hash only, and the item snapshot as {@code jsonb}. Its materials, timeline
 * and pause ledger are rows of their own ({@link CaseRepository}). The application service maps it to and from the
 * domain object; this class holds no rule.
 */
@Entity(name = "CaseFile")
@Table(name = "case_file")
public class CaseFile extends TenantOwned {

    @Id
    private UUID id;

    @Column(name = "intake_point", nullable = false, updatable = false)
    private String intakePoint;

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

    public int version() {
        return version;
    }
}
