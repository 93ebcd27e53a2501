package org.onewindow.catalog.transfer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.onewindow.catalog.domain.ItemRules;

/** The demo county's departments and the shipped demo catalog, as the import sees them. */
final class TransferFixtures {

    static final String COUNTY = "370321000000";
    static final Set<String> DEPARTMENTS =
            Set.of("XZSP", "GA", "ZRZY", "RS", "MZ", "SW", "ZJ", "CZ", "SCJG", "YB", "WJ", "CL", "NY");
    static final Set<String> TEMPLATES = Set.of("on-the-spot", "single-department", "tiered-review", "parallel-review");
    static final ItemRules RULES = new ItemRules(DEPARTMENTS, COUNTY, TEMPLATES);

    private TransferFixtures() {}

    /** The import's check of these items with the demo county's departments and templates. */
    static List<RowError> check(List<ImportedItem> items) {
        return ImportCheck.check(items, RULES);
    }

    static byte[] demoCatalogBytes() {
        try (InputStream in = TransferFixtures.class.getResourceAsStream("/org/onewindow/catalog/demo/catalog.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject demoCatalog() {
        try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(demoCatalogBytes()))) {
            return reader.readObject();
        }
    }
}
