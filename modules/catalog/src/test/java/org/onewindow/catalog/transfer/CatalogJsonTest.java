package org.onewindow.catalog.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.catalog.domain.ItemVersion;

/** The catalog as one JSON document: the shipped catalog reads clean, and a bad item is reported by position. */
class CatalogJsonTest {

    @Test
    void anExportIsDatedByTheDayInBeijing() {
        // 2026-03-02 07:30 in Beijing, still 2026-03-01 in UTC.
        JsonObject exported = CatalogJson.write(List.of(), Instant.parse("2026-03-01T23:30:00Z"));

        assertThat(exported.getString("version")).isEqualTo("2026.03.02");
    }

    @Test
    void theShippedCatalogReadsWithoutAnErrorAndAnExportReadsBackAsTheSameItems() {
        ParsedCatalog demo = CatalogJson.read(TransferFixtures.demoCatalogBytes());
        assertThat(demo.errors()).isEmpty();
        assertThat(TransferFixtures.check(demo.items())).isEmpty();
        assertThat(demo.items()).hasSize(13);

        List<ItemVersion> inForce = demo.items().stream()
                .map(item -> ItemVersion.published(1, item.elements()))
                .toList();
        JsonObject exported = CatalogJson.write(inForce, Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(exported.getString("version")).isEqualTo("2026.03.01");
        assertThat(exported.getJsonObject("itemVersions").getInt("RS-0001")).isEqualTo(1);

        ParsedCatalog back = CatalogJson.read(exported.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(back.items())
                .extracting(ImportedItem::elements)
                .containsExactlyElementsOf(
                        inForce.stream().map(ItemVersion::elements).toList());
        assertThat(back.items().getFirst().over(JsonObject.EMPTY_JSON_OBJECT))
                .isEqualTo(inForce.getFirst().elements());
    }

    @Test
    void aBadItemIsReportedByItsPositionAndElementAndAMaterialByItsIndex() {
        String document = """
                {"items": [
                  {"code": "TT-0001", "name": "好事项", "type": "PUBLIC_SERVICE", "serviceObject": "NATURAL_PERSON",
                   "department": "MZ", "handlingTier": "TOWN", "intakeTiers": ["TOWN"], "onTheSpot": true,
                   "commitmentAllowed": false, "statutoryLimitDays": 5, "promisedLimitDays": 3, "legalBasis": ["《法》"]},
                  "not an item",
                  {"code": "TT 0003", "name": "坏事项", "type": "PUBLIC_SERVICE", "serviceObject": "NATURAL_PERSON",
                   "department": "MZ", "handlingTier": "TOWN", "intakeTiers": "TOWN", "onTheSpot": "yes",
                   "commitmentAllowed": false, "statutoryLimitDays": "abc", "promisedLimitDays": -1,
                   "legalBasis": ["《法》"], "process": {"template": "fast-track", "steps": []},
                   "materials": [{"code": "A", "name": "甲", "form": "ORIGINAL", "copies": 1, "mandatory": true},
                                 {"code": "B", "name": "乙", "form": "PAPER", "copies": 1}]}
                ]}
                """;

        ParsedCatalog parsed = CatalogJson.read(document.getBytes(StandardCharsets.UTF_8));
        List<RowError> errors = new java.util.ArrayList<>(parsed.errors());
        errors.addAll(TransferFixtures.check(parsed.items()));

        assertThat(errors.stream().map(e -> e.sheet() + " " + e.row() + " " + e.column() + " " + e.key()))
                .containsExactlyInAnyOrder(
                        "items 2  catalog.import.object.expected",
                        "items 3 code catalog.import.code.format",
                        "items 3 process catalog.import.process.template.unknown",
                        "items 3 intakeTiers catalog.import.list.expected",
                        "items 3 onTheSpot catalog.import.boolean.malformed",
                        "items 3 statutoryLimitDays catalog.import.number.malformed",
                        "items 3 promisedLimitDays catalog.import.number.malformed",
                        "items 3 materials[2].form catalog.import.value.unknown",
                        "items 3 materials[2].mandatory catalog.import.required");
    }

    @Test
    void brokenJsonOrNoItemsIsRefusedAsAWhole() {
        assertThat(CatalogJson.read("{\"items\": [\n{\"code\": }".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(RowError::key, RowError::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("catalog.import.json.malformed", List.of("2")));
        assertThat(CatalogJson.read("{\"version\": \"1\"}".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(RowError::key)
                .containsExactly("catalog.import.items.required");
        assertThat(CatalogJson.read("[]".getBytes(StandardCharsets.UTF_8)).errors())
                .extracting(RowError::key)
                .containsExactly("catalog.import.items.required");
    }
}
