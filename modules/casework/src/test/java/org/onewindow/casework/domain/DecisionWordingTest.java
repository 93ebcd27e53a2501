package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.Messages;

/** A decision is named for the item decided: a licence is 准予许可, a benefit 准予给付, anything else neutral. */
class DecisionWordingTest {

    @Test
    void aLicenceKeepsTheWordsOfTheAdministrativeLicensingLaw() {
        DecisionWording licence = DecisionWording.of("ADMINISTRATIVE_LICENCE");

        assertThat(chinese(licence.stateKey("DECIDED_APPROVED"))).isEqualTo("准予许可");
        assertThat(chinese(licence.actionKey("REJECT"))).isEqualTo("不予许可");
    }

    @Test
    void aBenefitIsGrantedOrRefusedAsABenefitNeverAsALicence() {
        DecisionWording benefit = DecisionWording.of(Fixtures.DIBAO);

        assertThat(benefit).isEqualTo(DecisionWording.BENEFIT);
        assertThat(chinese(benefit.stateKey("DECIDED_APPROVED"))).isEqualTo("准予给付");
        assertThat(chinese(benefit.stateKey("DECIDED_REJECTED"))).isEqualTo("不予给付");
        assertThat(chinese(benefit.actionKey("APPROVE"))).isEqualTo("准予给付");
        assertThat(Messages.format(Locale.ENGLISH, benefit.stateKey("DECIDED_APPROVED")))
                .isEqualTo("benefit granted");
    }

    @Test
    void anItemOfAnotherOrUnknownTypeIsDecidedInNeutralWords() {
        assertThat(DecisionWording.of("PUBLIC_SERVICE")).isEqualTo(DecisionWording.GENERAL);
        assertThat(DecisionWording.of((String) null)).isEqualTo(DecisionWording.GENERAL);
        assertThat(chinese(DecisionWording.GENERAL.stateKey("DECIDED_APPROVED")))
                .isEqualTo("已批准");
        assertThat(chinese(DecisionWording.GENERAL.actionKey("REJECT"))).isEqualTo("不予批准");
    }

    @Test
    void aDecisionIsNamedForItsItemWhetherGrantedOrNot() {
        assertThat(chinese(DecisionWording.BENEFIT.decisionKey(true))).isEqualTo("准予给付");
        assertThat(chinese(DecisionWording.BENEFIT.decisionKey(false))).isEqualTo("不予给付");
        assertThat(chinese(DecisionWording.LICENCE.decisionKey(true))).isEqualTo("准予许可");
        assertThat(chinese(DecisionWording.GENERAL.decisionKey(false))).isEqualTo("不予批准");
    }

    @Test
    void statesAndActionsThatDecideNothingReadAsTheyAre() {
        assertThat(DecisionWording.BENEFIT.stateKey("AWAITING_PICKUP")).isEqualTo("casework.state.AWAITING_PICKUP");
        assertThat(DecisionWording.GENERAL.actionKey("RECORD_PICKUP")).isEqualTo("casework.action.RECORD_PICKUP");
    }

    private static String chinese(String key) {
        return Messages.format(Locale.SIMPLIFIED_CHINESE, key);
    }
}
