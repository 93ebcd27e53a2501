package org.onewindow.catalog.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.onewindow.catalog.application.ImpactReport;
import org.onewindow.catalog.application.StandardsService;
import org.onewindow.catalog.application.TenantItem;
import org.onewindow.catalog.domain.Conflict;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.PendingConflict;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/** The catalog as the API shows it: JSON objects, since an item's elements are JSON already. */
final class CatalogViews {

    private CatalogViews() {}

    /** A line of the catalog: what a citizen scans before opening the item. */
    static JsonObject summary(TenantItem tenantItem) {
        EffectiveItem item = tenantItem.item();
        return Json.createObjectBuilder()
                .add("code", item.standard().code())
                .add("name", item.element("name"))
                .add("type", item.element("type"))
                .add("department", item.element("department"))
                .add(ItemElements.PROMISED_LIMIT_DAYS, item.element(ItemElements.PROMISED_LIMIT_DAYS))
                .add(ItemElements.ON_THE_SPOT, item.element(ItemElements.ON_THE_SPOT))
                .add("standardVersion", item.standard().number())
                .build();
    }

    /** The item as the tenant offers it, with who set each element and the tenant's own override's version. */
    static JsonObject item(TenantItem tenantItem) {
        EffectiveItem item = tenantItem.item();
        JsonObjectBuilder sources = Json.createObjectBuilder();
        item.sources().forEach((element, source) -> sources.add(element, source.name()));
        JsonObjectBuilder view = Json.createObjectBuilder()
                .add("tenant", tenantItem.tenant().value())
                .add("code", item.standard().code())
                .add("standardVersion", item.standard().number())
                .add(ItemElements.OFFERED, item.offered())
                .add("elements", item.elements())
                .add("sources", sources);
        if (tenantItem.overrideVersion().isPresent()) {
            view.add("overrideVersion", tenantItem.overrideVersion().getAsInt());
        } else {
            view.addNull("overrideVersion");
        }
        return view.build();
    }

    static JsonObject conflict(PendingConflict pending) {
        Conflict conflict = pending.toDomain();
        return Json.createObjectBuilder()
                .add("itemCode", pending.itemCode())
                .add("element", conflict.element())
                .add("oldStandard", conflict.oldStandard())
                .add("newStandard", conflict.newStandard())
                .add("local", conflict.local())
                .add("reason", conflict.reason().name())
                .add("localInEffect", conflict.localInEffect())
                .add("standardVersion", pending.toVersion())
                .build();
    }

    static JsonObject version(ItemVersion version) {
        return Json.createObjectBuilder()
                .add("code", version.code())
                .add("version", version.number())
                .add("state", version.state().name())
                .add("elements", version.elements())
                .build();
    }

    static JsonObject draft(StandardsService.Draft draft) {
        return Json.createObjectBuilder(version(draft.item()))
                .add("lockVersion", draft.lockVersion())
                .build();
    }

    static JsonObject impact(ImpactReport report) {
        var preview = report.preview();
        JsonArrayBuilder changed = Json.createArrayBuilder();
        preview.changed().forEach(tenant -> changed.add(tenant(report, tenant)));
        JsonArrayBuilder conflicts = Json.createArrayBuilder();
        report.conflicts().forEach((tenant, list) -> {
            JsonArrayBuilder elements = Json.createArrayBuilder();
            list.forEach(c -> elements.add(c.element()));
            conflicts.add(Json.createObjectBuilder(tenant(report, tenant)).add("elements", elements));
        });
        return Json.createObjectBuilder()
                .add("itemCode", preview.itemCode())
                .add("fromVersion", preview.fromVersion())
                .add("toVersion", preview.toVersion())
                .add("published", report.published())
                .add("standardChanged", preview.standardChanged())
                .add("overridingCount", preview.overriding().size())
                .add("changedCount", preview.changedCount())
                .add("changed", changed)
                .add("conflictedCount", preview.conflictedCount())
                .add("conflicts", conflicts)
                .build();
    }

    static JsonObject publication(Publication publication) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", publication.id().toString())
                .add("itemCode", publication.itemCode())
                .add("version", publication.versionNumber())
                .add("state", publication.state().name())
                .add("percent", publication.percent())
                .add("countiesTotal", publication.countiesTotal())
                .add("countiesDone", publication.countiesDone())
                .add("countiesSettled", publication.countiesSettled())
                .add("overridingCount", publication.overriding())
                .add("changedCount", publication.changed())
                .add("conflictedCount", publication.conflicted())
                .add("startedBy", publication.startedBy())
                .add("createdAt", publication.createdAt().toString());
        if (publication.inForceAt() != null) {
            json.add("inForceAt", publication.inForceAt().toString());
        }
        if (publication.finishedAt() != null) {
            json.add("finishedAt", publication.finishedAt().toString());
        }
        if (publication.errorKey() != null) {
            json.add("error", publication.errorKey()).add("message", publication.errorText());
        }
        return json.build();
    }

    private static JsonObject tenant(ImpactReport report, DivisionCode tenant) {
        return Json.createObjectBuilder()
                .add("code", tenant.value())
                .add("name", report.nameOf(tenant))
                .build();
    }
}
