package org.onewindow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.catalog.domain.ElementProblem;
import org.onewindow.catalog.domain.ItemRules;

/**
 * A standards draft's form carries the common elements into the draft's JSON and leaves every other element as it
 * was; what it carries is judged by the catalog's one rule set, as the JSON is.
 */
class DraftFormTest {

    private static final JsonObject ITEM = Elements.read("""
                    {"code": "ZJ-0002", "name": "建设工程消防设计审查", "legalBasis": ["《消防法》第十一条"],
                     "statutoryLimitDays": 15, "promisedLimitDays": 10, "fees": [], "onlineDepth": 3,
                     "materials": [{"code": "FIRE_DESIGN", "name": "消防设计文件", "form": "ORIGINAL", "copies": 1,
                                    "mandatory": true, "sources": ["APPLICANT"]}]}
                    """).asJsonObject();

    @Test
    void anUntouchedFormChangesNothing() {
        assertThat(DraftForm.of(ITEM).applyTo(ITEM)).isEqualTo(ITEM);
    }

    @Test
    void theFormsElementsReplaceTheDraftsAndEveryOtherElementStays() {
        // Arrange
        DraftForm form = DraftForm.of(ITEM);

        // Act
        form.setPromised(" 8 ");
        form.setLegalBasis("《消防法》第十一条\n\n《建设工程消防设计审查验收管理暂行规定》");
        DraftForm.Material material = form.getMaterials().get(0);
        material.setName("消防设计文件及图纸");
        material.setMandatory(false);
        material.setSources("APPLICANT，SHARED:FIRE_DESIGN");
        form.addFee();
        JsonObject edited = form.applyTo(ITEM);

        // Assert
        assertThat(edited.getInt("promisedLimitDays")).isEqualTo(8);
        assertThat(edited.getJsonArray("legalBasis")).hasSize(2);
        JsonObject saved = edited.getJsonArray("materials").getJsonObject(0);
        assertThat(saved.getString("name")).isEqualTo("消防设计文件及图纸");
        assertThat(saved.getBoolean("mandatory")).isFalse();
        assertThat(saved.getJsonArray("sources").getString(1)).isEqualTo("SHARED:FIRE_DESIGN");
        assertThat(saved.getString("form")).isEqualTo("ORIGINAL");
        assertThat(edited.getJsonArray("fees")).as("an empty fee is left out").isEmpty();
        assertThat(edited.getInt("onlineDepth")).isEqualTo(3);
    }

    @Test
    void aPromiseAboveTheLawIsRefusedByTheCatalogsRuleAtThePromise() {
        DraftForm form = DraftForm.of(ITEM);
        form.setPromised("20");

        List<ElementProblem> problems = ItemRules.shapeOnly().check(form.applyTo(ITEM));

        assertThat(problems)
                .extracting(ElementProblem::element, ElementProblem::key)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "promisedLimitDays", "catalog.limits.promised.above.statutory"));
    }

    @Test
    void aWordWhereDaysBelongGoesToTheRulesAsTyped() {
        DraftForm form = DraftForm.of(ITEM);
        form.setStatutory("十五");

        List<ElementProblem> problems = ItemRules.shapeOnly().check(form.applyTo(ITEM));

        assertThat(problems)
                .extracting(ElementProblem::element, ElementProblem::key)
                .contains(org.assertj.core.groups.Tuple.tuple("statutoryLimitDays", "catalog.import.number.malformed"));
    }
}
