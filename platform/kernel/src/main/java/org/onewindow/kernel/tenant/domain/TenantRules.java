package org.onewindow.kernel.tenant.domain;

import org.onewindow.kernel.error.DomainException;

/** The rules a new division must meet to join the tree, shared by the console, the API and CSV import. */
public final class TenantRules {

    public static final int MAX_NAME_LENGTH = 50;

    private TenantRules() {}

    /**
     * Checks a new division against its parent ({@code null} for a county).
     *
     * @throws DomainException naming the first rule broken
     */
    public static void checkNew(DivisionCode code, TenantLevel level, String name, Tenant parent) {
        checkName(name);
        if (!code.fitsLevel(level)) {
            throw new DomainException("division.code.level", code.value(), level.name());
        }
        TenantLevel parentLevel = parent == null ? null : parent.level();
        if (!level.mayHaveParent(parentLevel)) {
            throw parent == null
                    ? new DomainException("tenant.parent.missing", code.value())
                    : new DomainException(
                            "tenant.parent.level", parent.code().value(), parentLevel.name(), level.name());
        }
        if (parent != null && !code.value().startsWith(parent.scope())) {
            throw new DomainException(
                    "division.code.parent", code.value(), parent.code().value());
        }
    }

    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new DomainException("tenant.name.required");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new DomainException("tenant.name.length", MAX_NAME_LENGTH);
        }
        return name.strip();
    }

    public static TenantLevel level(String text) {
        try {
            return TenantLevel.valueOf(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("tenant.level.unknown", text == null ? "" : text);
        }
    }
}
