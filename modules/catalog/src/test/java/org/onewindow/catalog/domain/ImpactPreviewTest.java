package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onewindow.catalog.domain.DemoCatalog.FUMIAO;
import static org.onewindow.catalog.domain.DemoCatalog.HUAGOU;
import static org.onewindow.catalog.domain.DemoCatalog.HUANTAI;
import static org.onewindow.catalog.domain.DemoCatalog.QIFENG;
import static org.onewindow.catalog.domain.DemoCatalog.SUOZHEN;
import static org.onewindow.catalog.domain.DemoCatalog.TIANZHUANG;
import static org.onewindow.catalog.domain.DemoCatalog.minimumLivingAllowance;
import static org.onewindow.catalog.domain.DemoCatalog.nextVersion;
import static org.onewindow.catalog.domain.DemoCatalog.override;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * Before publishing that 最低生活保障申请 is promised in 15 days instead of 20, the standards team sees who is
 * affected in 桓台县: the county (notes only) sees the shorter promise, 起凤镇 already promised 15, and 索镇街道,
 * which promised 18, has a conflict to resolve.
 */
class ImpactPreviewTest {

    private static final ItemVersion ALLOWANCE = minimumLivingAllowance();
    private static final ItemVersion FIFTEEN_DAYS =
            nextVersion(ALLOWANCE, changes -> changes.add("promisedLimitDays", 15));

    private static final Map<DivisionCode, TierOverride> OVERRIDES = Map.of(
            HUANTAI, override(HUANTAI, ALLOWANCE, "{\"localNotes\": \"县便民服务中心二楼社会救助窗口受理\"}"),
            QIFENG, override(QIFENG, ALLOWANCE, "{\"promisedLimitDays\": 15}"),
            HUAGOU, override(HUAGOU, ALLOWANCE, "{\"localWindow\": \"华沟村便民服务站\"}"),
            SUOZHEN, override(SUOZHEN, ALLOWANCE, "{\"promisedLimitDays\": 18}"));

    @Test
    void theTeamSeesWhoseItemChangesAndWhoMustResolveAConflict() {
        ImpactPreview preview = ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, OVERRIDES);

        assertThat(preview.itemCode()).isEqualTo("MZ-0001");
        assertThat(preview.fromVersion()).isEqualTo(1);
        assertThat(preview.toVersion()).isEqualTo(2);
        assertThat(preview.standardChanged()).isTrue();
        assertThat(preview.changed()).containsExactly(HUANTAI);
        assertThat(preview.changedCount()).isEqualTo(1);
        assertThat(preview.conflicted()).containsExactly(SUOZHEN);
        assertThat(preview.conflictedCount()).isEqualTo(1);
        assertThat(preview.conflicts().get(SUOZHEN)).singleElement().satisfies(conflict -> {
            assertThat(conflict.element()).isEqualTo("promisedLimitDays");
            assertThat(conflict.local()).hasToString("18");
            assertThat(conflict.newStandard()).hasToString("15");
        });
    }

    @Test
    void thePreviewsOfEachCountyMergeIntoThePreviewOfTheWholeDeployment() {
        // 桓台县 as one county, and a neighbour county whose own override conflicts too.
        DivisionCode neighbour = DivisionCode.of("370399000000");
        TierOverride neighbours = override(neighbour, ALLOWANCE, "{\"promisedLimitDays\": 17}");
        Map<DivisionCode, TierOverride> everyone = new java.util.HashMap<>(OVERRIDES);
        everyone.put(neighbour, neighbours);

        ImpactPreview merged = ImpactPreview.merge(
                ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, Map.of()),
                java.util.List.of(
                        ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, OVERRIDES),
                        ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, Map.of(neighbour, neighbours))));

        assertThat(merged).isEqualTo(ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, everyone));
        assertThat(merged.conflicted()).containsExactly(SUOZHEN, neighbour);
    }

    @Test
    void previewsOfDifferentUpdatesDoNotMerge() {
        ImpactPreview other =
                ImpactPreview.of(FIFTEEN_DAYS, nextVersion(FIFTEEN_DAYS, c -> c.add("maxVisits", 1)), Map.of());

        assertThatThrownBy(() -> ImpactPreview.merge(
                        ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, Map.of()), java.util.List.of(other)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVillageSeesThroughItsTownWhichAlreadyPromisedFifteenDays() {
        ImpactPreview preview = ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, OVERRIDES);

        assertThat(preview.changesFor(HUAGOU)).isFalse();
        assertThat(preview.changesFor(FUMIAO))
                .as("no override of its own: as 起凤镇")
                .isFalse();
    }

    @Test
    void tenantsWithoutOverridesSeeTheNearestOverridingTierOrTheStandard() {
        ImpactPreview preview = ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, OVERRIDES);

        assertThat(preview.changesFor(TIANZHUANG)).as("as 桓台县").isTrue();
        assertThat(preview.changesFor(new DivisionCode("370322000000")))
                .as("another county without overrides")
                .isTrue();
    }

    @Test
    void republishingTheSameElementsTouchesNobody() {
        ImpactPreview preview = ImpactPreview.of(ALLOWANCE, nextVersion(ALLOWANCE, changes -> {}), OVERRIDES);

        assertThat(preview.standardChanged()).isFalse();
        assertThat(preview.changed()).isEmpty();
        assertThat(preview.conflicts()).isEmpty();
        assertThat(preview.changesFor(new DivisionCode("370322000000"))).isFalse();
    }

    @Test
    void withoutAnyOverrideOnlyTheStandardDecides() {
        ImpactPreview preview = ImpactPreview.of(ALLOWANCE, FIFTEEN_DAYS, Map.of());

        assertThat(preview.overriding()).isEmpty();
        assertThat(preview.changesFor(HUAGOU)).isTrue();
    }
}
