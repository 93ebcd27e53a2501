package org.onewindow.catalog.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;

/**
 * The item as a tenant offers it (本地实施事项): the standard version with the overrides of the county, then the
 * town, then the village applied in that order, each deeper tier winning. For every element it also tells who
 * set it, so the console can show "承诺时限 3 days (set by 起凤镇)" and the guide can be traced.
 *
 * @param standard the standard version it is built on
 * @param elements the effective elements
 * @param sources for every effective element, the last layer that set it
 */
public record EffectiveItem(ItemVersion standard, JsonObject elements, Map<String, ElementSource> sources) {

    public EffectiveItem {
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /**
     * Applies a tenant's chain of overrides to a standard version, checking each against what the tiers above
     * left it.
     *
     * @param chainFromCountyDown the overrides of the tenant's county, town and village that exist, in that
     *     order; a tier without an override is simply left out
     * @throws DomainException when an override is out of order, made on another version or item, or breaks
     *     the {@link OverridePolicy}
     */
    public static EffectiveItem resolve(ItemVersion standard, List<TierOverride> chainFromCountyDown) {
        JsonObject elements = standard.elements();
        Map<String, ElementSource> sources = new LinkedHashMap<>();
        elements.keySet().forEach(name -> sources.put(name, ElementSource.STANDARD));
        TierOverride above = null;
        for (TierOverride override : chainFromCountyDown) {
            checkPlace(standard, above, override);
            override.checkAgainst(elements);
            elements = Json.createMergePatch(override.patch()).apply(elements).asJsonObject();
            ElementSource tier = override.tier();
            override.patch().forEach((name, value) -> {
                if (value.getValueType() == JsonValue.ValueType.NULL) {
                    sources.remove(name);
                } else {
                    sources.put(name, tier);
                }
            });
            above = override;
        }
        return new EffectiveItem(standard, elements, sources);
    }

    private static void checkPlace(ItemVersion standard, TierOverride above, TierOverride override) {
        if (!override.itemCode().equals(standard.code())) {
            throw new DomainException(
                    "catalog.override.item.mismatch", override.tenant().value(), override.itemCode(), standard.code());
        }
        // An override made on an older version has not been re-based: applying it blindly could undo the update.
        if (override.baseVersion() != standard.number()) {
            throw DomainException.conflict(
                    "catalog.override.stale.base",
                    override.tenant().value(),
                    override.baseVersion(),
                    standard.number());
        }
        if (above != null
                && (override.tier().compareTo(above.tier()) <= 0
                        || !above.tier().ancestorOf(override.tenant()).equals(above.tenant()))) {
            throw new DomainException(
                    "catalog.override.chain.order",
                    override.tenant().value(),
                    above.tenant().value());
        }
    }

    /** An element's effective value, {@link JsonValue#NULL} when the item does not have it here. */
    public JsonValue element(String name) {
        return JsonValues.valueOf(elements, name);
    }

    /** Who set the element; empty when the item does not have it here (never set, or cleared by a tier). */
    public Optional<ElementSource> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** Whether the tenant offers the item: it is, unless a tier said otherwise. */
    public boolean offered() {
        return elements.getBoolean(ItemElements.OFFERED, true);
    }
}
