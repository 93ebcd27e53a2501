package org.onewindow.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
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
        return display(null, value);
    }

    /**
     * The value of {@code element} as a clerk reads it: codes in words ({@code NATURAL_PERSON} → 自然人, {@code MZ} →
     * 民政局), materials, fees and the process as sentences; a code the console has no words for shows as it is.
     */
    static String display(String element, JsonValue value) {
        if (value == null) {
            return AdminText.text("none");
        }
        return switch (value.getValueType()) {
            case NULL -> AdminText.text("none");
            case STRING -> code(element, ((JsonString) value).getString());
            case NUMBER -> value.toString();
            case TRUE -> AdminText.text("yes");
            case FALSE -> AdminText.text("no");
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                if (array.isEmpty()) {
                    yield AdminText.text("none");
                }
                yield array.stream()
                        .map(v -> switch (v) {
                            case JsonString text -> code(element, text.getString());
                            case JsonObject object -> object(element, object);
                            default -> v.toString();
                        })
                        .collect(Collectors.joining("；"));
            }
            case OBJECT -> object(element, value.asJsonObject());
        };
    }

    /** A code of {@code element} in words, e.g. {@code element.serviceObject.NATURAL_PERSON}. */
    private static String code(String element, String code) {
        if (element == null || code.isEmpty()) {
            return code;
        }
        String words = AdminText.textOr("element." + element + "." + code, null);
        if (words == null) {
            return code;
        }
        return element.equals("department") ? words + "（" + code + "）" : words;
    }

    /** A material, a fee, the process, or any other object as a sentence of its fields. */
    private static String object(String element, JsonObject object) {
        if (object.containsKey("steps")) {
            String steps = object.getJsonArray("steps").stream()
                    .filter(step -> step instanceof JsonObject)
                    .map(step -> {
                        JsonObject s = step.asJsonObject();
                        String name = code("step", s.getString("step", ""));
                        String tier = s.containsKey("tier") ? code("tier", s.getString("tier", "")) : "";
                        return tier.isEmpty() ? name : name + "（" + tier + "）";
                    })
                    .collect(Collectors.joining(" → "));
            return code("template", object.getString("template", "")) + "：" + steps;
        }
        if (object.containsKey("name")) {
            List<String> facts = new ArrayList<>();
            if (object.containsKey("form")) {
                facts.add(code("form", object.getString("form", "")));
            }
            if (object.get("copies") instanceof JsonNumber copies) {
                facts.add(AdminText.text("element.copies", copies.intValue()));
            }
            if (object.containsKey("mandatory")) {
                facts.add(AdminText.text(
                        object.getBoolean("mandatory", false) ? "element.mandatory" : "element.optional"));
            }
            if (object.containsKey("amount")) {
                facts.add(String.valueOf(text(object.get("amount"))) + " " + code("unit", text(object.get("unit"))));
            }
            if (object.containsKey("basis")) {
                facts.add(text(object.get("basis")));
            }
            return facts.isEmpty()
                    ? object.getString("name", "")
                    : object.getString("name", "") + "（" + String.join("，", facts) + "）";
        }
        return object.entrySet().stream()
                .map(e -> label(e.getKey()) + "：" + display(e.getKey(), e.getValue()))
                .collect(Collectors.joining("，"));
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value == null ? "" : value.toString();
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
