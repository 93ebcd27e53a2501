package org.onewindow.kernel.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;

/** A division code is the 12-digit statistical code: 6 digits of county, 3 of town, 3 of village. */
class DivisionCodeTest {

    private static final DivisionCode COUNTY = new DivisionCode("370321000000");
    private static final DivisionCode TOWN = new DivisionCode("370321106000");
    private static final DivisionCode VILLAGE = new DivisionCode("370321106202");

    @Nested
    @DisplayName("a code must be exactly 12 ASCII digits")
    class Format {

        @ParameterizedTest(name = "\"{0}\" is refused")
        @NullSource
        @ValueSource(
                strings = {
                    "",
                    "37032110620",
                    "3703211062021",
                    "37032110620A",
                    "3703-2110620",
                    " 370321106202",
                    "３７０３２１１０６２０２"
                })
        void refusesAnythingButTwelveDigits(String text) {
            DomainException refused = catchThrowableOfType(DomainException.class, () -> new DivisionCode(text));

            assertThat(refused).isNotNull();
            assertThat(refused.key()).isEqualTo("division.code.format");
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(refused.arguments()).containsExactly(text == null ? "" : text);
        }

        @Test
        void acceptsTwelveDigits() {
            DivisionCode code = new DivisionCode("370321106202");

            assertThat(code.value()).isEqualTo("370321106202");
            assertThat(code).hasToString("370321106202");
        }

        @Test
        void ofStripsSurroundingWhiteSpaceButStillRefusesNull() {
            assertThat(DivisionCode.of("  370321106202\t")).isEqualTo(VILLAGE);

            DomainException refused = catchThrowableOfType(DomainException.class, () -> DivisionCode.of(null));
            assertThat(refused.key()).isEqualTo("division.code.format");
        }

        @Test
        void parseNeverThrows() {
            assertThat(DivisionCode.parse(" 370321106202 ")).contains(VILLAGE);
            assertThat(DivisionCode.parse("3703211062")).isEmpty();
            assertThat(DivisionCode.parse("abc")).isEmpty();
            assertThat(DivisionCode.parse(null)).isEmpty();
        }

        @Test
        void codesAreValuesOrderedByTheirDigits() {
            assertThat(new DivisionCode("370321106202")).isEqualTo(VILLAGE).hasSameHashCodeAs(VILLAGE);
            assertThat(COUNTY).isLessThan(TOWN);
            assertThat(TOWN).isLessThan(VILLAGE);
        }
    }

    @Nested
    @DisplayName("trailing zero groups tell which level a code fits")
    class Levels {

        @Test
        void aCountyCodeEndsInSixZeros() {
            assertThat(COUNTY.fitsLevel(TenantLevel.COUNTY)).isTrue();
            assertThat(COUNTY.fitsLevel(TenantLevel.TOWN)).isFalse();
            assertThat(COUNTY.fitsLevel(TenantLevel.STREET)).isFalse();
            assertThat(COUNTY.fitsLevel(TenantLevel.VILLAGE)).isFalse();
            assertThat(COUNTY.fitsLevel(TenantLevel.COMMUNITY)).isFalse();
        }

        @Test
        void aTownOrStreetCodeEndsInThreeZeros() {
            assertThat(TOWN.fitsLevel(TenantLevel.TOWN)).isTrue();
            assertThat(TOWN.fitsLevel(TenantLevel.STREET)).isTrue();
            assertThat(TOWN.fitsLevel(TenantLevel.COUNTY)).isFalse();
            assertThat(TOWN.fitsLevel(TenantLevel.VILLAGE)).isFalse();
            assertThat(TOWN.fitsLevel(TenantLevel.COMMUNITY)).isFalse();
        }

        @Test
        void aVillageOrCommunityCodeHasNoZeroGroup() {
            assertThat(VILLAGE.fitsLevel(TenantLevel.VILLAGE)).isTrue();
            assertThat(VILLAGE.fitsLevel(TenantLevel.COMMUNITY)).isTrue();
            assertThat(VILLAGE.fitsLevel(TenantLevel.COUNTY)).isFalse();
            assertThat(VILLAGE.fitsLevel(TenantLevel.TOWN)).isFalse();
            assertThat(VILLAGE.fitsLevel(TenantLevel.STREET)).isFalse();
        }

        @Test
        void aVillagePartWithoutATownPartFitsNoLevel() {
            DivisionCode orphan = new DivisionCode("370321000202");

            for (TenantLevel level : TenantLevel.values()) {
                assertThat(orphan.fitsLevel(level)).as(level.name()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("the county, the scope prefix and the subtree")
    class Scope {

        @Test
        void everyCodeKnowsItsCounty() {
            assertThat(VILLAGE.county()).isEqualTo(COUNTY);
            assertThat(TOWN.county()).isEqualTo(COUNTY);
            assertThat(COUNTY.county()).isEqualTo(COUNTY);
        }

        @Test
        void theScopePrefixIsTheLevelsSignificantDigits() {
            assertThat(COUNTY.scopePrefix(TenantLevel.COUNTY)).isEqualTo("370321");
            assertThat(TOWN.scopePrefix(TenantLevel.TOWN)).isEqualTo("370321106");
            assertThat(TOWN.scopePrefix(TenantLevel.STREET)).isEqualTo("370321106");
            assertThat(VILLAGE.scopePrefix(TenantLevel.VILLAGE)).isEqualTo("370321106202");
            assertThat(VILLAGE.scopePrefix(TenantLevel.COMMUNITY)).isEqualTo("370321106202");
        }

        @Test
        void aVillageLiesWithinItsTownAndCounty() {
            assertThat(VILLAGE.isWithin(TOWN, TenantLevel.TOWN)).isTrue();
            assertThat(VILLAGE.isWithin(COUNTY, TenantLevel.COUNTY)).isTrue();
            assertThat(TOWN.isWithin(COUNTY, TenantLevel.COUNTY)).isTrue();
            assertThat(VILLAGE.isWithin(VILLAGE, TenantLevel.VILLAGE)).isTrue();
        }

        @Test
        void neighboursAndAncestorsDoNotLieWithin() {
            DivisionCode otherTown = new DivisionCode("370321107000");
            DivisionCode otherCounty = new DivisionCode("370322000000");

            assertThat(VILLAGE.isWithin(otherTown, TenantLevel.TOWN)).isFalse();
            assertThat(VILLAGE.isWithin(otherCounty, TenantLevel.COUNTY)).isFalse();
            assertThat(TOWN.isWithin(VILLAGE, TenantLevel.VILLAGE)).isFalse();
            assertThat(COUNTY.isWithin(TOWN, TenantLevel.TOWN)).isFalse();
        }
    }
}
