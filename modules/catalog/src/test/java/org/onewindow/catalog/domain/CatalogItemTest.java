package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A catalog item is read from its JSON form into typed elements and written back to the same JSON. */
class CatalogItemTest {

    private static final List<JsonObject> DEMO = DemoCatalog.items();
    private static final List<JsonObject> FORMS = forms();

    @Test
    void everyItemOfTheDemoCatalogReadsBackAsTheSameJson() {
        for (JsonObject item : DEMO) {
            assertThat(CatalogItem.of(item).toJson()).as(item.getString("code")).isEqualTo(item);
        }
    }

    @Test
    void theDemoItemsElementsAreTyped() {
        CatalogItem pension = CatalogItem.of(DemoCatalog.item("RS-0001"));
        CatalogItem construction = CatalogItem.of(DemoCatalog.item("ZJ-0001"));

        assertThat(pension.limits()).isEqualTo(new WorkingDayLimits(1, 0));
        assertThat(pension.intakeTiers()).containsExactly("VILLAGE", "TOWN", "COUNTY");
        assertThat(pension.materials().get(0).sources())
                .containsExactly(
                        new MaterialSource(MaterialSource.Kind.ELICENCE, "RESIDENT_ID"),
                        new MaterialSource(MaterialSource.Kind.APPLICANT, ""));
        assertThat(pension.materials().get(0).copies()).isEqualTo(1);
        assertThat(pension.process().template()).isEqualTo("on-the-spot");
        assertThat(pension.plan(DemoCatalog.HUAGOU).reviewGroups()).containsExactly("370321106000");
        assertThat(construction.fees().get(0).amount()).isEqualTo("60.00");
        assertThat(construction.fees().get(0).collectedBy()).isEqualTo("ZJ");
        // A null element is stated, and kept as stated.
        assertThat(pension.resultLicenseType()).isNull();
        assertThat(pension.others().get(ItemElements.RESULT_LICENSE_TYPE)).isEqualTo(JsonValue.NULL);
    }

    @Test
    void anItemWithAnApplicationFormTypesIt() {
        JsonObject withForm = Json.createObjectBuilder(DemoCatalog.item("MZ-0001"))
                .add(ItemElements.APPLICATION_FORM, FORMS.get(0))
                .build();

        CatalogItem item = CatalogItem.of(withForm);

        assertThat(item.form()).isPresent();
        assertThat(item.toJson()).isEqualTo(withForm);
    }

    @Property(tries = 300)
    void anyItemReadsBackAsTheSameJson(@ForAll("items") JsonObject item) {
        assertThat(CatalogItem.of(item).toJson()).isEqualTo(item);
    }

    /** Demo items with elements changed, removed, nulled, mistyped or added, and sometimes a form. */
    @Provide
    Arbitrary<JsonObject> items() {
        Arbitrary<JsonValue> values = Arbitraries.of(
                JsonValue.NULL,
                JsonValue.TRUE,
                Json.createValue(0),
                Json.createValue(7),
                Json.createValue(5.5),
                Json.createValue("30"),
                Json.createValue(""),
                JsonValue.EMPTY_JSON_ARRAY,
                Json.createArrayBuilder().add("甲").add("乙").build(),
                Json.createArrayBuilder().add(1).build(),
                JsonValue.EMPTY_JSON_OBJECT,
                Json.createObjectBuilder().add("template", "tiered-review").build());
        Arbitrary<String> names = Arbitraries.of(
                ItemElements.NAME,
                ItemElements.STATUTORY_LIMIT_DAYS,
                ItemElements.PROMISED_LIMIT_DAYS,
                ItemElements.INTAKE_TIERS,
                ItemElements.ON_THE_SPOT,
                ItemElements.MAX_VISITS,
                ItemElements.FEES,
                ItemElements.MATERIALS,
                ItemElements.PROCESS,
                ItemElements.RESULT_LICENSE_TYPE,
                ItemElements.APPLICATION_FORM,
                ItemElements.GUIDANCE,
                "somethingNew");
        Arbitrary<List<String>> removed = names.list().ofMaxSize(3);
        Arbitrary<List<String>> changedNames = names.list().ofMaxSize(4);
        Arbitrary<List<JsonValue>> changedValues = values.list().ofSize(4);
        return Combinators.combine(
                        Arbitraries.of(DEMO),
                        removed,
                        changedNames,
                        changedValues,
                        Arbitraries.of(FORMS).optional(0.3))
                .as((item, gone, changed, newValues, form) -> {
                    JsonObjectBuilder next = Json.createObjectBuilder(item);
                    gone.forEach(next::remove);
                    for (int i = 0; i < changed.size(); i++) {
                        next.add(changed.get(i), newValues.get(i));
                    }
                    form.ifPresent(f -> next.add(ItemElements.APPLICATION_FORM, f));
                    return next.build();
                });
    }

    private static List<JsonObject> forms() {
        try (InputStream in = CatalogItemTest.class.getResourceAsStream("/org/onewindow/catalog/demo/forms.json");
                JsonReader reader = Json.createReader(in)) {
            JsonObject forms = reader.readObject().getJsonObject("forms");
            return forms.values().stream().map(JsonValue::asJsonObject).toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
