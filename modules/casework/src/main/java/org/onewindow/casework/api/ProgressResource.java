package org.onewindow.casework.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.casework.application.CaseQueryService;
import org.onewindow.casework.application.ClientAddress;
import org.onewindow.kernel.web.FileAnswer;

/**
 * The public progress lookup (进度查询) and the decision letter (决定书) it leads to: case number and check code from the
 * receipt, no login.
 */
@Path("progress")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "progress", description = "进度查询 / progress lookup (public)")
public class ProgressResource {

    @Inject
    CaseQueryService queries;

    @Inject
    ClientAddress clients;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{caseNumber}")
    @SecurityRequirementsSet
    @Operation(
            operationId = "getCaseProgress",
            summary = "The progress of a case by the receipt (进度查询; public, no token)",
            description = "code: the check code printed on the receipt. Answers the stage and the dates (accepted,"
                    + " promised completion, decided, completed), the decision as the item words it (itemWording"
                    + " LICENCE | BENEFIT | GENERAL, decisionApproved, decisionWording: 准予许可, 准予给付, 已批准…; null"
                    + " before a decision) and nothing personal. A wrong code answers 404"
                    + " exactly like an unknown number; after 20 wrong codes from one client within 15 minutes (or 100"
                    + " within 24 hours), that client gets 429 with Retry-After. Others' wrong codes never hold up the"
                    + " holder of the receipt.")
    public JsonObject progress(@PathParam("caseNumber") String caseNumber, @QueryParam("code") String code) {
        return queries.progress(caseNumber, code, clients.of(request));
    }

    @GET
    @Path("{caseNumber}/decision.pdf")
    @Produces("application/pdf")
    @SecurityRequirementsSet
    @Operation(
            operationId = "getDecisionLetterByReceipt",
            summary = "The decision letter (决定书) of a case by the receipt, as PDF (public, no token)",
            description = "code: the check code printed on the receipt. The letter as the window hands it over: its"
                    + " document number, the decision, the case number, the check code and the progress QR code. A"
                    + " wrong code answers 404 exactly like an unknown number and counts against the same throttle as"
                    + " the progress lookup (429 with Retry-After); the right code of a case whose letter is not"
                    + " issued yet answers 404 casework.progress.letter.not.issued.")
    public Response decisionLetter(@PathParam("caseNumber") String caseNumber, @QueryParam("code") String code) {
        byte[] pdf = queries.decisionLetter(caseNumber, code, clients.of(request));
        return FileAnswer.pdf("decision-" + caseNumber)
                .response(pdf)
                // The applicant's letter: kept in no shared cache.
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
