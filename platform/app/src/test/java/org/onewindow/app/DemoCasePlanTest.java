package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.application.IntakeCommand;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.kernel.identity.domain.ResidentIdNumber;

/** The demo cases' plan: every outcome at every window, valid and distinct applicants, the same on every start. */
class DemoCasePlanTest {

    private final List<DemoCasePlan.Planned> plan = DemoCasePlan.plan(DemoCasePlan.WINDOWS, DemoCases.PER_OUTCOME);

    @Test
    void everyWindowGetsEveryOutcomeThatManyTimes() {
        for (DemoCasePlan.Window window : DemoCasePlan.WINDOWS) {
            Map<DemoCasePlan.Outcome, Long> outcomes = plan.stream()
                    .filter(p -> p.window().equals(window))
                    .collect(Collectors.groupingBy(DemoCasePlan.Planned::outcome, Collectors.counting()));
            assertThat(outcomes.keySet()).as(window.tenantName()).isEqualTo(EnumSet.allOf(DemoCasePlan.Outcome.class));
            assertThat(outcomes.values()).allMatch(count -> count == DemoCases.PER_OUTCOME);
        }
        assertThat(plan)
                .hasSize(DemoCasePlan.WINDOWS.size() * DemoCases.PER_OUTCOME * DemoCasePlan.Outcome.values().length);
    }

    @Test
    void everyApplicantHasAValidResidentIdNumberOfTheCountyAndNoTwoShareOne() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        for (DemoCasePlan.Planned planned : plan) {
            assertThat(ResidentIdNumber.isValid(planned.idNumber(), today))
                    .as(planned.idNumber())
                    .isTrue();
            assertThat(planned.idNumber()).startsWith("370321");
            assertThat(planned.applicantName()).hasSizeBetween(2, 3);
        }
        assertThat(plan.stream().map(DemoCasePlan.Planned::idNumber).distinct()).hasSize(plan.size());
        for (int n = 0; n < 2_000; n++) {
            assertThat(ResidentIdNumber.isValid(DemoCasePlan.idNumber(n), today))
                    .as("n=%d", n)
                    .isTrue();
        }
    }

    @Test
    void keysAreUniqueAtEachWindowAndThePlanIsTheSameOnEveryStart() {
        Set<String> keys =
                plan.stream().map(p -> p.window().tenantCode() + "/" + p.key()).collect(Collectors.toSet());
        assertThat(keys).hasSize(plan.size());
        assertThat(DemoCasePlan.plan(DemoCasePlan.WINDOWS, DemoCases.PER_OUTCOME))
                .isEqualTo(plan);
    }

    @Test
    void anIncompleteApplicationLeavesOutExactlyTheLastMandatoryMaterial() {
        List<RequiredMaterial> materials = List.of(
                material("ID_CARD", true, MaterialSource.ELICENCE),
                material("INCOME_STATEMENT", true, MaterialSource.APPLICANT),
                material("PHOTO", false, MaterialSource.APPLICANT));
        ItemSnapshot item = new ItemSnapshot("MZ-0002", 3, "高龄津贴申领", false, 10, 20, materials);

        Map<String, IntakeCommand.MarkInput> complete = DemoCases.marks(item, false);
        Map<String, IntakeCommand.MarkInput> incomplete = DemoCases.marks(item, true);

        assertThat(complete).containsOnlyKeys("ID_CARD", "INCOME_STATEMENT", "PHOTO");
        assertThat(complete.get("ID_CARD").kind()).isEqualTo("GOVERNMENT_DATA");
        assertThat(complete.get("INCOME_STATEMENT").kind()).isEqualTo("PAPER_SEEN");
        assertThat(incomplete).containsOnlyKeys("ID_CARD", "PHOTO");
    }

    private static RequiredMaterial material(String code, boolean mandatory, MaterialSource source) {
        return new RequiredMaterial(code, code, mandatory, Set.of(source));
    }
}
