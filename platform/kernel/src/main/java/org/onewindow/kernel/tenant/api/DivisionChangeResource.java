package org.onewindow.kernel.tenant.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.tenant.application.DivisionChangeService;
import org.onewindow.kernel.web.Page;

/**
 * Division changes (区划调整) waiting for confirmation over REST (docs/adr/0014, 0025): a village merge and an applied
 * yearly division list can be reverted until an administrator confirms them. County administrators see their county's, town administrators their town's; a change
 * outside the caller's scope is 404.
 */
@Path("division-changes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants", description = "行政区划租户树 / the tenant tree")
public class DivisionChangeResource {

    @Inject
    DivisionChangeService changes;

    @GET
    @Operation(
            operationId = "pendingDivisionChanges",
            summary = "The division changes of the caller's scope that wait for confirmation, oldest first",
            description = "kind MERGED (a village merge: formerCode merged into successorCode) or LIST (a yearly"
                    + " division list applied to formerCode, the scope; divisionsChanged counts the divisions it"
                    + " changed or added; staffMoved and servicePointsMoved those of its re-coded villages).")
    public List<DivisionChangeService.PendingChange> pending(
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("50") int size) {
        Page page = new Page(first, size);
        return changes.pending(page.first(), page.size());
    }

    @POST
    @Path("{id}/revert")
    @Operation(
            operationId = "revertDivisionChange",
            summary = "Revert a division change not yet confirmed (county or town administrators)",
            description = "A merge: the retired village is back in the tree; the staff (sessions end), service"
                    + " points under their former names, windows, closures, departments, settings, catalog overrides"
                    + " and open cases (case numbers unchanged) that moved with the change go back. A yearly list:"
                    + " every division it changed gets its name, level, parent and retirement back, its re-coded"
                    + " villages are reverted as merges are, and the divisions it added are retired. 204; 404"
                    + " tenant.change.not.found outside the caller's scope; 409 tenant.change.confirmed,"
                    + " tenant.change.reverted (tenant.list.change.confirmed, tenant.list.change.reverted for a list),"
                    + " tenant.change.successor.retired; nothing changes on any refusal.")
    public Response revert(@PathParam("id") String id) {
        changes.revert(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/confirm")
    @Operation(
            operationId = "confirmDivisionChange",
            summary = "Confirm a division change: final, it can no longer be reverted (county or town administrators)",
            description = "204; 404 tenant.change.not.found outside the caller's scope; 409 tenant.change.confirmed or"
                    + " tenant.change.reverted for a change already decided.")
    public Response confirm(@PathParam("id") String id) {
        changes.confirm(id);
        return Response.noContent().build();
    }
}
