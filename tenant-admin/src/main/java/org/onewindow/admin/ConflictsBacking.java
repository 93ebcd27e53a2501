package org.onewindow.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.onewindow.catalog.application.CatalogFilter;
import org.onewindow.catalog.application.CatalogService;
import org.onewindow.catalog.application.TenantItem;
import org.onewindow.catalog.domain.Conflict;
import org.onewindow.catalog.domain.ElementSource;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.Resolution;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.ui.FacesMessages;

/**
 * The console's conflicts page ({@code /admin/conflicts.xhtml}): what a standards update left the administrator's
 * own tenant to decide (版本更新冲突), with the old and new standard values and the local one side by side, and the
 * three ways to settle each: keep the local value, take the standard's, or write a new one.
 */
@Named
@ViewScoped
public class ConflictsBacking implements Serializable {

    @Inject
    CatalogService catalog;

    private List<ConflictRow> conflicts;
    private ConflictRow editing;
    private String value;

    /** A pending conflict as the table shows it; the raw local value is kept to prefill an edit. */
    public record ConflictRow(
            String itemCode,
            String itemName,
            String element,
            String label,
            String oldStandard,
            String newStandard,
            String local,
            String localJson,
            String reason)
            implements Serializable {

        /** The form of an edited value: a number of days, yes or no, a line of text, or JSON for lists. */
        public String kind() {
            return switch (element) {
                case ItemElements.PROMISED_LIMIT_DAYS -> "days";
                case ItemElements.OFFERED -> "boolean";
                case ItemElements.LOCAL_WINDOW,
                        ItemElements.LOCAL_SERVICE_POINT,
                        ItemElements.LOCAL_NOTES,
                        ItemElements.GUIDANCE -> "text";
                default -> "json";
            };
        }
    }

    public List<ConflictRow> getConflicts() {
        if (conflicts == null) {
            load();
        }
        return conflicts;
    }

    public void keepLocal(ConflictRow row) {
        resolve(row, Resolution.keepLocal(), null);
    }

    public void takeStandard(ConflictRow row) {
        resolve(row, Resolution.takeStandard(), null);
    }

    public void startEdit(ConflictRow row) {
        editing = row;
        value = switch (row.kind()) {
            case "text" -> row.localJson().startsWith("\"") ? row.local() : "";
            case "json" -> row.localJson();
            default -> row.localJson().equals("null") ? "" : row.localJson();
        };
    }

    public void saveEdit() {
        JsonValue edited;
        try {
            edited = switch (editing.kind()) {
                case "days" -> Json.createValue(Integer.parseInt(value == null ? "" : value.strip()));
                case "boolean" -> Boolean.parseBoolean(value) ? JsonValue.TRUE : JsonValue.FALSE;
                case "text" -> Json.createValue(value == null ? "" : value.strip());
                default -> Elements.readValue(value == null ? "" : value);
            };
        } catch (NumberFormatException | JsonException e) {
            AdminText.error(field(editing), "conflicts.value.invalid", editing.label());
            return;
        }
        resolve(editing, Resolution.edit(edited), field(editing));
    }

    /** What the confirmation before taking the standard says: the local value is discarded for good. */
    public String takeConfirmation(ConflictRow row) {
        return AdminText.text("conflicts.take.confirm", row.newStandard(), row.local());
    }

    private static String field(ConflictRow row) {
        return switch (row.kind()) {
            case "json" -> "edit:edit-json";
            case "boolean" -> "edit:edit-flag";
            default -> "edit:edit-value";
        };
    }

    private void resolve(ConflictRow row, Resolution resolution, String field) {
        try {
            TenantItem now = catalog.resolve(row.itemCode(), row.element(), resolution);
            AdminText.info(
                    "conflicts.resolved",
                    row.itemName(),
                    row.label(),
                    Elements.display(row.element(), now.item().element(row.element())),
                    AdminText.text("source."
                            + now.item()
                                    .source(row.element())
                                    .map(ElementSource::name)
                                    .orElse(ElementSource.STANDARD.name())));
            load();
        } catch (DomainException e) {
            FacesMessages.error(field, e);
        }
    }

    private void load() {
        try {
            Map<String, String> names = catalog.ownCatalog(CatalogFilter.none()).stream()
                    .collect(Collectors.toMap(
                            i -> i.item().standard().code(),
                            i -> Elements.display(i.item().element("name"))));
            conflicts = catalog.conflicts().stream()
                    .map(pending -> {
                        Conflict c = pending.toDomain();
                        return new ConflictRow(
                                pending.itemCode(),
                                names.getOrDefault(pending.itemCode(), pending.itemCode()),
                                c.element(),
                                Elements.label(c.element()),
                                Elements.display(c.element(), c.oldStandard()),
                                Elements.display(c.element(), c.newStandard()),
                                Elements.display(c.element(), c.local()),
                                c.local().toString(),
                                c.reason().name());
                    })
                    .toList();
        } catch (DomainException e) {
            conflicts = List.of();
            FacesMessages.error(e);
        }
    }

    public ConflictRow getEditing() {
        return editing;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
