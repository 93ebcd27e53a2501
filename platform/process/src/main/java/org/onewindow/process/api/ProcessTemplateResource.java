package org.onewindow.process.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.web.Page;
import org.onewindow.process.application.ProcessTemplateService;
import org.onewindow.process.application.TemplateTrialService;
import org.onewindow.process.domain.ProcessTemplate;
import org.onewindow.process.domain.TemplateDraft;
import org.onewindow.process.domain.TemplateRules;
import org.onewindow.process.domain.TemplateStep;
import org.onewindow.process.domain.TrialRun;

/**
 * Process templates over REST: which version is in force for a tenant (public, like the catalog that names them),
 * publishing and retiring versions (standards editors for {@code tenant=standard}, administrators for their own
 * tenant), and a dry run for staff.
 */
@Path("process-templates")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "process", description = "流程模板 / process templates")
public class ProcessTemplateResource {

    @Inject
    ProcessTemplateService templates;

    @Inject
    TemplateTrialService trials;

    @GET
    @Operation(
            operationId = "templatesInForce",
            summary = "The templates in force for a tenant (public)",
            description =
                    "tenant: a 12-digit division code, or 'standard'. Each template says which tier it comes from.")
    public JsonArray inForce(
            @QueryParam("tenant") String tenant,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        new Page(first, size).of(templates.inForce(required(tenant))).forEach(template -> list.add(view(template)));
        return list.build();
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "templateInForce", summary = "The version of one template in force for a tenant (public)")
    public JsonObject inForce(@PathParam("key") String key, @QueryParam("tenant") String tenant) {
        return view(templates.inForce(required(tenant), key));
    }

    @GET
    @Path("{key}/versions")
    @Operation(summary = "Every version one tenant (or the standard) published of a template, newest first (public)")
    public JsonArray versions(
            @PathParam("key") String key,
            @QueryParam("tenant") String tenant,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        new Page(first, size)
                .of(templates.versions(required(tenant), key))
                .forEach(template -> list.add(view(template)));
        return list.build();
    }

    @GET
    @Path("definitions/{definitionId}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The BPMN text of one published version (public)")
    public Response bpmn(@PathParam("definitionId") String definitionId) {
        return Response.ok(templates.bpmn(definitionId), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .build();
    }

    @PUT
    @Path("{key}")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(
            operationId = "publishTemplate",
            summary = "Publish a new version of a template",
            description = "tenant=standard: standards editors; tenant=own division code: its administrators. The body"
                    + " is BPMN 2.0 XML with one executable process whose id is the key; people's tasks, gateways and"
                    + " flows only. Answers with the published version.")
    public Response publish(@PathParam("key") String key, @QueryParam("tenant") String tenant, InputStream body) {
        ProcessTemplate published = templates.publish(required(tenant), key, read(body));
        return Response.status(Response.Status.CREATED).entity(view(published)).build();
    }

    @GET
    @Path("{key}/draft")
    @Operation(
            operationId = "templateDraft",
            summary = "The draft of the next version of a template (its tier's administrators, or standards editors)")
    public JsonObject draft(@PathParam("key") String key, @QueryParam("tenant") String tenant) {
        TemplateDraft draft = templates
                .draft(required(tenant), key)
                .orElseThrow(() -> DomainException.notFound("process.template.draft.not-found", key));
        return view(draft, templates.steps(draft));
    }

    @PUT
    @Path("{key}/draft")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(
            summary = "Save the draft of the next version of a template",
            description = "Checked like a publication. lockVersion: none for a new draft, else the one last read;"
                    + " a draft someone saved since is not overwritten (409).")
    public JsonObject saveDraft(
            @PathParam("key") String key,
            @QueryParam("tenant") String tenant,
            @QueryParam("lockVersion") Integer lockVersion,
            InputStream body) {
        TemplateDraft draft = templates.saveDraft(required(tenant), key, read(body), lockVersion);
        return view(draft, templates.steps(draft));
    }

    @POST
    @Path("{key}/draft/publish")
    @Operation(
            summary = "Publish the draft as the next version; the draft ends (409 when it changed since lockVersion)")
    public Response publishDraft(
            @PathParam("key") String key,
            @QueryParam("tenant") String tenant,
            @QueryParam("lockVersion") Integer lockVersion) {
        ProcessTemplate published = templates.publishDraft(required(tenant), key, requiredLock(lockVersion));
        return Response.status(Response.Status.CREATED).entity(view(published)).build();
    }

    @DELETE
    @Path("{key}/draft")
    @Operation(
            operationId = "discardTemplateDraft",
            summary = "Discard the draft (409 when it changed since lockVersion)")
    public Response discardDraft(
            @PathParam("key") String key,
            @QueryParam("tenant") String tenant,
            @QueryParam("lockVersion") Integer lockVersion) {
        templates.discardDraft(required(tenant), key, requiredLock(lockVersion));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{key}")
    @Operation(
            summary = "Retire the caller's own tenant's override of a template",
            description = "The tier above is in force for new cases; running cases finish on their version. Answers"
                    + " with the template now in force.")
    public JsonObject retire(@PathParam("key") String key, @QueryParam("tenant") String tenant) {
        return view(templates.retire(required(tenant), key));
    }

    @POST
    @Path("{key}/trial")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "trialTemplate",
            summary = "Dry-run the template in force for a tenant (staff; nothing is kept)",
            description = "Body: {\"windowGroup\": \"...\", \"reviewGroups\": [\"...\"], \"refuseInRound\": 0}."
                    + " Answers with the open tasks round by round.")
    public JsonObject trial(
            @PathParam("key") String key,
            @QueryParam("tenant") String tenant,
            @NotNull(message = "{request.body.required}") @Valid TrialBody body) {
        String windowGroup = body.windowGroup() == null ? required(tenant) : body.windowGroup();
        List<String> reviewGroups = body.reviewGroups() == null
                ? List.of()
                : body.reviewGroups().stream().filter(Objects::nonNull).toList();
        int refuseInRound = body.refuseInRound() == null ? 0 : body.refuseInRound();
        return view(trials.run(required(tenant), key, windowGroup, reviewGroups, refuseInRound));
    }

    /**
     * A dry run's case: who takes it in, who reviews it round by round, and in which round (from 1) a review refuses.
     *
     * @param windowGroup the group of the intake window (a division code), the tenant's when left out
     * @param reviewGroups the review groups in order (a division code, or {@code <division>/<department>})
     * @param refuseInRound the round whose review refuses, 0 or left out for none
     */
    public record TrialBody(
            @Schema(maxLength = 40, example = "370321106202")
            String windowGroup,

            List<String> reviewGroups,

            @PositiveOrZero(message = "{process.trial.round}") @Schema(minimum = "0")
            Integer refuseInRound) {}

    /** A template version as JSON; other modules' resources that show a template use the same shape. */
    public static JsonObject view(ProcessTemplate template) {
        return Json.createObjectBuilder()
                .add("key", template.key())
                .add("name", template.name() == null ? template.key() : template.name())
                .add("tenant", template.tenant())
                .add("source", template.source().name())
                .add("version", template.version())
                .add("definitionId", template.definitionId())
                .add("retired", template.retired())
                .add("publishedAt", template.publishedAt().toString())
                .add("steps", steps(template.steps()))
                .build();
    }

    public static JsonObject view(TrialRun run) {
        JsonArrayBuilder rounds = Json.createArrayBuilder();
        for (List<TrialRun.Task> round : run.rounds()) {
            JsonArrayBuilder tasks = Json.createArrayBuilder();
            round.forEach(task -> tasks.add(Json.createObjectBuilder()
                    .add("step", task.step())
                    .add("name", task.name())
                    .add("group", task.group())));
            rounds.add(tasks);
        }
        return Json.createObjectBuilder()
                .add("template", view(run.template()))
                .add("rounds", rounds)
                .add("finished", run.finished())
                .build();
    }

    static JsonObject view(TemplateDraft draft, List<TemplateStep> steps) {
        return Json.createObjectBuilder()
                .add("key", draft.templateKey())
                .add("tenant", draft.ownerTenant())
                .add("lockVersion", draft.version())
                .add("updatedBy", draft.updatedBy())
                .add("updatedAt", draft.updatedAt().toString())
                .add("steps", steps(steps))
                .build();
    }

    private static JsonArrayBuilder steps(List<TemplateStep> steps) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        steps.forEach(step -> list.add(Json.createObjectBuilder()
                .add("id", step.id())
                .add("name", step.name())
                .add("kind", step.kind().name())
                .add("candidates", step.candidates())));
        return list;
    }

    private static int requiredLock(Integer lockVersion) {
        if (lockVersion == null) {
            throw new DomainException("process.template.draft.lock.required");
        }
        return lockVersion;
    }

    private static String required(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new DomainException("process.template.tenant.required");
        }
        return tenant.strip();
    }

    /** At most one byte more than a template may have, so an oversized body is refused without reading it all. */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            return body.readNBytes(TemplateRules.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
