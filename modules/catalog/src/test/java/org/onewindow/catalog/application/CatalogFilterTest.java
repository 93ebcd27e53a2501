package org.onewindow.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The filter every catalog search goes through (public page, REST API, console): the typed words are matched as
 * {@link org.onewindow.catalog.domain.SearchText} says, together with theme, life event and service object.
 */
class CatalogFilterTest {

    private static final JsonObject MINIMUM_LIVING_ALLOWANCE = demoItem("MZ-0001"); // 最低生活保障申请, 社会救助

    @Test
    void typedWordsAndTheOtherChoicesMustAllMatch() {
        assertThat(new CatalogFilter("低保", "社会救助", "", "").matches(MINIMUM_LIVING_ALLOWANCE))
                .isTrue();
        assertThat(new CatalogFilter("  最低　生活（保障） ", "", "", "NATURAL_PERSON").matches(MINIMUM_LIVING_ALLOWANCE))
                .isTrue();
        assertThat(new CatalogFilter("低保", "社会保障", "", "").matches(MINIMUM_LIVING_ALLOWANCE))
                .isFalse();
        assertThat(new CatalogFilter("低保 医保", "", "", "").matches(MINIMUM_LIVING_ALLOWANCE))
                .isFalse();
    }

    @Test
    void noWordsFindEveryItem() {
        assertThat(new CatalogFilter(null, null, null, null).matches(MINIMUM_LIVING_ALLOWANCE))
                .isTrue();
        assertThat(CatalogFilter.none().matches(MINIMUM_LIVING_ALLOWANCE)).isTrue();
    }

    private static JsonObject demoItem(String code) {
        try (JsonReader reader = Json.createReader(new InputStreamReader(
                CatalogFilterTest.class.getResourceAsStream("/org/onewindow/catalog/demo/catalog.json"),
                StandardCharsets.UTF_8))) {
            return reader.readObject().getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(item -> item.getString("code").equals(code))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
