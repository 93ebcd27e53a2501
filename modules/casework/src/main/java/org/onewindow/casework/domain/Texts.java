package org.onewindow.casework.domain;

import org.onewindow.kernel.error.DomainException;

/** The checks every free-text field of a case shares: stripped, required where the law requires it, bounded. */
final class Texts {

    private Texts() {}

    static String required(String text, String key, Object... arguments) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new DomainException(key, arguments);
        }
        return stripped;
    }

    static String optional(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip();
    }

    static void maxLength(String text, int max, String key) {
        if (text != null && text.codePointCount(0, text.length()) > max) {
            throw new DomainException(key, max);
        }
    }

    /** An identifier shown as its first 6 and last 4 characters, e.g. {@code 370321********1234}; never logged whole. */
    static String masked(String identifier) {
        if (identifier == null) {
            return null;
        }
        if (identifier.length() < 11) {
            return "*".repeat(identifier.length());
        }
        return identifier.substring(0, 6)
                + "*".repeat(identifier.length() - 10)
                + identifier.substring(identifier.length() - 4);
    }
}
