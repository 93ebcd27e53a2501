package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.catalog.domain.DemoCatalog.item;
import static org.onewindow.catalog.domain.DemoCatalog.refusal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/**
 * The one check of an item, as a draft saved or published and an import of either format meet it: each rule is
 * refused with its element's name and its message, whatever else the item says.
 */
class ItemRulesTest {

    private static final ItemRules RULES = new ItemRules(
            Set.of("RS", "MZ", "CL", "ZJ", "CZ", "GA", "WJ", "XZSP", "ZRZY", "YB", "NY", "SW", "SCJG"),
            "370321000000",
            Set.of("on-the-spot", "single-department", "tiered-review", "parallel-review"));

    @Test
    void everyItemOfTheDemoCatalogPasses() {
        DemoCatalog.items()
                .forEach(item ->
                        assertThat(RULES.check(item)).as(item.getString("code")).isEmpty());
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule(
                        "an element missing",
                        e -> e.remove(ItemElements.LEGAL_BASIS),
                        "legalBasis",
                        "catalog.import.required"),
                rule(
                        "a code with spaces",
                        e -> e.add(ItemElements.CODE, "MZ 0001"),
                        "code",
                        "catalog.import.code.format"),
                rule(
                        "a name too long",
                        e -> e.add(ItemElements.NAME, "长".repeat(201)),
                        "name",
                        "catalog.import.too.long"),
                rule(
                        "a type not in the vocabulary",
                        e -> e.add(ItemElements.TYPE, "行政检查"),
                        "type",
                        "catalog.import.value.unknown"),
                rule(
                        "an unknown department",
                        e -> e.add(ItemElements.DEPARTMENT, "XX"),
                        "department",
                        "catalog.import.department.unknown"),
                rule(
                        "an unknown template",
                        e -> e.add(
                                ItemElements.PROCESS, Json.createObjectBuilder().add("template", "fast-track")),
                        "process",
                        "catalog.import.process.template.unknown"),
                rule(
                        "a process without template",
                        e -> e.add(ItemElements.PROCESS, JsonValue.EMPTY_JSON_OBJECT),
                        "process",
                        "catalog.import.required"),
                rule(
                        "an intake tier not in the vocabulary",
                        e -> e.add(
                                ItemElements.INTAKE_TIERS,
                                Json.createArrayBuilder().add("PROVINCE")),
                        "intakeTiers",
                        "catalog.import.value.unknown"),
                rule(
                        "intake tiers not a list",
                        e -> e.add(ItemElements.INTAKE_TIERS, "TOWN"),
                        "intakeTiers",
                        "catalog.import.list.expected"),
                rule(
                        "a yes/no as text",
                        e -> e.add(ItemElements.ON_THE_SPOT, "是"),
                        "onTheSpot",
                        "catalog.import.boolean.malformed"),
                rule(
                        "days as text",
                        e -> e.add(ItemElements.STATUTORY_LIMIT_DAYS, "三十"),
                        "statutoryLimitDays",
                        "catalog.import.number.malformed"),
                rule(
                        "negative days",
                        e -> e.add(ItemElements.MAX_VISITS, -1),
                        "maxVisits",
                        "catalog.import.number.malformed"),
                rule(
                        "a promise above the law",
                        e -> e.add(ItemElements.PROMISED_LIMIT_DAYS, 31),
                        "promisedLimitDays",
                        WorkingDayLimits.PROMISED_ABOVE_STATUTORY),
                rule(
                        "a legal basis not text",
                        e -> e.add(
                                ItemElements.LEGAL_BASIS,
                                Json.createArrayBuilder().add(1)),
                        "legalBasis",
                        "catalog.import.text.expected"),
                rule(
                        "a result licence not text",
                        e -> e.add(ItemElements.RESULT_LICENSE_TYPE, 5),
                        "resultLicenseType",
                        "catalog.import.text.expected"),
                rule(
                        "a broken application form",
                        e -> e.add(ItemElements.APPLICATION_FORM, "表"),
                        "applicationForm",
                        "catalog.form.object.expected"),
                rule(
                        "a fee not an object",
                        e -> e.add(ItemElements.FEES, Json.createArrayBuilder().add("60元")),
                        "fees",
                        "catalog.import.object.expected"),
                rule(
                        "a material without form",
                        e -> e.add(
                                ItemElements.MATERIALS,
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder(item("MZ-0001")
                                                        .getJsonArray("materials")
                                                        .getJsonObject(0))
                                                .remove("form"))),
                        "materials[0].form",
                        "catalog.import.required"),
                rule(
                        "a material twice",
                        e -> e.add(
                                ItemElements.MATERIALS,
                                Json.createArrayBuilder()
                                        .add(item("MZ-0001")
                                                .getJsonArray("materials")
                                                .getJsonObject(0))
                                        .add(item("MZ-0001")
                                                .getJsonArray("materials")
                                                .getJsonObject(0))),
                        "materials[1].code",
                        "catalog.import.material.duplicate"));
    }

    private static Arguments rule(String what, Consumer<JsonObjectBuilder> change, String path, String key) {
        return Arguments.of(what, change, path, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachRuleIsRefusedWithItsElementAndItsMessage(
            String what, Consumer<JsonObjectBuilder> change, String path, String key) {
        JsonObjectBuilder elements = Json.createObjectBuilder(item("MZ-0001"));
        change.accept(elements);

        ItemRefused refused = (ItemRefused) refusal(() -> RULES.require(elements.build()));

        assertThat(refused.problems()).extracting(ElementProblem::path).containsExactly(path);
        assertThat(refused.key()).as("one rule broken: its own message").isEqualTo(key);
        assertThat(refused.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.key()).isEqualTo(key));
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            assertThat(Messages.format(locale, refused)).as(locale.toString()).doesNotStartWith("catalog.");
        }
    }

    @Test
    void severalRulesAreAllReportedUnderOneMessage() {
        JsonObject broken = Json.createObjectBuilder(item("MZ-0001"))
                .add(ItemElements.PROMISED_LIMIT_DAYS, 40)
                .add(ItemElements.DEPARTMENT, "XX")
                .build();

        DomainException refused = refusal(() -> RULES.require(broken));

        assertThat(refused.key()).isEqualTo("catalog.item.refused");
        assertThat(refused.arguments()).containsExactly(2);
        assertThat(((ItemRefused) refused).problems())
                .extracting(ElementProblem::path)
                .containsExactlyInAnyOrder(ItemElements.PROMISED_LIMIT_DAYS, ItemElements.DEPARTMENT);
    }

    @Test
    void aTiersPromiseAboveTheLawIsRefusedWithTheSameMessage() {
        DomainException refused = refusal(() ->
                OverridePolicy.checkValue(ItemElements.PROMISED_LIMIT_DAYS, Json.createValue(31), item("MZ-0001")));

        assertThat(refused.key()).isEqualTo(WorkingDayLimits.PROMISED_ABOVE_STATUTORY);
        assertThat(refused.arguments()).containsExactly(31, 30);
        assertThat(Messages.format(Messages.DEFAULT_LOCALE, refused)).isEqualTo("承诺时限31个工作日不能超过法定时限30个工作日");
    }

    @Test
    void theShapeAloneLeavesDepartmentsAndTemplatesToTheCounty() {
        JsonObject elsewhere = Json.createObjectBuilder(item("MZ-0001"))
                .add(ItemElements.DEPARTMENT, "XX")
                .build();

        assertThat(ItemRules.shapeOnly().check(elsewhere)).isEmpty();
    }
}
