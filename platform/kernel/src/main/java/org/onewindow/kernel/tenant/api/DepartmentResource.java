package org.onewindow.kernel.tenant.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.application.DepartmentService;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.web.Page;

/**
 * The departments (部门) of a division over REST (TEN-3): their reviewers and the catalog items they handle there.
 * Staff of the scope read them; administrators change them. A reviewer belongs to a department through its staff
 * account's departments, which is what admits it to the department's review tasks.
 */
@Path("departments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "departments", description = "部门、审核人员与承办事项 / departments, their reviewers and items")
public class DepartmentResource {

    @Inject
    ServicePointService points;

    @Inject
    DepartmentService departments;

    /**
     * A department with its reviewers (usernames) and the item codes it handles at its division.
     *
     * @param version send it back on a change (409 {@code stale.form} when someone changed it meanwhile)
     */
    public record DepartmentView(
            String tenant,
            String code,
            String name,
            String shortName,
            List<String> reviewers,
            List<String> items,
            int version) {}

    /** A department's names and items; every field is replaced. */
    public record DepartmentBody(
            @Schema(maxLength = 50, example = "桓台县民政局") String name,
            @Schema(maxLength = 50, example = "民政局") String shortName,
            List<String> items,
            int version) {}

    /** A staff member to make a reviewer of the department: a reviewer of the department's division. */
    public record ReviewerBody(
            @Schema(maxLength = 40, example = "mz.reviewer2")
            String username) {}

    @GET
    @Operation(
            operationId = "departments",
            summary = "The departments of a division of the caller's scope whose code or name contains q, by code")
    public List<DepartmentView> list(
            @QueryParam("tenant") String tenant,
            @Parameter(description = "part of the code, name or short name, any letter case (blank: every department)")
                    @QueryParam("q")
                    @DefaultValue("")
                    String q,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        if (tenant == null || tenant.isBlank()) {
            throw new DomainException("request.parameter.invalid", "tenant");
        }
        Page page = new Page(first, size);
        return points.departments(tenant, q, page.first(), page.size()).stream()
                .map(this::view)
                .toList();
    }

    @GET
    @Path("{tenant}/{code}")
    @Operation(operationId = "department", summary = "One department of a division of the caller's scope")
    public DepartmentView get(@PathParam("tenant") String tenant, @PathParam("code") String code) {
        return view(departments.find(tenant, code));
    }

    @PUT
    @Path("{tenant}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeDepartment",
            summary = "Rename a department and set the items it handles (administrators)",
            description = "400 department.item.not.offered for an item its division does not offer; 409 stale.form;"
                    + " 403 for a caller who is no administrator; 404 outside the scope. Nothing is changed on a"
                    + " refusal.")
    public DepartmentView change(
            @PathParam("tenant") String tenant,
            @PathParam("code") String code,
            @NotNull(message = "{request.body.required}") @Valid DepartmentBody body) {
        Set<String> items = body.items() == null ? Set.of() : Set.copyOf(body.items());
        return view(departments.change(tenant, code, body.name(), body.shortName(), items, body.version()));
    }

    @POST
    @Path("{tenant}/{code}/reviewers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addDepartmentReviewer",
            summary = "Make a reviewer of the division one of the department's reviewers (administrators)",
            description = "400 department.reviewer.not.staff for staff of another division,"
                    + " department.reviewer.not.reviewer for one without the reviewer role; 404 account.not.found"
                    + " outside the scope")
    public DepartmentView addReviewer(
            @PathParam("tenant") String tenant,
            @PathParam("code") String code,
            @NotNull(message = "{request.body.required}") @Valid ReviewerBody body) {
        departments.addReviewer(tenant, code, body.username());
        return view(departments.find(tenant, code));
    }

    @DELETE
    @Path("{tenant}/{code}/reviewers/{username}")
    @Operation(
            operationId = "removeDepartmentReviewer",
            summary = "Take a reviewer off the department (administrators)",
            description = "404 department.reviewer.not.found; 400 account.departments.required when it is the"
                    + " reviewer's only department")
    public DepartmentView removeReviewer(
            @PathParam("tenant") String tenant,
            @PathParam("code") String code,
            @PathParam("username") String username) {
        departments.removeReviewer(tenant, code, username);
        return view(departments.find(tenant, code));
    }

    private DepartmentView view(Department department) {
        return new DepartmentView(
                department.tenantCode().value(),
                department.code(),
                department.name(),
                department.shortName(),
                departments.reviewers(department).stream()
                        .map(a -> a.username())
                        .toList(),
                List.copyOf(department.items()),
                department.version());
    }
}
