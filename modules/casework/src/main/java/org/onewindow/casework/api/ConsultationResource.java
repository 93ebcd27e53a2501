package org.onewindow.casework.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.casework.application.IntakeService;
import org.onewindow.casework.domain.Consultation;
import org.onewindow.kernel.text.MultiLine;

/** Consultations at a window (咨询), recorded under first-inquiry responsibility (首问负责制). */
@Path("consultations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "办件 / cases: intake, correction notices, acceptance")
public class ConsultationResource {

    @Inject
    IntakeService intake;

    /**
     * A consultation.
     *
     * @param question what was asked (1–500 characters)
     * @param answer the answer or guidance given (≤ 2000 characters), optional
     * @param itemCode the item it was about, optional
     * @param applicantContact the applicant's phone or other contact (≤ 50 characters), optional
     */
    public record ConsultationBody(
            @Schema(maxLength = Consultation.QUESTION_MAX_LENGTH) @MultiLine
            String question,

            @Schema(maxLength = Consultation.ANSWER_MAX_LENGTH) @MultiLine
            String answer,

            @Schema(maxLength = 32) String itemCode,

            @Schema(maxLength = Consultation.CONTACT_MAX_LENGTH)
            String applicantContact) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "recordConsultation",
            summary = "Record a consultation at the window (咨询登记, 首问负责; clerks and window leads)",
            description = "Body: {question, answer, itemCode, applicantContact}; the caller is recorded as the"
                    + " staff member who answered first. 201 with the record.")
    public Response record(@NotNull(message = "{request.body.required}") @Valid ConsultationBody body) {
        JsonObject recorded = intake.consult(body.question(), body.answer(), body.itemCode(), body.applicantContact());
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }
}
