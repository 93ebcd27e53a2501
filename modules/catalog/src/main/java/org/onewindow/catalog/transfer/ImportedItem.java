package org.onewindow.catalog.transfer;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.json.Json;

/**
 * An item as a file states it, before it is checked.
 *
 * @param where the item's row
 * @param elements the elements the file gives; a value the file could not read as its type stays a string,
 *     which the rules then refuse with the value quoted
 * @param replaced the elements the file speaks for: an existing item keeps its other elements (a spreadsheet
 *     has no columns for fees or the process), every element for a JSON item
 * @param materials where each of {@code elements.materials} came from, in the same order
 */
record ImportedItem(Where where, JsonObject elements, Set<String> replaced, List<Where> materials) {

    ImportedItem {
        replaced = Set.copyOf(replaced);
        materials = List.copyOf(materials);
    }

    String code() {
        return elements.get("code") instanceof jakarta.json.JsonString code
                ? code.getString().strip()
                : "";
    }

    /** The elements of the next version: those in force, with the ones this file speaks for replaced. */
    JsonObject over(JsonObject inForce) {
        if (replaced.contains(ALL)) {
            return elements;
        }
        JsonObjectBuilder merged = Json.createObjectBuilder();
        inForce.forEach((name, value) -> {
            if (!replaced.contains(name)) {
                merged.add(name, value);
            }
        });
        elements.forEach((name, value) -> {
            // A blank cell of an element the item does not have leaves it without one: the export of an item
            // without conditions or a result licence type imports back unchanged.
            if (inForce.containsKey(name) || !blank(value)) {
                merged.add(name, value);
            }
        });
        return merged.build();
    }

    private static boolean blank(JsonValue value) {
        return value == JsonValue.NULL || (value instanceof JsonArray list && list.isEmpty());
    }

    /** {@link #replaced} for a file that states whole items. */
    static final String ALL = "*";
}
