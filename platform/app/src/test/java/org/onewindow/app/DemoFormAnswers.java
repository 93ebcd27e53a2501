package org.onewindow.app;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.onewindow.kernel.json.Json;

/** Valid answers to the demo items' application forms (申请表), the ones the demo cases are taken in with. */
final class DemoFormAnswers {

    private static final JsonObject ANSWERS = read();

    private DemoFormAnswers() {}

    private static JsonObject read() {
        try (JsonReader reader = Json.createReader(new InputStreamReader(
                DemoFormAnswers.class.getResourceAsStream("/org/onewindow/app/demo/form-answers.json"),
                StandardCharsets.UTF_8))) {
            return reader.readObject().getJsonObject("answers");
        }
    }

    /**
     * The answers for the item, e.g. {@code MZ-0001}: two household members, first the applicant the tests take in
     * (本人, 王秀英 with ID number 370321195803121012).
     */
    static JsonObject of(String itemCode) {
        return ANSWERS.getJsonObject(itemCode);
    }

    /** Every item's answers, by item code. */
    static JsonObject all() {
        return ANSWERS;
    }

    /** {@code "form": {...}} to put into an intake body. */
    static String inBody(String itemCode) {
        return "\"form\":" + of(itemCode);
    }
}
