package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/** Who may see and take a task: a county with its civil-affairs and housing bureaus, a town and two villages. */
class WorkGroupTest {

    static final StaffPrincipal MZ_REVIEWER = staff("370321000000", TenantLevel.COUNTY, Role.REVIEWER, "MZ");
    static final StaffPrincipal ZJ_REVIEWER = staff("370321000000", TenantLevel.COUNTY, Role.REVIEWER, "ZJ");
    static final StaffPrincipal TOWN_REVIEWER = staff("370321106000", TenantLevel.TOWN, Role.REVIEWER);
    static final StaffPrincipal HUAGOU_CLERK = staff("370321106202", TenantLevel.VILLAGE, Role.CLERK);
    static final StaffPrincipal FUMIAO_CLERK = staff("370321106201", TenantLevel.VILLAGE, Role.CLERK);

    @Test
    void aDepartmentsReviewGoesToThatDepartmentsReviewersOnly() {
        WorkGroup civilAffairs = WorkGroup.parse("370321000000/MZ");

        assertThat(civilAffairs).isEqualTo(new WorkGroup("370321000000", "MZ"));
        assertThat(civilAffairs.admits(MZ_REVIEWER, TaskKind.REVIEW)).isTrue();
        assertThat(civilAffairs.admits(ZJ_REVIEWER, TaskKind.REVIEW)).isFalse();
        assertThat(civilAffairs.admits(TOWN_REVIEWER, TaskKind.REVIEW)).isFalse();
    }

    @Test
    void aDivisionsReviewGoesToEveryReviewerOfThatDivisionAndNotToTheDivisionsAbove() {
        WorkGroup town = WorkGroup.parse("370321106000");

        assertThat(town.admits(TOWN_REVIEWER, TaskKind.REVIEW)).isTrue();
        assertThat(town.admits(MZ_REVIEWER, TaskKind.REVIEW)).isFalse();
        assertThat(WorkGroup.parse("370321000000").admits(ZJ_REVIEWER, TaskKind.REVIEW))
                .isTrue();
    }

    @Test
    void aWindowStepGoesToTheClerksOfItsOwnDivisionOnly() {
        WorkGroup huagou = WorkGroup.parse("370321106202");

        assertThat(huagou.admits(HUAGOU_CLERK, TaskKind.WINDOW_DELIVERY)).isTrue();
        assertThat(huagou.admits(FUMIAO_CLERK, TaskKind.WINDOW_DELIVERY)).isFalse();
        assertThat(huagou.admits(HUAGOU_CLERK, TaskKind.REVIEW)).isFalse();
        assertThat(WorkGroup.parse("370321106000").admits(TOWN_REVIEWER, TaskKind.WINDOW_DECISION))
                .isFalse();
    }

    @Test
    void somethingElseIsNoGroup() {
        for (String group : new String[] {null, "", "MZ", "370321/MZ", "370321000000/", "370321000000/mz x"}) {
            assertThatThrownBy(() -> WorkGroup.parse(group)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theWindowStepsAreKnownByTheStandardTemplatesStepIds() {
        assertThat(TaskKind.of("windowDelivery")).isEqualTo(TaskKind.WINDOW_DELIVERY);
        assertThat(TaskKind.of("windowDecision")).isEqualTo(TaskKind.WINDOW_DECISION);
        assertThat(TaskKind.of("jointDecision")).isEqualTo(TaskKind.WINDOW_DECISION);
        for (String review : new String[] {"tierReview", "departmentReviews", "departmentReview", "custom"}) {
            assertThat(TaskKind.of(review)).isEqualTo(TaskKind.REVIEW);
        }
    }

    private static StaffPrincipal staff(String tenant, TenantLevel level, Role role, String... departments) {
        return new StaffPrincipal(
                "someone", "某人", DivisionCode.of(tenant), level, "某地", EnumSet.of(role), Set.of(departments));
    }
}
