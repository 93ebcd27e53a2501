package org.onewindow.casework.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.casework.application.ApplicantIdentityService;
import org.onewindow.casework.application.CaseDocumentsService;
import org.onewindow.casework.application.CaseQueryService;
import org.onewindow.casework.application.IntakeCommand;
import org.onewindow.casework.application.IntakeService;
import org.onewindow.casework.domain.Pause;
import org.onewindow.kernel.audit.domain.CanonicalJson;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.text.MultiLine;
import org.onewindow.kernel.web.FileAnswer;

/**
 * Cases at the front window over REST (前台综合受理): intake with an {@code Idempotency-Key}, the case by number
 * (applicant masked), supplements received, refusal to accept. Tenant-scoped like every staff API: a case outside the
 * caller's scope answers 404 exactly like an unknown one.
 */
@Path("cases")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "办件 / cases: intake, correction notices, acceptance")
public class CaseResource {

    /** Tells a client that the answer is the stored one of an earlier request with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    CaseDocumentsService documents;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    IntakeService intake;

    @Inject
    CaseQueryService queries;

    @Inject
    ApplicantIdentityService identities;

    /** Supplements received at the window: the marks of the materials brought. */
    public record SupplementsBody(
            @NotNull(message = "{casework.supplements.materials.required}")
            @Schema(
                    required = true,
                    type = SchemaType.OBJECT,
                    additionalProperties = IntakeCommand.MarkInput.class,
                    description = "The mark per material code of the materials brought")
            Map<String, IntakeCommand.MarkInput> materials) {}

    /** A refusal to accept (不予受理): the reason told to the applicant and the legal basis. */
    public record RefusalBody(
            @NotBlank(message = "{casework.refusal.reason.required}")
            @Schema(required = true, maxLength = Pause.REASON_MAX_LENGTH, example = "申请人户籍不在本县")
            @MultiLine
            String reason,

            @NotBlank(message = "{casework.refusal.basis.required}")
            @Schema(required = true, maxLength = 200, example = "《社会救助暂行办法》第十一条")
            String legalBasis) {}

    /** A withdrawal (撤回): why the applicant withdraws, as they told the window. */
    public record WithdrawalBody(
            @NotBlank(message = "{casework.withdrawal.reason.required}")
            @Schema(required = true, maxLength = Pause.REASON_MAX_LENGTH, example = "申请人已外出务工，不再申请")
            @MultiLine
            String reason) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "takeInCase",
            summary = "Take an application in at the window (收件/受理; clerks and window leads)",
            description = "Body: {itemCode, applicant: {kind: PERSON|ORGANISATION, name, idNumber | uscc,"
                    + " legalRepresentative, usccOverrideReason}, agent: {name, idNumber, authorisation} | null,"
                    + " materials: {code: {kind: PAPER_SEEN|SCANNED_UPLOAD|GOVERNMENT_DATA|NOT_CONFORMING, note}},"
                    + " form: {fieldCode: answer} (the item's application form 申请表, required when it has one),"
                    + " servicePointId, windowId (受理窗口, both optional: by default the caller's only point and"
                    + " intake window; 400 casework.intake.point.not.yours for a point not the caller's, another"
                    + " tenant's included, casework.intake.window.not.intake for a window that is not an intake window"
                    + " of that point, e.g. its issuance window; 409 casework.intake.point.closed.named on a day the"
                    + " point is closed, naming the closure)}. The answer's intakeWindow {servicePointId,"
                    + " servicePoint, windowId, window} says where it was taken in (null: unknown)."
                    + " A form with wrong answers: 400 catalog.form.answers.refused with errors[] naming each field"
                    + " (field: members[0].idNumber, error, message), nothing stored."
                    + " Every mandatory material there: 201, state ACCEPTED with caseNumber, checkCode (shown only"
                    + " here), promisedDueDate and statutoryDueDate. Anything missing: 201, state AWAITING_SUPPLEMENTS"
                    + " with ONE correctionNotice listing all of it (补正通知, §32), no number. The item must be offered"
                    + " at the caller's tenant and taken in at its tier (400 otherwise). The same Idempotency-Key with"
                    + " the same body answers the same again (header Idempotent-Replayed: true) and takes nothing in;"
                    + " with another body 422.")
    public Response takeIn(
            @Parameter(description = "1-100 printable ASCII characters, unique per application and tenant")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @NotNull(message = "{request.body.required}") @Valid IntakeCommand body) {
        IntakeService.IntakeAnswer answer = intake.takeIn(idempotencyKey, requestHash(body), body);
        JsonObject view = answer.body();
        Response.ResponseBuilder response =
                Response.created(URI.create("cases/" + reference(view))).entity(view);
        if (answer.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("{caseNumber}")
    @Operation(
            operationId = "getCase",
            summary = "One case in the caller's scope (办件详情), applicant and form answers masked",
            description = "caseNumber: the case number (370321-20261130-000001), or the case id while the case waits"
                    + " for supplements and has none. files: the scans uploaded for its materials, oldest first, each"
                    + " {id, materialCode, fileName, contentType, sizeBytes, sha256, uploadedAt, uploadedBy,"
                    + " uploadedPlace}, never the content (GET …/materials/{materialCode}/files/{id} shows one). 404"
                    + " alike for an unknown case and one outside the caller's scope.")
    public JsonObject get(@PathParam("caseNumber") String caseNumber) {
        return queries.caseView(caseNumber);
    }

    @GET
    @Path("{caseNumber}/applicant-id")
    @Operation(
            operationId = "revealApplicantIdNumber",
            summary = "The applicant's full ID number, for the reviewer deciding the case (reviewers; audited)",
            description = "Answer: {caseNumber, applicantName, idNumber}. Every call is an entry in the audit chain"
                    + " (casework.applicant.id.revealed: the case and who looked, never the number); the answer is"
                    + " never cached. 403 for any other role; 404 alike for an unknown case and one outside the"
                    + " caller's scope; 404 casework.applicant.id.none for an organisation (its credit code is in GET"
                    + " case already). Everywhere else the number is masked (docs/adr/0021).")
    public Response revealApplicantIdNumber(@PathParam("caseNumber") String caseNumber) {
        return Response.ok(identities.revealIdNumber(caseNumber))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("{caseNumber}/receipt.pdf")
    @Produces("application/pdf")
    @Operation(
            operationId = "printAcceptanceReceipt",
            summary = "The acceptance receipt (受理通知书) of an accepted case, as PDF with the progress QR code",
            description = "code: the case's check code from the intake answer (the product keeps only its hash)."
                    + " 404 alike for an unknown case, one outside the caller's scope, one not accepted and a wrong"
                    + " code.")
    public Response acceptanceReceipt(@PathParam("caseNumber") String caseNumber, @QueryParam("code") String code) {
        return pdf(documents.acceptanceReceipt(caseNumber, code), "receipt-" + caseNumber);
    }

    /** A PDF shown in the browser, its file name {@code name}.pdf made safe by the kernel's {@link FileAnswer}. */
    static Response pdf(byte[] pdf, String name) {
        return FileAnswer.pdf(name).response(pdf).build();
    }

    @GET
    @Path("{caseNumber}/correction-notice.pdf")
    @Produces("application/pdf")
    @Operation(
            operationId = "printCorrectionNotice",
            summary = "The correction notice (补正通知书) in force, as PDF: everything to supply at once (§32)",
            description = "caseNumber: the case id while the case waits for supplements (it has no number yet), or"
                    + " its number. 404 alike for an unknown case, one outside the caller's scope and one without a"
                    + " correction notice.")
    public Response correctionNotice(@PathParam("caseNumber") String caseNumber) {
        return pdf(documents.correctionNotice(caseNumber), "correction-notice-" + caseNumber);
    }

    @GET
    @Path("{caseNumber}/refusal-notice.pdf")
    @Produces("application/pdf")
    @Operation(
            operationId = "printRefusalNotice",
            summary = "The refusal notice (不予受理通知书) of a refused case, as PDF, with the reason and legal basis",
            description = "caseNumber: the case id or number. 404 alike for an unknown case, one outside the caller's"
                    + " scope and one not refused.")
    public Response refusalNotice(@PathParam("caseNumber") String caseNumber) {
        return pdf(documents.refusalNotice(caseNumber), "refusal-notice-" + caseNumber);
    }

    @POST
    @Path("{caseNumber}/supplements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "receiveCaseSupplements",
            summary = "Supplements received for a correction notice (补正材料; clerks and window leads)",
            description = "Body: {materials: {code: {kind, note}}}, added to the earlier marks. Complete: accepted"
                    + " (caseNumber, checkCode shown only here, due dates); still incomplete: the notice again, which"
                    + " may only repeat what the first asked for. 409 when the case is not waiting for supplements.")
    public JsonObject supplements(
            @PathParam("caseNumber") String caseNumber,
            @NotNull(message = "{request.body.required}") @Valid SupplementsBody body) {
        return intake.receiveSupplements(caseNumber, body.materials());
    }

    @POST
    @Path("{caseNumber}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "refuseCase",
            summary = "Refuse to accept an application (不予受理; clerks and window leads)",
            description = "Body: {reason, legalBasis}, both required and printed on the refusal notice. 409 for a"
                    + " case already accepted or refused.")
    public JsonObject refuse(
            @PathParam("caseNumber") String caseNumber,
            @NotNull(message = "{request.body.required}") @Valid RefusalBody body) {
        return intake.refuse(caseNumber, body.reason(), body.legalBasis());
    }

    @POST
    @Path("{caseNumber}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "withdrawCase",
            summary = "The applicant withdraws the application (撤回; clerks and window leads)",
            description = "Body: {reason}, required. Before a decision only: an open pause ends, the clock stops"
                    + " today, the case's process ends and its open review tasks leave every queue (acting on one"
                    + " answers 409 casework.task.closed). 409 casework.case.transition for a case decided, refused,"
                    + " completed or withdrawn; 404 alike for an unknown case and one outside the caller's scope.")
    public JsonObject withdraw(
            @PathParam("caseNumber") String caseNumber,
            @NotNull(message = "{request.body.required}") @Valid WithdrawalBody body) {
        return intake.withdraw(caseNumber, body.reason());
    }

    private static String reference(JsonObject view) {
        return view.isNull("caseNumber") ? view.getString("id") : view.getString("caseNumber");
    }

    /**
     * SHA-256 (hex) of the body in canonical JSON: the same application in another key order or spacing is the same.
     * Public for work taken in without HTTP (the demo cases), so that a REST replay of its key answers as it would.
     */
    public static String requestHash(IntakeCommand body) {
        String canonical;
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(body)))) {
            canonical = CanonicalJson.of(reader.readValue());
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
