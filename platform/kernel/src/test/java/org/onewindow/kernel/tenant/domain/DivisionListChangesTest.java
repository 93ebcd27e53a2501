package org.onewindow.kernel.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.tenant.domain.DivisionListChanges.Kind;
import org.onewindow.kernel.tenant.domain.DivisionListChanges.Plan;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;

/**
 * A yearly list compared with a county of two towns: 起凤镇 with 华沟村 and 付庙村, 田庄镇 with 田庄村. The list is the
 * whole county as it is to be.
 */
class DivisionListChangesTest {

    static final Tenant COUNTY = tenant("370321000000", null, TenantLevel.COUNTY, "桓台县");
    static final Tenant QIFENG = tenant("370321106000", "370321000000", TenantLevel.TOWN, "起凤镇");
    static final Tenant HUAGOU = tenant("370321106202", "370321106000", TenantLevel.VILLAGE, "华沟村");
    static final Tenant FUMIAO = tenant("370321106201", "370321106000", TenantLevel.VILLAGE, "付庙村");
    static final Tenant TIANZHUANG = tenant("370321100000", "370321000000", TenantLevel.TOWN, "田庄镇");
    static final Tenant TIANCUN = tenant("370321100201", "370321100000", TenantLevel.VILLAGE, "田庄村");

    static final List<DivisionList.Row> AS_IS = List.of(
            row(2, COUNTY, ""),
            row(3, QIFENG, ""),
            row(4, FUMIAO, ""),
            row(5, HUAGOU, ""),
            row(6, TIANZHUANG, ""),
            row(7, TIANCUN, ""));

    @Test
    void theSameListChangesNothingAndIsNoError() {
        Plan plan = DivisionListChanges.between(AS_IS, COUNTY, tree());

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(6);
    }

    @Test
    void renamesTownToStreetMovesAVillageAndRetiresTheMissing() {
        List<DivisionList.Row> rows = List.of(
                row(2, COUNTY, ""),
                new DivisionList.Row(3, "370321106000", "370321000000", "STREET", "起凤街道", ""),
                new DivisionList.Row(4, "370321106202", "370321106000", "COMMUNITY", "华沟社区", ""),
                row(5, TIANZHUANG, ""),
                row(6, TIANCUN, ""),
                new DivisionList.Row(7, "370321100299", "370321100000", "VILLAGE", "付庙村", "370321106201"),
                new DivisionList.Row(8, "370321100202", "370321100000", "VILLAGE", "新村", ""));

        Plan plan = DivisionListChanges.between(rows, COUNTY, tree());

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.changes())
                .extracting(change -> change.kind() + " " + change.code())
                .containsExactly(
                        "RENAMED 370321106000",
                        "RELEVELLED 370321106000",
                        "RENAMED 370321106202",
                        "RELEVELLED 370321106202",
                        "MOVED 370321100299",
                        "ADDED 370321100202");
        assertThat(plan.changes().get(4).before().code()).isEqualTo("370321106201");
        assertThat(plan.counts()).containsEntry(Kind.RETIRED, 0).containsEntry(Kind.MOVED, 1);

        Plan retiring = DivisionListChanges.between(AS_IS.subList(0, 5), COUNTY, tree());
        assertThat(retiring.changes())
                .extracting(change -> change.kind() + " " + change.code())
                .containsExactly("RETIRED 370321100201");
        assertThat(retiring.changes().getFirst().after()).isNull();
    }

    @Test
    void badRowsAreEachNamedByLineAndNothingIsPlanned() {
        List<DivisionList.Row> rows = List.of(
                row(2, COUNTY, ""),
                row(3, QIFENG, ""),
                row(4, FUMIAO, ""),
                row(5, HUAGOU, ""),
                row(6, TIANZHUANG, ""),
                row(7, TIANCUN, ""),
                new DivisionList.Row(8, "37032110020X", "370321100000", "VILLAGE", "坏码村", ""),
                new DivisionList.Row(9, "370321100203", "370321100000", "TOWN", "错级村", ""),
                new DivisionList.Row(10, "370321199201", "370321199000", "VILLAGE", "无主村", ""),
                new DivisionList.Row(11, "370321106000", "370321000000", "VILLAGE", "起凤村", ""),
                new DivisionList.Row(12, "370321100204", "370321100000", "VILLAGE", "重用村", "370321106202"));

        Plan plan = DivisionListChanges.between(rows, COUNTY, tree());

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.errors())
                .extracting(LineError::line, LineError::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(8, "division.code.format"),
                        org.assertj.core.groups.Tuple.tuple(9, "division.code.level"),
                        org.assertj.core.groups.Tuple.tuple(10, "tenant.parent.unknown"),
                        org.assertj.core.groups.Tuple.tuple(11, "tenant.list.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(12, "tenant.former.kept"));
    }

    @Test
    void aRetiredCodeIsNeverUsedAgainAndALevelOfAnotherShapeIsRefused() {
        Map<String, Tenant> tree = tree();
        Tenant retired = tenant("370321106203", "370321106000", TenantLevel.VILLAGE, "旧村");
        retired.retire(LocalDate.of(2026, 1, 1), null);
        tree.put(retired.code().value(), retired);
        List<DivisionList.Row> rows = new java.util.ArrayList<>(AS_IS);
        rows.add(new DivisionList.Row(8, "370321106203", "370321106000", "VILLAGE", "旧村", ""));

        Plan plan = DivisionListChanges.between(rows, COUNTY, tree);

        assertThat(plan.errors()).extracting(LineError::key).containsExactly("tenant.list.retired");
        assertThat(DivisionListChanges.between(AS_IS, COUNTY, tree).changes())
                .as("an already retired division missing from the list is no change")
                .isEmpty();
    }

    private static Map<String, Tenant> tree() {
        Map<String, Tenant> tree = new LinkedHashMap<>();
        for (Tenant tenant : List.of(COUNTY, QIFENG, FUMIAO, HUAGOU, TIANZHUANG, TIANCUN)) {
            tree.put(tenant.code().value(), tenant);
        }
        return tree;
    }

    private static DivisionList.Row row(int line, Tenant tenant, String formerCode) {
        return new DivisionList.Row(
                line,
                tenant.code().value(),
                tenant.parentCode() == null ? "" : tenant.parentCode().value(),
                tenant.level().name(),
                tenant.name(),
                formerCode);
    }

    private static Tenant tenant(String code, String parent, TenantLevel level, String name) {
        return new Tenant(
                new DivisionCode(code), parent == null ? null : new DivisionCode(parent), level, name, Instant.EPOCH);
    }
}
