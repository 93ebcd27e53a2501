package org.onewindow.casework.api;

import jakarta.enterprise.context.RequestScoped;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.casework.application.CaseQueryService;

/** The public progress lookup (进度查询): case number and check code from the receipt, no login. */
@Path("progress")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "progress", description = "进度查询 / progress lookup (public)")
public class ProgressResource {

    @Inject
    CaseQueryService queries;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{caseNumber}")
    @SecurityRequirementsSet
    @Operation(
            operationId = "getCaseProgress",
            summary = "The progress of a case by the receipt (进度查询; public, no token)",
            description = "code: the check code printed on the receipt. Answers the stage and the dates (accepted,"
                    + " promised completion, decided, completed) and nothing personal. A wrong code answers 404"
                    + " exactly like an unknown number; after 5 wrong codes for a number (or 20 from a client) within"
                    + " 15 minutes, 429 with Retry-After.")
    public JsonObject progress(@PathParam("caseNumber") String caseNumber, @QueryParam("code") String code) {
        return queries.progress(caseNumber, code, request.getRemoteAddr());
    }
}
