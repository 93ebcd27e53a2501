package org.onewindow.kernel.tenant.domain;

import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

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

    /**
     * The name of a division, service point, window or department as stored: {@link TextRule} (one line, spaces at
     * the ends trimmed, NFC), at most {@value #MAX_NAME_LENGTH} characters counted as code points (𠮷家村 is three),
     * as the {@code varchar(50)} columns count them.
     *
     * @throws DomainException {@code tenant.name.required}, {@code tenant.name.length} or the text rule's refusal
     */
    public static String checkName(String name) {
        String cleaned = TextRule.clean("name", name, TextField.line(TextField.LINE_MAX_LENGTH));
        if (cleaned == null || cleaned.isEmpty()) {
            throw new DomainException("tenant.name.required");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME_LENGTH) {
            throw new DomainException("tenant.name.length", MAX_NAME_LENGTH);
        }
        return cleaned;
    }

    /**
     * A division may change its tier only to one of the same code shape and under the same kind of parent: 镇 ↔ 街道,
     * 村 ↔ 社区. Anything else would change what its code means (ADR 0001): that is a new code, not a level change.
     *
     * @throws DomainException {@code tenant.level.change}
     */
    public static void checkRelevel(Tenant tenant, TenantLevel newLevel) {
        if (newLevel != tenant.level()
                && newLevel.significantDigits() != tenant.level().significantDigits()) {
            throw new DomainException(
                    "tenant.level.change", tenant.code().value(), tenant.level().name(), newLevel.name());
        }
    }

    public static TenantLevel level(String text) {
        try {
            return TenantLevel.valueOf(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("tenant.level.unknown", text == null ? "" : text);
        }
    }
}
