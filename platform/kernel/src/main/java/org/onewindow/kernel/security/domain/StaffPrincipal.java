package org.onewindow.kernel.security.domain;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Who is calling: a logged-in staff member with the tenant they belong to and the scope (code
 * prefix of the subtree) they may see. It travels in the HTTP session and in bearer tokens. Its roles are the
 * ones that take effect at its tenant's level ({@link Role#effectiveAt}): a county or deployment-wide role stored
 * on a town's account gives nothing, wherever it is checked.
 */
public record StaffPrincipal(
        String username,
        String displayName,
        DivisionCode tenantCode,
        TenantLevel tenantLevel,
        String tenantName,
        Set<Role> roles,
        Set<String> departments)
        implements Principal, Serializable {

    public StaffPrincipal {
        roles = Set.copyOf(Role.effectiveAt(roles, tenantLevel));
        departments = Set.copyOf(departments);
    }

    @Override
    public String getName() {
        return username;
    }

    /** The prefix of the division codes this caller may see. */
    public String scope() {
        return tenantCode.scopePrefix(tenantLevel);
    }

    public boolean sees(DivisionCode code) {
        return code.value().startsWith(scope());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean administers() {
        return roles.stream().anyMatch(Role::administers);
    }
}
