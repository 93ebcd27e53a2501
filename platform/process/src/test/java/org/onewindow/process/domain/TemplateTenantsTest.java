package org.onewindow.process.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;

class TemplateTenantsTest {

    private static final String VILLAGE = "370321001201";
    private static final String TOWN = "370321001000";
    private static final String COUNTY = "370321000000";

    @Nested
    class Chain {

        @Test
        void villageLooksInItselfThenItsTownThenItsCountyThenTheStandard() {
            assertThat(TemplateTenants.chain(VILLAGE)).containsExactly(VILLAGE, TOWN, COUNTY, "standard");
        }

        @Test
        void townLooksInItselfThenItsCountyThenTheStandard() {
            assertThat(TemplateTenants.chain(TOWN)).containsExactly(TOWN, COUNTY, "standard");
        }

        @Test
        void countyLooksInItselfThenTheStandard() {
            assertThat(TemplateTenants.chain(COUNTY)).containsExactly(COUNTY, "standard");
        }

        @Test
        void standardIsOnlyItself() {
            assertThat(TemplateTenants.chain(TemplateTenants.STANDARD)).containsExactly("standard");
            assertThat(TemplateTenants.STANDARD).isEqualTo("standard");
        }

        @Test
        void villageWhoseTownDigitsAreZeroSkipsTheTownItWouldBeTheCounty() {
            // 370321000201: the town part is 000, so "its town" is the county itself and appears only once.
            assertThat(TemplateTenants.chain("370321000201")).containsExactly("370321000201", COUNTY, "standard");
        }

        @Test
        void chainCannotBeModified() {
            List<String> chain = TemplateTenants.chain(VILLAGE);
            assertThatThrownBy(() -> chain.add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class SourceOf {

        @Test
        void village() {
            assertThat(TemplateTenants.sourceOf(VILLAGE)).isEqualTo(TemplateSource.VILLAGE);
        }

        @Test
        void town() {
            assertThat(TemplateTenants.sourceOf(TOWN)).isEqualTo(TemplateSource.TOWN);
        }

        @Test
        void county() {
            assertThat(TemplateTenants.sourceOf(COUNTY)).isEqualTo(TemplateSource.COUNTY);
        }

        @Test
        void standard() {
            assertThat(TemplateTenants.sourceOf("standard")).isEqualTo(TemplateSource.STANDARD);
        }

        @Test
        void eachTierOfAVillageChainNamesItsSource() {
            assertThat(TemplateTenants.chain(VILLAGE).stream()
                            .map(TemplateTenants::sourceOf)
                            .toList())
                    .containsExactly(
                            TemplateSource.VILLAGE,
                            TemplateSource.TOWN,
                            TemplateSource.COUNTY,
                            TemplateSource.STANDARD);
        }
    }

    @Nested
    class Rejection {

        @ParameterizedTest
        @NullSource
        @ValueSource(
                strings = {
                    "37032100120", // 11 digits
                    "3703210012011", // 13 digits
                    "37032100120a", // a letter
                    "abcdefghijkl", // letters only
                    "000000000000", // no county
                    "000000001201", // no county, even with a village part
                    " 370321001201", // padded
                    "370321001201 ",
                    "３７０３２１００１２０１", // full-width digits
                    "",
                    "Standard"
                })
        void chainRefusesAnythingButATwelveDigitDivisionCodeOrStandard(String tenant) {
            assertRefused(() -> TemplateTenants.chain(tenant), tenant);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"37032100120", "37032100120a", "000000000000"})
        void sourceOfRefusesTheSame(String tenant) {
            assertRefused(() -> TemplateTenants.sourceOf(tenant), tenant);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"37032100120", "37032100120a", "000000000000", "standard"})
        void requireDivisionCodeRefusesTheSameAndAlsoStandard(String tenant) {
            assertRefused(() -> TemplateTenants.requireDivisionCode(tenant), tenant);
        }

        @Test
        void requireDivisionCodeAcceptsEveryTier() {
            for (String code : List.of(VILLAGE, TOWN, COUNTY)) {
                assertThatCode(() -> TemplateTenants.requireDivisionCode(code)).doesNotThrowAnyException();
            }
        }

        private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String tenant) {
            assertThatThrownBy(call).isInstanceOf(DomainException.class).satisfies(e -> {
                DomainException refusal = (DomainException) e;
                assertThat(refusal.key()).isEqualTo("division.code.format");
                assertThat(refusal.kind()).isEqualTo(DomainException.Kind.INVALID);
                assertThat(refusal.arguments()).containsExactly(tenant == null ? "" : tenant);
            });
        }
    }

    // Properties run on the jqwik engine, which does not look into JUnit @Nested classes.

    @Property
    void chainStartsWithTheTenantEndsWithStandardAndClimbsByZeroingDigits(@ForAll("divisionCodes") String code) {
        List<String> chain = TemplateTenants.chain(code);

        assertThat(chain).hasSizeBetween(2, 4).doesNotHaveDuplicates();
        assertThat(chain.get(0)).isEqualTo(code);
        assertThat(chain.get(chain.size() - 1)).isEqualTo(TemplateTenants.STANDARD);
        assertThat(chain.get(chain.size() - 2)).isEqualTo(code.substring(0, 6) + "000000");
        for (String ancestor : chain.subList(1, chain.size() - 1)) {
            String kept = ancestor.replaceAll("0+$", "");
            assertThat(code).startsWith(kept);
            assertThat(ancestor).hasSize(12);
        }
    }

    @Property
    void sourcesAlongAChainGoStrictlyUpTheTiers(@ForAll("divisionCodes") String code) {
        List<TemplateSource> sources = TemplateTenants.chain(code).stream()
                .map(TemplateTenants::sourceOf)
                .toList();

        assertThat(sources.get(0)).isEqualTo(TemplateTenants.sourceOf(code));
        assertThat(sources.get(sources.size() - 1)).isEqualTo(TemplateSource.STANDARD);
        // VILLAGE > TOWN > COUNTY > STANDARD in declaration order reversed.
        for (int i = 1; i < sources.size(); i++) {
            assertThat(sources.get(i).ordinal()).isLessThan(sources.get(i - 1).ordinal());
        }
    }

    @Property
    void chainOfAnAncestorIsTheTailOfTheChain(@ForAll("divisionCodes") String code) {
        List<String> chain = TemplateTenants.chain(code);
        for (int i = 1; i < chain.size(); i++) {
            assertThat(TemplateTenants.chain(chain.get(i))).isEqualTo(chain.subList(i, chain.size()));
        }
    }

    @Provide
    Arbitrary<String> divisionCodes() {
        Arbitrary<String> county =
                Arbitraries.strings().numeric().ofLength(6).filter(digits -> !digits.equals("000000"));
        Arbitrary<String> town = Arbitraries.oneOf(
                Arbitraries.just("000"), Arbitraries.strings().numeric().ofLength(3));
        Arbitrary<String> village = Arbitraries.oneOf(
                Arbitraries.just("000"), Arbitraries.strings().numeric().ofLength(3));
        return Combinators.combine(county, town, village).as((c, t, v) -> c + t + v);
    }
}
