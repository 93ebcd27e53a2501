package org.onewindow.casework.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.casework.application.IssuanceService;
import org.onewindow.casework.application.NotificationService;
import org.onewindow.kernel.error.DomainException;

/**
 * Issuance over REST (统一出件): the decision letter and the licence, how the result reaches the applicant, pickup and
 * completion, the applicant's mobile for text messages. Under {@code cases/{caseNumber}/…}, tenant-scoped like every
 * case operation: a case outside the caller's scope answers 404 exactly like an unknown one.
 */
@Path("cases")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "issuance", description = "统一出件 / issuance: decision letter, licence, delivery, pickup")
public class IssuanceResource {

    @Inject
    IssuanceService issuance;

    @Inject
    NotificationService notifications;

    /** The licence's validity (有效期), ISO dates; both optional: from today, without end. */
    public record IssueBody(
            @Schema(maxLength = 10, format = "date") String licenceValidFrom,
            @Schema(maxLength = 10, format = "date") String licenceValidTo) {}

    /** The applicant's mobile for text messages about the case. */
    public record ContactBody(@Schema(maxLength = 20) String mobile) {}

    @POST
    @Path("{caseNumber}/issuance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueCaseResult",
            summary = "Issue the result of a decided case (出件; clerks, window leads, reviewers)",
            description = "Body (optional): {licenceValidFrom: 2026-12-01, licenceValidTo: 2031-11-30 | null}. Numbers"
                    + " the decision letter in the county's series of the year (370321准许〔2026〕000001号 /"
                    + " 370321不许〔2026〕000001号) and, for an approved item whose result is a licence, records the"
                    + " licence (370321-2026-000001) with holder and validity. Again: the same answer, nothing new."
                    + " 409 casework.issuance.undecided before a decision; 400 casework.licence.validity.")
    public JsonObject issue(@PathParam("caseNumber") String caseNumber, IssueBody body) {
        IssueBody given = body == null ? new IssueBody(null, null) : body;
        return issuance.issue(caseNumber, date(given.licenceValidFrom()), date(given.licenceValidTo()));
    }

    @GET
    @Path("{caseNumber}/issuance")
    @Operation(
            operationId = "getCaseIssuance",
            summary = "What was issued for a case, how it is delivered, what the applicant was told",
            description = "{caseNumber, state, decisionLetter | null, licence | null, delivery | null, messages:"
                    + " [{kind, text, at}], textMessages: [{channel, recipient (masked), template, state, attempts}]}.")
    public JsonObject get(@PathParam("caseNumber") String caseNumber) {
        return issuance.issuance(caseNumber);
    }

    @GET
    @Path("{caseNumber}/delivery-points")
    @Operation(
            operationId = "listCaseDeliveryPoints",
            summary = "The service points where the applicant may collect the result (领取地点; clerks, window leads)",
            description = "[{id, name}], e.g. [{\"id\": \"3f1c2a4e-8b7d-4c1a-9e2f-5a6b7c8d9e01\", \"name\":"
                    + " \"华沟村便民服务站\"}]: every staffed service point of the county, by division and name (a 24-hour"
                    + " self-service room hands nothing over), as the case page offers them; an id is what POST"
                    + " …/delivery takes as servicePointId with mode SERVICE_POINT. 404 alike for an unknown case and"
                    + " one outside the caller's scope; 403 for another role.")
    public List<IssuanceService.ServicePointChoice> deliveryPoints(@PathParam("caseNumber") String caseNumber) {
        return issuance.deliveryPoints(caseNumber);
    }

    @GET
    @Path("{caseNumber}/decision.pdf")
    @Produces("application/pdf")
    @Operation(
            operationId = "printDecisionLetter",
            summary = "The decision letter (准予 / 不予行政许可决定书) as PDF, with its number",
            description = "code (optional): the case's check code from the receipt; with it the letter carries the code"
                    + " and the progress QR code, as handed to the applicant. 404 alike for an unknown case, one"
                    + " outside the caller's scope, one not issued yet and a wrong code.")
    public Response decisionLetter(@PathParam("caseNumber") String caseNumber, @QueryParam("code") String code) {
        return CaseResource.pdf(issuance.decisionLetter(caseNumber, code), "decision-" + caseNumber);
    }

    @GET
    @Path("{caseNumber}/licence.pdf")
    @Produces("application/pdf")
    @Operation(
            operationId = "printLicence",
            summary = "The licence (证照) an approved case issued, as PDF: number, holder, item, validity, issuing body",
            description = "The same scoping as the decision letter: 404 alike for an unknown case and one outside the"
                    + " caller's scope; 409 casework.licence.none (application/problem+json) for a case that has no"
                    + " licence: not issued yet, rejected, or an item whose result is no licence.")
    public Response licence(@PathParam("caseNumber") String caseNumber) {
        return CaseResource.pdf(issuance.licence(caseNumber), "licence-" + caseNumber);
    }

    @POST
    @Path("{caseNumber}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "deliverCaseResult",
            summary = "How the result reaches the applicant (领取方式; clerks and window leads)",
            description = "Body: {mode: INTAKE_WINDOW} | {mode: SERVICE_POINT, servicePointId} (a service point of"
                    + " the county) | {mode: POST, recipient, address, phone, trackingNumber} (free post). Issues the"
                    + " decision letter if not yet; the applicant is told where to collect it or the tracking number."
                    + " 400 for a wrong mode, an unknown service point or a missing field; 409 before a decision or"
                    + " once delivered.")
    public JsonObject deliver(
            @PathParam("caseNumber") String caseNumber,
            @NotNull(message = "{request.body.required}") @Valid IssuanceService.DeliveryCommand body) {
        return issuance.deliver(caseNumber, body);
    }

    @POST
    @Path("{caseNumber}/pickup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordCasePickup",
            summary = "The result collected at the window (领取), completing the case (办结; clerks and window leads)",
            description = "Body: {collectedBy, idNumber (GB 11643, kept sealed, shown masked), authorisation (required"
                    + " when not the applicant)}. 400 casework.pickup.authorisation.required for someone else without"
                    + " one, identity.resident.* for an invalid ID number; 409 unless the result waits at a window.")
    public JsonObject pickup(
            @PathParam("caseNumber") String caseNumber,
            @NotNull(message = "{request.body.required}") @Valid IssuanceService.PickupCommand body) {
        return issuance.recordPickup(caseNumber, body);
    }

    @POST
    @Path("{caseNumber}/delivery-confirmation")
    @Operation(
            operationId = "confirmCaseDelivery",
            summary = "The post delivered the result, completing the case (办结; clerks and window leads)",
            description = "No body. 409 unless the result was posted.")
    public JsonObject confirmDelivery(@PathParam("caseNumber") String caseNumber) {
        return issuance.confirmDelivery(caseNumber);
    }

    @PUT
    @Path("{caseNumber}/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordApplicantMobile",
            summary = "The applicant's mobile for text messages (clerks and window leads)",
            description = "Body: {mobile: 13812345678}. Kept sealed, answered masked (138****5678). 400"
                    + " casework.mobile.format for anything but a mainland mobile number.")
    public JsonObject contact(
            @PathParam("caseNumber") String caseNumber,
            @NotNull(message = "{request.body.required}") @Valid ContactBody body) {
        return notifications.recordContact(caseNumber, body.mobile());
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("casework.date.format", text.strip());
        }
    }
}
