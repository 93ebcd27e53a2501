package org.onewindow.casework.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;

/**
 * A case number (受理编号), as printed on the receipt and typed or scanned back: 1–40 characters of upper-case letters,
 * digits and hyphens, e.g. {@code 370321-20261130-000123}. Made by a {@link CaseNumberFormat}; {@link #of} reads one
 * typed by a clerk or given in a URL (spaces stripped, letters upper-cased).
 *
 * @param value the number
 * @throws DomainException {@code casework.number.format}
 */
public record CaseNumber(String value) {

    public static final int MAX_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?");

    public CaseNumber {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new DomainException("casework.number.format", value);
        }
    }

    /** A number as typed: surrounding and inner spaces dropped, letters upper-cased. */
    public static CaseNumber of(String typed) {
        return new CaseNumber(
                typed == null ? null : typed.replace(" ", "").strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
