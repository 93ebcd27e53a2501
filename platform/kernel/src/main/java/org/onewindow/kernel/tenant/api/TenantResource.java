package org.onewindow.kernel.tenant.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.imports.Uploads;
import org.onewindow.kernel.tenant.application.DivisionChangeService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.DivisionListChanges;
import org.onewindow.kernel.web.Page;

/** The tenant tree over REST. Outside the caller's scope every division is 404, so existence does not leak. */
@Path("tenants")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants", description = "行政区划租户树 / the tenant tree")
public class TenantResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    TenantService tenants;

    @Inject
    DivisionChangeService changes;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Search the divisions of the caller's scope by name or code prefix")
    public List<TenantView> search(
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("50") int size) {
        Page page = new Page(first, size);
        return tenants.search(q, page.first(), page.size()).stream()
                .map(TenantView::of)
                .toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One division of the caller's scope")
    public TenantView get(@PathParam("code") String code) {
        return TenantView.of(tenants.find(code));
    }

    @GET
    @Path("{code}/children")
    @Operation(summary = "The divisions directly below one of the caller's scope")
    public List<TenantView> children(
            @PathParam("code") String code,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        return new Page(first, size)
                .of(tenants.children(code)).stream().map(TenantView::of).toList();
    }

    @POST
    @Path("{code}/children")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a division below one of the caller's scope (administrators)")
    public Response add(
            @PathParam("code") String parent, @NotNull(message = "{request.body.required}") @Valid TenantView child) {
        var created = tenants.create(child.code(), parent, child.level(), child.name());
        return Response.status(Response.Status.CREATED)
                .entity(TenantView.of(created))
                .build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rename a division or change its level; the body's version must be the one last read"
                    + " (administrators)",
            description = "A level change within the code's shape (TOWN ↔ STREET, VILLAGE ↔ COMMUNITY) is applied;"
                    + " another level (tenant.level.change) or another parentCode (tenant.parent.change: a division"
                    + " moves only with a new code, through the yearly list) is refused with 400 and nothing"
                    + " changes. A level or parentCode left out keeps the division's.")
    public TenantView rename(
            @PathParam("code") String code, @NotNull(message = "{request.body.required}") @Valid TenantView change) {
        return TenantView.of(
                tenants.update(code, change.name(), change.level(), change.parentCode(), change.version()));
    }

    @POST
    @Path("import/preview")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, "text/tab-separated-values"})
    @Operation(
            summary = "Preview the yearly division list (CSV) against the caller's scope; changes nothing"
                    + " (administrators)",
            description = "The list is the whole scope as it is to be (the columns of the import, plus an optional"
                    + " former_code / 原区划代码 for a village re-coded or moved to another town). Answers counts by"
                    + " kind (ADDED, RENAMED, RELEVELLED such as 镇 → 街道, MOVED, RECODED, RETIRED: in the tree, not"
                    + " in the list), a page of the changes, and a token for apply. Unchanged rows are no error."
                    + " Any bad line: 400 with lines [{line, column, error, message}].")
    public DivisionListPreviewView previewDivisionListCsv(
            InputStream csv,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        Page page = new Page(first, size);
        return DivisionListPreviewView.of(changes.preview(upload(csv), false), page.first(), page.size());
    }

    @POST
    @Path("import/preview")
    @Consumes(XLSX)
    @Operation(
            summary = "Preview the yearly division list (Excel, its first sheet); changes nothing (administrators)",
            description = "As the CSV preview.")
    public DivisionListPreviewView previewDivisionListWorkbook(
            InputStream xlsx,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        Page page = new Page(first, size);
        return DivisionListPreviewView.of(changes.preview(upload(xlsx), true), page.first(), page.size());
    }

    @POST
    @Path("import/apply")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, "text/tab-separated-values"})
    @Operation(
            summary = "Apply the yearly division list (CSV) previewed with the token, as one change (administrators)",
            description = "Send the same file with the preview's token. All changes in one transaction, each audited;"
                    + " retired divisions keep their code for the record and leave the pickers; a re-coded or moved"
                    + " village's staff and open work follow its new code. 409 tenant.list.stale when the file or the"
                    + " tree differ from the preview: nothing applied. Answers the counts applied.")
    public Map<String, Integer> applyDivisionListCsv(
            InputStream csv,
            @Parameter(description = "The preview's token", required = true) @QueryParam("token") String token) {
        return applied(changes.apply(upload(csv), false, token));
    }

    @POST
    @Path("import/apply")
    @Consumes(XLSX)
    @Operation(
            summary = "Apply the yearly division list (Excel) previewed with the token, as one change"
                    + " (administrators)",
            description = "As the CSV apply.")
    public Map<String, Integer> applyDivisionListWorkbook(
            InputStream xlsx,
            @Parameter(description = "The preview's token", required = true) @QueryParam("token") String token) {
        return applied(changes.apply(upload(xlsx), true, token));
    }

    @POST
    @Path("{code}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Merge a village into this one of the same town (撤村并居; county or town administrators)",
            description = "The merged village is retired with this one as successor; its staff (sessions end),"
                    + " service points and windows, departments, open cases and catalog overrides follow"
                    + " (docs/adr/0014); its closed cases and audit trail stay under its code, and its case numbers"
                    + " still look up. The change can be reverted until confirmed (/division-changes). 400"
                    + " tenant.merge.towns for villages of two towns, tenant.merge.same, tenant.merge.level,"
                    + " tenant.merge.retired; 404 for a village outside the caller's scope;"
                    + " nothing changes on any refusal.")
    public VillageMergeView.Done mergeVillage(
            @PathParam("code") String code,
            @NotNull(message = "{request.body.required}") @Valid VillageMergeView merge) {
        DivisionChangeService.Merged done = changes.merge(code, merge.mergedCode());
        return new VillageMergeView.Done(
                TenantView.of(done.merged()),
                TenantView.of(done.into()),
                done.staffMoved(),
                done.servicePointsMoved(),
                done.changeId().toString());
    }

    private byte[] upload(InputStream body) {
        return Uploads.read(body, headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), ImportLimits.DEFAULT);
    }

    private static Map<String, Integer> applied(DivisionListChanges.Plan plan) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        plan.counts().forEach((kind, count) -> counts.put(kind.name(), count));
        counts.put("UNCHANGED", plan.unchanged());
        return counts;
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, "text/tab-separated-values"})
    @Operation(
            summary = "Import a division list from CSV (code,parent_code,level,name), all or nothing (administrators)",
            description = "Body: the file as Excel or WPS saves it, at most 5 MiB: UTF-8 (with or without BOM),"
                    + " UTF-16 with BOM (tab-separated \"Unicode text\") or GB18030/GBK (\"CSV (逗号分隔)\"). Columns"
                    + " by header in any order (also 区划代码, 上级区划代码, 层级, 名称); blank rows and empty trailing"
                    + " columns are ignored. Any bad line: 400 with lines [{line, column, error, message}] and nothing"
                    + " stored; over 5 MiB or 50000 rows: 413.")
    public Map<String, Integer> importCsv(InputStream csv) {
        return Map.of(
                "imported",
                tenants.importCsv(
                        Uploads.read(csv, headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), ImportLimits.DEFAULT)));
    }

    @POST
    @Path("import")
    @Consumes(XLSX)
    @Operation(
            summary =
                    "Import a division list from an Excel workbook (its first sheet), all or nothing (administrators)",
            description = "Same columns and answers as the CSV import; rows are numbered as Excel shows them, a parent"
                    + " code or level merged over several rows applies to each, and codes typed as numbers read as"
                    + " their digits (a code shown in scientific notation is refused: format the column as text).")
    public Map<String, Integer> importWorkbook(InputStream xlsx) {
        return Map.of(
                "imported",
                tenants.importWorkbook(
                        Uploads.read(xlsx, headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), ImportLimits.DEFAULT)));
    }
}
