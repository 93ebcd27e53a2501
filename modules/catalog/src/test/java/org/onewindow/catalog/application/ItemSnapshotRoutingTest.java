package org.onewindow.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/** What casework reads of an item to route a case: its process plan for the intake tenant and its legal basis. */
class ItemSnapshotRoutingTest {

    static final JsonObject DIBAO = json("""
            {"name": "最低生活保障申请", "legalBasis": ["《社会救助暂行办法》（国务院令第649号）", "《山东省社会救助办法》"],
             "process": {"template": "tiered-review", "steps": [
               {"step": "village-opinion", "tier": "VILLAGE"},
               {"step": "town-review", "tier": "TOWN"},
               {"step": "county-decision", "tier": "COUNTY", "department": "MZ"}]}}
            """);

    @Test
    void aVillageCaseIsRoutedThroughTheVillageTheTownAndTheCountysDepartment() {
        ItemSnapshot item = new ItemSnapshot("MZ-0001", 1, true, DIBAO);

        ItemSnapshot.Routing routing =
                item.routing(DivisionCode.of("370321106202")).orElseThrow();

        assertThat(routing.template()).isEqualTo("tiered-review");
        assertThat(routing.windowGroup()).isEqualTo("370321106202");
        assertThat(routing.reviewGroups()).containsExactly("370321106202", "370321106000", "370321000000/MZ");
        assertThat(item.legalBasis()).isEqualTo("《社会救助暂行办法》（国务院令第649号）、《山东省社会救助办法》");
    }

    @Test
    void anItemWithoutAProcessTemplateOrLegalBasisHasNeither() {
        for (String elements : new String[] {"{}", "{\"process\": {\"steps\": []}}", "{\"process\": null}"}) {
            ItemSnapshot item = new ItemSnapshot("X-1", 1, true, json(elements));

            assertThat(item.routing(DivisionCode.of("370321106202")))
                    .as(elements)
                    .isEmpty();
            assertThat(item.legalBasis()).isNull();
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
