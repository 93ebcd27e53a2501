package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.domain.ChecklistOutcome;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.MaterialToSupply;
import org.onewindow.casework.domain.MaterialsChecklist;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;

/**
 * Every material of every demo item at intake: what the government holds starts satisfied, and what only the
 * government holds never reaches a correction notice, whatever the clerk leaves unmarked.
 */
class MaterialsAtIntakeTest {

    private static final List<ItemSnapshot> DEMO = demoItems();

    private static List<ItemSnapshot> demoItems() {
        try (InputStream in =
                        MaterialsAtIntakeTest.class.getResourceAsStream("/org/onewindow/catalog/demo/catalog.json");
                var reader = Json.createReader(in)) {
            return reader.readObject().getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .map((JsonObject item) -> CatalogItems.snapshot(item.getString("code"), 1, item))
                    .toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, MaterialMark> marksAtIntake(ItemSnapshot item) {
        Map<String, MaterialMark> marks = new HashMap<>();
        item.materials().forEach(m -> m.markAtIntake().ifPresent(mark -> marks.put(m.code(), mark)));
        return marks;
    }

    private static List<String> toSupply(ItemSnapshot item, Map<String, MaterialMark> marks) {
        return MaterialsChecklist.evaluate(item.materials(), marks) instanceof ChecklistOutcome.Incomplete incomplete
                ? incomplete.toSupply().stream().map(MaterialToSupply::code).toList()
                : List.of();
    }

    @Test
    void theDemoCatalogHasMaterialsOfEveryKindOfSource() {
        List<RequiredMaterial> all =
                DEMO.stream().flatMap(item -> item.materials().stream()).toList();

        assertThat(all).anyMatch(m -> m.governmentDataMaySatisfy() && m.askedOfApplicant());
        assertThat(all).anyMatch(m -> !m.askedOfApplicant());
        assertThat(all).anyMatch(m -> !m.governmentDataMaySatisfy());
    }

    @Test
    void atIntakeOnlyWhatTheApplicantAloneCanBringIsAskedFor() {
        for (ItemSnapshot item : DEMO) {
            List<String> onlyTheApplicant = item.materials().stream()
                    .filter(RequiredMaterial::mandatory)
                    .filter(m -> !m.governmentDataMaySatisfy())
                    .map(RequiredMaterial::code)
                    .toList();

            assertThat(toSupply(item, marksAtIntake(item)))
                    .as("%s with the marks intake starts with", item.code())
                    .containsExactlyElementsOf(onlyTheApplicant);
        }
    }

    @Test
    void whatOnlyTheGovernmentHoldsIsNeverOnACorrectionNoticeEvenUnmarked() {
        for (ItemSnapshot item : DEMO) {
            List<String> governmentOnly = item.materials().stream()
                    .filter(m -> !m.askedOfApplicant())
                    .map(RequiredMaterial::code)
                    .toList();

            assertThat(toSupply(item, Map.of()))
                    .as("%s with nothing marked", item.code())
                    .noneMatch(governmentOnly::contains);
        }
    }

    @Test
    void dibaoStartsWithTheIdCardTheHouseholdRegisterAndTheEconomicCheckSatisfied() {
        ItemSnapshot dibao = DEMO.stream()
                .filter(item -> item.code().equals("MZ-0001"))
                .findFirst()
                .orElseThrow();

        assertThat(marksAtIntake(dibao)).containsOnlyKeys("ID_CARD", "HOUSEHOLD_REGISTER", "FAMILY_ASSETS");
        assertThat(toSupply(dibao, marksAtIntake(dibao))).containsExactly("INCOME_STATEMENT", "CHECK_AUTHORISATION");
        // The clerk can still change it: the e-licence not found, the ID card is asked for.
        Map<String, MaterialMark> noLicence = new HashMap<>(marksAtIntake(dibao));
        noLicence.remove("ID_CARD");
        assertThat(toSupply(dibao, noLicence)).startsWith("ID_CARD");
    }

    @Test
    void aMaterialOnlyTheGovernmentHoldsCannotBeMarkedNotInTheLegalForm() {
        for (ItemSnapshot item : DEMO) {
            for (RequiredMaterial material : item.materials()) {
                if (material.askedOfApplicant()) {
                    continue;
                }
                Map<String, MaterialMark> marks = new HashMap<>(marksAtIntake(item));
                marks.put(material.code(), MaterialMark.notConforming("未盖章"));

                DomainException refused = catchThrowableOfType(
                        DomainException.class, () -> MaterialsChecklist.evaluate(item.materials(), marks));

                assertThat(refused.key()).as(item.code()).isEqualTo("casework.material.not.asked");
                assertThat(refused.arguments()).containsExactly(material.name());
            }
        }
    }
}
