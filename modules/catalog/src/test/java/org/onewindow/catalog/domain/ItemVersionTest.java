package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.catalog.domain.DemoCatalog.item;
import static org.onewindow.catalog.domain.DemoCatalog.pensionRegistration;
import static org.onewindow.catalog.domain.DemoCatalog.refusal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** A standard item version is drafted, published once and retired; what cases saw never changes. */
class ItemVersionTest {

    private static JsonObject renamed(String name) {
        return Json.createObjectBuilder(item("RS-0001")).add("name", name).build();
    }

    @Nested
    class TheDemoCatalog {

        @Test
        void theStandardsTeamPublishesThePensionRegistrationAsVersionOne() {
            ItemVersion version = pensionRegistration();

            assertThat(version.code()).isEqualTo("RS-0001");
            assertThat(version.number()).isEqualTo(1);
            assertThat(version.state()).isEqualTo(VersionState.PUBLISHED);
            assertThat(version.elements().getString("name")).isEqualTo("城乡居民基本养老保险参保登记");
            assertThat(version.elements().getInt("statutoryLimitDays")).isEqualTo(1);
            assertThat(version.element("promisedLimitDays")).isEqualTo(Json.createValue(0));
        }

        @Test
        void anElementTheItemDoesNotHaveReadsAsNull() {
            assertThat(pensionRegistration().element("localNotes")).isEqualTo(jakarta.json.JsonValue.NULL);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void aDraftIsRevisedUntilItIsPublishedAndRetiredWhenReplaced() {
            ItemVersion draft = ItemVersion.draft(1, item("RS-0001")).revise(renamed("城乡居民养老保险参保登记"));

            ItemVersion published = draft.publish();
            ItemVersion retired = published.retire();

            assertThat(draft.state()).isEqualTo(VersionState.DRAFT);
            assertThat(published.state()).isEqualTo(VersionState.PUBLISHED);
            assertThat(retired.state()).isEqualTo(VersionState.RETIRED);
            assertThat(retired.elements().getString("name")).isEqualTo("城乡居民养老保险参保登记");
        }

        @Test
        void aPublishedVersionCannotBeRevisedButItsNextDraftCan() {
            ItemVersion published = pensionRegistration();

            DomainException refused = refusal(() -> published.revise(renamed("改名")));
            ItemVersion next = published.nextDraft(renamed("城乡居民养老保险参保登记"));

            assertThat(refused.key()).isEqualTo("catalog.version.immutable");
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(refused.arguments()).containsExactly("RS-0001", 1);
            assertThat(next.number()).isEqualTo(2);
            assertThat(next.state()).isEqualTo(VersionState.DRAFT);
            assertThat(published.elements().getString("name")).isEqualTo("城乡居民基本养老保险参保登记");
        }

        @Test
        void aVersionOnlyMovesForward() {
            ItemVersion retired = pensionRegistration().retire();

            assertThat(refusal(retired::publish).key()).isEqualTo("catalog.version.transition");
            assertThat(refusal(retired::retire).arguments()).containsExactly("RS-0001", 1, "RETIRED", "RETIRED");
            assertThat(refusal(() -> ItemVersion.draft(1, item("RS-0001")).retire())
                            .arguments())
                    .containsExactly("RS-0001", 1, "DRAFT", "RETIRED");
        }

        @Test
        void onlyTheseMovesAreAllowed() {
            assertThat(VersionState.DRAFT.mayMoveTo(VersionState.PUBLISHED)).isTrue();
            assertThat(VersionState.PUBLISHED.mayMoveTo(VersionState.RETIRED)).isTrue();
            assertThat(VersionState.PUBLISHED.mayMoveTo(VersionState.DRAFT)).isFalse();
            assertThat(VersionState.DRAFT.mayMoveTo(VersionState.RETIRED)).isFalse();
            assertThat(VersionState.RETIRED.mayMoveTo(VersionState.PUBLISHED)).isFalse();
        }
    }

    @Nested
    class Refused {

        @Test
        void aVersionNumberBelowOne() {
            DomainException refused = refusal(() -> ItemVersion.draft(0, item("RS-0001")));

            assertThat(refused.key()).isEqualTo("catalog.version.number");
            assertThat(refused.arguments()).containsExactly(0);
        }

        @Test
        void elementsWithoutAnItemCode() {
            JsonObject nameless =
                    Json.createObjectBuilder(item("RS-0001")).remove("code").build();

            assertThat(refusal(() -> ItemVersion.draft(1, nameless)).key()).isEqualTo("catalog.version.code.required");
        }

        @Test
        void elementsOfAnotherItem() {
            DomainException refused = refusal(() -> new ItemVersion("RS-0001", 1, VersionState.DRAFT, item("YB-0001")));

            assertThat(refused.key()).isEqualTo("catalog.version.item.mismatch");
            assertThat(refused.arguments()).containsExactly("RS-0001", "YB-0001");
        }

        @Test
        void aStandardThatPromisesMoreDaysThanTheLawAllows() {
            JsonObject tooSlow = Json.createObjectBuilder(item("MZ-0001"))
                    .add("promisedLimitDays", 31)
                    .build();

            DomainException refused = refusal(() -> ItemRules.shapeOnly().require(tooSlow));

            assertThat(refused.key()).isEqualTo(WorkingDayLimits.PROMISED_ABOVE_STATUTORY);
            assertThat(refused.arguments()).containsExactly(31, 30);
            assertThat(((ItemRefused) refused).problems())
                    .extracting(ElementProblem::path)
                    .containsExactly(ItemElements.PROMISED_LIMIT_DAYS);
        }
    }
}
