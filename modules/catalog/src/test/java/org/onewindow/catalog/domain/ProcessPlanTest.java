package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.DivisionCode;

class ProcessPlanTest {

    static final DivisionCode HUAGOU = DivisionCode.of("370321106202");
    static final DivisionCode QIFENG = DivisionCode.of("370321106000");
    static final DivisionCode COUNTY = DivisionCode.of("370321000000");

    /** 最低生活保障申请 in the demo catalog: village opinion, town review, county decision by civil affairs. */
    static final JsonObject SUBSISTENCE = json("""
            {"template": "tiered-review", "steps": [
              {"step": "village-opinion", "tier": "VILLAGE"},
              {"step": "town-review", "tier": "TOWN"},
              {"step": "county-decision", "tier": "COUNTY", "department": "MZ"}]}
            """);

    @Test
    void aVillageCaseIsReviewedByTheVillageItsTownAndTheCountyDepartmentInThatOrder() {
        ProcessPlan plan = ProcessPlan.of(SUBSISTENCE, HUAGOU);

        assertThat(plan.template()).isEqualTo("tiered-review");
        assertThat(plan.windowGroup()).isEqualTo("370321106202");
        assertThat(plan.reviewGroups()).containsExactly("370321106202", "370321106000", "370321000000/MZ");
    }

    @Test
    void aTownStepOfACaseTakenInAtTheCountyIsTheCountysOwn() {
        assertThat(ProcessPlan.of(SUBSISTENCE, COUNTY).reviewGroups())
                .containsExactly("370321000000", "370321000000", "370321000000/MZ");
        assertThat(ProcessPlan.of(SUBSISTENCE, QIFENG).reviewGroups())
                .containsExactly("370321106000", "370321106000", "370321000000/MZ");
    }

    @Test
    void anItemWithoutStepsIsDecidedAtTheIntakeWindow() {
        ProcessPlan plan = ProcessPlan.of(json("{\"template\": \"on-the-spot\"}"), QIFENG);

        assertThat(plan.reviewGroups()).containsExactly("370321106000");
    }

    @Test
    void anItemWithoutATemplateHasNoPlan() {
        for (JsonValue process : new JsonValue[] {null, JsonValue.NULL, json("{\"steps\": []}")}) {
            DomainException refusal =
                    catchThrowableOfType(DomainException.class, () -> ProcessPlan.of(process, HUAGOU));
            assertThat(refusal.key()).isEqualTo("catalog.process.missing");
            assertThat(refusal.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
