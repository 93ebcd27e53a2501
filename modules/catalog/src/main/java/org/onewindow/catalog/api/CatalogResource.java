package org.onewindow.catalog.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalog.application.CatalogFilter;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.catalog.application.ItemProcess;
import org.onewindow.catalog.application.PublicCatalogService;
import org.onewindow.catalog.application.PublicationService;
import org.onewindow.catalog.application.StandardsService;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.web.Page;
import org.onewindow.process.api.ProcessTemplateResource;

/**
 * The catalog over REST: the public reads (no token), a tenant administrator's own override, and the standards
 * team's drafts, impact previews and publications.
 */
@Path("catalog/items")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog", description = "公共服务事项目录 / the service catalog")
public class CatalogResource {

    @Inject
    PublicCatalogService publicCatalog;

    @Inject
    CatalogService catalog;

    @Inject
    StandardsService standards;

    @Inject
    PublicationService publications;

    @GET
    @Operation(
            operationId = "searchItems",
            summary = "The items a tenant offers (public, no token)",
            description = "tenant: a 12-digit division code (a logged-in caller may leave it out for their own);"
                    + " q: words separated by spaces, all of which must occur in the item code, name, aliases, material names"
                    + " or licence name (width, case, spaces and punctuation ignored); theme, lifeEvent, serviceObject"
                    + " (NATURAL_PERSON, LEGAL_PERSON)"
                    + " filter. Items the tenant does not offer are left out.")
    public JsonArray search(
            @QueryParam("tenant") String tenant,
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("theme") @DefaultValue("") String theme,
            @QueryParam("lifeEvent") @DefaultValue("") String lifeEvent,
            @QueryParam(ItemElements.SERVICE_OBJECT) @DefaultValue("") String serviceObject,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        new Page(first, size)
                .of(publicCatalog.items(tenant, new CatalogFilter(q, theme, lifeEvent, serviceObject)))
                .forEach(item -> items.add(CatalogViews.summary(item)));
        return items.build();
    }

    @GET
    @Path("{itemCode}")
    @Operation(
            summary = "One item as a tenant offers it (public, no token)",
            description = "The effective elements, the source of each (STANDARD, COUNTY, TOWN, VILLAGE) and the"
                    + " version of the tenant's own override (null when it has none).")
    public JsonObject item(@PathParam("itemCode") String itemCode, @QueryParam("tenant") String tenant) {
        return CatalogViews.item(publicCatalog.item(tenant, itemCode));
    }

    @GET
    @Path("{itemCode}/process")
    @Operation(
            summary = "How a case of the item runs at a tenant (public, no token)",
            description = "The process template in force there (the tenant's own, its town's, its county's or the"
                    + " standard), and the groups that get its steps: the intake window and the reviewers in order.")
    public JsonObject process(@PathParam("itemCode") String itemCode, @QueryParam("tenant") String tenant) {
        ItemProcess process = publicCatalog.process(tenant, itemCode);
        JsonArrayBuilder reviewers = Json.createArrayBuilder();
        process.plan().reviewGroups().forEach(reviewers::add);
        return Json.createObjectBuilder()
                .add("template", ProcessTemplateResource.view(process.template()))
                .add("windowGroup", process.plan().windowGroup())
                .add("reviewGroups", reviewers)
                .build();
    }

    @POST
    @Path("{itemCode}/process/trial")
    @Operation(
            operationId = "trialItemProcess",
            summary = "Dry-run a case of the item at a tenant (staff; nothing is kept)",
            description = "refuseInRound: the round (1-based) in which the reviewers refuse; 0 or left out when all"
                    + " approve. Answers with the open tasks round by round.")
    public JsonObject trial(
            @PathParam("itemCode") String itemCode,
            @QueryParam("tenant") String tenant,
            @QueryParam("refuseInRound") @DefaultValue("0") int refuseInRound) {
        return ProcessTemplateResource.view(publicCatalog.trial(tenant, itemCode, refuseInRound));
    }

    @PUT
    @Path("{itemCode}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set or replace the caller's own tenant's override of an item (tenant and county administrators)",
            description = "Body: {\"patch\": {element: value, ...}, \"version\": n}. The patch is a JSON Merge Patch"
                    + " of the elements a tier may change (promisedLimitDays, localWindow, localServicePoint,"
                    + " localNotes, guidance, extraMaterials, offered, feeReductions, extraFormFields: optional"
                    + " fields added after the application form's, never changing its own) and replaces the whole"
                    + " override; {} removes it. version is the overrideVersion last read, left out (or null) when"
                    + " the tenant has no override yet; a stale one is refused with 409. Answers with the item as"
                    + " the tenant now offers it.")
    public JsonObject override(
            @PathParam("itemCode") String itemCode, @NotNull(message = "{request.body.required}") JsonObject body) {
        if (!(body.get("patch") instanceof JsonObject patch)) {
            throw new DomainException("catalog.override.patch.required");
        }
        Integer version = body.get("version") instanceof JsonNumber number ? number.intValue() : null;
        if (body.containsKey("version")
                && version == null
                && body.get("version").getValueType() != JsonValue.ValueType.NULL) {
            throw new DomainException("catalog.override.version.invalid");
        }
        return CatalogViews.item(catalog.setOverride(itemCode, patch, version));
    }

    @POST
    @Path("{itemCode}/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start the next version of an item as a draft (standards editors)",
            description = "Body: all the item's elements, in the shape of the standard catalog; its code element"
                    + " must be the item code. One draft per item at a time. An applicationForm element"
                    + " ({name, fields: [{code, label, type, required, ...}]}, types text, textarea, integer, decimal,"
                    + " money, date, select, phone, address, residentId, organisation, table) is checked whole: 400"
                    + " catalog.form.invalid with errors[] naming each rule broken (field:"
                    + " applicationForm.fields[1].options).")
    public Response createDraft(
            @PathParam("itemCode") String itemCode, @NotNull(message = "{request.body.required}") JsonObject elements) {
        ItemVersion draft = standards.createDraft(itemCode, elements);
        return Response.status(Response.Status.CREATED)
                .entity(CatalogViews.draft(standards.draft(itemCode, draft.number())))
                .build();
    }

    @GET
    @Path("{itemCode}/drafts/{version}/impact")
    @Operation(
            summary = "What publishing a draft would do (standards editors)",
            description = "The tenants whose effective item changes and those that would get conflicts, with"
                    + " their names and counts. Nothing is changed.")
    public JsonObject impact(@PathParam("itemCode") String itemCode, @PathParam("version") int version) {
        return CatalogViews.impact(standards.impact(itemCode, version));
    }

    @GET
    @Path("{itemCode}/drafts/{version}")
    @Operation(operationId = "itemDraft", summary = "An open draft with its lock version (standards editors)")
    public JsonObject draft(@PathParam("itemCode") String itemCode, @PathParam("version") int version) {
        return CatalogViews.draft(standards.draft(itemCode, version));
    }

    @PUT
    @Path("{itemCode}/drafts/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace the elements of an open draft (standards editors)",
            description = "Body: {\"elements\": {...}, \"lockVersion\": n}, lockVersion as last read. When another"
                    + " editor saved in between, 409 and nothing changes.")
    public JsonObject editDraft(
            @PathParam("itemCode") String itemCode,
            @PathParam("version") int version,
            @NotNull(message = "{request.body.required}") JsonObject body) {
        if (!(body.get("lockVersion") instanceof JsonNumber lock)) {
            throw new DomainException("catalog.draft.lock.required");
        }
        JsonObject elements = body.get("elements") instanceof JsonObject object ? object : null;
        return CatalogViews.draft(standards.editDraft(itemCode, version, elements, lock.intValue()));
    }

    @DELETE
    @Path("{itemCode}/drafts/{version}")
    @Operation(
            operationId = "discardItemDraft",
            summary = "Discard an open draft (standards editors)",
            description = "lockVersion: as last read; a draft changed since is not discarded (409).")
    public Response discardDraft(
            @PathParam("itemCode") String itemCode,
            @PathParam("version") int version,
            @QueryParam("lockVersion") Integer lockVersion) {
        if (lockVersion == null) {
            throw new DomainException("catalog.draft.lock.required");
        }
        standards.discardDraft(itemCode, version, lockVersion);
        return Response.noContent().build();
    }

    @POST
    @Path("{itemCode}/drafts/{version}/publish")
    @Operation(
            operationId = "publishItemDraft",
            summary = "Publish a draft in the background (standards editors)",
            description = "Queues the publication and answers 202 at once with it; follow it at the Location"
                    + " (catalog/publications/{id}). The version in force retires and every override of the item in"
                    + " every county is re-based onto the new version in one transaction: on failure nothing changes"
                    + " and the publication says why. Conflicts wait for each tenant's administrator. A second"
                    + " publication of the item while one runs is refused with 409.")
    public Response publish(@PathParam("itemCode") String itemCode, @PathParam("version") int version) {
        Publication queued = publications.publish(itemCode, version);
        return Response.accepted(CatalogViews.publication(queued))
                .location(URI.create("catalog/publications/" + queued.id()))
                .build();
    }
}
