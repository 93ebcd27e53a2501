package org.onewindow.catalog.guide;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onewindow.kernel.json.Json;

/**
 * The names of the licence types (证照类型) that items issue and e-licences stand for. The catalog file the module
 * ships is their only register so far; when the e-licence system has one, this reads that instead.
 */
public final class LicenceTypes {

    private static final String FILE = "/org/onewindow/catalog/demo/catalog.json";
    private static volatile Map<String, String> names;

    private LicenceTypes() {}

    /** Licence type code → name, e.g. {@code RESIDENT_ID} → 居民身份证; empty when the register is missing. */
    public static Map<String, String> names() {
        Map<String, String> known = names;
        if (known == null) {
            known = read();
            names = known;
        }
        return known;
    }

    private static Map<String, String> read() {
        Map<String, String> read = new LinkedHashMap<>();
        InputStream in = LicenceTypes.class.getResourceAsStream(FILE);
        if (in == null) {
            return Map.of();
        }
        try (JsonReader reader = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            JsonObject types = reader.readObject().getJsonObject("licenceTypes");
            if (types != null) {
                types.forEach((code, name) -> {
                    if (name instanceof JsonString text) {
                        read.put(code, text.getString());
                    }
                });
            }
        }
        return Map.copyOf(read);
    }
}
