package org.onewindow.catalog.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.onewindow.kernel.audit.domain.CanonicalJson;

/** Comparing element values as JSON, not as Java objects. */
final class JsonValues {

    private JsonValues() {}

    /**
     * Whether two values are the same JSON: key order and number spelling (5 and 5.0) do not matter, and an
     * absent element is the same as a null one, since a merge patch removes an element by setting it to null.
     */
    static boolean same(JsonValue a, JsonValue b) {
        return CanonicalJson.of(orNull(a)).equals(CanonicalJson.of(orNull(b)));
    }

    /** The element's value, {@link JsonValue#NULL} when the object does not have it. */
    static JsonValue valueOf(JsonObject elements, String name) {
        return orNull(elements.get(name));
    }

    private static JsonValue orNull(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }
}
