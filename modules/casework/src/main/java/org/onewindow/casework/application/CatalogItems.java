package org.onewindow.casework.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.onewindow.casework.domain.ItemSnapshot;
import org.onewindow.casework.domain.MaterialSource;
import org.onewindow.casework.domain.RequiredMaterial;
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
        if (elements.get("intakeTiers") instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    try {
                        tiers.add(Tier.valueOf(text.getString().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        // a tier this product does not know takes nothing in
                    }
                }
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
        List<RequiredMaterial> materials = new ArrayList<>();
        if (elements.get("materials") instanceof JsonArray array) {
            for (JsonValue value : array) {
                JsonObject material = value.asJsonObject();
                materials.add(new RequiredMaterial(
                        material.getString("code", null),
                        material.getString("name", null),
                        material.getBoolean("mandatory", false),
                        sources(material)));
            }
        }
        return new ItemSnapshot(
                code,
                version,
                elements.getString("name", code),
                elements.getBoolean("onTheSpot", false),
                days(elements, "promisedLimitDays"),
                days(elements, "statutoryLimitDays"),
                materials,
                elements.getString("type", null),
                texts(elements, "legalBasis"));
    }

    /** An element that is a list of texts; a single text as a list of one; empty when missing. */
    private static List<String> texts(JsonObject elements, String name) {
        return switch (elements.get(name)) {
            case JsonArray array ->
                array.stream()
                        .filter(JsonString.class::isInstance)
                        .map(value -> ((JsonString) value).getString())
                        .toList();
            case JsonString text -> List.of(text.getString());
            case null, default -> List.of();
        };
    }

    private static Set<MaterialSource> sources(JsonObject material) {
        Set<MaterialSource> sources = EnumSet.noneOf(MaterialSource.class);
        if (material.get("sources") instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    String source = text.getString();
                    if (source.startsWith("ELICENSE:")) {
                        sources.add(MaterialSource.ELICENCE);
                    } else if (source.startsWith("SHARED:")) {
                        sources.add(MaterialSource.SHARED_DATA);
                    } else if (source.equals("APPLICANT")) {
                        sources.add(MaterialSource.APPLICANT);
                    }
                }
            }
        }
        // A material that names no known source is one the applicant brings.
        if (sources.isEmpty()) {
            sources.add(MaterialSource.APPLICANT);
        }
        return sources;
    }

    private static int days(JsonObject elements, String name) {
        return elements.get(name) instanceof JsonNumber number ? number.intValue() : 0;
    }
}
