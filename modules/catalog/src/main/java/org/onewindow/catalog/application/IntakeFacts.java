package org.onewindow.catalog.application;

import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onewindow.catalog.domain.CatalogItem;
import org.onewindow.catalog.domain.MaterialSource;
import org.onewindow.catalog.domain.WorkingDayLimits;

/**
 * What another module needs of an item to take it in, read through the catalog's typed item ({@link CatalogItem})
 * and handed over in plain values: the published form of the typed item, so that no module reads the catalog's
 * domain.
 *
 * @param name the item's name, or null when it has none
 * @param onTheSpot whether it is decided at the window (即办件)
 * @param limits the statutory and promised limits in working days, or null when they are missing or not a valid
 *     pair (the element is then kept as written)
 * @param intakeTiers the tiers that may take it in as written ({@code VILLAGE}, {@code TOWN}, {@code COUNTY}); empty
 *     when missing
 * @param materials the materials in order; empty when missing
 * @param type the item type (事项类型), e.g. {@code ADMINISTRATIVE_LICENCE}, or null
 * @param legalBasis the legal basis (设定依据) texts; empty when missing
 */
public record IntakeFacts(
        String name,
        boolean onTheSpot,
        WorkingDays limits,
        List<String> intakeTiers,
        List<Material> materials,
        String type,
        List<String> legalBasis) {

    /** The two limits of an item, in working days (行政许可法 第四十二条 for the statutory one). */
    public record WorkingDays(int statutoryLimitWorkingDays, int promisedLimitWorkingDays) {}

    /** Where a material may come from, as intake counts it. */
    public enum Source {
        /** The applicant brings it. */
        APPLICANT,
        /** An e-licence (电子证照) of a type. */
        ELICENCE,
        /** Data another department shares (共享数据). */
        SHARED
    }

    /**
     * A material (申请材料) as intake checks it.
     *
     * @param sources the known sources it may come from; empty when it names none the catalog knows
     */
    public record Material(String code, String name, boolean mandatory, Set<Source> sources) {}

    /** The facts of an item's elements in the catalog's JSON form; never refuses (missing elements are empty). */
    public static IntakeFacts of(JsonObject elements) {
        CatalogItem item = CatalogItem.of(elements);
        WorkingDayLimits limits = item.limits();
        return new IntakeFacts(
                item.name(),
                Boolean.TRUE.equals(item.onTheSpot()),
                limits == null
                        ? null
                        : new WorkingDays(limits.statutoryLimitWorkingDays(), limits.promisedLimitWorkingDays()),
                item.intakeTiers() == null ? List.of() : item.intakeTiers(),
                item.materials() == null
                        ? List.of()
                        : item.materials().stream().map(IntakeFacts::material).toList(),
                item.type(),
                item.legalBasis() == null ? List.of() : item.legalBasis());
    }

    private static Material material(CatalogItem.Material material) {
        Set<Source> sources = EnumSet.noneOf(Source.class);
        for (MaterialSource source : material.sources() == null ? List.<MaterialSource>of() : material.sources()) {
            switch (source.kind()) {
                case APPLICANT -> sources.add(Source.APPLICANT);
                case ELICENCE -> sources.add(Source.ELICENCE);
                case SHARED -> sources.add(Source.SHARED);
                case OTHER -> {}
            }
        }
        return new Material(material.code(), material.name(), Boolean.TRUE.equals(material.mandatory()), sources);
    }
}
