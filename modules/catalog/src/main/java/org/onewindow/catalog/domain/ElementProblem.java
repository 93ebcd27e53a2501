package org.onewindow.catalog.domain;

import java.util.List;

/**
 * Why one element of an item is refused: the element's name ({@link ItemElements}), or a path below it such as
 * {@code applicationForm.fields[0].type}; for an element of one of its materials, that material's position; and
 * the message key with its arguments, rendered in the caller's language from the catalog's bundles.
 *
 * @param material the material's position in {@code materials}, from 0; -1 for an element of the item itself
 * @param element the element's name or path
 * @param key the message key
 * @param arguments the message's arguments
 */
public record ElementProblem(int material, String element, String key, List<Object> arguments) {

    public ElementProblem {
        arguments = List.copyOf(arguments);
    }

    static ElementProblem of(String element, String key, Object... arguments) {
        return new ElementProblem(-1, element, key, List.of(arguments));
    }

    /** Where the problem is as a path into the item's JSON form: {@code promisedLimitDays}, {@code materials[1].form}. */
    public String path() {
        return material < 0 ? element : ItemElements.MATERIALS + "[" + material + "]." + element;
    }
}
