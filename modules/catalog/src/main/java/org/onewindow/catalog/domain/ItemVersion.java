package org.onewindow.catalog.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;
import org.onewindow.kernel.error.DomainException;

/**
 * One version of a standard catalog item (标准事项版本): its code, its number and all its elements (name, type,
 * legal basis, time limits, materials, fees, process, …) in the shape of the standard catalog's JSON. Once
 * published it never changes: the standards team changes an item by publishing the next version, and every
 * tenant's override is then re-based onto it ({@link Rebase}). Cases keep the version they were accepted under.
 *
 * @param code the item code (事项编码), e.g. {@code RS-0001}; it is also the {@code code} element
 * @param number the version number, counting from 1 per item
 * @param state draft, published or retired
 * @param elements the item's elements; a JSON-P object, itself immutable. What they must be is {@link ItemRules}'
 *     to say, checked where an item arrives (a draft saved or published, an import), not here: a version is also
 *     read back from storage as it was written.
 */
public record ItemVersion(String code, int number, VersionState state, JsonObject elements) {

    public ItemVersion {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(elements, "elements");
        if (code == null || code.isBlank()) {
            throw new DomainException("catalog.version.code.required");
        }
        if (number < 1) {
            throw new DomainException("catalog.version.number", number);
        }
        if (!code.equals(elements.getString(ItemElements.CODE, null))) {
            throw new DomainException("catalog.version.item.mismatch", code, elements.getString(ItemElements.CODE, ""));
        }
    }

    /** A new draft of the item the elements describe (their {@code code} element names it). */
    public static ItemVersion draft(int number, JsonObject elements) {
        return new ItemVersion(elements.getString(ItemElements.CODE, null), number, VersionState.DRAFT, elements);
    }

    /** A version already in force, as it is loaded from an import or from storage. */
    public static ItemVersion published(int number, JsonObject elements) {
        return draft(number, elements).publish();
    }

    /** The draft of the next version, starting from these elements. */
    public ItemVersion nextDraft(JsonObject newElements) {
        return new ItemVersion(code, number + 1, VersionState.DRAFT, newElements);
    }

    /** The draft with changed elements; a published or retired version is refused, it must stay as cases saw it. */
    public ItemVersion revise(JsonObject newElements) {
        if (state != VersionState.DRAFT) {
            throw DomainException.conflict("catalog.version.immutable", code, number);
        }
        return new ItemVersion(code, number, state, newElements);
    }

    public ItemVersion publish() {
        return moveTo(VersionState.PUBLISHED);
    }

    public ItemVersion retire() {
        return moveTo(VersionState.RETIRED);
    }

    private ItemVersion moveTo(VersionState next) {
        if (!state.mayMoveTo(next)) {
            throw DomainException.conflict("catalog.version.transition", code, number, state.name(), next.name());
        }
        return new ItemVersion(code, number, next, elements);
    }

    /** The typed item of these elements: see {@link CatalogItem#of}. */
    public CatalogItem item() {
        return CatalogItem.of(elements);
    }

    /** An element's value, {@link JsonValue#NULL} when this version does not have it. */
    public JsonValue element(String name) {
        return JsonValues.valueOf(elements, name);
    }
}
