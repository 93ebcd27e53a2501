package org.onewindow.kernel.security.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.error.Problem;
import org.onewindow.kernel.imports.UploadedTables;
import org.onewindow.kernel.imports.Uploads;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.application.StaffImportService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffList;
import org.onewindow.kernel.web.FileAnswer;

/** Bulk import of staff accounts from a staff list (批量导入工作人员, ADR 0015): preview, then import. */
@Path("accounts/import")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "工作人员账号 / staff accounts")
public class StaffImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String FILE = "Body: the staff list as CSV (text/csv, text/plain or text/tab-separated-values;"
            + " UTF-8, UTF-16 with BOM or GB18030/GBK as Excel and WPS save it) or an .xlsx workbook (its first sheet),"
            + " at most 5 MiB and 1000 rows. Columns by header in any order: division (区划代码), username (用户名),"
            + " name (姓名), roles (角色: CLERK or 窗口人员 …, several separated by 、), optional departments (部门:"
            + " names or codes), windows (窗口: names, or 服务站 · 窗口) and password (初始密码; left empty, one is"
            + " generated). A file that cannot be read as a whole (unreadable, a column missing, no rows): 400 with"
            + " lines [{line, column, error, message}]; over a limit: 413.";

    @Inject
    StaffImportService imports;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    /** A staff list's report: every row with what became of it. */
    public record StaffImportView(
            @Schema(description = "false for a preview: nothing was written")
            boolean applied,

            int rows,

            @Schema(description = "rows a preview found valid (the import would create them)")
            long valid,

            long created,
            long refused,
            List<RowView> report) {}

    /**
     * One row: {@code outcome} is {@code valid} (preview), {@code created} or {@code refused} with its errors; {@code
     * initialPassword} only on a created account whose row gave no password (shown this once, never stored).
     */
    public record RowView(
            @Schema(example = "3") int line,
            @Schema(example = "370321106202") String division,
            @Schema(example = "hg.clerk2") String username,
            @Schema(example = "王𠮷") String displayName,
            List<String> roles,

            @Schema(enumeration = {"valid", "created", "refused"})
            String outcome,

            List<RowError> errors,
            @Schema(format = "password") String initialPassword) {}

    /** Why a row is refused: the column ({@code division}, {@code username}, {@code roles} …), a key, a message. */
    public record RowError(String column, String error, String message) {}

    @POST
    @Path("preview")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, "text/tab-separated-values", XLSX})
    @Operation(
            operationId = "previewStaffImport",
            summary = "Check a staff list row by row and write nothing (administrators)",
            description = FILE + " Every row is reported valid or refused with its reasons (a taken username or"
                    + " one repeated in the file, a role the caller may not grant there, a division outside its scope,"
                    + " a bad code, a missing name …).")
    public StaffImportView preview(InputStream file) {
        return view(imports.preview(read(file), format()));
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, "text/tab-separated-values", XLSX})
    @Operation(
            operationId = "importStaff",
            summary = "Create the accounts of a staff list's valid rows and report every row (administrators)",
            description = FILE + " Each valid row becomes an account exactly as one created alone would (the same"
                    + " grant rules), whose holder must change the password at the first login; refused rows are"
                    + " reported and skipped. Send the same file to preview first.")
    public StaffImportView importStaff(InputStream file) {
        return view(imports.apply(read(file), format()));
    }

    @GET
    @Path("template")
    @Produces(XLSX)
    @Operation(
            operationId = "staffImportTemplate",
            summary = "An empty staff list to fill in (.xlsx, headed in Chinese)")
    public Response template() {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        return FileAnswer.attachment("staff-import", "xlsx", XLSX)
                .response(StaffList.template())
                .build();
    }

    private byte[] read(InputStream file) {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        return Uploads.read(file, headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), StaffList.LIMITS);
    }

    private UploadedTables.Format format() {
        MediaType type = headers.getMediaType();
        return type != null && XLSX.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())
                ? UploadedTables.Format.XLSX
                : UploadedTables.Format.CSV;
    }

    private StaffImportView view(StaffImportService.Report report) {
        Locale locale = Problem.locale(headers);
        List<RowView> rows = report.rows().stream()
                .map(row -> new RowView(
                        row.line(),
                        row.division(),
                        row.username(),
                        row.displayName(),
                        row.roles().stream().map(Role::name).toList(),
                        row.outcome().name().toLowerCase(Locale.ROOT),
                        row.problems().stream()
                                .map(p -> new RowError(
                                        p.column(),
                                        p.key(),
                                        Messages.format(
                                                locale, p.key(), p.arguments().toArray())))
                                .toList(),
                        row.generatedPassword()))
                .toList();
        return new StaffImportView(
                report.applied(),
                rows.size(),
                report.count(StaffImportService.Outcome.VALID),
                report.count(StaffImportService.Outcome.CREATED),
                report.count(StaffImportService.Outcome.REFUSED),
                rows);
    }
}
