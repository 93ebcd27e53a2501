package org.onewindow.casework.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.domain.DecisionWording;

/** The REST answers name a decision as the item words it: a decided 低保 reads 准予给付, never 准予许可. */
class CaseViewsWordingTest {

    @Test
    void aDecidedBenefitIsWordedAsABenefit() {
        JsonObject granted = CaseViews.worded(DecisionWording.BENEFIT, true).build();
        JsonObject refused = CaseViews.worded(DecisionWording.BENEFIT, false).build();

        assertThat(granted.getString("itemWording")).isEqualTo("BENEFIT");
        assertThat(granted.getBoolean("decisionApproved")).isTrue();
        assertThat(granted.getString("decisionWording")).isEqualTo("准予给付");
        assertThat(refused.getString("decisionWording")).isEqualTo("不予给付");
        assertThat(CaseViews.decisionKey(granted)).isEqualTo("casework.state.DECIDED_APPROVED.BENEFIT");
    }

    @Test
    void aLicenceKeepsTheLicensingWords() {
        assertThat(CaseViews.worded(DecisionWording.LICENCE, true).build().getString("decisionWording"))
                .isEqualTo("准予许可");
    }

    @Test
    void beforeADecisionNothingIsWorded() {
        JsonObject undecided = CaseViews.worded(DecisionWording.BENEFIT, null).build();

        assertThat(undecided.isNull("decisionApproved")).isTrue();
        assertThat(undecided.isNull("decisionWording")).isTrue();
        assertThat(CaseViews.decisionKey(undecided)).isNull();
    }
}
