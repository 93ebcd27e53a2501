package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** The rules of issuance that need no container: document numbers, mobile numbers, the notification templates. */
class IssuanceRulesTest {

    @Test
    void decisionLettersAndLicencesAreNumberedByCountyYearAndSeries() {
        assertThat(DocumentSeries.APPROVAL.format("370321", 2026, 1)).isEqualTo("370321准许〔2026〕000001号");
        assertThat(DocumentSeries.REJECTION.format("370321", 2026, 42)).isEqualTo("370321不许〔2026〕000042号");
        assertThat(DocumentSeries.LICENCE.format("370321", 2026, 7)).isEqualTo("370321-2026-000007");
        assertThat(DocumentSeries.CORRECTION.format("370321", 2026, 3)).isEqualTo("370321补正〔2026〕000003号");
        assertThat(DocumentSeries.REFUSAL.format("370321", 2027, 12)).isEqualTo("370321不予受理〔2027〕000012号");
        Decision granted = new Decision(true, null, "《社会救助暂行办法》第十一条", "mz.reviewer", null);
        assertThat(DocumentSeries.of(granted, DecisionWording.LICENCE)).isEqualTo(DocumentSeries.APPROVAL);
        assertThat(DocumentSeries.of(granted, DecisionWording.BENEFIT)).isEqualTo(DocumentSeries.GRANT);
        assertThat(DocumentSeries.GRANT.format("370321", 2026, 5))
                .as("a benefit's letter abbreviates no 许可")
                .isEqualTo("370321准予〔2026〕000005号");
        assertThat(DocumentSeries.DENIAL.format("370321", 2026, 6)).isEqualTo("370321不予〔2026〕000006号");
        assertThatThrownBy(() -> DocumentSeries.APPROVAL.format("3703", 2026, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentSeries.LICENCE.format("370321", 2026, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMobileNumberIsTakenAsTypedAndShownOnlyMasked() {
        assertThat(MobileNumber.parse(" +86 138-1234-5678 ").digits()).isEqualTo("13812345678");
        assertThat(MobileNumber.parse("8613812345678").digits()).isEqualTo("13812345678");
        assertThat(MobileNumber.parse("13812345678").masked()).isEqualTo("138****5678");
        assertThat(MobileNumber.parse("13812345678")).hasToString("138****5678");
    }

    @Test
    void anythingButAMainlandMobileIsRefusedWithItsReason() {
        for (String wrong : new String[] {"12812345678", "1381234567", "0533-8123456", "138123456789", "abc"}) {
            assertThatThrownBy(() -> MobileNumber.parse(wrong))
                    .as(wrong)
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.key()).isEqualTo("casework.mobile.format"));
        }
        assertThatThrownBy(() -> MobileNumber.parse(" "))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("casework.mobile.required"));
    }

    @Test
    void everyNotificationRendersInBothLanguagesFromItsNamedParameters() {
        Map<String, String> values = Map.of(
                "caseNumber", "370321-20261130-000001",
                "item", "最低生活保障申请",
                "place", "华沟村便民服务站",
                "promisedDueDate", "2026-12-21",
                "whatToSupply", "银行流水",
                "procedure", "专家评审",
                "workingDays", "10",
                "reason", "需实地核查",
                "outcome", "准予给付",
                "trackingNumber", "1180000000001");
        for (NotificationKind kind : NotificationKind.values()) {
            String chinese = kind.render(Locale.SIMPLIFIED_CHINESE, values);
            String english = kind.render(Locale.ENGLISH, values);
            assertThat(chinese).as(kind.name()).doesNotContain("{").isNotEqualTo(kind.templateKey());
            assertThat(english).as(kind.name()).doesNotContain("{").isNotEqualTo(chinese);
            for (String name : kind.parameters()) {
                assertThat(chinese).as(kind + " " + name).contains(values.get(name));
            }
        }
        assertThat(NotificationKind.READY_FOR_PICKUP.render(Locale.SIMPLIFIED_CHINESE, values))
                .isEqualTo("您的办件370321-20261130-000001（最低生活保障申请）办理结果已送达华沟村便民服务站，请携带本人身份证件领取；" + "他人代领须持授权委托书。");
    }

    @Test
    void aMissingParameterIsAProgrammingErrorNamedAtOnce() {
        assertThatThrownBy(() -> NotificationKind.POSTED.arguments(Map.of("caseNumber", "370321-20261130-000001")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trackingNumber");
    }
}
