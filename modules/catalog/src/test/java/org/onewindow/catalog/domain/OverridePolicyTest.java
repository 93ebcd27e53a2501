package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.onewindow.catalog.domain.DemoCatalog.HUANTAI;
import static org.onewindow.catalog.domain.DemoCatalog.json;
import static org.onewindow.catalog.domain.DemoCatalog.pensionRegistration;
import static org.onewindow.catalog.domain.DemoCatalog.refusal;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;

/**
 * What a tier may adapt of 城乡居民基本养老保险参保登记 (statutory limit 1 working day, promised 0, identity card
 * and household register mandatory), and what law and the standard keep out of its reach.
 */
class OverridePolicyTest {

    private static final JsonObject STANDARD = pensionRegistration().elements();

    private static void check(String patch) {
        OverridePolicy.check(json(patch), STANDARD);
    }

    private static DomainException refusedPatch(String patch) {
        return refusal(() -> check(patch));
    }

    @Nested
    class Accepted {

        @Test
        void aCountyNamesItsWindowServicePointNotesAndGuidance() {
            assertThatCode(() -> check("""
                            {"localWindow": "社会事务综合窗口",
                             "localServicePoint": "桓台县便民服务中心",
                             "localNotes": "周六上午延时服务",
                             "guidance": "可在爱山东APP办理"}
                            """)).doesNotThrowAnyException();
        }

        @Test
        void aPromiseUpToTheStatutoryLimit() {
            assertThatCode(() -> check("{\"promisedLimitDays\": 0}")).doesNotThrowAnyException();
            assertThatCode(() -> check("{\"promisedLimitDays\": 1}")).doesNotThrowAnyException();
        }

        @Test
        void aVillageThatDoesNotOfferTheItem() {
            assertThatCode(() -> check("{\"offered\": false}")).doesNotThrowAnyException();
        }

        @Test
        void optionalExtraMaterials() {
            assertThatCode(() -> check("""
                            {"extraMaterials": [{"code": "AGENT_FORM", "name": "村级代办委托书", "mandatory": false}]}
                            """)).doesNotThrowAnyException();
        }

        @Test
        void feeReductionsThatNameTheirBasis() {
            assertThatCode(() -> check("""
                            {"feeReductions": [{"fee": "工本费", "reduction": "免收", "basis": "低保对象免收（县政府令第3号）"}]}
                            """)).doesNotThrowAnyException();
        }

        @Test
        void clearingTheNotesATierAboveSet() {
            assertThatCode(() -> check("{\"localNotes\": null, \"guidance\": null}"))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class WhatLawAndTheStandardFix {

        @ParameterizedTest
        @ValueSource(strings = {"code", "name", "type", "legalBasis", "statutoryLimitDays", "materials"})
        void isRefusedNamingTheElement(String element) {
            DomainException refused = refusedPatch("{\"" + element + "\": \"本地改动\"}");

            assertThat(refused.key()).isEqualTo("catalog.override.protected");
            assertThat(refused.arguments()).containsExactly(element);
        }

        @Test
        void evenAsAnOverrideThatIsNeverApplied() {
            DomainException refused =
                    refusal(() -> DemoCatalog.override(HUANTAI, pensionRegistration(), "{\"materials\": []}"));

            assertThat(refused.key()).isEqualTo("catalog.override.protected");
            assertThat(refused.arguments()).containsExactly("materials");
        }

        @Test
        void aPromiseLongerThanTheLawAllows() {
            DomainException refused = refusedPatch("{\"promisedLimitDays\": 2}");

            assertThat(refused.key()).isEqualTo("catalog.limits.promised.above.statutory");
            assertThat(refused.arguments()).containsExactly(2, 1);
        }

        @Test
        void aMandatoryExtraMaterial() {
            DomainException refused = refusedPatch("""
                    {"extraMaterials": [{"code": "VILLAGE_PROOF", "name": "村委会证明", "mandatory": true}]}
                    """);

            assertThat(refused.key()).isEqualTo("catalog.override.material.mandatory");
            assertThat(refused.arguments()).containsExactly("VILLAGE_PROOF");
        }

        @Test
        void anExtraMaterialThatDoesNotSayItIsOptional() {
            DomainException refused = refusedPatch("""
                    {"extraMaterials": [{"code": "VILLAGE_PROOF", "name": "村委会证明"}]}
                    """);

            assertThat(refused.key()).isEqualTo("catalog.override.material.mandatory");
        }

        @Test
        void anExtraMaterialThatShadowsAStandardOne() {
            DomainException refused = refusedPatch("""
                    {"extraMaterials": [{"code": "ID_CARD", "name": "居民身份证", "mandatory": false}]}
                    """);

            assertThat(refused.key()).isEqualTo("catalog.override.material.duplicate");
            assertThat(refused.arguments()).containsExactly("ID_CARD");
        }

        @Test
        void aFeeReductionWithoutBasis() {
            DomainException refused = refusedPatch("""
                    {"feeReductions": [{"fee": "工本费", "basis": "县政府令第3号"}, {"fee": "邮寄费", "basis": " "}]}
                    """);

            assertThat(refused.key()).isEqualTo("catalog.override.fee.basis.required");
            assertThat(refused.arguments()).containsExactly(2);
        }
    }

    @Nested
    class Malformed {

        @ParameterizedTest
        @ValueSource(strings = {"onlineDepth", "department", "process", "fees", "handlingTier", "timeLimit"})
        void anElementNoTierMayChange(String element) {
            DomainException refused = refusedPatch("{\"" + element + "\": 1}");

            assertThat(refused.key()).isEqualTo("catalog.override.unknown.element");
            assertThat(refused.arguments()).containsExactly(element);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "0.5", "\"3\"", "true"})
        void aPromiseThatIsNotAWholeNumberOfDays(String days) {
            DomainException refused = refusedPatch("{\"promisedLimitDays\": " + days + "}");

            assertThat(refused.key()).isEqualTo("catalog.override.days.invalid");
            assertThat(refused.arguments()).containsExactly("promisedLimitDays", days);
        }

        @Test
        void clearingThePromiseOrWhetherTheItemIsOffered() {
            assertThat(refusedPatch("{\"promisedLimitDays\": null}").key()).isEqualTo("catalog.override.clear.refused");
            assertThat(refusedPatch("{\"offered\": null}").arguments()).containsExactly("offered");
        }

        @Test
        void offeredAsAnythingButYesOrNo() {
            assertThat(refusedPatch("{\"offered\": \"yes\"}").key()).isEqualTo("catalog.override.boolean.expected");
        }

        @Test
        void blankOrNonTextNotes() {
            assertThat(refusedPatch("{\"localNotes\": \"  \"}").key()).isEqualTo("catalog.override.text.expected");
            assertThat(refusedPatch("{\"localWindow\": 3}").arguments()).containsExactly("localWindow");
        }

        @Test
        void extraMaterialsOrFeeReductionsThatAreNotLists() {
            assertThat(refusedPatch("{\"extraMaterials\": {\"code\": \"X\"}}").key())
                    .isEqualTo("catalog.override.list.expected");
            assertThat(refusedPatch("{\"feeReductions\": \"免收\"}").arguments()).containsExactly("feeReductions");
        }

        @Test
        void anExtraMaterialWithoutCodeOrName() {
            DomainException refused = refusedPatch("""
                    {"extraMaterials": [{"code": "A", "name": "甲", "mandatory": false}, {"name": "乙", "mandatory": false}]}
                    """);

            assertThat(refused.key()).isEqualTo("catalog.override.material.incomplete");
            assertThat(refused.arguments()).containsExactly(2);
        }
    }
}
