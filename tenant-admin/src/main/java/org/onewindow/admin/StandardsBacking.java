package org.onewindow.admin;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.onewindow.catalog.application.ImpactReport;
import org.onewindow.catalog.application.PublicationService;
import org.onewindow.catalog.application.StandardsService;
import org.onewindow.catalog.domain.Conflict;
import org.onewindow.catalog.domain.ElementProblem;
import org.onewindow.catalog.domain.ImpactPreview;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.ItemRefused;
import org.onewindow.catalog.domain.ItemRules;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.MaterialSource;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.catalog.guide.LicenceTypes;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.ui.FacesMessages;
import org.onewindow.ui.MessageResolver;
import org.primefaces.PrimeFaces;

/**
 * The console's standards page ({@code /admin/standards.xhtml}) for the standards team: the items, a draft of an
 * item's next version, the draft beside the version in force element by element, the impact preview (更新影响预览)
 * and the publication with what it did.
 */
@Named
@ViewScoped
public class StandardsBacking implements Serializable {

    @Inject
    StandardsService standards;

    @Inject
    PublicationService publications;

    @Inject
    AdoptionBacking adoption;

    private String query;
    private List<ItemLine> items;

    private String code;
    private String name;
    private int publishedNumber;
    private String publishedJson;
    private Integer draftNumber;
    private Integer draftLock;
    private String draftJson;

    private boolean editing;
    private String editedJson;
    private DraftForm form;

    private List<DiffRow> diff;
    private boolean changedOnly;
    private ImpactView impact;
    private ImpactView result;
    private PublishedFigures published;
    private UUID publication;
    private List<PublicationRow> recent;

    /** An item of the list: the version in force and the open draft, if any. */
    public record ItemLine(String code, String name, int published, Integer draft) implements Serializable {}

    /** One element of the two versions side by side. */
    public record DiffRow(String element, String label, String published, String draft, boolean changed)
            implements Serializable {}

    /** What a publication that ended did, from its own record: version, overriding, changed and conflicted. */
    public record PublishedFigures(int version, int overriding, int changed, int conflicted) implements Serializable {}

    /** A tenant an impact lists, with the elements it would get conflicts on. */
    public record TenantLine(String code, String name, String elements) implements Serializable {}

    /** An impact preview or a publication's result, as the page shows it. */
    public record ImpactView(
            String itemCode,
            int fromVersion,
            int toVersion,
            boolean standardChanged,
            int overriding,
            List<TenantLine> changed,
            List<TenantLine> conflicted,
            boolean published)
            implements Serializable {

        static ImpactView of(ImpactReport report) {
            ImpactPreview preview = report.preview();
            List<TenantLine> changed = preview.changed().stream()
                    .map(t -> new TenantLine(t.value(), report.nameOf(t), ""))
                    .toList();
            List<TenantLine> conflicted = new ArrayList<>();
            report.conflicts()
                    .forEach((t, list) -> conflicted.add(new TenantLine(
                            t.value(),
                            report.nameOf(t),
                            String.join(
                                    "、",
                                    list.stream()
                                            .map(Conflict::element)
                                            .map(Elements::label)
                                            .toList()))));
            return new ImpactView(
                    preview.itemCode(),
                    preview.fromVersion(),
                    preview.toVersion(),
                    preview.standardChanged(),
                    preview.overriding().size(),
                    changed,
                    List.copyOf(conflicted),
                    report.published());
        }
    }

    public List<ItemLine> getItems() {
        if (items == null) {
            search();
        }
        return items;
    }

    public void search() {
        try {
            Map<String, Integer> drafts = standards.openDrafts();
            items = standards.publishedItems(query).stream()
                    .map(v -> new ItemLine(
                            v.code(), Elements.display(v.element("name")), v.number(), drafts.get(v.code())))
                    .toList();
        } catch (DomainException e) {
            items = List.of();
            FacesMessages.error(e);
        }
    }

    public void open(String itemCode) {
        try {
            ItemVersion published = standards.publishedItem(itemCode);
            // Text and lock version read together: a save in between must not pair old text with a new lock.
            Optional<StandardsService.Draft> draft =
                    standards.openDraft(itemCode).map(open -> standards.draft(itemCode, open.number()));
            code = itemCode;
            name = Elements.display(published.element("name"));
            publishedNumber = published.number();
            publishedJson = published.elements().toString();
            draftNumber = draft.map(d -> d.item().number()).orElse(null);
            draftJson = draft.map(d -> d.item().elements().toString()).orElse(null);
            draftLock = draft.map(StandardsService.Draft::lockVersion).orElse(null);
            editing = false;
            editedJson = null;
            form = null;
            impact = null;
            result = null;
            diff = draftJson == null ? null : diff(read(publishedJson), read(draftJson));
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    /** Edits the open draft, starting from the text as it was read (its lock version guards the save). */
    public void editDraft() {
        editing = true;
        editedJson = Elements.pretty(read(draftJson));
        form = DraftForm.of(read(draftJson));
        result = null;
    }

    /** Discards the open draft after the editor confirmed; refused when someone changed it since it was read. */
    public void discardDraft() {
        try {
            standards.discardDraft(code, draftNumber, draftLock);
            AdminText.info("standards.draft.discarded", name, draftNumber);
            open(code);
            search();
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public void startDraft() {
        editing = true;
        editedJson = Elements.pretty(read(publishedJson));
        form = DraftForm.of(read(publishedJson));
        diff = null;
        result = null;
    }

    public void cancelDraft() {
        editing = false;
        editedJson = null;
        form = null;
        diff = null;
    }

    /** The edited elements beside the version in force, before anything is saved. */
    public void compare() {
        parsed().ifPresent(edited -> diff = diff(read(publishedJson), edited));
    }

    /** Saves the elements as typed in the JSON; a refusal names each element where it is, in words. */
    public void saveDraft() {
        parsed().ifPresent(edited -> save(edited, false));
    }

    /**
     * Saves the form's common elements over the draft as it was last read (unsaved JSON edits are not taken):
     * through the same service and rules as the JSON, each refusal shown at its field.
     */
    public void saveForm() {
        parsed().ifPresent(edited -> save(form.applyTo(edited), true));
    }

    private void save(JsonObject edited, boolean fromForm) {
        try {
            int saved = draftNumber == null
                    ? standards.createDraft(code, edited).number()
                    : standards
                            .editDraft(code, draftNumber, edited, draftLock)
                            .item()
                            .number();
            AdminText.info("standards.draft.saved", name, saved);
            open(code);
            search();
        } catch (ItemRefused e) {
            if (fromForm) {
                refuseAtFields(e);
            } else {
                refuseAtJson(e);
            }
        } catch (DomainException e) {
            FacesMessages.error(fromForm ? null : "standards:elements", e);
        }
    }

    /** The form's fields by the element (or the material's element) a refusal names. */
    // spotless:off
    private static final Map<String, String> FORM_FIELDS = Map.ofEntries(
            Map.entry("name",                                          "form-name"),
            Map.entry(ItemElements.STATUTORY_LIMIT_DAYS,               "form-statutory"),
            Map.entry(ItemElements.PROMISED_LIMIT_DAYS,                "form-promised"),
            Map.entry(ItemElements.LEGAL_BASIS,                        "form-legal"),
            Map.entry(ItemElements.FEES,                               "form-fees"),
            Map.entry(ItemElements.MATERIALS,                          "form-materials"),
            Map.entry("material." + ItemElements.CODE,                 "material-code"),
            Map.entry("material.name",                                 "material-name"),
            Map.entry("material." + ItemElements.MATERIAL_FORM,        "material-form"),
            Map.entry("material." + ItemElements.MATERIAL_COPIES,      "material-copies"),
            Map.entry("material." + ItemElements.MATERIAL_MANDATORY,   "material-mandatory"),
            Map.entry("material." + ItemElements.MATERIAL_SOURCES,     "material-sources"));
    // spotless:on

    private void refuseAtFields(ItemRefused e) {
        for (ElementProblem problem : e.problems()) {
            String field = problem.material() < 0
                    ? FORM_FIELDS.get(problem.element())
                    : FORM_FIELDS.getOrDefault("material." + problem.element(), "material-name");
            if (field == null) {
                FacesMessages.errorText(where(problem) + "：" + words(problem));
            } else if (problem.material() < 0) {
                FacesMessages.errorText("standards:" + field, wordsAtField(problem));
            } else {
                FacesMessages.errorText(
                        "standards:materials:" + problem.material() + ":" + field, wordsAtField(problem));
            }
        }
    }

    private void refuseAtJson(ItemRefused e) {
        FacesMessages.errorText(
                "standards:elements",
                String.join(
                        "；",
                        e.problems().stream()
                                .map(problem -> where(problem) + "：" + words(problem))
                                .toList()));
    }

    private static String words(ElementProblem problem) {
        return new MessageResolver()
                .getMessage(problem.key(), problem.arguments().toArray());
    }

    /**
     * The refusal's message at a form field, the element named by the field's label ({@code “份数”应为…}), not by its
     * JSON name ({@code “copies”}).
     */
    private static String wordsAtField(ElementProblem problem) {
        String label = problem.material() >= 0
                ? AdminText.textOr("standards.form.material." + problem.element(), problem.element())
                : Elements.label(problem.element());
        Object[] arguments = problem.arguments().stream()
                .map(argument -> problem.element().equals(argument) ? label : argument)
                .toArray();
        return new MessageResolver().getMessage(problem.key(), arguments);
    }

    /** Where a refused element is, in words: 承诺时限（工作日）, 申请材料第2项的“材料名称”. */
    static String where(ElementProblem problem) {
        if (problem.material() >= 0) {
            return AdminText.text(
                    "standards.where.material",
                    problem.material() + 1,
                    AdminText.textOr("standards.form.material." + problem.element(), problem.element()));
        }
        String path = problem.element();
        int end = path.length();
        for (char stop : new char[] {'.', '['}) {
            int at = path.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return Elements.label(path.substring(0, end)) + path.substring(end);
    }

    public void previewImpact() {
        try {
            impact = ImpactView.of(standards.impact(code, draftNumber));
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    /** Queues the publication; the progress bar on the page follows it until it ends. */
    public void publish() {
        try {
            publication = publications.publish(code, draftNumber).id();
            published = null;
            result = null;
            PrimeFaces.current().ajax().addCallbackParam("publishing", true);
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    /** The running publication's progress in percent, 100 once it ended either way (the progress bar polls it). */
    public int getProgress() {
        if (publication == null) {
            return 0;
        }
        Publication running = publications.find(publication);
        return running.state().finished() ? 100 : Math.min(99, running.percent());
    }

    /** The publication ended: its figures on success, its reason on failure (when nothing changed). */
    public void publicationEnded() {
        if (publication == null) {
            return;
        }
        Publication ended = publications.find(publication);
        publication = null;
        recent = null;
        adoption.forget();
        if (ended.state() == Publication.State.SUCCEEDED) {
            ImpactView previewed = impact;
            open(code);
            result = previewed;
            published = new PublishedFigures(
                    ended.versionNumber(), ended.overriding(), ended.changed(), ended.conflicted());
            search();
        } else {
            FacesMessages.errorText(AdminText.text("standards.publish.failed", ended.errorText()));
        }
    }

    /** The JSON as typed, or a refusal that says where it stops being JSON (line and column) in words. */
    private Optional<JsonObject> parsed() {
        try {
            JsonStructure structure = Elements.read(editedJson == null ? "" : editedJson);
            if (structure instanceof JsonObject object) {
                return Optional.of(object);
            }
            AdminText.error("standards:elements", "standards.draft.json.invalid");
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            if (at != null && at.getLineNumber() > 0) {
                AdminText.error(
                        "standards:elements",
                        "standards.draft.json.invalid.at",
                        String.valueOf(at.getLineNumber()),
                        String.valueOf(at.getColumnNumber()));
            } else {
                AdminText.error("standards:elements", "standards.draft.json.invalid");
            }
        } catch (JsonException e) {
            AdminText.error("standards:elements", "standards.draft.json.invalid");
        }
        return Optional.empty();
    }

    /** Every element of either version, in the order of the version in force, then the new ones. */
    static List<DiffRow> diff(JsonObject published, JsonObject draft) {
        Set<String> names = new LinkedHashSet<>(published.keySet());
        names.addAll(draft.keySet());
        List<DiffRow> rows = new ArrayList<>();
        for (String element : names) {
            JsonValue before = published.getOrDefault(element, JsonValue.NULL);
            JsonValue after = draft.getOrDefault(element, JsonValue.NULL);
            rows.add(new DiffRow(
                    element,
                    Elements.label(element),
                    Elements.display(element, before),
                    Elements.display(element, after),
                    !before.equals(after)));
        }
        return rows;
    }

    private static JsonObject read(String json) {
        return Elements.read(json).asJsonObject();
    }

    public List<DiffRow> getDiff() {
        if (diff == null || !changedOnly) {
            return diff;
        }
        return diff.stream().filter(DiffRow::changed).toList();
    }

    public long getChangedCount() {
        return diff == null ? 0 : diff.stream().filter(DiffRow::changed).count();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getPublishedNumber() {
        return publishedNumber;
    }

    public Integer getDraftNumber() {
        return draftNumber;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getEditedJson() {
        return editedJson;
    }

    public void setEditedJson(String editedJson) {
        this.editedJson = editedJson;
    }

    /** The forms a material may take (原件, 复印件, 电子件), in words. */
    public List<SelectItem> getMaterialForms() {
        return ItemRules.VOCABULARIES.get(ItemElements.MATERIAL_FORM).keySet().stream()
                .map(form -> new SelectItem(form, AdminText.textOr("element.form." + form, form)))
                .toList();
    }

    /**
     * The sources a material may name, by their names: the applicant, an e-licence of each type on record, the
     * departments' shared data the console knows, and any other source a material of the form already names (kept
     * as written, so that saving never drops it).
     */
    public List<SelectItem> getSourceChoices() {
        Set<String> sources = new LinkedHashSet<>();
        sources.add("APPLICANT");
        LicenceTypes.names().keySet().stream().sorted().forEach(type -> sources.add("ELICENSE:" + type));
        SHARED_DATA.forEach(data -> sources.add("SHARED:" + data));
        if (form != null) {
            form.getMaterials().forEach(material -> sources.addAll(material.getSources()));
        }
        return sources.stream()
                .map(source -> new SelectItem(source, sourceName(source)))
                .toList();
    }

    /** The departments' shared data that materials of the catalog name (部门共享数据). */
    private static final List<String> SHARED_DATA =
            List.of("ECONOMIC_CHECK", "DISABILITY_ASSESSMENT", "DRAWING_REVIEW");

    /** A source in words: 申请人提供, 电子证照：居民身份证, 部门共享数据：家庭经济状况核对; an unknown one as written. */
    static String sourceName(String source) {
        MaterialSource parsed = MaterialSource.of(source);
        return switch (parsed.kind()) {
            case APPLICANT -> AdminText.text("standards.source.APPLICANT");
            case ELICENCE ->
                AdminText.text(
                        "standards.source.ELICENCE",
                        LicenceTypes.names().getOrDefault(parsed.detail(), parsed.detail()));
            case SHARED ->
                AdminText.text(
                        "standards.source.SHARED",
                        AdminText.textOr("standards.source.shared." + parsed.detail(), parsed.detail()));
            case OTHER -> source;
        };
    }

    public DraftForm getForm() {
        return form;
    }

    public boolean isChangedOnly() {
        return changedOnly;
    }

    public void setChangedOnly(boolean changedOnly) {
        this.changedOnly = changedOnly;
    }

    public ImpactView getImpact() {
        return impact;
    }

    /** A publication as the table shows it (a {@link Date}: Faces formats that, not an {@code Instant}). */
    public record PublicationRow(
            String itemCode,
            int version,
            String state,
            int countiesDone,
            int countiesTotal,
            int percent,
            int overriding,
            int changed,
            int conflicted,
            String errorText,
            String startedBy,
            Date startedAt)
            implements Serializable {

        static PublicationRow of(Publication run) {
            return new PublicationRow(
                    run.itemCode(),
                    run.versionNumber(),
                    run.state().name(),
                    run.countiesDone(),
                    run.countiesTotal(),
                    run.percent(),
                    run.overriding(),
                    run.changed(),
                    run.conflicted(),
                    run.errorText(),
                    run.startedBy(),
                    Date.from(run.createdAt()));
        }
    }

    /** The latest publications, newest first: read once per view, again on refresh and when one ends. */
    public List<PublicationRow> getPublications() {
        if (recent == null) {
            refreshPublications();
        }
        return recent;
    }

    public void refreshPublications() {
        try {
            recent = publications.recent("").stream().map(PublicationRow::of).toList();
        } catch (DomainException e) {
            recent = List.of();
            FacesMessages.error(e);
        }
    }

    public PublishedFigures getPublished() {
        return published;
    }

    public boolean isPublishing() {
        return publication != null;
    }

    public ImpactView getResult() {
        return result;
    }

    /** The confirmation before publishing: what it retires and how many tenants get conflicts. */
    public String getDiscardConfirmation() {
        return draftNumber == null ? "" : AdminText.text("standards.draft.discard.confirm", name, draftNumber);
    }

    public String getPublishConfirmation() {
        return impact == null
                ? ""
                : AdminText.text(
                        "standards.publish.confirm",
                        name,
                        draftNumber,
                        impact.conflicted().size());
    }

    public String getDraftLabel() {
        return draftNumber == null ? "" : AdminText.text("standards.diff.draft", draftNumber);
    }

    /** The number of the draft being edited: the open one, else the next. */
    public int getNextNumber() {
        return draftNumber == null ? publishedNumber + 1 : draftNumber;
    }
}
