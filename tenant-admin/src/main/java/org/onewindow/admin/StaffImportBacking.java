package org.onewindow.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.imports.UploadedTables;
import org.onewindow.kernel.security.application.StaffImportService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffList;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The staff page's bulk import ({@code /admin/staff.xhtml}, 批量导入): a staff list is uploaded and previewed row by
 * row, nothing written; the administrator then imports the valid rows, and the report shows what became of each, with
 * the initial passwords generated for rows that gave none (ADR 0015). The template and the result download as files.
 */
@Named
@ViewScoped
public class StaffImportBacking implements Serializable {

    /** Where a refusal of the file shows: beside the uploader. */
    static final String UPLOAD = "staff-import:upload";

    @Inject
    StaffImportService imports;

    /** The previewed file, kept until it is imported or another is chosen. */
    private byte[] file;

    private UploadedTables.Format format;
    private String fileName;
    private List<ReportRow> report = List.of();
    private List<String> fileErrors = List.of();
    private boolean applied;

    /** A row of the report as the table shows it, reasons in the page's language. */
    public record ReportRow(
            int line,
            String division,
            String username,
            String displayName,
            String roles,
            String outcome,
            String reasons,
            String initialPassword)
            implements Serializable {}

    /** A new import: nothing chosen yet. */
    public void start() {
        file = null;
        format = null;
        fileName = null;
        report = List.of();
        fileErrors = List.of();
        applied = false;
    }

    /** Previews the uploaded list; the file is kept for the import. */
    public void upload(FileUploadEvent event) {
        start();
        String name = event.getFile().getFileName();
        Optional<UploadedTables.Format> type = UploadedTables.Format.ofFileName(name);
        if (type.isEmpty()) {
            FacesMessages.error(UPLOAD, new DomainException("import.file.type"));
            return;
        }
        byte[] content = event.getFile().getContent();
        try {
            report = rows(imports.preview(content, type.get()));
            file = content;
            format = type.get();
            fileName = name;
        } catch (ImportRejectedException e) {
            fileErrors = AdminText.lines(e, "staff.import.line");
            FacesMessages.error(UPLOAD, e);
        } catch (DomainException e) {
            FacesMessages.error(UPLOAD, e);
        }
    }

    /** Creates the accounts of the rows valid now; the report then says what became of every row. */
    public void apply() {
        if (file == null) {
            return;
        }
        try {
            StaffImportService.Report done = imports.apply(file, format);
            report = rows(done);
            applied = true;
            file = null;
        } catch (ImportRejectedException e) {
            fileErrors = AdminText.lines(e, "staff.import.line");
            FacesMessages.error(UPLOAD, e);
        } catch (DomainException e) {
            FacesMessages.error(UPLOAD, e);
        }
    }

    private static List<ReportRow> rows(StaffImportService.Report report) {
        Locale locale = locale();
        List<ReportRow> rows = new ArrayList<>();
        for (StaffImportService.RowReport row : report.rows()) {
            List<String> roles = new ArrayList<>();
            for (Role role : row.roles()) {
                roles.add(Messages.format(locale, "role." + role.name()));
            }
            List<String> reasons = new ArrayList<>();
            for (StaffList.Problem problem : row.problems()) {
                reasons.add(Messages.format(
                        locale, problem.key(), problem.arguments().toArray()));
            }
            rows.add(new ReportRow(
                    row.line(),
                    row.division(),
                    row.username(),
                    row.displayName(),
                    String.join("、", roles),
                    row.outcome().name(),
                    String.join("；", reasons),
                    row.generatedPassword()));
        }
        return rows;
    }

    /** An empty staff list to fill in. */
    public StreamedContent getTemplate() {
        byte[] bytes = StaffList.template();
        return DefaultStreamedContent.builder()
                .name(AdminText.text("staff.import.template.file"))
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    /** The import's result with the generated initial passwords, to hand to each person (CSV for Excel). */
    public StreamedContent getResult() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(
                AdminText.text("staff.import.row"),
                AdminText.text("staff.import.division"),
                AdminText.text("staff.username"),
                AdminText.text("staff.displayName"),
                AdminText.text("staff.import.outcome"),
                AdminText.text("staff.import.reasons"),
                AdminText.text("staff.password.initial")));
        for (ReportRow row : report) {
            lines.add(List.of(
                    String.valueOf(row.line()),
                    row.division(),
                    row.username(),
                    row.displayName(),
                    outcomeLabel(row),
                    row.reasons(),
                    row.initialPassword() == null ? "" : row.initialPassword()));
        }
        byte[] bytes = AuditBacking.csv(lines);
        return DefaultStreamedContent.builder()
                .name(AdminText.text("staff.import.result.file"))
                .contentType("text/csv; charset=UTF-8")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    public String outcomeLabel(ReportRow row) {
        return AdminText.text("staff.import.outcome." + row.outcome());
    }

    /** The counts above the report: rows, valid or created, refused. */
    public String getSummary() {
        if (report.isEmpty()) {
            return "";
        }
        long refused =
                report.stream().filter(r -> r.outcome().equals("REFUSED")).count();
        return AdminText.text(
                applied ? "staff.import.summary.applied" : "staff.import.summary.preview",
                fileName == null ? "" : fileName,
                report.size(),
                report.size() - refused,
                refused);
    }

    /** Whether there is a previewed file with rows to import. */
    public boolean isApplicable() {
        return !applied
                && file != null
                && report.stream().anyMatch(r -> r.outcome().equals("VALID"));
    }

    /** The import button's words, with how many rows it imports. */
    public String getApplyLabel() {
        return AdminText.text(
                "staff.import.apply",
                report.stream().filter(r -> r.outcome().equals("VALID")).count());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public List<ReportRow> getReport() {
        return report;
    }

    public List<String> getFileErrors() {
        return fileErrors;
    }

    public boolean isApplied() {
        return applied;
    }
}
