package org.onewindow.catalog.application;

import jakarta.json.JsonObject;
import org.onewindow.catalog.domain.EffectiveItem;

/**
 * An item as one tenant offers it, frozen for another module to keep (a case pins the version it was taken in
 * under): immutable, and nothing of the catalog's own types. The published form other modules read the catalog by.
 *
 * @param code the item code, e.g. {@code MZ-0001}
 * @param version the number of the standard version it is effective under
 * @param offered whether the tenant (or a tier above it) offers the item at all
 * @param elements the effective elements in the catalog's JSON form (the file and API form; see DOMAIN.md)
 */
public record ItemSnapshot(String code, int version, boolean offered, JsonObject elements) {

    static ItemSnapshot of(EffectiveItem item) {
        return new ItemSnapshot(item.standard().code(), item.standard().number(), item.offered(), item.elements());
    }

    /** The item's printed name, or its code when it has none. */
    public String name() {
        return elements.getString("name", code);
    }
}
