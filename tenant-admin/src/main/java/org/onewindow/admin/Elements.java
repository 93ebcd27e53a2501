package org.onewindow.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.onewindow.kernel.json.Json;

/**
 * How the console shows an item's elements (要素): a label in the page's language and a value a clerk reads
 * (text as text, lists of words joined, yes/no), with JSON only for structured values such as materials.
 */
final class Elements {

    private Elements() {}

    static String label(String element) {
        return AdminText.textOr("element." + element, element);
    }

    static String display(JsonValue value) {
        if (value == null) {
            return AdminText.text("none");
        }
        return switch (value.getValueType()) {
            case NULL -> AdminText.text("none");
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            case TRUE -> AdminText.text("yes");
            case FALSE -> AdminText.text("no");
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                if (array.isEmpty()) {
                    yield AdminText.text("none");
                }
                if (array.stream().allMatch(v -> v instanceof JsonString)) {
                    yield array.stream().map(v -> ((JsonString) v).getString()).collect(Collectors.joining("；"));
                }
                yield value.toString();
            }
            case OBJECT -> value.toString();
        };
    }

    /** The elements as an editor reads and edits them: indented JSON. */
    static String pretty(JsonObject elements) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(elements);
        }
        return out.toString().strip();
    }

    static JsonStructure read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    static JsonValue readValue(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
