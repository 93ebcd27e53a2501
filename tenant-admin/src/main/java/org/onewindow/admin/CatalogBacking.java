package org.onewindow.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.List;
import org.onewindow.catalog.application.CatalogFilter;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.catalog.application.TenantItem;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.catalog.domain.ElementSource;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.WorkingDayLimits;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.ui.FacesMessages;

/**
 * The console's catalog page ({@code /admin/catalog.xhtml}): the administrator's own tenant's effective catalog,
 * one item with the source of every element, and the form of the tenant's own override (本级调整) of the elements
 * a tier may change.
 */
@Named
@ViewScoped
public class CatalogBacking implements Serializable {

    /**
     * The elements the form edits; the others a tier may set (materials, fee reductions) are kept as they are. The
     * local form fields ({@code extraFormFields}) are edited too, for an item that has an application form.
     */
    static final List<String> EDITED = List.of(
            ItemElements.PROMISED_LIMIT_DAYS,
            ItemElements.LOCAL_WINDOW,
            ItemElements.LOCAL_SERVICE_POINT,
            ItemElements.LOCAL_NOTES,
            ItemElements.GUIDANCE,
            ItemElements.OFFERED);

    @Inject
    CatalogService catalog;

    private String query;
    private List<ItemRow> items;
    private int pendingConflicts = -1;
    private ItemDetail selected;
    private OverrideForm form;

    /** A line of the catalog. */
    public record ItemRow(
            String code,
            String name,
            String department,
            String promised,
            String promisedSource,
            boolean offered,
            boolean adapted,
            int standardVersion)
            implements Serializable {}

    /** An element of the selected item: its label, effective value and who set it (empty source: cleared). */
    public record ElementRow(String element, String label, String value, String source) implements Serializable {}

    /** The selected item as the tenant offers it. */
    public record ItemDetail(
            String code,
            String name,
            int standardVersion,
            Integer overrideVersion,
            String ownTier,
            boolean offered,
            List<ElementRow> elements)
            implements Serializable {}

    /**
     * The override form: the tenant's own values (blank where it follows the tiers above), what it would inherit as
     * hints, and the rest of its stored patch, which the form passes through unchanged.
     */
    public static final class OverrideForm implements Serializable {
        private Integer promisedLimitDays;
        private String localWindow;
        private String localServicePoint;
        private String localNotes;
        private String guidance;
        private boolean offered;
        private boolean offeredOwn;
        private boolean offeredBefore;
        private String storedPatch;
        private String statutory;
        private final java.util.Map<String, String> inherited = new java.util.HashMap<>();
        private boolean applicationForm;
        private final List<LocalField> localFields = new java.util.ArrayList<>();

        /** Whether the item has an application form (申请表), to which the tier may add optional fields. */
        public boolean isApplicationForm() {
            return applicationForm;
        }

        /** The tier's own optional fields of the application form, in their order. */
        public List<LocalField> getLocalFields() {
            return localFields;
        }

        public Integer getPromisedLimitDays() {
            return promisedLimitDays;
        }

        public void setPromisedLimitDays(Integer promisedLimitDays) {
            this.promisedLimitDays = promisedLimitDays;
        }

        public String getLocalWindow() {
            return localWindow;
        }

        public void setLocalWindow(String localWindow) {
            this.localWindow = localWindow;
        }

        public String getLocalServicePoint() {
            return localServicePoint;
        }

        public void setLocalServicePoint(String localServicePoint) {
            this.localServicePoint = localServicePoint;
        }

        public String getLocalNotes() {
            return localNotes;
        }

        public void setLocalNotes(String localNotes) {
            this.localNotes = localNotes;
        }

        public String getGuidance() {
            return guidance;
        }

        public void setGuidance(String guidance) {
            this.guidance = guidance;
        }

        public boolean isOffered() {
            return offered;
        }

        public void setOffered(boolean offered) {
            this.offered = offered;
        }

        public String getStatutory() {
            return statutory;
        }

        /** What the field would show if left blank: the value of the tiers above, or the standard's. */
        public java.util.Map<String, String> getInherited() {
            return inherited;
        }
    }

    /**
     * One optional field a tier adds to the item's application form (本级增加的申请表字段): its code, label, type
     * ({@code text}, {@code textarea}, {@code integer}, {@code decimal}, {@code date}, {@code select}, {@code phone},
     * {@code address}) and, for a choice, its options separated by 、 or a comma. Always optional: a tier may ask
     * for more, never require it (the catalog checks the definition as it checks the standard's).
     */
    public static final class LocalField implements Serializable {
        /** The types a tier may add from the console; tables, ID numbers and organisations stay the standard's. */
        public static final List<String> TYPES =
                List.of("text", "textarea", "integer", "decimal", "date", "select", "phone", "address");

        private String code;
        private String label;
        private String type = "text";
        private String options;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }

        boolean blank() {
            return isBlank(code) && isBlank(label) && isBlank(options);
        }

        /** The field's definition as the catalog reads it; the options split at 、 or commas. */
        JsonObject toJson() {
            JsonObjectBuilder field = Json.createObjectBuilder()
                    .add("code", code == null ? "" : code.strip())
                    .add("label", label == null ? "" : label.strip())
                    .add("type", type == null ? "text" : type)
                    .add("required", false);
            if (!isBlank(options)) {
                jakarta.json.JsonArrayBuilder list = Json.createArrayBuilder();
                for (String option : options.split("[、,，]")) {
                    if (!option.isBlank()) {
                        list.add(option.strip());
                    }
                }
                field.add("options", list);
            }
            return field.build();
        }

        static LocalField of(JsonObject definition) {
            LocalField field = new LocalField();
            field.code = definition.getString("code", null);
            field.label = definition.getString("label", null);
            field.type = definition.getString("type", "text");
            if (definition.get("options") instanceof jakarta.json.JsonArray list) {
                field.options = String.join(
                        "、",
                        list.getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .toList());
            }
            return field;
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    /** A new empty local field at the end of the list. */
    public void addLocalField() {
        form.localFields.add(new LocalField());
    }

    /** Takes a local field off the list (saved with the override). */
    public void removeLocalField(int index) {
        if (index >= 0 && index < form.localFields.size()) {
            form.localFields.remove(index);
        }
    }

    /** The types a tier may give a local field, for the list to choose from. */
    public List<String> getLocalFieldTypes() {
        return LocalField.TYPES;
    }

    public List<ItemRow> getItems() {
        if (items == null) {
            search();
        }
        return items;
    }

    public void search() {
        try {
            // The same words as the public catalog finds: one matcher (CatalogFilter, SearchText) for both.
            items = catalog.ownCatalog(new CatalogFilter(query, "", "", "")).stream()
                    .map(CatalogBacking::row)
                    .toList();
        } catch (DomainException e) {
            items = List.of();
            FacesMessages.error(e);
        }
    }

    /** How many conflicts wait for the administrator: the page points to them. */
    public int getPendingConflicts() {
        if (pendingConflicts < 0) {
            pendingConflicts = catalog.conflicts().size();
        }
        return pendingConflicts;
    }

    public void show(String itemCode) {
        try {
            selected = detail(catalog.ownCatalog(CatalogFilter.none()).stream()
                    .filter(item -> item.item().standard().code().equals(itemCode))
                    .findFirst()
                    .orElseThrow(() -> DomainException.notFound("catalog.item.not.found", itemCode)));
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    /** Fills the override form from the tenant's stored override and what the tiers above give it. */
    public void startOverride() {
        try {
            JsonObject own = catalog.ownPatch(selected.code());
            OverrideForm next = new OverrideForm();
            next.storedPatch = own.toString();
            for (ElementRow row : selected.elements()) {
                if (!row.source().equals(selected.ownTier())) {
                    next.inherited.put(row.element(), row.value());
                }
                if (row.element().equals(ItemElements.STATUTORY_LIMIT_DAYS)) {
                    next.statutory = row.value();
                }
            }
            if (own.get(ItemElements.PROMISED_LIMIT_DAYS) instanceof JsonNumber days) {
                next.promisedLimitDays = days.intValue();
            }
            next.localWindow = text(own, ItemElements.LOCAL_WINDOW);
            next.localServicePoint = text(own, ItemElements.LOCAL_SERVICE_POINT);
            next.localNotes = text(own, ItemElements.LOCAL_NOTES);
            next.guidance = text(own, ItemElements.GUIDANCE);
            next.offeredOwn = own.containsKey(ItemElements.OFFERED);
            next.offeredBefore = selected.offered();
            next.offered = next.offeredBefore;
            next.applicationForm =
                    selected.elements().stream().anyMatch(row -> row.element().equals(ItemElements.APPLICATION_FORM));
            if (own.get(ItemElements.EXTRA_FORM_FIELDS) instanceof jakarta.json.JsonArray fields) {
                fields.stream()
                        .filter(JsonObject.class::isInstance)
                        .map(field -> LocalField.of(field.asJsonObject()))
                        .forEach(next.localFields::add);
            }
            form = next;
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public void saveOverride() {
        try {
            TenantItem saved = catalog.setOverride(selected.code(), patch(), selected.overrideVersion());
            selected = detail(saved);
            AdminText.info(
                    saved.overrideVersion().isPresent() ? "catalog.override.saved" : "catalog.override.removed",
                    selected.name());
            search();
        } catch (DomainException e) {
            FacesMessages.error(fieldOf(e), e);
        }
    }

    /** The whole new override: the edited elements from the form, the others as stored. */
    JsonObject patch() {
        JsonObject stored = Elements.read(form.storedPatch).asJsonObject();
        JsonObjectBuilder patch = Json.createObjectBuilder(stored);
        EDITED.forEach(patch::remove);
        if (form.promisedLimitDays != null) {
            patch.add(ItemElements.PROMISED_LIMIT_DAYS, form.promisedLimitDays);
        }
        text(patch, stored, ItemElements.LOCAL_WINDOW, form.localWindow);
        text(patch, stored, ItemElements.LOCAL_SERVICE_POINT, form.localServicePoint);
        text(patch, stored, ItemElements.LOCAL_NOTES, form.localNotes);
        text(patch, stored, ItemElements.GUIDANCE, form.guidance);
        // Offered is set only when the tenant chose it: an untouched box keeps following the tiers above.
        if (form.offeredOwn || form.offered != form.offeredBefore) {
            patch.add(ItemElements.OFFERED, form.offered);
        }
        if (form.applicationForm) {
            patch.remove(ItemElements.EXTRA_FORM_FIELDS);
            jakarta.json.JsonArrayBuilder fields = Json.createArrayBuilder();
            form.localFields.stream()
                    .filter(field -> !field.blank())
                    .map(LocalField::toJson)
                    .forEach(fields::add);
            jakarta.json.JsonArray local = fields.build();
            if (!local.isEmpty()) {
                patch.add(ItemElements.EXTRA_FORM_FIELDS, local);
            }
        }
        return patch.build();
    }

    /** A blank field follows the tiers above, unless the tenant had cleared the element on purpose (null). */
    private static void text(JsonObjectBuilder patch, JsonObject stored, String element, String value) {
        if (value != null && !value.isBlank()) {
            patch.add(element, value.strip());
        } else if (stored.containsKey(element) && stored.isNull(element)) {
            patch.addNull(element);
        }
    }

    private static String text(JsonObject own, String element) {
        return own.get(element) instanceof JsonString s ? s.getString() : null;
    }

    /** The field a refusal is about, so it shows beside it; the dialog's own messages otherwise. */
    private static String fieldOf(DomainException e) {
        List<Object> arguments = e.arguments();
        String element = arguments.isEmpty() ? "" : String.valueOf(arguments.getFirst());
        return switch (e.key()) {
            case WorkingDayLimits.PROMISED_ABOVE_STATUTORY -> "override:promised";
            case "catalog.override.days.invalid", "catalog.override.clear.refused" ->
                element.equals(ItemElements.PROMISED_LIMIT_DAYS) ? "override:promised" : "override:override-panel";
            case "catalog.override.text.expected" ->
                switch (element) {
                    case ItemElements.LOCAL_WINDOW -> "override:window";
                    case ItemElements.LOCAL_SERVICE_POINT -> "override:point";
                    case ItemElements.LOCAL_NOTES -> "override:notes";
                    case ItemElements.GUIDANCE -> "override:guidance";
                    default -> "override:override-panel";
                };
            default -> "override:override-panel";
        };
    }

    private static ItemRow row(TenantItem tenantItem) {
        EffectiveItem item = tenantItem.item();
        JsonValue promised = item.element(ItemElements.PROMISED_LIMIT_DAYS);
        return new ItemRow(
                item.standard().code(),
                Elements.display(item.element("name")),
                Elements.display("department", item.element("department")),
                promised instanceof JsonNumber days ? AdminText.text("catalog.days", days.intValue()) : "",
                item.source(ItemElements.PROMISED_LIMIT_DAYS)
                        .map(ElementSource::name)
                        .orElse(""),
                item.offered(),
                tenantItem.overrideVersion().isPresent(),
                item.standard().number());
    }

    private static ItemDetail detail(TenantItem tenantItem) {
        EffectiveItem item = tenantItem.item();
        List<ElementRow> elements = new java.util.ArrayList<>();
        item.elements()
                .forEach((name, value) -> elements.add(new ElementRow(
                        name,
                        Elements.label(name),
                        Elements.display(name, value),
                        item.source(name).map(ElementSource::name).orElse(""))));
        if (!item.elements().containsKey(ItemElements.OFFERED)) {
            elements.add(new ElementRow(
                    ItemElements.OFFERED,
                    Elements.label(ItemElements.OFFERED),
                    AdminText.text("yes"),
                    ElementSource.STANDARD.name()));
        }
        return new ItemDetail(
                item.standard().code(),
                Elements.display(item.element("name")),
                item.standard().number(),
                tenantItem.overrideVersion().isPresent()
                        ? tenantItem.overrideVersion().getAsInt()
                        : null,
                ElementSource.tierOf(tenantItem.tenant()).name(),
                item.offered(),
                List.copyOf(elements));
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public ItemDetail getSelected() {
        return selected;
    }

    public OverrideForm getForm() {
        return form;
    }
}
