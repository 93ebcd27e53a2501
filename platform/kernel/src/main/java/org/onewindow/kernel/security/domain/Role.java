package org.onewindow.kernel.security.domain;

import java.util.EnumSet;
import java.util.Set;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * What a staff member may do. Each role is also the container group of that name. Who may grant which role is
 * {@link GrantPolicy}'s business (ADR 0008).
 */
public enum Role {
    CLERK,
    REVIEWER,
    WINDOW_LEAD,
    TENANT_ADMIN,
    COUNTY_ADMIN,
    /** Edits and publishes the standard catalog served to every county: a deployment-wide role. */
    STANDARDS_EDITOR,
    AUDITOR,
    /**
     * The deployment's operator (平台运维管理员): made at installation, grants the deployment-wide roles, the county
     * administrators and the auditors. Not a tenant administrator: it edits no division, catalog or service point.
     */
    PLATFORM_OPERATOR;

    /** The role's name in the reader's language ({@code role.CLERK} → 窗口人员 / window clerk). */
    public MessageKey label() {
        return new MessageKey("role." + name());
    }

    /** Whether the role administers the tenant tree, service points and staff of its scope. */
    public boolean administers() {
        return this == TENANT_ADMIN || this == COUNTY_ADMIN;
    }

    /** Whether the role acts for the whole deployment rather than for its holder's tenant. */
    public boolean deploymentWide() {
        return this == STANDARDS_EDITOR || this == PLATFORM_OPERATOR;
    }

    /**
     * Whether an account of a division of {@code level} can hold the role: the county-wide and deployment-wide
     * roles only at a county, a tenant administrator only at a town, street, village or community.
     */
    public boolean mayBeHeldAt(TenantLevel level) {
        return switch (this) {
            case COUNTY_ADMIN, STANDARDS_EDITOR, PLATFORM_OPERATOR -> level == TenantLevel.COUNTY;
            case TENANT_ADMIN -> level != TenantLevel.COUNTY;
            case CLERK, REVIEWER, WINDOW_LEAD, AUDITOR -> true;
        };
    }

    /**
     * The roles of {@code held} that take effect for an account of a division of {@code level}: a role stored where
     * it cannot be held (say a standards editor made at a town before grants were checked) gives nothing.
     */
    public static Set<Role> effectiveAt(Set<Role> held, TenantLevel level) {
        Set<Role> effective = EnumSet.noneOf(Role.class);
        for (Role role : held) {
            if (level != null && role.mayBeHeldAt(level)) {
                effective.add(role);
            }
        }
        return effective;
    }
}
