package org.onewindow.casework.application;

import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onewindow.casework.domain.Pause;
import org.onewindow.kernel.text.MultiLine;

/**
 * An application taken in at a window (收件): the body of {@code POST /api/v1/cases}. Its constraints declare at the door
 * what {@link IntakeService} and the domain refuse with the same keys (docs/adr/0026); what depends on another field
 * (a person's ID number or an organisation's code by {@code kind}) or names a value (a material's mark) stays there.
 *
 * @param itemCode the item, e.g. {@code MZ-0001}; it must be offered at the clerk's tenant and taken in at its tier
 * @param applicant who applies
 * @param agent who acts for the applicant (代办人); {@code null} when the applicant came in person
 * @param materials the clerk's mark per material code; a mandatory material without a mark is missing
 * @param form the answers of the item's application form (申请表) by field code, a table as a list of row objects,
 *     e.g. {@code {"householdSize": 1, "members": [{"name": "王秀兰", "idNumber": "370321195803121012", ...}]}};
 *     required when the item has a form (except to refuse at intake), refused when it has none
 * @param servicePointId the service point taking it in (受理窗口's point), one of the caller's; optional: without it,
 *     the caller's only point (the caller's windows', or the halls of the caller's division for a clerk without one)
 * @param windowId the intake window (受理) of that point; optional: without it, the point's only intake window of the
 *     caller's
 */
public record IntakeCommand(
        @NotBlank(message = "{casework.intake.item.required}")
        @Schema(required = true, maxLength = 32, example = "MZ-0001")
        String itemCode,

        @NotNull(message = "{casework.applicant.required}") @Valid @Schema(required = true)
        ApplicantInput applicant,

        @Valid AgentInput agent,

        @Schema(
                type = SchemaType.OBJECT,
                additionalProperties = MarkInput.class,
                description = "The clerk's mark per material code, e.g. {\"ID_CARD\": {\"kind\": \"PAPER_SEEN\"}}")
        Map<String, MarkInput> materials,

        @Schema(
                type = SchemaType.OBJECT,
                description = "The answers of the item's application form by field code (see the item's"
                        + " applicationForm element); a table is a list of row objects, an organisation"
                        + " {name, uscc}, a date 2026-12-01, money a number with at most two decimals")
        JsonObject form,

        @Schema(maxLength = 36, example = "3f1c2a4e-8b7d-4c1a-9e2f-5a6b7c8d9e01")
        String servicePointId,

        @Schema(maxLength = 36, example = "7d2e9b10-4f3a-4b8c-a1d2-0e9f8a7b6c05")
        String windowId) {

    /**
     * The applicant (申请人).
     *
     * @param kind {@code PERSON} (自然人) or {@code ORGANISATION} (法人或其他组织)
     * @param name the person's or organisation's name
     * @param idNumber a person's resident ID number (GB 11643, 18 characters)
     * @param uscc an organisation's unified social credit code (GB 32100, 18 characters)
     * @param legalRepresentative an organisation's legal representative (法定代表人)
     * @param usccOverrideReason why a USCC whose check character fails is accepted (early pilot codes); only a window
     *     lead may give one, and it is recorded with the case
     * @param mobile the applicant's mobile for text messages about the case (optional; kept sealed, shown masked)
     */
    public record ApplicantInput(
            @Schema(maxLength = 12) String kind,

            @NotBlank(message = "{casework.applicant.name.required}") @Schema(required = true, maxLength = 100)
            String name,

            @Schema(maxLength = 40) String idNumber,
            @Schema(maxLength = 40) String uscc,
            @Schema(maxLength = 100) String legalRepresentative,

            @Schema(maxLength = Pause.REASON_MAX_LENGTH) @MultiLine
            String usccOverrideReason,

            @Schema(maxLength = 20) String mobile) {}

    /**
     * The agent (代办人).
     *
     * @param name the agent's name
     * @param idNumber the agent's resident ID number
     * @param authorisation the recorded authorisation (委托书): its number or the upload's reference
     */
    public record AgentInput(
            @NotBlank(message = "{casework.agent.name.required}") @Schema(required = true, maxLength = 100)
            String name,

            @Schema(required = true, maxLength = 40) String idNumber,

            @NotBlank(message = "{casework.agent.authorisation.required}") @Schema(required = true, maxLength = 200)
            String authorisation) {}

    /**
     * The clerk's mark on one material.
     *
     * @param kind {@code PAPER_SEEN}, {@code SCANNED_UPLOAD}, {@code GOVERNMENT_DATA} or {@code NOT_CONFORMING}
     * @param note the upload's or licence's reference; for {@code NOT_CONFORMING} what is wrong (required)
     */
    public record MarkInput(
            @Schema(maxLength = 20) String kind,

            @Schema(maxLength = Pause.REASON_MAX_LENGTH) @MultiLine
            String note) {}
}
