package org.onewindow.kernel.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One text for one JSON value, however it was ordered or spaced when stored. */
class CanonicalJsonTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void keysAreSortedAtEveryDepthAndWhiteSpaceIsDropped() {
        JsonValue value = json("""
                { "b": 1, "a": { "z": [ { "y": true, "x": null } ], "c": "text" } }
                """);

        assertThat(CanonicalJson.of(value))
                .isEqualTo("{\"a\":{\"c\":\"text\",\"z\":[{\"x\":null,\"y\":true}]},\"b\":1}");
    }

    @Test
    void theSameValueWrittenTwoWaysHasOneCanonicalText() {
        String stored = """
                {"name":"华沟村","level":"VILLAGE","window":{"count":3,"types":["综合","专业"]},"open":false}""";
        String reordered = """
                {
                  "open" : false,
                  "window" : { "types" : [ "综合", "专业" ], "count" : 3 },
                  "level" : "VILLAGE",
                  "name" : "华沟村"
                }
                """;

        assertThat(CanonicalJson.of(json(reordered))).isEqualTo(CanonicalJson.of(json(stored)));
    }

    @Test
    void arrayOrderIsKept() {
        assertThat(CanonicalJson.of(json("[3, 1, 2]"))).isEqualTo("[3,1,2]");
        assertThat(CanonicalJson.of(json("[3, 1, 2]"))).isNotEqualTo(CanonicalJson.of(json("[1, 2, 3]")));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.50    | 1.5",
                "1.5     | 1.5",
                "100     | 100",
                "1E2     | 100",
                "100.000 | 100",
                "0.0     | 0",
                "-0      | 0",
                "-2.500  | -2.5",
                "0.000001| 0.000001"
            })
    void numbersAreWrittenInOnePlainForm(String stored, String canonical) {
        assertThat(CanonicalJson.of(json("[" + stored + "]"))).isEqualTo("[" + canonical + "]");
    }

    @Test
    void numbersThatAreEqualInValueCanonicaliseTheSame() {
        assertThat(CanonicalJson.of(json("{\"fee\":1.50}"))).isEqualTo(CanonicalJson.of(json("{\"fee\":1.5}")));
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        JsonValue value = Json.createValue("say \"hi\"\\ \n\r\t\b\f\u0001\u001f end");

        assertThat(CanonicalJson.of(value)).isEqualTo("\"say \\\"hi\\\"\\\\ \\n\\r\\t\\b\\f\\u0001\\u001f end\"");
    }

    @Test
    void otherCharactersAreWrittenAsTheyAre() {
        JsonValue value = Json.createValue("一窗通办 / é \u007f 😀");

        assertThat(CanonicalJson.of(value)).isEqualTo("\"一窗通办 / é \u007f 😀\"");
    }

    @Test
    void keysAreEscapedLikeStrings() {
        JsonValue value = Json.createObjectBuilder().add("a\"b\n", 1).build();

        assertThat(CanonicalJson.of(value)).isEqualTo("{\"a\\\"b\\n\":1}");
    }

    @Test
    void literalsAreWrittenAsTheyAre() {
        assertThat(CanonicalJson.of(JsonValue.TRUE)).isEqualTo("true");
        assertThat(CanonicalJson.of(JsonValue.FALSE)).isEqualTo("false");
        assertThat(CanonicalJson.of(JsonValue.NULL)).isEqualTo("null");
        assertThat(CanonicalJson.of(JsonValue.EMPTY_JSON_OBJECT)).isEqualTo("{}");
        assertThat(CanonicalJson.of(JsonValue.EMPTY_JSON_ARRAY)).isEqualTo("[]");
    }

    @Property
    void anyStringSurvivesACanonicalRoundTrip(@ForAll String text) {
        String canonical = CanonicalJson.of(Json.createValue(text));

        assertThat(json(canonical)).isEqualTo(Json.createValue(text));
    }

    @Property
    void theCanonicalTextIsItsOwnCanonicalForm(@ForAll String key, @ForAll String text, @ForAll int number) {
        JsonValue value = Json.createObjectBuilder()
                .add(key, text)
                .add("n", number)
                .add(
                        "nested",
                        Json.createObjectBuilder()
                                .add("z", 1)
                                .add("a", Json.createArrayBuilder().add(text)))
                .build();
        String canonical = CanonicalJson.of(value);

        assertThat(CanonicalJson.of(json(canonical))).isEqualTo(canonical);
    }
}
