package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.onewindow.casework.domain.Fixtures.BASIS;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** A tier's or department's opinion in a shared review: on the timeline, no decision; a negative one says why. */
class ReviewOpinionTest {

    private static final Clock LATER = Fixtures.at("2026-12-01T11:00");

    @Test
    void aPositiveOpinionIsOnTheTimelineAndDecidesNothing() {
        Case c = Fixtures.inState(CaseState.IN_REVIEW);

        c.giveOpinion(true, "  入户调查属实  ", null, "huagou.reviewer", LATER);

        assertThat(c.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(c.decision()).isEmpty();
        assertThat(c.steps().getLast().action()).isEqualTo(CaseAction.GIVE_OPINION);
        assertThat(c.steps().getLast().opinion()).isEqualTo("入户调查属实");
    }

    @Test
    void aNegativeOpinionNeedsReasonAndBasisAndOtherwiseChangesNothing() {
        Case c = Fixtures.inState(CaseState.IN_REVIEW);
        int steps = c.steps().size();

        DomainException noReason = catchThrowableOfType(
                DomainException.class, () -> c.giveOpinion(false, " ", BASIS, "huagou.reviewer", LATER));
        DomainException noBasis = catchThrowableOfType(
                DomainException.class, () -> c.giveOpinion(false, "收入超标", null, "huagou.reviewer", LATER));

        assertThat(noReason.key()).isEqualTo("casework.decision.reason.required");
        assertThat(noBasis.key()).isEqualTo("casework.decision.basis.required");
        assertThat(c.steps()).hasSize(steps);
    }

    @Test
    void anotherDepartmentMayAnswerWhileOneWaitsForSupplementsButNobodyDecides() {
        Case c = Fixtures.inState(CaseState.SUPPLEMENT_REQUESTED);

        c.giveOpinion(true, "配套费已核定", null, "cz.reviewer", LATER);
        DomainException decided =
                catchThrowableOfType(DomainException.class, () -> c.approve("同意", BASIS, "zj.reviewer", LATER));

        assertThat(c.state()).isEqualTo(CaseState.SUPPLEMENT_REQUESTED);
        assertThat(decided.key()).isEqualTo("casework.case.transition");
    }
}
