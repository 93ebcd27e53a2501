package org.onewindow.catalog.transfer;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.imports.DecodedText;
import org.onewindow.kernel.imports.ImportProblem;
import org.onewindow.kernel.imports.TextDecoder;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.text.JsonTexts;
import org.onewindow.kernel.text.TextProblem;
import org.onewindow.kernel.web.RequestBodyLimits;

/**
 * The standard catalog as one JSON document, in the shape of the catalog the standards team ships
 * ({@code {"version": …, "items": [{all elements of an item}, …]}}); other top-level members (themes, licence
 * types) are read past. An export adds {@code exportedAt} and {@code itemVersions} (each item's version number).
 */
final class CatalogJson {

    static final String ITEMS = "items";

    private CatalogJson() {}

    /** The document of the items in force. */
    static JsonObject write(List<ItemVersion> inForce, Instant at) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        JsonObjectBuilder versions = Json.createObjectBuilder();
        for (ItemVersion item : inForce) {
            items.add(item.elements());
            versions.add(item.code(), item.number());
        }
        return Json.createObjectBuilder()
                .add(
                        "version",
                        DateTimeFormatter.ofPattern("yyyy.MM.dd")
                                // The day as the county reads it (Beijing), not the server's UTC.
                                .withZone(WorkingDayCalendar.ZONE)
                                .format(at))
                .add("exportedAt", at.toString())
                .add(ITEMS, items)
                .add("itemVersions", versions)
                .build();
    }

    /**
     * The items of a document; each must be an object, and there must be at least one. The text is read by the
     * kernel's {@link TextDecoder} like every imported file (UTF-8 with or without BOM, UTF-16 with BOM, or GB18030
     * as Notepad's "ANSI" saves it on a Chinese Windows), and refused rather than stored with U+FFFD, even escaped.
     */
    static ParsedCatalog read(byte[] document) {
        DecodedText text = TextDecoder.decode(document);
        if (text.refused()) {
            ImportProblem problem = text.problem();
            return ParsedCatalog.refused(
                    new RowError(ITEMS, problem.line(), "", "", problem.key(), problem.arguments()));
        }
        if (RequestBodyLimits.depth(text.text()) > RequestBodyLimits.MAX_DEPTH) {
            return ParsedCatalog.refused(
                    RowError.ofFile(ITEMS, "", "request.json.too.deep", RequestBodyLimits.MAX_DEPTH));
        }
        JsonStructure root;
        try (JsonReader reader = Json.createReader(new StringReader(text.text()))) {
            root = reader.read();
            if (root.toString().indexOf('\uFFFD') >= 0) {
                return ParsedCatalog.refused(RowError.ofFile(ITEMS, "", "import.text.replacement", 1));
            }
        } catch (JsonParsingException e) {
            return ParsedCatalog.refused(RowError.ofFile(
                    ITEMS,
                    "",
                    "catalog.import.json.malformed",
                    String.valueOf(e.getLocation().getLineNumber())));
        } catch (JsonException e) {
            return ParsedCatalog.refused(RowError.ofFile(ITEMS, "", "catalog.import.json.malformed", "1"));
        }
        // Every string of the document by the one text rule, as a REST body's (ADR 0011): refused with its path.
        List<TextProblem> problems = new ArrayList<>();
        JsonValue cleaned = JsonTexts.clean(root, JsonObject.class, problems);
        if (!problems.isEmpty()) {
            TextProblem first = problems.get(0);
            return ParsedCatalog.refused(RowError.ofFile(
                    ITEMS, first.field(), first.key(), first.arguments().toArray()));
        }
        if (!(cleaned instanceof JsonObject object)
                || !(object.get(ITEMS) instanceof JsonArray items)
                || items.isEmpty()) {
            return ParsedCatalog.refused(RowError.ofFile(ITEMS, ITEMS, "catalog.import.items.required"));
        }
        List<ImportedItem> imported = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Where where = Where.json(i + 1);
            JsonValue item = items.get(i);
            if (item instanceof JsonObject elements) {
                imported.add(new ImportedItem(where, elements, Set.of(ImportedItem.ALL), List.of()));
            } else {
                errors.add(where.error("", "catalog.import.object.expected"));
            }
        }
        return new ParsedCatalog(imported, errors);
    }
}
