package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** The clerk ticks the materials of 低保; the check lists every mandatory one still to supply, in printed order. */
class MaterialsChecklistTest {

    private static final List<RequiredMaterial> DIBAO = Fixtures.DIBAO.materials();

    private static ChecklistOutcome evaluate(Map<String, MaterialMark> marks) {
        return MaterialsChecklist.evaluate(DIBAO, marks);
    }

    @Test
    void everyMandatoryMaterialSeenIsCompleteEvenWithoutTheOptionalOne() {
        assertThat(evaluate(Fixtures.allMarked())).isEqualTo(new ChecklistOutcome.Complete());
    }

    @Test
    void nothingTickedListsEveryMandatoryMaterialTheApplicantCanBeAskedForAndNoOptionalOne() {
        ChecklistOutcome outcome = evaluate(Map.of());

        assertThat(outcome).isInstanceOf(ChecklistOutcome.Incomplete.class);
        // Not the assets report: only the government holds it (shared data), the department fetches it.
        assertThat(((ChecklistOutcome.Incomplete) outcome).toSupply())
                .extracting(MaterialToSupply::code)
                .containsExactly("ID_CARD", "HOUSEHOLD_REGISTER", "INCOME_STATEMENT", "CHECK_AUTHORISATION");
    }

    @Test
    void aMaterialNotInTheLegalFormIsListedWithWhatIsWrong() {
        Map<String, MaterialMark> marks = new LinkedHashMap<>(Fixtures.allMarked());
        marks.put("INCOME_STATEMENT", MaterialMark.notConforming("未签字"));

        ChecklistOutcome outcome = evaluate(marks);

        assertThat(((ChecklistOutcome.Incomplete) outcome).toSupply())
                .containsExactly(new MaterialToSupply("INCOME_STATEMENT", "家庭收入及财产状况声明", true, "未签字"));
    }

    @Test
    void aNotConformingMarkMustSayWhy() {
        assertThat(catchThrowableOfType(DomainException.class, () -> MaterialMark.notConforming(" "))
                        .key())
                .isEqualTo("casework.material.reason.required");
    }

    @Test
    void governmentDataCannotStandInForAMaterialOnlyTheApplicantHas() {
        Map<String, MaterialMark> marks = new LinkedHashMap<>(Fixtures.allMarked());
        marks.put("CHECK_AUTHORISATION", MaterialMark.governmentData("共享"));

        DomainException refused = catchThrowableOfType(DomainException.class, () -> evaluate(marks));

        assertThat(refused.key()).isEqualTo("casework.material.government.data");
        assertThat(refused.arguments()).containsExactly("家庭经济状况核对授权书");
    }

    @Test
    void aMarkOnAMaterialTheItemDoesNotAskForIsRefused() {
        Map<String, MaterialMark> marks = new LinkedHashMap<>(Fixtures.allMarked());
        marks.put("MARRIAGE_CERT", MaterialMark.paperSeen());

        assertThat(catchThrowableOfType(DomainException.class, () -> evaluate(marks))
                        .key())
                .isEqualTo("casework.material.unknown");
    }

    @Test
    void anItemWithoutMaterialsIsAlwaysComplete() {
        assertThat(MaterialsChecklist.evaluate(List.of(), Map.of()).complete()).isTrue();
    }

    @Test
    void anItemSnapshotKeepsThePromiseWithinTheLawAndMaterialCodesUnique() {
        DomainException above = catchThrowableOfType(
                DomainException.class, () -> new ItemSnapshot("MZ-0001", 1, "最低生活保障申请", false, 31, 30, List.of()));
        DomainException twice = catchThrowableOfType(
                DomainException.class,
                () -> new ItemSnapshot("MZ-0001", 1, "最低生活保障申请", false, 20, 30, List.of(DIBAO.get(0), DIBAO.get(0))));

        assertThat(above.key()).isEqualTo("casework.limits.promised.above.statutory");
        assertThat(above.arguments()).containsExactly(31, 30);
        assertThat(twice.key()).isEqualTo("casework.material.duplicate");
    }
}
