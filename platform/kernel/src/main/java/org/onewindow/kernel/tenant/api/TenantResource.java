package org.onewindow.kernel.tenant.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.imports.Uploads;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.web.Page;

/** The tenant tree over REST. Outside the caller's scope every division is 404, so existence does not leak. */
@Path("tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants", description = "行政区划租户树 / the tenant tree")
public class TenantResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    TenantService tenants;

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
    public Response add(@PathParam("code") String parent, TenantView child) {
        if (child == null) {
            throw new DomainException("request.body.required");
        }
        var created = tenants.create(child.code(), parent, child.level(), child.name());
        return Response.status(Response.Status.CREATED)
                .entity(TenantView.of(created))
                .build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a division; the body's version must be the one last read (administrators)")
    public TenantView rename(@PathParam("code") String code, TenantView change) {
        if (change == null) {
            throw new DomainException("request.body.required");
        }
        return TenantView.of(tenants.rename(code, change.name(), change.version()));
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
