package org.onewindow.ui.clerk.cases;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.onewindow.casework.application.IssuanceService;
import org.onewindow.casework.application.IssuanceService.ServicePointChoice;
import org.onewindow.casework.documents.CaseNotices;
import org.onewindow.casework.domain.Delivery;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.ui.FacesMessages;
import org.onewindow.ui.clerk.tasks.ReviewBacking;
import org.primefaces.PrimeFaces;

/**
 * Issuance and delivery at the window (统一出件) on the case page ({@code /clerk/cases/case.xhtml}), for the clerks and
 * window leads of the intake window once the case is decided: the decision letter (numbered and printed), the licence
 * an approved licence item issues, where the result goes (the intake window, a service point of the county the
 * applicant chose, or free post with its tracking number), and the pickup (领取) that completes the case (办结). Each
 * act is {@link IssuanceService}'s; a refusal stands beside the field it concerns and changes nothing.
 */
@Named
@ViewScoped
public class IssuanceBacking implements Serializable {

    /** The states in which the case has a result to hand out, or had one. */
    private static final Set<String> ISSUING =
            Set.of("DECIDED_APPROVED", "DECIDED_REJECTED", "AWAITING_PICKUP", "POSTED", "COMPLETED");

    /** Which field a refusal of the delivery concerns, by its message key's start; the rest stand above the form. */
    private static final Map<String, String> DELIVERY_FIELDS = Map.of(
            "casework.delivery.mode", "issuance:mode",
            "casework.delivery.point", "issuance:point",
            "casework.post.recipient", "issuance:recipient",
            "casework.post.address", "issuance:address",
            "casework.post.tracking", "issuance:tracking");

    /** Which field a refusal of the pickup concerns. */
    private static final Map<String, String> PICKUP_FIELDS = Map.of(
            "casework.pickup.name", "pickup:collected-by",
            "casework.pickup.identifier", "pickup:id-number",
            "identity.resident", "pickup:id-number",
            "casework.pickup.authorisation", "pickup:authorisation");

    @Inject
    IssuanceService issuance;

    @Inject
    CaseBacking caseBacking;

    /** The delivery task's card on the same page, read again once an act here completed the task. */
    @Inject
    ReviewBacking reviewBacking;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    private JsonObject view;
    private List<ServicePointChoice> servicePoints;

    private String mode = "INTAKE_WINDOW";
    private String servicePointId;
    private String recipient;
    private String address;
    private String phone;
    private String trackingNumber;

    /** {@code APPLICANT} when the applicant collects in person, {@code AGENT} for someone they authorised. */
    private String collector = "APPLICANT";

    private String collectedBy;
    private String idNumber;
    private String authorisation;

    /** Whether the page offers issuance: to the window's staff, once the case is decided. */
    public boolean isAvailable() {
        StaffPrincipal staff = caller.require();
        return (staff.has(Role.CLERK) || staff.has(Role.WINDOW_LEAD)) && ISSUING.contains(caseBacking.getState());
    }

    /** What was issued and where the result goes, read once per view and again after each act. */
    public JsonObject getView() {
        if (view == null && isAvailable()) {
            view = issuance.issuance(caseBacking.getReference());
        }
        return view;
    }

    // --- the acts ------------------------------------------------------------------------------------------

    /** Numbers the decision letter (and records the licence) so that it can be printed before the delivery. */
    public void issue() {
        act(() -> issuance.issue(caseBacking.getReference(), null, null), "issuance.issued", Map.of());
    }

    /**
     * Checks the delivery before asking for confirmation: a service point chosen, the post's recipient, address and
     * tracking number given ({@link Delivery.ByPost}). The confirmation opens only when it passed; the act itself is
     * {@link #deliver}, which checks the service point against the county.
     */
    public void checkDelivery() {
        try {
            if (post()) {
                new Delivery.ByPost(recipient, address, phone, trackingNumber);
            } else if ("SERVICE_POINT".equals(mode) && (servicePointId == null || servicePointId.isBlank())) {
                throw new DomainException("casework.delivery.point.id.required");
            }
        } catch (DomainException e) {
            FacesMessages.error(fieldOf(e, DELIVERY_FIELDS), e);
            return;
        }
        PrimeFaces.current().ajax().addCallbackParam("checked", true);
    }

    public void deliver() {
        IssuanceService.DeliveryCommand command = new IssuanceService.DeliveryCommand(
                mode,
                "SERVICE_POINT".equals(mode) ? servicePointId : null,
                post() ? recipient : null,
                post() ? address : null,
                post() ? phone : null,
                post() ? trackingNumber : null);
        act(
                () -> issuance.deliver(caseBacking.getReference(), command),
                post() ? "issuance.posted" : "issuance.held",
                DELIVERY_FIELDS);
    }

    /**
     * Checks what the clerk typed for the pickup before asking for confirmation: the name, and the ID number by GB
     * 11643 (its check character, a real birth date). The confirmation opens only when both are right; the act
     * itself is {@link #recordPickup}.
     */
    public void checkPickup() {
        if (collectedBy == null || collectedBy.isBlank()) {
            FacesMessages.error("pickup:collected-by", new DomainException("casework.pickup.name.required"));
            return;
        }
        try {
            ResidentIdNumber.parse(idNumber, clock);
        } catch (DomainException e) {
            FacesMessages.error("pickup:id-number", e);
            return;
        }
        PrimeFaces.current().ajax().addCallbackParam("checked", true);
    }

    public void recordPickup() {
        IssuanceService.PickupCommand command = new IssuanceService.PickupCommand(
                collectedBy, idNumber, "AGENT".equals(collector) ? authorisation : null);
        act(() -> issuance.recordPickup(caseBacking.getReference(), command), "issuance.picked.up", PICKUP_FIELDS);
    }

    /** The post delivered the result: the case is completed. */
    public void confirmDelivery() {
        act(() -> issuance.confirmDelivery(caseBacking.getReference()), "issuance.delivered", Map.of());
    }

    /** Runs an act; a refusal beside its field (or above the card), success said at the top and the case read again. */
    private void act(Supplier<JsonObject> action, String done, Map<String, String> fields) {
        try {
            view = action.get();
        } catch (DomainException e) {
            FacesMessages.error(fieldOf(e, fields), e);
            return;
        }
        FacesMessages.infoOf("k", done);
        caseBacking.reload();
        reviewBacking.reloadTask();
    }

    private static String fieldOf(DomainException e, Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(field -> e.key().startsWith(field.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    // --- what the card shows -------------------------------------------------------------------------------

    /** The decision letter's number once issued, else null. */
    public String getLetterNumber() {
        JsonObject letter = object(getView(), "decisionLetter");
        return letter == null ? null : letter.getString("documentNumber");
    }

    /** The letter's title as it prints: 准予行政许可决定书, 准予给付决定书, 审批决定书… */
    public String getLetterTitle() {
        return caseBacking.getDecision() == null
                ? null
                : CaseNotices.decisionLetterTitle(
                        caseBacking.getWording(), caseBacking.getDecision().approved());
    }

    /** The address that prints the decision letter under the staff session. */
    public String getLetterUrl() {
        return noticeUrl("decision");
    }

    /** The printed licence (打印证照) once the licence record exists; null without one. */
    public String getLicenceUrl() {
        return getLicence() == null ? null : noticeUrl("licence");
    }

    private String noticeUrl(String kind) {
        return CaseNoticeLink.of(
                jakarta.faces.context.FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequestContextPath(),
                caseBacking.getReference(),
                kind,
                null);
    }

    /** The licence issued with an approval, as the e-licence library will read it; null when none. */
    public JsonObject getLicence() {
        return object(getView(), "licence");
    }

    /** Where the result waits (a service point's name) or its tracking number; null before the delivery. */
    public JsonObject getDelivery() {
        return object(getView(), "delivery");
    }

    /** The service points of the county where the result may wait, for the picker. */
    public List<ServicePointChoice> getServicePoints() {
        if (servicePoints == null) {
            servicePoints = issuance.servicePoints();
        }
        return servicePoints;
    }

    public boolean isDeliverable() {
        return "DECIDED_APPROVED".equals(caseBacking.getState()) || "DECIDED_REJECTED".equals(caseBacking.getState());
    }

    public boolean isAwaitingPickup() {
        return "AWAITING_PICKUP".equals(caseBacking.getState());
    }

    public boolean isPosted() {
        return "POSTED".equals(caseBacking.getState());
    }

    public boolean isPost() {
        return post();
    }

    private boolean post() {
        return "POST".equals(mode);
    }

    private static JsonObject object(JsonObject json, String key) {
        if (json == null) {
            return null;
        }
        JsonValue value = json.get(key);
        return value == null || value.getValueType() != JsonValue.ValueType.OBJECT ? null : value.asJsonObject();
    }

    // --- the fields ----------------------------------------------------------------------------------------

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getServicePointId() {
        return servicePointId;
    }

    public void setServicePointId(String servicePointId) {
        this.servicePointId = servicePointId;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    public String getCollector() {
        return collector;
    }

    public void setCollector(String collector) {
        this.collector = collector;
    }

    /** Who collects; for the applicant in person, the applicant's name unless the clerk typed another. */
    public String getCollectedBy() {
        if (collectedBy == null && "APPLICANT".equals(collector) && caseBacking.getApplicant() != null) {
            return caseBacking.getApplicant().name();
        }
        return collectedBy;
    }

    public void setCollectedBy(String collectedBy) {
        this.collectedBy = collectedBy;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getAuthorisation() {
        return authorisation;
    }

    public void setAuthorisation(String authorisation) {
        this.authorisation = authorisation;
    }
}
