package org.onewindow.kernel.tenant.domain;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;

/**
 * A 12-digit statistical division code (统计用区划代码): 6 digits of county, 3 of town or street, 3 of
 * village or community, zero-padded. It is the natural key of a tenant, and its prefix is the scope
 * a tenant's staff may see.
 */
public record DivisionCode(String value) implements Serializable, Comparable<DivisionCode> {

    /** Compiled once: codes are checked on every request that names a division. */
    /** The digits of a code. */
    public static final int LENGTH = 12;

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    public DivisionCode {
        if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
            throw new DomainException("division.code.format", value == null ? "" : value);
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value == null ? null : value.strip());
    }

    /** Parses without throwing: empty when the text is not a 12-digit code. */
    public static Optional<DivisionCode> parse(String value) {
        return value != null && TWELVE_DIGITS.matcher(value.strip()).matches()
                ? Optional.of(new DivisionCode(value.strip()))
                : Optional.empty();
    }

    /** The tier this code's shape allows: trailing zero groups mark a county or a town. */
    public boolean fitsLevel(TenantLevel level) {
        String town = value.substring(6, 9);
        String village = value.substring(9, 12);
        return switch (level) {
            case COUNTY -> town.equals("000") && village.equals("000");
            case TOWN, STREET -> !town.equals("000") && village.equals("000");
            case VILLAGE, COMMUNITY -> !town.equals("000") && !village.equals("000");
        };
    }

    /** The code of the county this division belongs to. */
    public DivisionCode county() {
        return new DivisionCode(value.substring(0, 6) + "000000");
    }

    /** The prefix of the subtree a division of {@code level} with this code spans. */
    public String scopePrefix(TenantLevel level) {
        return value.substring(0, level.significantDigits());
    }

    /** Whether this code lies in the subtree of a division of {@code level} with code {@code ancestor}. */
    public boolean isWithin(DivisionCode ancestor, TenantLevel level) {
        return value.startsWith(ancestor.scopePrefix(level));
    }

    @Override
    public int compareTo(DivisionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
