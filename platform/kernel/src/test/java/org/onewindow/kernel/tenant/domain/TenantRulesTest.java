package org.onewindow.kernel.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;

/** The rules a new division meets to join the tree: 县 at the root, 镇/街道 below it, 村/居 below those. */
class TenantRulesTest {

    private static final Tenant COUNTY =
            new Tenant(new DivisionCode("370321000000"), null, TenantLevel.COUNTY, "桓台县", Instant.EPOCH);
    private static final Tenant TOWN =
            new Tenant(new DivisionCode("370321106000"), COUNTY.code(), TenantLevel.TOWN, "起凤镇", Instant.EPOCH);
    private static final Tenant STREET =
            new Tenant(new DivisionCode("370321001000"), COUNTY.code(), TenantLevel.STREET, "索镇街道", Instant.EPOCH);

    private static DomainException refusal(Executable check) {
        DomainException refused = catchThrowableOfType(DomainException.class, check::execute);
        assertThat(refused).as("the check should refuse").isNotNull();
        return refused;
    }

    @Nested
    class Accepted {

        @Test
        void aCountyStandsWithoutParent() {
            assertThatCode(() -> TenantRules.checkNew(COUNTY.code(), TenantLevel.COUNTY, "桓台县", null))
                    .doesNotThrowAnyException();
        }

        @Test
        void aTownOrStreetUnderTheCounty() {
            assertThatCode(() ->
                            TenantRules.checkNew(new DivisionCode("370321106000"), TenantLevel.TOWN, "起凤镇", COUNTY))
                    .doesNotThrowAnyException();
            assertThatCode(() ->
                            TenantRules.checkNew(new DivisionCode("370321002000"), TenantLevel.STREET, "少海街道", COUNTY))
                    .doesNotThrowAnyException();
        }

        @Test
        void aVillageUnderATownAndACommunityUnderAStreet() {
            assertThatCode(() ->
                            TenantRules.checkNew(new DivisionCode("370321106202"), TenantLevel.VILLAGE, "华沟村", TOWN))
                    .doesNotThrowAnyException();
            assertThatCode(() -> TenantRules.checkNew(
                            new DivisionCode("370321001003"), TenantLevel.COMMUNITY, "东岳社区", STREET))
                    .doesNotThrowAnyException();
        }

        @Test
        void aNameOfExactlyFiftyCharactersAfterStripping() {
            String fifty = "村".repeat(TenantRules.MAX_NAME_LENGTH);

            assertThatCode(() -> TenantRules.checkNew(
                            new DivisionCode("370321106202"), TenantLevel.VILLAGE, "  " + fifty + " ", TOWN))
                    .doesNotThrowAnyException();
            assertThat(TenantRules.checkName("  " + fifty + " ")).isEqualTo(fifty);
        }
    }

    @Nested
    class Refused {

        @Test
        void aVillageDirectlyUnderTheCounty() {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370321106202"), TenantLevel.VILLAGE, "华沟村", COUNTY));

            assertThat(refused.key()).isEqualTo("tenant.parent.level");
            assertThat(refused.arguments()).containsExactly("370321000000", "COUNTY", "VILLAGE");
        }

        @Test
        void aCountyBelowAnything() {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370322000000"), TenantLevel.COUNTY, "高青县", COUNTY));

            assertThat(refused.key()).isEqualTo("tenant.parent.level");
        }

        @Test
        void aTownWithoutParent() {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370321106000"), TenantLevel.TOWN, "起凤镇", null));

            assertThat(refused.key()).isEqualTo("tenant.parent.missing");
            assertThat(refused.arguments()).containsExactly("370321106000");
        }

        @Test
        void aCodeOutsideTheParentsPrefix() {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370321107202"), TenantLevel.VILLAGE, "别镇的村", TOWN));

            assertThat(refused.key()).isEqualTo("division.code.parent");
            assertThat(refused.arguments()).containsExactly("370321107202", "370321106000");
        }

        @Test
        void aTownOfAnotherCounty() {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370322106000"), TenantLevel.TOWN, "别县的镇", COUNTY));

            assertThat(refused.key()).isEqualTo("division.code.parent");
        }

        @Test
        void aCodeThatDoesNotFitItsLevel() {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370321106000"), TenantLevel.VILLAGE, "镇形代码的村", TOWN));

            assertThat(refused.key()).isEqualTo("division.code.level");
            assertThat(refused.arguments()).containsExactly("370321106000", "VILLAGE");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n", "　"})
        void aBlankName(String name) {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370321106202"), TenantLevel.VILLAGE, name, TOWN));

            assertThat(refused.key()).isEqualTo("tenant.name.required");
        }

        @Test
        void aNameLongerThanFiftyCharacters() {
            String fiftyOne = "村".repeat(TenantRules.MAX_NAME_LENGTH + 1);

            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370321106202"), TenantLevel.VILLAGE, fiftyOne, TOWN));

            assertThat(refused.key()).isEqualTo("tenant.name.length");
            assertThat(refused.arguments()).containsExactly(50);
        }

        @Test
        void theNameIsCheckedFirst() {
            DomainException refused = refusal(
                    () -> TenantRules.checkNew(new DivisionCode("370321106202"), TenantLevel.VILLAGE, "", null));

            assertThat(refused.key()).isEqualTo("tenant.name.required");
        }
    }

    @Nested
    class LevelNames {

        @ParameterizedTest
        @ValueSource(strings = {"village", "VILLAGE", "Village", "  village  "})
        void parseCaseInsensitivelyAndStripped(String text) {
            assertThat(TenantRules.level(text)).isEqualTo(TenantLevel.VILLAGE);
        }

        @Test
        void everyLevelParsesFromItsLowerCaseName() {
            for (TenantLevel level : TenantLevel.values()) {
                assertThat(TenantRules.level(level.name().toLowerCase(java.util.Locale.ROOT)))
                        .isEqualTo(level);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"hamlet", "", "村", "villages"})
        void unknownNamesAreRefused(String text) {
            DomainException refused = refusal(() -> TenantRules.level(text));

            assertThat(refused.key()).isEqualTo("tenant.level.unknown");
            assertThat(refused.arguments()).containsExactly(text);
        }

        @Test
        void noNameIsRefusedToo() {
            DomainException refused = refusal(() -> TenantRules.level(null));

            assertThat(refused.key()).isEqualTo("tenant.level.unknown");
            assertThat(refused.arguments()).containsExactly("");
        }
    }
}
