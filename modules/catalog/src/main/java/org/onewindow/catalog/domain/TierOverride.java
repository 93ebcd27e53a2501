package org.onewindow.catalog.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The local adaptation (本级调整) of one standard item by one tenant: a county, a town or a village changes the
 * elements {@link OverridePolicy} allows for its own area, without copying the item. It is a JSON Merge Patch
 * (RFC 7396) against the version it was made on: an element set to a value replaces what the tiers above give,
 * an element set to null clears it, an element not named is inherited.
 *
 * <p>Named {@code TierOverride} rather than {@code Override} so that it does not hide {@code java.lang.Override}
 * from the classes of this package.
 *
 * @param tenant the division that made it; its code fixes the tier (county, town or village)
 * @param itemCode the standard item it adapts
 * @param baseVersion the standard version it was made on; a re-base moves it to the next
 * @param patch the merge patch, naming allowed elements only
 */
public record TierOverride(DivisionCode tenant, String itemCode, int baseVersion, JsonObject patch) {

    public TierOverride {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(patch, "patch");
        OverridePolicy.checkElements(patch);
    }

    /** An override made on {@code base}; its values are checked when it is applied ({@link EffectiveItem}). */
    public static TierOverride of(DivisionCode tenant, ItemVersion base, JsonObject patch) {
        return new TierOverride(tenant, base.code(), base.number(), patch);
    }

    /** County, town or village, read from the tenant's division code. */
    public ElementSource tier() {
        return ElementSource.tierOf(tenant);
    }

    /** Whether this override names the element (with a value or with null to clear it). */
    public boolean sets(String element) {
        return patch.containsKey(element);
    }

    /** The value it sets, {@link JsonValue#NULL} when it clears the element or does not name it. */
    public JsonValue value(String element) {
        return JsonValues.valueOf(patch, element);
    }

    public TierOverride with(String element, JsonValue value) {
        return new TierOverride(
                tenant,
                itemCode,
                baseVersion,
                Json.createObjectBuilder(patch).add(element, value).build());
    }

    public TierOverride without(String element) {
        return new TierOverride(
                tenant,
                itemCode,
                baseVersion,
                Json.createObjectBuilder(patch).remove(element).build());
    }

    /** The same patch, now made against another version. */
    public TierOverride rebasedOnto(int version) {
        return new TierOverride(tenant, itemCode, version, patch);
    }

    /**
     * Checks the values against the effective item this override applies to.
     *
     * @throws org.onewindow.kernel.error.DomainException naming the first rule broken
     */
    public void checkAgainst(JsonObject above) {
        OverridePolicy.check(patch, above);
    }
}
