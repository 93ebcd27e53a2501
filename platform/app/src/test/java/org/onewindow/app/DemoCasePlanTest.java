package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

/**
 * The demo cases' plan: every outcome at every window (the issued ones once), valid and distinct applicants, the same
 * on every start.
 */
class DemoCasePlanTest {

    private final List<DemoCasePlan.Planned> plan = DemoCasePlan.plan(DemoCasePlan.WINDOWS, DemoCases.PER_OUTCOME);

    /**
     * The person of a demo case's form who is the applicant (本人 in a household table) is the case's applicant, in
     * every form and every case; the other rows stay as written; and the answers as shipped describe the applicant the
     * tests take in (王秀英).
     */
    @Test
    void theApplicantInEveryFormIsTheCasesApplicant() {
        JsonObject shipped = DemoFormAnswers.all();
        assertThat(selves(shipped.getJsonObject("MZ-0001"))).containsExactly("王秀英|370321195803121012");
        for (DemoCasePlan.Planned planned : plan) {
            for (String item : shipped.keySet()) {
                JsonObject answers = shipped.getJsonObject(item);
                JsonObject about = DemoCases.aboutApplicant(answers, planned.applicantName(), planned.idNumber());
                List<String> selves = selves(about);
                assertThat(selves).as(item).hasSameSizeAs(selves(answers));
                assertThat(selves)
                        .as("%s of %s", item, planned.key())
                        .allMatch(self -> self.equals(planned.applicantName() + "|" + planned.idNumber()));
                assertThat(others(about)).as(item).isEqualTo(others(answers));
            }
        }
    }

    /** "name|idNumber" of each table row whose relation is 本人. */
    private static List<String> selves(JsonObject answers) {
        return rows(answers)
                .filter(row -> "本人".equals(row.getString("relation", null)))
                .map(row -> row.getString("name") + "|" + row.getString("idNumber"))
                .toList();
    }

    private static List<JsonObject> others(JsonObject answers) {
        return rows(answers)
                .filter(row -> !"本人".equals(row.getString("relation", null)))
                .toList();
    }

    private static java.util.stream.Stream<JsonObject> rows(JsonObject answers) {
        return answers.values().stream()
                .filter(value -> value instanceof JsonArray)
                .flatMap(value -> ((JsonArray) value).stream())
                .filter(row -> row instanceof JsonObject)
                .map(JsonValue::asJsonObject);
    }

    @Test
    void everyWindowGetsEveryOutcomeThatManyTimes() {
        for (DemoCasePlan.Window window : DemoCasePlan.WINDOWS) {
            Map<DemoCasePlan.Outcome, Long> outcomes = plan.stream()
                    .filter(p -> p.window().equals(window))
                    .collect(Collectors.groupingBy(DemoCasePlan.Planned::outcome, Collectors.counting()));
            assertThat(outcomes.keySet()).as(window.tenantName()).isEqualTo(EnumSet.allOf(DemoCasePlan.Outcome.class));
            outcomes.forEach((outcome, count) -> assertThat(count)
                    .as("%s at %s", outcome, window.tenantName())
                    .isEqualTo(outcome.once() ? 1 : DemoCases.PER_OUTCOME));
        }
        long once = EnumSet.allOf(DemoCasePlan.Outcome.class).stream()
                .filter(DemoCasePlan.Outcome::once)
                .count();
        long takingTurns = DemoCasePlan.Outcome.values().length - once;
        assertThat(plan).hasSize((int) (DemoCasePlan.WINDOWS.size() * (DemoCases.PER_OUTCOME * takingTurns + once)));
    }

    @Test
    void theCasesMadeBeforeTheIssuedOnesKeepTheirKeysApplicantsAndOutcomes() {
        // As the plan was before the issued outcomes: a database made then replays these keys and takes nothing in.
        DemoCasePlan.Outcome[] earlier = {
            DemoCasePlan.Outcome.ACCEPTED,
            DemoCasePlan.Outcome.APPROVED,
            DemoCasePlan.Outcome.REJECTED,
            DemoCasePlan.Outcome.SUPPLEMENT_REQUESTED,
            DemoCasePlan.Outcome.SPECIAL_PROCEDURE,
            DemoCasePlan.Outcome.AWAITING_SUPPLEMENTS,
            DemoCasePlan.Outcome.SUPPLIED_THEN_ACCEPTED,
            DemoCasePlan.Outcome.REFUSED
        };
        List<DemoCasePlan.Planned> huagou = plan.stream()
                .filter(p -> p.window().tenantCode().equals(DemoData.HUAGOU))
                .toList();
        for (int i = 0; i < DemoCases.PER_OUTCOME * earlier.length; i++) {
            assertThat(huagou.get(i).key()).isEqualTo("demo-case-" + (i + 1));
            assertThat(huagou.get(i).outcome()).isEqualTo(earlier[i % earlier.length]);
            assertThat(huagou.get(i).idNumber()).isEqualTo(DemoCasePlan.idNumber(i));
        }
        assertThat(huagou.subList(DemoCases.PER_OUTCOME * earlier.length, huagou.size()))
                .extracting(DemoCasePlan.Planned::key, DemoCasePlan.Planned::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demo-issued-1", DemoCasePlan.Outcome.AWAITING_PICKUP),
                        org.assertj.core.groups.Tuple.tuple("demo-issued-2", DemoCasePlan.Outcome.POSTED),
                        org.assertj.core.groups.Tuple.tuple("demo-county-1", DemoCasePlan.Outcome.WAITING_AT_COUNTY));
    }

    @Test
    void everyDemoVillageWithCasesHasAClerkAndAReviewerForItsVillageStep() {
        for (DemoCasePlan.Window window : DemoCasePlan.WINDOWS) {
            if (window.level() == org.onewindow.kernel.tenant.domain.TenantLevel.VILLAGE) {
                assertThat(plan).anySatisfy(p -> assertThat(p.window()).isEqualTo(window));
                assertThat(DemoCasePlan.REVIEWERS)
                        .as("a reviewer at %s", window.tenantName())
                        .anySatisfy(r -> assertThat(r.desk().tenantCode()).isEqualTo(window.tenantCode()));
            }
        }
        assertThat(plan)
                .filteredOn(p -> p.outcome() == DemoCasePlan.Outcome.WAITING_AT_COUNTY)
                .hasSize(DemoCasePlan.WINDOWS.size());
    }

    @Test
    void aPostedResultHasAThirteenDigitTrackingNumberOfItsOwn() {
        DemoCasePlan.Planned posted = plan.stream()
                .filter(p -> p.outcome() == DemoCasePlan.Outcome.POSTED)
                .findFirst()
                .orElseThrow();
        assertThat(DemoCasePlan.trackingNumber(posted)).matches("1180\\d{9}");
        assertThat(plan.stream().filter(p -> p.outcome().issued()).map(DemoCasePlan::trackingNumber))
                .doesNotHaveDuplicates();
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

    @Test
    void anIncompleteApplicationNeverLeavesOutWhatOnlyTheGovernmentHolds() {
        List<RequiredMaterial> materials = List.of(
                material("INCOME_STATEMENT", true, MaterialSource.APPLICANT),
                material("FAMILY_ASSETS", true, MaterialSource.SHARED_DATA));
        ItemSnapshot item = new ItemSnapshot("MZ-0001", 3, "最低生活保障申请", false, 20, 30, materials);

        assertThat(DemoCases.marks(item, true)).containsOnlyKeys("FAMILY_ASSETS");
    }

    private static RequiredMaterial material(String code, boolean mandatory, MaterialSource source) {
        return new RequiredMaterial(code, code, mandatory, Set.of(source));
    }
}
