package org.onewindow.catalog.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.catalog.domain.Resolution;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.web.Page;

/** The conflicts a standards update left the caller's own tenant, and their resolution (版本更新冲突处理). */
@Path("catalog/conflicts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "公共服务事项目录 / the service catalog")
public class ConflictResource {

    @Inject
    CatalogService catalog;

    @GET
    @Operation(
            operationId = "listConflicts",
            summary = "The caller's own tenant's pending conflicts (tenant and county administrators)")
    public JsonArray list(
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        JsonArrayBuilder conflicts = Json.createArrayBuilder();
        new Page(first, size)
                .of(catalog.conflicts())
                .forEach(conflict -> conflicts.add(CatalogViews.conflict(conflict)));
        return conflicts.build();
    }

    @POST
    @Path("{itemCode}/{element}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Resolve one conflict (tenant and county administrators)",
            description = "Body: {\"resolution\": \"KEEP_LOCAL\" | \"TAKE_STANDARD\" | \"EDIT\", \"value\": ...};"
                    + " value only with EDIT. Answers with the item as the tenant now offers it.")
    public JsonObject resolve(
            @PathParam("itemCode") String itemCode,
            @PathParam("element") String element,
            @NotNull(message = "{request.body.required}") JsonObject body) {
        String chosen = body.get("resolution") instanceof JsonString s ? s.getString() : "";
        Resolution resolution = switch (chosen) {
            case "KEEP_LOCAL" -> Resolution.keepLocal();
            case "TAKE_STANDARD" -> Resolution.takeStandard();
            case "EDIT" -> {
                if (!body.containsKey("value")) {
                    throw new DomainException("catalog.resolution.value.required");
                }
                yield Resolution.edit(body.get("value"));
            }
            default -> throw new DomainException("catalog.resolution.unknown", chosen);
        };
        return CatalogViews.item(catalog.resolve(itemCode, element, resolution));
    }
}
