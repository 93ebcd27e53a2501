package org.onewindow.kernel.web;

import java.util.List;

/**
 * Which part of a list a REST answer carries: from {@code first} (0-based), at most {@code size} entries, and never
 * more than {@link #MAX_SIZE} whatever the caller asks for, so no request makes the server build a giant answer (OWASP
 * ASVS 5.0 V2: limits on what one request may cost). A size beyond the maximum answers the maximum; a negative first
 * reads as 0, a size below 1 as 1.
 *
 * @param first the index of the first entry, 0-based
 * @param size the most entries the answer holds, 1 … {@link #MAX_SIZE}
 */
public record Page(int first, int size) {

    /** The largest page any list answers with. */
    public static final int MAX_SIZE = 200;

    /** What the OpenAPI document says of the {@code size} parameter. */
    public static final String SIZE_DESCRIPTION =
            "entries per page, at most " + MAX_SIZE + " (a larger size answers " + MAX_SIZE + ")";

    public Page {
        first = Math.max(0, first);
        size = Math.min(Math.max(1, size), MAX_SIZE);
    }

    /** This page of {@code all}: empty when {@code first} lies past its end. */
    public <T> List<T> of(List<T> all) {
        if (first >= all.size()) {
            return List.of();
        }
        return all.subList(first, Math.min(all.size(), first + size));
    }
}
