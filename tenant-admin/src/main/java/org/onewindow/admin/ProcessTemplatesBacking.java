package org.onewindow.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.process.application.ProcessTemplateService;
import org.onewindow.process.application.TemplateTrialService;
import org.onewindow.process.domain.ProcessTemplate;
import org.onewindow.process.domain.TemplateTenants;
import org.onewindow.process.domain.TrialRun;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.FileUploadEvent;

/**
 * The console's process templates page ({@code /admin/processes.xhtml}): the templates in force for the
 * administrator's own tenant (流程模板) and the tier each comes from, the versions the tenant published, publishing a
 * new version from a BPMN file, retiring the tenant's own override, and a dry run (试运行). Standards editors work
 * on the standard templates instead.
 */
@Named
@ViewScoped
public class ProcessTemplatesBacking implements Serializable {

    /** Where a refusal of an uploaded template shows: beside the uploader. */
    static final String UPLOAD = "processes:upload";

    /** Where a refusal of a dry run shows: beside its fields. */
    static final String TRIAL = "processes:trial-panel";

    @Inject
    ProcessTemplateService templates;

    @Inject
    TemplateTrialService trials;

    @Inject
    Caller caller;

    private String tenant;
    private String tenantName;
    private boolean mayChange;
    private String defaultGroup;
    private List<String> defaultReviewGroups;

    private List<TemplateRow> inForce;
    private String key;
    private List<VersionRow> versions;

    private String uploadName;
    private byte[] upload;

    private String bpmnTitle;
    private String bpmn;

    private String windowGroup;
    private String reviewGroups;
    private Integer refuseInRound;
    private TrialView trial;

    /** A step of a template: its name and how it runs ({@code TASK}, {@code SEQUENTIAL_REVIEWS}, …). */
    public record StepRow(String name, String kind) implements Serializable {}

    /** A template in force for the tenant, as the table shows it. */
    public record TemplateRow(
            String key,
            String name,
            String tenant,
            String source,
            int version,
            String definitionId,
            Date publishedAt,
            List<StepRow> steps)
            implements Serializable {

        static TemplateRow of(ProcessTemplate template) {
            return new TemplateRow(
                    template.key(),
                    template.name() == null || template.name().isBlank() ? template.key() : template.name(),
                    template.tenant(),
                    template.source().name(),
                    template.version(),
                    template.definitionId(),
                    Date.from(template.publishedAt()),
                    template.steps().stream()
                            .map(step -> new StepRow(step.name(), step.kind().name()))
                            .toList());
        }
    }

    /** A version the tenant published of the selected template: in force, replaced by a later one, or retired. */
    public record VersionRow(int version, String definitionId, Date publishedAt, String status)
            implements Serializable {}

    /** One open task of a dry run: the step's name and the group of staff who may claim it. */
    public record TaskRow(String name, String group) implements Serializable {}

    /** A dry run as the page shows it: which version ran, the tasks round by round, and whether it ended. */
    public record TrialView(int version, String source, List<List<TaskRow>> rounds, boolean finished)
            implements Serializable {}

    @PostConstruct
    void init() {
        StaffPrincipal staff = caller.require();
        String own = staff.tenantCode().value();
        if (!staff.administers() && staff.has(Role.STANDARDS_EDITOR)) {
            tenant = TemplateTenants.STANDARD;
            tenantName = null;
        } else {
            tenant = own;
            tenantName = staff.tenantName();
        }
        mayChange = staff.administers() || staff.has(Role.STANDARDS_EDITOR);
        defaultGroup = own;
        // The own tier and those above it, nearest first: the order a tiered review goes in (村—镇—县).
        defaultReviewGroups = TemplateTenants.chain(own).stream()
                .filter(code -> !TemplateTenants.STANDARD.equals(code))
                .toList();
    }

    public List<TemplateRow> getInForce() {
        if (inForce == null) {
            load();
        }
        return inForce;
    }

    /** Shows a template: its versions of the own tenant, the upload and a fresh dry run. */
    public void select(String templateKey) {
        key = templateKey;
        upload = null;
        uploadName = null;
        trial = null;
        windowGroup = defaultGroup;
        reviewGroups = String.join("\n", defaultReviewGroups);
        refuseInRound = null;
        loadVersions();
    }

    /** Keeps an uploaded file until the administrator confirms publishing it. */
    public void upload(FileUploadEvent event) {
        uploadName = event.getFile().getFileName();
        upload = event.getFile().getContent();
    }

    public void discardUpload() {
        upload = null;
        uploadName = null;
    }

    public void publish() {
        if (upload == null || key == null) {
            return;
        }
        try {
            ProcessTemplate published = templates.publish(tenant, key, upload);
            AdminText.info(
                    "processes.published",
                    TemplateRow.of(published).name(),
                    published.version(),
                    AdminText.text("source." + published.source().name()));
            load();
            loadVersions();
        } catch (DomainException e) {
            FacesMessages.error(UPLOAD, e);
        } finally {
            discardUpload();
        }
    }

    public void retire() {
        try {
            ProcessTemplate now = templates.retire(tenant, key);
            AdminText.info(
                    "processes.retired",
                    TemplateRow.of(now).name(),
                    AdminText.text("source." + now.source().name()),
                    now.version());
            load();
            loadVersions();
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public void showBpmn(VersionRow row) {
        try {
            bpmn = new String(templates.bpmn(row.definitionId()), StandardCharsets.UTF_8);
            bpmnTitle = AdminText.text("processes.bpmn.title", key, row.version());
        } catch (DomainException e) {
            bpmn = null;
            FacesMessages.error(e);
        }
    }

    public void runTrial() {
        List<String> groups = reviewGroups == null
                ? List.of()
                : reviewGroups
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
        String window = windowGroup == null || windowGroup.isBlank() ? defaultGroup : windowGroup.strip();
        try {
            TrialRun run = trials.run(tenant, key, window, groups, refuseInRound == null ? 0 : refuseInRound);
            List<List<TaskRow>> rounds = run.rounds().stream()
                    .map(round -> round.stream()
                            .map(task -> new TaskRow(task.name(), task.group()))
                            .toList())
                    .toList();
            trial = new TrialView(
                    run.template().version(), run.template().source().name(), rounds, run.finished());
        } catch (DomainException e) {
            trial = null;
            FacesMessages.error(TRIAL, e);
        }
    }

    private void load() {
        try {
            inForce = templates.inForce(tenant).stream().map(TemplateRow::of).toList();
        } catch (DomainException e) {
            inForce = List.of();
            FacesMessages.error(e);
        }
    }

    private void loadVersions() {
        try {
            String current = getSelected() == null ? null : getSelected().definitionId();
            List<VersionRow> rows = new ArrayList<>();
            for (ProcessTemplate version : templates.versions(tenant, key)) {
                String status = version.definitionId().equals(current)
                        ? "IN_FORCE"
                        : version.retired() ? "RETIRED" : "REPLACED";
                rows.add(new VersionRow(
                        version.version(), version.definitionId(), Date.from(version.publishedAt()), status));
            }
            versions = List.copyOf(rows);
        } catch (DomainException e) {
            versions = List.of();
            FacesMessages.error(e);
        }
    }

    /** The selected template as in force for the tenant, or null. */
    public TemplateRow getSelected() {
        if (key == null) {
            return null;
        }
        return getInForce().stream()
                .filter(row -> row.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    /** Whether the tenant has an override of the selected template in force that it may retire. */
    public boolean isRetirable() {
        return mayChange
                && !TemplateTenants.STANDARD.equals(tenant)
                && versions != null
                && versions.stream().anyMatch(v -> !v.status().equals("RETIRED"));
    }

    /** The confirmation before retiring: the tier above takes over new cases, running ones keep their version. */
    public String getRetireConfirmation() {
        TemplateRow selected = getSelected();
        return selected == null ? "" : AdminText.text("processes.retire.confirm", selected.name());
    }

    /** The number the next published version of the selected template will have. */
    public int getNextVersion() {
        return versions == null || versions.isEmpty() ? 1 : versions.getFirst().version() + 1;
    }

    public boolean isStandard() {
        return TemplateTenants.STANDARD.equals(tenant);
    }

    public String getTenant() {
        return tenant;
    }

    public String getTenantName() {
        return tenantName;
    }

    /** The tier the tenant's own versions come from (for the source tag of what it publishes). */
    public String getOwnSource() {
        return TemplateTenants.sourceOf(tenant).name();
    }

    public boolean isMayChange() {
        return mayChange;
    }

    public String getKey() {
        return key;
    }

    public List<VersionRow> getVersions() {
        return versions;
    }

    public String getUploadName() {
        return uploadName;
    }

    public boolean isUploaded() {
        return upload != null;
    }

    /** The uploaded file's size in KiB, rounded up, for the confirmation. */
    public int getUploadKib() {
        return upload == null ? 0 : (upload.length + 1023) / 1024;
    }

    public String getBpmnTitle() {
        return bpmnTitle;
    }

    public String getBpmn() {
        return bpmn;
    }

    public String getWindowGroup() {
        return windowGroup;
    }

    public void setWindowGroup(String windowGroup) {
        this.windowGroup = windowGroup;
    }

    public String getReviewGroups() {
        return reviewGroups;
    }

    public void setReviewGroups(String reviewGroups) {
        this.reviewGroups = reviewGroups;
    }

    public Integer getRefuseInRound() {
        return refuseInRound;
    }

    public void setRefuseInRound(Integer refuseInRound) {
        this.refuseInRound = refuseInRound;
    }

    public TrialView getTrial() {
        return trial;
    }
}
