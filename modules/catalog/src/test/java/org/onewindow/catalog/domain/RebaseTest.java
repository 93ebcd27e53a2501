package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.catalog.domain.DemoCatalog.HUAGOU;
import static org.onewindow.catalog.domain.DemoCatalog.HUANTAI;
import static org.onewindow.catalog.domain.DemoCatalog.QIFENG;
import static org.onewindow.catalog.domain.DemoCatalog.json;
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

/** The standards team publishes a new version; each tier's override follows it without losing what it said. */
class RebaseTest {

    private static final ItemVersion PENSION = pensionRegistration();
    private static final ItemVersion ALLOWANCE = minimumLivingAllowance();

    /** 起凤镇's effective item after the update, with the re-based overrides. */
    private static EffectiveItem effective(ItemVersion standard, List<RebaseResult> results) {
        return EffectiveItem.resolve(
                standard, results.stream().map(RebaseResult::override).toList());
    }

    @Nested
    class ElementByElement {

        @Test
        void whatTheStandardLeftAloneKeepsTheLocalValueAndTheRestFlowsThrough() {
            TierOverride county = override(HUANTAI, PENSION, """
                    {"localNotes": "周六上午延时服务", "promisedLimitDays": 1}
                    """);
            ItemVersion renamed = nextVersion(PENSION, changes -> changes.add("name", "城乡居民养老保险参保登记"));

            RebaseResult result = Rebase.of(PENSION, renamed, county);

            assertThat(result.override().baseVersion()).isEqualTo(2);
            assertThat(result.override().patch()).isEqualTo(county.patch());
            assertThat(result.conflicts()).isEmpty();
            assertThat(result.converged()).isEmpty();
            assertThat(result.effectiveChanged()).isTrue();
            EffectiveItem item = EffectiveItem.resolve(renamed, List.of(result.override()));
            assertThat(item.elements().getString("name")).isEqualTo("城乡居民养老保险参保登记");
            assertThat(item.source("name")).contains(ElementSource.STANDARD);
            assertThat(item.elements().getInt("promisedLimitDays")).isEqualTo(1);
        }

        @Test
        void bothChangedIsAConflictAndTheLocalValueStaysInEffectMeanwhile() {
            TierOverride county = override(HUANTAI, ALLOWANCE, "{\"promisedLimitDays\": 15}");
            ItemVersion slower = nextVersion(ALLOWANCE, changes -> changes.add("promisedLimitDays", 18));

            RebaseResult result = Rebase.of(ALLOWANCE, slower, county);

            assertThat(result.conflicts())
                    .containsExactly(new Conflict(
                            "promisedLimitDays",
                            Json.createValue(20),
                            Json.createValue(18),
                            Json.createValue(15),
                            Conflict.Reason.BOTH_CHANGED));
            assertThat(result.conflicts().getFirst().localInEffect()).isTrue();
            assertThat(result.override().value("promisedLimitDays")).isEqualTo(Json.createValue(15));
            assertThat(result.effectiveChanged())
                    .as("the county still promises 15 days")
                    .isFalse();
        }

        @Test
        void whenTheStandardNowSaysWhatTheTierSaidTheOverrideDropsIt() {
            TierOverride county = override(HUANTAI, PENSION, "{\"guidance\": \"可在爱山东APP办理\"}");
            ItemVersion withGuidance = nextVersion(PENSION, changes -> changes.add("guidance", "可在爱山东APP办理"));

            RebaseResult result = Rebase.of(PENSION, withGuidance, county);

            assertThat(result.converged()).containsExactly("guidance");
            assertThat(result.override().patch()).isEmpty();
            assertThat(result.conflicts()).isEmpty();
            assertThat(result.effectiveChanged()).isFalse();
            EffectiveItem item = EffectiveItem.resolve(withGuidance, List.of(result.override()));
            assertThat(item.source("guidance")).contains(ElementSource.STANDARD);
        }

        @Test
        void aPromiseAboveALoweredStatutoryLimitGivesWayToTheLawButIsKeptInTheConflict() {
            TierOverride county = override(HUANTAI, ALLOWANCE, "{\"promisedLimitDays\": 15}");
            ItemVersion faster = nextVersion(
                    ALLOWANCE, changes -> changes.add("statutoryLimitDays", 10).add("promisedLimitDays", 10));

            RebaseResult result = Rebase.of(ALLOWANCE, faster, county);

            assertThat(result.conflicts())
                    .containsExactly(new Conflict(
                            "promisedLimitDays",
                            Json.createValue(20),
                            Json.createValue(10),
                            Json.createValue(15),
                            Conflict.Reason.NOT_ALLOWED_BY_NEW_STANDARD));
            assertThat(result.conflicts().getFirst().localInEffect()).isFalse();
            assertThat(result.override().sets("promisedLimitDays")).isFalse();
            EffectiveItem item = EffectiveItem.resolve(faster, List.of(result.override()));
            assertThat(item.elements().getInt("promisedLimitDays")).isEqualTo(10);
            assertThat(result.effectiveChanged()).isTrue();
        }

        @Test
        void anExtraMaterialTheStandardNowRequiresIsAConflictEvenThoughTheTierDidNotChange() {
            TierOverride county = override(HUANTAI, PENSION, """
                    {"extraMaterials": [{"code": "BANK_CARD", "name": "社会保障卡或银行卡", "mandatory": false}]}
                    """);
            ItemVersion withBankCard = nextVersion(
                    PENSION,
                    changes -> changes.add(
                            "materials",
                            Json.createArrayBuilder(PENSION.elements().getJsonArray("materials"))
                                    .add(json("""
                                            {"code": "BANK_CARD", "name": "社会保障卡或银行卡", "form": "ORIGINAL",
                                             "copies": 1, "mandatory": true, "sources": ["APPLICANT"]}
                                            """))));

            RebaseResult result = Rebase.of(PENSION, withBankCard, county);

            assertThat(result.conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.element()).isEqualTo("extraMaterials");
                assertThat(conflict.reason()).isEqualTo(Conflict.Reason.NOT_ALLOWED_BY_NEW_STANDARD);
                assertThat(conflict.local()).isEqualTo(county.value("extraMaterials"));
            });
            assertThat(result.override().patch()).isEmpty();
        }

        @Test
        void aNewVersionEqualToTheOldChangesNothing() {
            TierOverride county = override(HUANTAI, ALLOWANCE, "{\"promisedLimitDays\": 15, \"offered\": true}");
            ItemVersion same = nextVersion(ALLOWANCE, changes -> {});

            RebaseResult result = Rebase.of(ALLOWANCE, same, county);

            assertThat(result.override()).isEqualTo(county.rebasedOnto(2));
            assertThat(result.conflicts()).isEmpty();
            assertThat(result.converged()).isEmpty();
            assertThat(result.effectiveChanged()).isFalse();
        }

        @Test
        void anElementNewToTheStandardConflictsWithItsOldValueShownAsNull() {
            TierOverride notes = override(HUANTAI, ALLOWANCE, "{\"localNotes\": \"甲\"}");
            ItemVersion withNotes = nextVersion(ALLOWANCE, c -> c.add("localNotes", "乙"));

            Conflict conflict =
                    Rebase.of(ALLOWANCE, withNotes, notes).conflicts().getFirst();

            assertThat(conflict.oldStandard()).isEqualTo(JsonValue.NULL);
            assertThat(conflict.newStandard()).isEqualTo(Json.createValue("乙"));
        }
    }

    @Nested
    class Resolving {

        private final TierOverride county = override(HUANTAI, ALLOWANCE, """
                {"promisedLimitDays": 15, "localNotes": "县便民服务中心二楼社会救助窗口受理"}
                """);
        private final ItemVersion slower = nextVersion(ALLOWANCE, changes -> changes.add("promisedLimitDays", 18));
        private final RebaseResult pending = Rebase.of(ALLOWANCE, slower, county);

        @Test
        void keepingTheLocalValue() {
            TierOverride settled =
                    pending.resolve("promisedLimitDays", Resolution.keepLocal()).settled();

            assertThat(settled.value("promisedLimitDays")).isEqualTo(Json.createValue(15));
            assertThat(settled.value("localNotes")).isEqualTo(county.value("localNotes"));
            assertThat(settled.baseVersion()).isEqualTo(2);
        }

        @Test
        void takingTheStandardValue() {
            TierOverride settled = pending.resolve("promisedLimitDays", Resolution.takeStandard())
                    .settled();

            EffectiveItem item = EffectiveItem.resolve(slower, List.of(settled));
            assertThat(settled.sets("promisedLimitDays")).isFalse();
            assertThat(item.elements().getInt("promisedLimitDays")).isEqualTo(18);
            assertThat(item.source("promisedLimitDays")).contains(ElementSource.STANDARD);
            assertThat(item.source("localNotes")).contains(ElementSource.COUNTY);
        }

        @Test
        void editingToANewValue() {
            TierOverride settled = pending.resolve("promisedLimitDays", Resolution.edit(Json.createValue(16)))
                    .settled();

            assertThat(settled.value("promisedLimitDays")).isEqualTo(Json.createValue(16));
        }

        @Test
        void settlingEveryConflictAtOnce() {
            ItemVersion revised = nextVersion(
                    ALLOWANCE, changes -> changes.add("promisedLimitDays", 18).add("localNotes", "请携带户口簿原件"));
            RebaseResult twoConflicts = Rebase.of(ALLOWANCE, revised, county);

            TierOverride settled =
                    twoConflicts.resolveAll(Resolution.takeStandard()).settled();

            assertThat(twoConflicts.conflicts())
                    .extracting(Conflict::element)
                    .containsExactlyInAnyOrder("promisedLimitDays", "localNotes");
            assertThat(settled.patch()).isEmpty();
        }

        @Test
        void anEditThePolicyRefusesLeavesTheConflictPending() {
            DomainException refused =
                    refusal(() -> pending.resolve("promisedLimitDays", Resolution.edit(Json.createValue(31))));

            assertThat(refused.key()).isEqualTo("catalog.limits.promised.above.statutory");
            assertThat(refused.arguments()).containsExactly(31, 30);
            assertThat(pending.conflict("promisedLimitDays")).isPresent();
        }

        @Test
        void theFinalOverrideWaitsForEveryConflict() {
            DomainException refused = refusal(pending::settled);

            assertThat(refused.key()).isEqualTo("catalog.rebase.conflicts.pending");
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(refused.arguments()).containsExactly(1);
        }

        @Test
        void anElementWithoutAConflict() {
            DomainException refused = refusal(() -> pending.resolve("localNotes", Resolution.keepLocal()));

            assertThat(refused.key()).isEqualTo("catalog.rebase.conflict.not.found");
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        }

        @Test
        void aLocalValueTheLawNoLongerAllowsCannotBeKeptOnlyEdited() {
            ItemVersion faster = nextVersion(
                    ALLOWANCE, changes -> changes.add("statutoryLimitDays", 10).add("promisedLimitDays", 10));
            RebaseResult lawChanged = Rebase.of(ALLOWANCE, faster, county);

            DomainException refused = refusal(() -> lawChanged.resolve("promisedLimitDays", Resolution.keepLocal()));
            TierOverride settled = lawChanged
                    .resolve("promisedLimitDays", Resolution.edit(Json.createValue(8)))
                    .settled();

            assertThat(refused.key()).isEqualTo("catalog.limits.promised.above.statutory");
            assertThat(refused.arguments()).containsExactly(15, 10);
            assertThat(settled.value("promisedLimitDays")).isEqualTo(Json.createValue(8));
        }
    }

    @Nested
    class ThroughTheTiers {

        private final TierOverride county = override(HUANTAI, ALLOWANCE, "{\"promisedLimitDays\": 15}");
        private final TierOverride town = override(QIFENG, ALLOWANCE, "{\"promisedLimitDays\": 12}");
        private final TierOverride village = override(HUAGOU, ALLOWANCE, "{\"localNotes\": \"村代办员每周二坐班\"}");
        private final ItemVersion twelveDays = nextVersion(ALLOWANCE, changes -> changes.add("promisedLimitDays", 12));

        @Test
        void eachTierGetsItsOwnResultCountyFirst() {
            List<RebaseResult> results = Rebase.chain(ALLOWANCE, twelveDays, List.of(county, town, village));

            assertThat(results)
                    .extracting(result -> result.override().tenant())
                    .containsExactly(HUANTAI, QIFENG, HUAGOU);
            assertThat(results.get(0).conflicts()).extracting(Conflict::element).containsExactly("promisedLimitDays");
            assertThat(results.get(2).conflicts()).isEmpty();
            assertThat(results)
                    .allSatisfy(result ->
                            assertThat(result.override().baseVersion()).isEqualTo(2));
        }

        @Test
        void aTownThatAgreesWithTheNewStandardStillShadowsItsCounty() {
            List<RebaseResult> results = Rebase.chain(ALLOWANCE, twelveDays, List.of(county, town));
            RebaseResult townResult = results.get(1);

            assertThat(townResult.converged()).isEmpty();
            assertThat(townResult.override().value("promisedLimitDays")).isEqualTo(Json.createValue(12));
            assertThat(townResult.effectiveChanged()).isFalse();

            TierOverride countyTakesStandard = results.get(0)
                    .resolve("promisedLimitDays", Resolution.takeStandard())
                    .settled();
            EffectiveItem townItem =
                    EffectiveItem.resolve(twelveDays, List.of(countyTakesStandard, townResult.override()));
            assertThat(townItem.elements().getInt("promisedLimitDays")).isEqualTo(12);
            assertThat(townItem.source("promisedLimitDays")).contains(ElementSource.TOWN);
        }

        @Test
        void aTownWhoseCountyNeverSetTheElementConverges() {
            TierOverride countyNotes = override(HUANTAI, ALLOWANCE, "{\"localNotes\": \"县便民服务中心受理\"}");

            List<RebaseResult> results = Rebase.chain(ALLOWANCE, twelveDays, List.of(countyNotes, town));

            assertThat(results.get(1).converged()).containsExactly("promisedLimitDays");
            assertThat(results.get(1).override().patch()).isEmpty();
            assertThat(effective(twelveDays, results).elements().getInt("promisedLimitDays"))
                    .isEqualTo(12);
        }

        @Test
        void aPendingCountyConflictKeepsTheCountysPromiseForItsVillages() {
            List<RebaseResult> results = Rebase.chain(ALLOWANCE, twelveDays, List.of(county, village));

            EffectiveItem villageItem = effective(twelveDays, results);

            assertThat(villageItem.elements().getInt("promisedLimitDays")).isEqualTo(15);
            assertThat(villageItem.source("promisedLimitDays")).contains(ElementSource.COUNTY);
            assertThat(results.get(1).effectiveChanged()).isFalse();
        }
    }

    @Nested
    class Refused {

        private final TierOverride county = override(HUANTAI, ALLOWANCE, "{\"promisedLimitDays\": 15}");

        @Test
        void versionsOfTwoItems() {
            DomainException refused = refusal(() -> Rebase.of(ALLOWANCE, nextVersion(PENSION, c -> {}), county));

            assertThat(refused.key()).isEqualTo("catalog.version.item.mismatch");
            assertThat(refused.arguments()).containsExactly("MZ-0001", "RS-0001");
        }

        @Test
        void aNewVersionThatIsNotNewer() {
            ItemVersion second = nextVersion(ALLOWANCE, c -> {});

            DomainException refused = refusal(() -> Rebase.of(second, ALLOWANCE, county));

            assertThat(refused.key()).isEqualTo("catalog.version.order");
            assertThat(refused.arguments()).containsExactly(2, 1);
        }

        @Test
        void anOverrideThatWasNotMadeOnTheOldVersion() {
            ItemVersion second = nextVersion(ALLOWANCE, c -> {});
            ItemVersion third = nextVersion(second, c -> c.add("promisedLimitDays", 18));

            DomainException refused = refusal(() -> Rebase.of(second, third, county));

            assertThat(refused.key()).isEqualTo("catalog.override.stale.base");
            assertThat(refused.arguments()).containsExactly("370321000000", 1, 2);
        }
    }
}
