package org.onewindow.casework.application;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.RequiredMaterial;
import org.onewindow.catalog.application.IntakeFacts;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Reads what intake needs out of an effective item's elements, in the catalog's JSON shape (the demo catalog's:
 * {@code name}, {@code intakeTiers}, {@code onTheSpot}, {@code promisedLimitDays}, {@code statutoryLimitDays} in
 * working days, {@code materials[]} with {@code code}, {@code name}, {@code mandatory}, {@code sources} such as
 * {@code APPLICANT}, {@code ELICENSE:RESIDENT_ID}, {@code SHARED:ECONOMIC_CHECK}).
 */
public final class CatalogItems {

    /** The tiers of the catalog's {@code intakeTiers} (收件层级). */
    public enum Tier {
        VILLAGE,
        TOWN,
        COUNTY;

        /** A street office takes in like a town, a community like a village. */
        public static Tier of(TenantLevel level) {
            return switch (level) {
                case COUNTY -> COUNTY;
                case TOWN, STREET -> TOWN;
                case VILLAGE, COMMUNITY -> VILLAGE;
            };
        }
    }

    private CatalogItems() {}

    /** The tiers that may take the item in; empty when the element is missing. */
    public static Set<Tier> intakeTiers(JsonObject elements) {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (String tier : IntakeFacts.of(elements).intakeTiers()) {
            try {
                tiers.add(Tier.valueOf(tier.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // a tier this product does not know takes nothing in
            }
        }
        return tiers;
    }

    /**
     * The snapshot a case keeps of the item version (事项快照).
     *
     * @throws DomainException the snapshot's rules ({@link ItemSnapshot}), e.g. a promise above the statutory limit
     */
    public static ItemSnapshot snapshot(String code, int version, JsonObject elements) {
        IntakeFacts item = IntakeFacts.of(elements);
        List<RequiredMaterial> materials = new ArrayList<>();
        for (IntakeFacts.Material material : item.materials()) {
            materials.add(
                    new RequiredMaterial(material.code(), material.name(), material.mandatory(), sources(material)));
        }
        IntakeFacts.WorkingDays limits = item.limits();
        return new ItemSnapshot(
                code,
                version,
                item.name() == null ? code : item.name(),
                item.onTheSpot(),
                limits == null ? days(elements, ItemElements.PROMISED_LIMIT_DAYS) : limits.promisedLimitWorkingDays(),
                limits == null ? days(elements, ItemElements.STATUTORY_LIMIT_DAYS) : limits.statutoryLimitWorkingDays(),
                materials,
                item.type(),
                item.legalBasis());
    }

    private static Set<MaterialSource> sources(IntakeFacts.Material material) {
        Set<MaterialSource> sources = EnumSet.noneOf(MaterialSource.class);
        for (IntakeFacts.Source source : material.sources()) {
            sources.add(
                    switch (source) {
                        case ELICENCE -> MaterialSource.ELICENCE;
                        case SHARED -> MaterialSource.SHARED_DATA;
                        case APPLICANT -> MaterialSource.APPLICANT;
                    });
        }
        // A material that names no known source is one the applicant brings.
        if (sources.isEmpty()) {
            sources.add(MaterialSource.APPLICANT);
        }
        return sources;
    }

    /** A limit as stated when the two do not make a valid pair: the snapshot's own rules then refuse it. */
    private static int days(JsonObject elements, String name) {
        return elements.get(name) instanceof JsonNumber number ? number.intValue() : 0;
    }
}
