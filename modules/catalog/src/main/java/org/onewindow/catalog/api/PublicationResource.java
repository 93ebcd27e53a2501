package org.onewindow.catalog.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalog.application.PublicationService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;

/** Publications of standard versions running or run in the background (发布任务), for the standards team. */
@Path("catalog/publications")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "公共服务事项目录 / the service catalog")
public class PublicationResource {

    @Inject
    PublicationService publications;

    @GET
    @Operation(summary = "The latest publications, newest first, of one item or all (standards editors)")
    public JsonArray recent(@QueryParam("item") @DefaultValue("") String itemCode) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        publications.recent(itemCode.strip()).forEach(p -> list.add(CatalogViews.publication(p)));
        return list.build();
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "One publication: state (QUEUED, RUNNING, SUCCEEDED, FAILED), progress by county, figures",
            description = "A FAILED publication changed nothing; error and message say why.")
    public JsonObject find(@PathParam("id") String id) {
        return CatalogViews.publication(publications.find(parse(id)));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("catalog.publication.not.found", id);
        }
    }
}
