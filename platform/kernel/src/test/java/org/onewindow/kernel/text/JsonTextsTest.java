package org.onewindow.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.json.Json;

/** The rule over JSON bodies: each string by the field its record declares, named by its path. */
class JsonTextsTest {

    record Mark(
            @Schema(maxLength = 20) String kind,
            @Schema(maxLength = 500) @MultiLine String note) {}

    record Applicant(
            @Schema(maxLength = 100) String name,
            @Schema(maxLength = 200, format = "password") String pin) {}

    record Intake(
            @Schema(maxLength = 32) String itemCode,
            Applicant applicant,
            Map<String, Mark> materials,
            List<String> tags,
            String undeclared) {}

    @Test
    void declaredFieldsAreCleanedAndEverythingElseIsLeftAsItWas() {
        List<TextProblem> problems = new ArrayList<>();
        JsonValue cleaned = JsonTexts.clean(
                json("{\"itemCode\":\" MZ-0001\\u3000\",\"applicant\":{\"name\":\"𠮷　祥\",\"pin\":\" 12 \"},"
                        + "\"materials\":{\"M01\":{\"kind\":\"PAPER_SEEN\",\"note\":\"第一行\\r\\n第二行\"}},"
                        + "\"version\":3,\"flag\":true,\"nothing\":null}"),
                Intake.class,
                problems);
        assertThat(problems).isEmpty();
        JsonObject object = cleaned.asJsonObject();
        assertThat(object.getString("itemCode")).isEqualTo("MZ-0001");
        assertThat(object.getJsonObject("applicant").getString("name")).isEqualTo("𠮷　祥");
        assertThat(object.getJsonObject("applicant").getString("pin")).isEqualTo(" 12 ");
        assertThat(object.getJsonObject("materials").getJsonObject("M01").getString("note"))
                .isEqualTo("第一行\n第二行");
        assertThat(object.getInt("version")).isEqualTo(3);
        assertThat(object.getBoolean("flag")).isTrue();
        assertThat(object.isNull("nothing")).isTrue();
    }

    @Test
    void everyRefusedStringIsNamedByItsPath() {
        List<TextProblem> problems = new ArrayList<>();
        JsonTexts.clean(
                json("{\"itemCode\":\"" + "M".repeat(33) + "\",\"applicant\":{\"name\":\"张\\u0000三\"},"
                        + "\"materials\":{\"M01\":{\"kind\":\"PAPER\\nSEEN\",\"note\":\"\\ud800\"}},"
                        + "\"tags\":[\"ok\",\"\\u0085\"],\"undeclared\":\"" + "x".repeat(201) + "\"}"),
                Intake.class,
                problems);
        assertThat(problems)
                .extracting(TextProblem::field, TextProblem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("itemCode", "text.too-long"),
                        org.assertj.core.groups.Tuple.tuple("applicant.name", "text.control"),
                        org.assertj.core.groups.Tuple.tuple("materials.M01.kind", "text.line-break"),
                        org.assertj.core.groups.Tuple.tuple("materials.M01.note", "text.surrogate"),
                        org.assertj.core.groups.Tuple.tuple("tags[1]", "text.control"),
                        org.assertj.core.groups.Tuple.tuple("undeclared", "text.too-long"));
    }

    @Test
    void aFreeFormDocumentAllowsLinesUpToTheFreeLimitAndChecksKeysToo() {
        List<TextProblem> problems = new ArrayList<>();
        String paragraph = "第一段\n第二段" + "字".repeat(TextField.FREE_MAX_LENGTH - 7);
        JsonValue cleaned = JsonTexts.clean(
                json("{\"patch\":{\"guidance\":\"" + paragraph.replace("\n", "\\n") + "\"}}"),
                JsonObject.class,
                problems);
        assertThat(problems).isEmpty();
        assertThat(cleaned.asJsonObject().getJsonObject("patch").getString("guidance"))
                .isEqualTo(paragraph);

        JsonTexts.clean(
                json("{\"patch\":{\"guidance\":\"" + paragraph.replace("\n", "\\n") + "字\",\"a\\u0000\":1}}"),
                (Type) JsonObject.class,
                problems);
        assertThat(problems)
                .extracting(TextProblem::field, TextProblem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("patch.guidance", "text.too-long"),
                        org.assertj.core.groups.Tuple.tuple("patch.a\u0000", "text.control"));
    }

    @Test
    void bytesThatAreNoUtf8ArriveAsReplacementCharactersAndAreRefused() {
        byte[] gbk = "{\"name\":\"华沟村\"}".getBytes(Charset.forName("GBK"));
        JsonValue read;
        try (var reader = Json.createReader(new ByteArrayInputStream(gbk))) {
            read = reader.readValue();
        }
        List<TextProblem> problems = new ArrayList<>();
        JsonTexts.clean(read, Applicant.class, problems);
        assertThat(problems).extracting(TextProblem::key).containsExactly("text.replacement");
    }

    @Test
    void aFormBodyIsCheckedValueByValue() {
        assertThat(RequestBodyTexts.formProblems("username=county.admin&password=%20secret%E3%80%80"))
                .isEmpty();
        assertThat(RequestBodyTexts.formProblems("username=county%00admin&password=%ED%A0%80"))
                .extracting(TextProblem::field, TextProblem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("username", "text.control"),
                        org.assertj.core.groups.Tuple.tuple("password", "text.replacement"));
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode("\uD800")).isFalse();
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
