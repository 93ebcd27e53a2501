package org.onewindow.catalog.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.onewindow.kernel.json.Json;

/** Element values as they are stored: JSON text in a {@code text} column. */
public final class JsonText {

    private JsonText() {}

    public static String write(JsonValue value) {
        return (value == null ? JsonValue.NULL : value).toString();
    }

    public static JsonValue read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonObject readObject(String text) {
        return read(text).asJsonObject();
    }
}
