package org.onewindow.kernel.security.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Who may grant which role to an account of which division (授权规则, ADR 0008). The one place the rule is written;
 * creating an account and changing an account's roles both ask it.
 *
 * <ul>
 *   <li>A {@link Role#PLATFORM_OPERATOR} grants the deployment-wide roles ({@link Role#PLATFORM_OPERATOR}, {@link
 *       Role#STANDARDS_EDITOR}) and {@link Role#COUNTY_ADMIN} at a county, and {@link Role#AUDITOR} anywhere in its
 *       scope; nothing else.
 *   <li>A {@link Role#COUNTY_ADMIN} or {@link Role#TENANT_ADMIN} grants {@link Role#CLERK}, {@link Role#REVIEWER} and
 *       {@link Role#WINDOW_LEAD} at its own division and below, and {@link Role#TENANT_ADMIN} strictly below it: an
 *       administrator is appointed by the level above, never by a peer.
 *   <li>Nobody else grants anything; nothing is granted outside the granter's scope (division-code prefix, ADR 0001)
 *       or where the role cannot be held ({@link Role#mayBeHeldAt}).
 * </ul>
 *
 * Anchors: OWASP ASVS 5.0 V8 (authorization), MLPS 2.0 level 3 access control and the separation of the system,
 * security and audit administrators (三员分立).
 */
public final class GrantPolicy {

    /** The roles of the people who serve at the windows and review: any administrator of the division grants them. */
    private static final Set<Role> STAFF = EnumSet.of(Role.CLERK, Role.REVIEWER, Role.WINDOW_LEAD);

    /** What the platform operator grants (where each may be held decides the rest). */
    private static final Set<Role> OPERATOR_GRANTS =
            EnumSet.of(Role.PLATFORM_OPERATOR, Role.STANDARDS_EDITOR, Role.COUNTY_ADMIN, Role.AUDITOR);

    private GrantPolicy() {}

    /**
     * Whether {@code granter} may give {@code role} to an account of the division {@code target}, whose tier is
     * {@code targetLevel}.
     */
    public static boolean mayGrant(StaffPrincipal granter, Role role, DivisionCode target, TenantLevel targetLevel) {
        if (!granter.sees(target) || !role.mayBeHeldAt(targetLevel)) {
            return false;
        }
        boolean below = !target.equals(granter.tenantCode());
        for (Role held : granter.roles()) {
            if (grants(held, role, below)) {
                return true;
            }
        }
        return false;
    }

    /** Every role {@code granter} may give to an account of {@code target}; empty when it may give none. */
    public static Set<Role> grantable(StaffPrincipal granter, DivisionCode target, TenantLevel targetLevel) {
        Set<Role> result = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (mayGrant(granter, role, target, targetLevel)) {
                result.add(role);
            }
        }
        return result;
    }

    /**
     * Refuses, with 403 {@code account.role.not.grantable} naming the first such role (by name), a new account of
     * {@code target} with any role {@code granter} may not give there.
     */
    public static void checkGrant(StaffPrincipal granter, Set<Role> roles, DivisionCode target, TenantLevel level) {
        for (Role role : new TreeSet<>(roles)) {
            if (!mayGrant(granter, role, target, level)) {
                throw new DomainException(
                        DomainException.Kind.FORBIDDEN,
                        "account.role.not.grantable",
                        role.name(),
                        target.value(),
                        role.label());
            }
        }
    }

    /**
     * Refuses a change of the roles of {@code account} (a division of {@code level}) from what it holds to {@code
     * newRoles} unless {@code granter} could have created the account as it is and as it would be: every role held
     * before and after must be one it may grant there, so it neither adds nor takes away a role beyond its reach.
     * A stored role that cannot take effect at the account's level (made before grants were checked) counts for
     * nothing, so whoever manages the rest of the account may drop it. Nobody changes their own roles ({@code
     * account.roles.own}, 403): an administrator could otherwise drop the last operator or widen itself.
     */
    public static void checkChange(
            StaffPrincipal granter, StaffAccount account, Set<Role> newRoles, TenantLevel level) {
        if (granter.username().equals(account.username())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "account.roles.own", account.username());
        }
        checkGrant(granter, Role.effectiveAt(account.roles(), level), account.tenantCode(), level);
        checkGrant(granter, newRoles, account.tenantCode(), level);
    }

    /**
     * Refuses any change to {@code account} (its name, departments and windows, disabling, unlocking, a password
     * reset, a move) by {@code granter} unless it could have created the account as it is: every role it holds (that
     * takes effect at {@code level}) must be one the granter may give there, so a town administrator manages its
     * clerks and its villages' administrators but not a peer nor the county's auditor. Nobody manages their own
     * account this way ({@code account.manage.own}, 403).
     */
    public static void checkManage(StaffPrincipal granter, StaffAccount account, TenantLevel level) {
        if (granter.username().equals(account.username())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "account.manage.own", account.username());
        }
        checkGrant(granter, Role.effectiveAt(account.roles(), level), account.tenantCode(), level);
    }

    private static boolean grants(Role held, Role role, boolean below) {
        return switch (held) {
            case PLATFORM_OPERATOR -> OPERATOR_GRANTS.contains(role);
            case COUNTY_ADMIN, TENANT_ADMIN -> STAFF.contains(role) || (role == Role.TENANT_ADMIN && below);
            case CLERK, REVIEWER, WINDOW_LEAD, STANDARDS_EDITOR, AUDITOR -> false;
        };
    }
}
