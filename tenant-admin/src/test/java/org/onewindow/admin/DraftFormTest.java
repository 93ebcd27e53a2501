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
        material.setSources(List.of("APPLICANT", "SHARED:FIRE_DESIGN"));
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

    @Test
    void aMaterialAddedInTheFormIsSavedWithItsCodeNameFormCopiesAndSources() {
        // Arrange
        DraftForm form = DraftForm.of(ITEM);

        // Act
        form.addMaterial();
        DraftForm.Material added = form.getMaterials().get(1);
        added.setCode("SITE_PLAN");
        added.setName("总平面图");
        added.setForm("COPY");
        added.setCopies("2");
        added.setMandatory(false);
        added.setSources(List.of("APPLICANT", "SHARED:DRAWING_REVIEW"));
        JsonObject edited = form.applyTo(ITEM);

        // Assert
        assertThat(edited.getJsonArray("materials")).hasSize(2);
        assertThat(edited.getJsonArray("materials").getJsonObject(1)).isEqualTo(Elements.read("""
                        {"code": "SITE_PLAN", "name": "总平面图", "form": "COPY", "copies": 2, "mandatory": false,
                         "sources": ["APPLICANT", "SHARED:DRAWING_REVIEW"]}
                        """));
        assertThat(ItemRules.shapeOnly().check(edited))
                .as("the test item lacks other elements; its materials are well formed")
                .noneMatch(problem -> problem.material() >= 0);
    }

    @Test
    void aNewMaterialLeftUnnamedIsRefusedAtItsCodeAndNameAndAWordForCopiesAtItsCopies() {
        DraftForm form = DraftForm.of(ITEM);
        form.addMaterial();
        form.getMaterials().get(1).setCopies("两份");

        List<ElementProblem> problems = ItemRules.shapeOnly().check(form.applyTo(ITEM)).stream()
                .filter(problem -> problem.material() >= 0)
                .toList();

        assertThat(problems)
                .extracting(ElementProblem::material, ElementProblem::element, ElementProblem::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1, "code", "catalog.import.required"),
                        org.assertj.core.groups.Tuple.tuple(1, "name", "catalog.import.required"),
                        org.assertj.core.groups.Tuple.tuple(1, "copies", "catalog.import.number.malformed"));
    }

    @Test
    void aRemovedMaterialIsGoneAndARemovalPostedTwiceRemovesNothingMore() {
        DraftForm form = DraftForm.of(ITEM);

        form.removeMaterial(0);
        form.removeMaterial(0);

        assertThat(form.applyTo(ITEM).getJsonArray("materials")).isEmpty();
    }

    @Test
    void sourcesChosenInTheFormsOrderKeepTheMaterialsOwnOrder() {
        JsonObject item = Elements.read("""
                {"materials": [{"code": "DRAWING_REVIEW", "name": "施工图设计文件审查合格书", "form": "ORIGINAL",
                                "copies": 1, "mandatory": true, "sources": ["SHARED:DRAWING_REVIEW", "APPLICANT"]}]}
                """).asJsonObject();
        DraftForm form = DraftForm.of(item);

        form.getMaterials().get(0).setSources(List.of("APPLICANT", "ELICENSE:RESIDENT_ID", "SHARED:DRAWING_REVIEW"));

        assertThat(form.applyTo(item).getJsonArray("materials").getJsonObject(0).getJsonArray("sources"))
                .isEqualTo(Elements.read("[\"SHARED:DRAWING_REVIEW\", \"APPLICANT\", \"ELICENSE:RESIDENT_ID\"]"));
    }
}
