package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.onewindow.kernel.tenant.application.OfferedItems;

/** The items a division offers, for the kernel's windows and departments: its effective catalog, by code. */
@ApplicationScoped
public class CatalogOfferedItems implements OfferedItems {

    @Inject
    CatalogService catalog;

    @Override
    public Map<String, String> offeredAt(String tenantCode) {
        Map<String, String> items = new TreeMap<>();
        for (TenantItem item : catalog.effectiveCatalog(tenantCode, CatalogFilter.none())) {
            items.put(item.item().standard().code(), item.item().elements().getString("name", ""));
        }
        return items;
    }
}
