package org.onewindow.kernel.scope;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * A scope that work enters on purpose, through {@link Scopes#run}: the division-code prefix the database shows
 * (ADR 0001: 6, 9 or 12 digits, the subtree of {@code division} cut to {@code level}) and who acts in it. There are
 * two kinds, and neither is a staff member:
 *
 * <ul>
 *   <li>a {@linkplain #visitorOf public visitor} of a tenant: no role, no name, the prefix only;
 *   <li>a {@linkplain #system system job} (a timer, a publication, start-up seeding): named {@code system:<job>} in the
 *       audit trail, holding exactly the roles the job declares.
 * </ul>
 *
 * <p>Their actor names contain a colon, which no account name may (AccountService allows {@code [a-z0-9._-]}), so no
 * login can pass for them and the audit trail tells them from people.
 *
 * @param kind visitor or system job
 * @param job the job's name ({@code [a-z0-9.-]}, at most 40 characters); {@code visitor} for a visitor
 * @param division the division whose subtree is seen
 * @param level how many digits of {@code division} are the prefix ({@link TenantLevel#significantDigits})
 * @param roles what a system job may do; empty for a visitor
 */
public record Scope(Kind kind, String job, DivisionCode division, TenantLevel level, Set<Role> roles) {

    /** Who acts in a scope that is not a logged-in staff member's. */
    public enum Kind {
        /** Anyone reading what a tenant publishes, logged in or not. */
        VISITOR,
        /** Background or start-up work of the platform itself. */
        SYSTEM
    }

    private static final Pattern JOB = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

    public Scope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(division, "division");
        Objects.requireNonNull(level, "level");
        if (job == null || !JOB.matcher(job).matches()) {
            throw new IllegalArgumentException("a job is named with [a-z0-9.-], at most 40 characters: " + job);
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (kind == Kind.VISITOR && !roles.isEmpty()) {
            throw new IllegalArgumentException("a visitor holds no role");
        }
    }

    /**
     * A public visitor of {@code division}'s subtree cut to {@code level}: {@code TenantLevel.VILLAGE} (all 12 digits)
     * for exactly one tenant (its ancestors' shared rows stay visible where a policy allows them), {@code COUNTY} for
     * a whole county (the public place picker).
     */
    public static Scope visitorOf(DivisionCode division, TenantLevel level) {
        return new Scope(Kind.VISITOR, "visitor", division, level, Set.of());
    }

    /** A public visitor of exactly one tenant, whatever its tier: the prefix is all 12 digits of its code. */
    public static Scope visitorOf(DivisionCode tenant) {
        return visitorOf(tenant, TenantLevel.VILLAGE);
    }

    /**
     * The system job {@code job} working in the subtree of {@code division} cut to {@code level}, with exactly
     * {@code roles} (none for a job that only reads or writes through its own services' checks).
     */
    public static Scope system(String job, DivisionCode division, TenantLevel level, Role... roles) {
        return new Scope(Kind.SYSTEM, job, division, level, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    /** The prefix {@code app.scope} carries while the scope is entered. */
    public String prefix() {
        return division.scopePrefix(level);
    }

    /** How the audit trail names whoever acts in this scope: {@code system:<job>} or {@code public:visitor}. */
    public String actor() {
        return (kind == Kind.SYSTEM ? "system:" : "public:") + job;
    }

    /**
     * The scope as the services' caller checks see it ({@link Caller#current}): the actor's name, the division and
     * tier, the declared roles and nothing else. Built here only, so that only an entered scope yields one.
     */
    StaffPrincipal asCaller() {
        return new StaffPrincipal(actor(), actor(), division, level, "", roles, Set.of());
    }
}
