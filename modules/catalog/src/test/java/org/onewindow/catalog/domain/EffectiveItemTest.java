package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.catalog.domain.DemoCatalog.FUMIAO;
import static org.onewindow.catalog.domain.DemoCatalog.HUAGOU;
import static org.onewindow.catalog.domain.DemoCatalog.HUANTAI;
import static org.onewindow.catalog.domain.DemoCatalog.QIFENG;
import static org.onewindow.catalog.domain.DemoCatalog.TIANZHUANG_VILLAGE;
import static org.onewindow.catalog.domain.DemoCatalog.minimumLivingAllowance;
import static org.onewindow.catalog.domain.DemoCatalog.nextVersion;
import static org.onewindow.catalog.domain.DemoCatalog.override;
import static org.onewindow.catalog.domain.DemoCatalog.pensionRegistration;
import static org.onewindow.catalog.domain.DemoCatalog.refusal;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** The item as 桓台县, 起凤镇 and 华沟村 each offer it: the standard with the overrides above them and their own. */
class EffectiveItemTest {

    private static final ItemVersion ALLOWANCE = minimumLivingAllowance();

    private static final TierOverride COUNTY = override(HUANTAI, ALLOWANCE, """
            {"promisedLimitDays": 15, "localNotes": "县便民服务中心二楼社会救助窗口受理"}
            """);
    private static final TierOverride TOWN = override(QIFENG, ALLOWANCE, """
            {"promisedLimitDays": 12, "localWindow": "起凤镇便民服务中心3号窗口"}
            """);
    private static final TierOverride VILLAGE = override(HUAGOU, ALLOWANCE, """
            {"localNotes": "村代办员每周二、四上午坐班，可代为申请"}
            """);

    @Nested
    class Layers {

        @Test
        void withoutOverridesATenantSeesTheStandardAsItIs() {
            EffectiveItem item = EffectiveItem.resolve(ALLOWANCE, List.of());

            assertThat(item.elements()).isEqualTo(ALLOWANCE.elements());
            assertThat(item.sources().values()).containsOnly(ElementSource.STANDARD);
            assertThat(item.sources()).containsOnlyKeys(ALLOWANCE.elements().keySet());
            assertThat(item.offered()).isTrue();
        }

        @Test
        void theCountyTownAndVillageEachAdaptWhatIsTheirs() {
            EffectiveItem item = EffectiveItem.resolve(ALLOWANCE, List.of(COUNTY, TOWN, VILLAGE));

            assertThat(item.elements().getInt("promisedLimitDays")).isEqualTo(12);
            assertThat(item.source("promisedLimitDays")).contains(ElementSource.TOWN);
            assertThat(item.elements().getString("localWindow")).isEqualTo("起凤镇便民服务中心3号窗口");
            assertThat(item.source("localWindow")).contains(ElementSource.TOWN);
            assertThat(item.elements().getString("localNotes")).isEqualTo("村代办员每周二、四上午坐班，可代为申请");
            assertThat(item.source("localNotes")).contains(ElementSource.VILLAGE);
            assertThat(item.elements().getInt("statutoryLimitDays")).isEqualTo(30);
            assertThat(item.source("statutoryLimitDays")).contains(ElementSource.STANDARD);
            assertThat(item.elements().getString("name")).isEqualTo("最低生活保障申请");
        }

        @Test
        void aVillageWithoutItsOwnOverrideSeesWhatItsTownSees() {
            EffectiveItem town = EffectiveItem.resolve(ALLOWANCE, List.of(COUNTY, TOWN));

            assertThat(town.elements().getString("localNotes")).isEqualTo("县便民服务中心二楼社会救助窗口受理");
            assertThat(town.source("localNotes")).contains(ElementSource.COUNTY);
        }

        @Test
        void aTierMaySkipTheTierBetween() {
            EffectiveItem item = EffectiveItem.resolve(ALLOWANCE, List.of(COUNTY, VILLAGE));

            assertThat(item.source("promisedLimitDays")).contains(ElementSource.COUNTY);
            assertThat(item.source("localNotes")).contains(ElementSource.VILLAGE);
        }

        @Test
        void aVillageClearsTheNotesOfTheCounty() {
            TierOverride clearing = override(HUAGOU, ALLOWANCE, "{\"localNotes\": null}");

            EffectiveItem item = EffectiveItem.resolve(ALLOWANCE, List.of(COUNTY, clearing));

            assertThat(item.elements()).doesNotContainKey("localNotes");
            assertThat(item.element("localNotes")).isEqualTo(JsonValue.NULL);
            assertThat(item.source("localNotes")).isEmpty();
        }

        @Test
        void aTownThatDoesNotOfferTheItemTakesItFromItsVillagesToo() {
            TierOverride notOffered = override(QIFENG, ALLOWANCE, "{\"offered\": false}");

            EffectiveItem village = EffectiveItem.resolve(ALLOWANCE, List.of(notOffered, VILLAGE));

            assertThat(village.offered()).isFalse();
            assertThat(village.source("offered")).contains(ElementSource.TOWN);
        }

        @Test
        void theStandardVersionItselfIsNeverTouched() {
            EffectiveItem.resolve(ALLOWANCE, List.of(COUNTY, TOWN, VILLAGE));

            assertThat(ALLOWANCE.elements()).isEqualTo(DemoCatalog.item("MZ-0001"));
        }
    }

    @Nested
    class Refused {

        @Test
        void aTownListedBeforeItsCounty() {
            DomainException refused = refusal(() -> EffectiveItem.resolve(ALLOWANCE, List.of(TOWN, COUNTY)));

            assertThat(refused.key()).isEqualTo("catalog.override.chain.order");
            assertThat(refused.arguments()).containsExactly("370321000000", "370321106000");
        }

        @Test
        void aVillageOfAnotherTown() {
            TierOverride elsewhere = override(TIANZHUANG_VILLAGE, ALLOWANCE, "{\"localNotes\": \"田庄村\"}");

            DomainException refused = refusal(() -> EffectiveItem.resolve(ALLOWANCE, List.of(COUNTY, TOWN, elsewhere)));

            assertThat(refused.key()).isEqualTo("catalog.override.chain.order");
            assertThat(refused.arguments()).containsExactly("370321100201", "370321106000");
        }

        @Test
        void twoVillagesInOneChain() {
            TierOverride neighbour = override(FUMIAO, ALLOWANCE, "{\"localNotes\": \"付庙村\"}");

            assertThat(refusal(() -> EffectiveItem.resolve(ALLOWANCE, List.of(VILLAGE, neighbour)))
                            .key())
                    .isEqualTo("catalog.override.chain.order");
        }

        @Test
        void anOverrideMadeOnAnOlderVersionThatWasNotRebased() {
            ItemVersion second = nextVersion(ALLOWANCE, changes -> changes.add("promisedLimitDays", 18));

            DomainException refused = refusal(() -> EffectiveItem.resolve(second, List.of(COUNTY)));

            assertThat(refused.key()).isEqualTo("catalog.override.stale.base");
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(refused.arguments()).containsExactly("370321000000", 1, 2);
        }

        @Test
        void anOverrideOfAnotherItem() {
            TierOverride ofPension = override(HUANTAI, pensionRegistration(), "{\"localNotes\": \"养老\"}");

            DomainException refused = refusal(() -> EffectiveItem.resolve(ALLOWANCE, List.of(ofPension)));

            assertThat(refused.key()).isEqualTo("catalog.override.item.mismatch");
            assertThat(refused.arguments()).containsExactly("370321000000", "RS-0001", "MZ-0001");
        }

        @Test
        void aTownPromisingMoreThanTheLawEvenIfItsCountyKeptWithinIt() {
            TierOverride slow = new TierOverride(
                    QIFENG,
                    "MZ-0001",
                    1,
                    Json.createObjectBuilder().add("promisedLimitDays", 31).build());

            DomainException refused = refusal(() -> EffectiveItem.resolve(ALLOWANCE, List.of(COUNTY, slow)));

            assertThat(refused.key()).isEqualTo("catalog.limits.promised.above.statutory");
            assertThat(refused.arguments()).containsExactly(31, 30);
        }
    }
}
