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
import java.util.Optional;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.process.application.ProcessTemplateService;
import org.onewindow.process.application.TemplateTrialService;
import org.onewindow.process.domain.ProcessTemplate;
import org.onewindow.process.domain.TemplateDraft;
import org.onewindow.process.domain.TemplateStep;
import org.onewindow.process.domain.TemplateTenants;
import org.onewindow.process.domain.TrialRun;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.FileUploadEvent;

/**
 * The console's process templates page ({@code /admin/processes.xhtml}): the templates in force for the
 * administrator's own tenant (流程模板) and the tier each comes from, the versions the tenant published, a draft
 * (草稿) of the next version saved from a BPMN file and compared with the version in force before it is published or
 * discarded, retiring the tenant's own override, and a dry run (试运行). Standards editors work on the standard
 * templates instead.
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

    private DraftView draft;

    private String bpmnTitle;
    private String bpmn;

    private String windowGroup;
    private String reviewGroups;
    private Integer refuseInRound;
    private TrialView trial;

    /** A step of a template: its name and how it runs ({@code TASK}, {@code SEQUENTIAL_REVIEWS}, …). */
    public record StepRow(String name, String kind) implements Serializable {

        static List<StepRow> of(List<TemplateStep> steps) {
            return steps.stream()
                    .map(step -> new StepRow(step.name(), step.kind().name()))
                    .toList();
        }
    }

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
                    StepRow.of(template.steps()));
        }
    }

    /**
     * The draft of the selected template as it was read: who saved it and when, the lock version a publication,
     * discard or later save must name, its steps and its text.
     */
    public record DraftView(String savedBy, Date savedAt, int lockVersion, List<StepRow> steps, String bpmn)
            implements Serializable {}

    /** How a step of the draft differs from the version in force. */
    public enum StepChange {
        SAME,
        CHANGED,
        ADDED,
        REMOVED
    }

    /** One line of the comparison: a step of the version in force beside the draft's (either may be null). */
    public record StepPair(StepRow inForce, StepRow draft, StepChange change) implements Serializable {

        public boolean changed() {
            return change != StepChange.SAME;
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

    /** Shows a template: its versions of the own tenant, its draft, the upload and a fresh dry run. */
    public void select(String templateKey) {
        key = templateKey;
        trial = null;
        windowGroup = defaultGroup;
        reviewGroups = String.join("\n", defaultReviewGroups);
        refuseInRound = null;
        loadVersions();
        loadDraft();
    }

    /**
     * Saves an uploaded file as the draft of the next version, over the draft as it was read; a file the template
     * rules refuse changes nothing. Nothing is published until the administrator publishes the draft.
     */
    public void upload(FileUploadEvent event) {
        if (key == null) {
            return;
        }
        try {
            TemplateDraft saved = templates.saveDraft(
                    tenant, key, event.getFile().getContent(), draft == null ? null : draft.lockVersion());
            draft = view(saved);
            AdminText.infoAt(
                    UPLOAD,
                    "processes.draft.saved",
                    event.getFile().getFileName(),
                    getSelected() == null ? key : getSelected().name());
        } catch (DomainException e) {
            refused(UPLOAD, e);
        }
    }

    /** Publishes the draft as the next version after the administrator confirmed; refused when it changed since. */
    public void publishDraft() {
        if (draft == null) {
            return;
        }
        try {
            ProcessTemplate published = templates.publishDraft(tenant, key, draft.lockVersion());
            AdminText.info(
                    "processes.published",
                    TemplateRow.of(published).name(),
                    published.version(),
                    AdminText.text("source." + published.source().name()));
            load();
            loadVersions();
            loadDraft();
        } catch (DomainException e) {
            refused(null, e);
        }
    }

    /** Discards the draft after the administrator confirmed; the version in force is untouched. */
    public void discardDraft() {
        if (draft == null) {
            return;
        }
        try {
            templates.discardDraft(tenant, key, draft.lockVersion());
            AdminText.info(
                    "processes.draft.discarded",
                    getSelected() == null ? key : getSelected().name());
            loadDraft();
        } catch (DomainException e) {
            refused(null, e);
        }
    }

    /**
     * Shows why the draft was not saved, published or discarded (beside {@code clientId}, or at the top when null).
     * When someone else saved, published or discarded it since it was read, the page reads it again and says so.
     */
    private void refused(String clientId, DomainException e) {
        FacesMessages.error(clientId, e);
        if (e.kind() == DomainException.Kind.CONFLICT || e.kind() == DomainException.Kind.NOT_FOUND) {
            loadDraft();
            AdminText.infoAt(clientId, "processes.draft.reloaded");
        }
    }

    public void showDraftBpmn() {
        if (draft == null) {
            return;
        }
        bpmn = draft.bpmn();
        bpmnTitle = AdminText.text("processes.draft.bpmn.title", key, draft.savedBy());
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

    /** Reads the draft of the selected template, if the tier has one (only those who may change templates see it). */
    private void loadDraft() {
        draft = null;
        if (!mayChange || key == null) {
            return;
        }
        try {
            Optional<TemplateDraft> found = templates.draft(tenant, key);
            if (found.isPresent()) {
                draft = view(found.get());
            }
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    private DraftView view(TemplateDraft found) {
        List<StepRow> steps;
        try {
            steps = StepRow.of(templates.steps(found));
        } catch (DomainException e) {
            // A draft the rules refuse now (saved under older rules) can still be read and discarded.
            steps = List.of();
            FacesMessages.error(e);
        }
        return new DraftView(found.updatedBy(), Date.from(found.updatedAt()), found.version(), steps, found.bpmn());
    }

    /**
     * The steps of the version in force beside the draft's, line by line: the steps both have in common stay
     * aligned (a longest common subsequence of name and kind); between them, a step of either side is paired with
     * the other side's in order as changed, and what is left over was added or removed.
     */
    static List<StepPair> compare(List<StepRow> inForce, List<StepRow> draft) {
        int n = inForce.size();
        int m = draft.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = inForce.get(i).equals(draft.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<StepPair> pairs = new ArrayList<>();
        List<StepRow> removed = new ArrayList<>();
        List<StepRow> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && inForce.get(i).equals(draft.get(j))) {
                pairUp(removed, added, pairs);
                pairs.add(new StepPair(inForce.get(i++), draft.get(j++), StepChange.SAME));
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                added.add(draft.get(j++));
            } else {
                removed.add(inForce.get(i++));
            }
        }
        pairUp(removed, added, pairs);
        return List.copyOf(pairs);
    }

    private static void pairUp(List<StepRow> removed, List<StepRow> added, List<StepPair> pairs) {
        for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
            StepRow before = k < removed.size() ? removed.get(k) : null;
            StepRow after = k < added.size() ? added.get(k) : null;
            StepChange change =
                    before == null ? StepChange.ADDED : after == null ? StepChange.REMOVED : StepChange.CHANGED;
            pairs.add(new StepPair(before, after, change));
        }
        removed.clear();
        added.clear();
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

    /** The draft of the selected template, or null when the tier has none. */
    public DraftView getDraft() {
        return draft;
    }

    /** The steps of the version in force beside the draft's. */
    public List<StepPair> getComparison() {
        TemplateRow selected = getSelected();
        if (draft == null || selected == null) {
            return List.of();
        }
        return compare(selected.steps(), draft.steps());
    }

    public long getChangedSteps() {
        return getComparison().stream().filter(StepPair::changed).count();
    }

    /** The confirmation before publishing the draft: which template, as which version, from which tier. */
    public String getPublishDraftConfirmation() {
        TemplateRow selected = getSelected();
        return selected == null
                ? ""
                : AdminText.text(
                        "processes.draft.publish.confirm",
                        selected.name(),
                        getNextVersion(),
                        AdminText.text("source." + getOwnSource()));
    }

    public String getDiscardDraftConfirmation() {
        TemplateRow selected = getSelected();
        return selected == null ? "" : AdminText.text("processes.draft.discard.confirm", selected.name());
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
