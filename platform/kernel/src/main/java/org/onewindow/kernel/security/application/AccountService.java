package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.GrantPolicy;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

/**
 * Staff accounts of the caller's scope. Which roles a caller may give, on a new account or an existing one, is
 * {@link GrantPolicy}'s rule (ADR 0008); a division outside the scope is not found (404), a role out of reach is
 * refused (403) and nothing is written.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    TenantService tenants;

    @Inject
    Passwords passwords;

    @Inject
    AuditService audit;

    @Inject
    TokenService tokens;

    public StaffAccount create(
            String tenantCode,
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            Set<String> departments) {
        StaffPrincipal granter = caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        Tenant tenant = tenants.find(tenantCode);
        String name = username == null ? "" : username.strip();
        if (!name.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            throw new DomainException("account.username.format", name);
        }
        if (roles == null || roles.isEmpty()) {
            throw new DomainException("account.roles.required");
        }
        // Before any lookup, so a refused grant tells nothing about departments or taken usernames.
        GrantPolicy.checkGrant(granter, roles, tenant.code(), tenant.level());
        if (roles.contains(Role.REVIEWER) && departments.isEmpty()) {
            throw new DomainException("account.departments.required");
        }
        for (String department : departments) {
            boolean known = !em.createQuery(
                            "select d.code from Department d where d.tenantCode = :tenant and d.code = :code",
                            String.class)
                    .setParameter("tenant", tenant.code().value())
                    .setParameter("code", department)
                    .getResultList()
                    .isEmpty();
            if (!known) {
                throw new DomainException("account.department.unknown", department);
            }
        }
        if (exists(name)) {
            throw DomainException.conflict("account.username.taken", name);
        }
        StaffAccount account = new StaffAccount(
                tenant.code(), name, displayNameOf(displayName, name), passwords.hash(password), roles, departments);
        em.persist(account);
        audit.record(
                tenant.code().value(),
                "account.created",
                "staff-account",
                name,
                null,
                Json.createObjectBuilder()
                        .add("username", name)
                        .add("roles", joined(roles))
                        .add(
                                "departments",
                                String.join(",", departments.stream().sorted().toList()))
                        .build());
        return account;
    }

    /**
     * Changes the roles of the account {@code username} of division {@code tenantCode}: allowed only when the caller
     * may grant every role the account holds and every role it is to hold there ({@link GrantPolicy#checkChange}),
     * never on the caller's own account. Errors: 404 {@code tenant.not.found} / {@code account.not.found}, 403 {@code
     * account.role.not.grantable} / {@code account.roles.own}, 400 {@code account.roles.required} / {@code
     * account.departments.required}. Audited as {@code account.roles.changed} with the roles before and after.
     */
    public StaffAccount changeRoles(String tenantCode, String username, Set<Role> roles) {
        StaffPrincipal granter = caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        Tenant tenant = tenants.find(tenantCode);
        String name = username == null ? "" : username.strip();
        StaffAccount account = em.createQuery(
                        "select a from StaffAccount a where a.tenantCode = :tenant and a.username = :username",
                        StaffAccount.class)
                .setParameter("tenant", tenant.code().value())
                .setParameter("username", name)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("account.not.found", name));
        if (roles == null || roles.isEmpty()) {
            throw new DomainException("account.roles.required");
        }
        GrantPolicy.checkChange(granter, account, roles, tenant.level());
        if (roles.contains(Role.REVIEWER) && account.departments().isEmpty()) {
            throw new DomainException("account.departments.required");
        }
        String before = joined(account.roles());
        account.changeRoles(roles);
        tokens.forget(name);
        audit.record(
                tenant.code().value(),
                "account.roles.changed",
                "staff-account",
                name,
                Json.createObjectBuilder().add("roles", before).build(),
                Json.createObjectBuilder().add("roles", joined(roles)).build());
        return account;
    }

    /** Whether any tenant has an account named {@code username} (usernames are unique deployment-wide). */
    public boolean exists(String username) {
        // The check must see past row-level security: only the narrow login function does.
        return !em.createNativeQuery("select tenant_code from ow_login_home(?1)")
                .setParameter(1, username == null ? "" : username.strip())
                .getResultList()
                .isEmpty();
    }

    public List<StaffAccount> accounts(String tenantCode) {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.AUDITOR, Role.PLATFORM_OPERATOR);
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select a from StaffAccount a where a.tenantCode = :tenant order by a.username",
                        StaffAccount.class)
                .setParameter("tenant", tenant.code().value())
                .getResultList();
    }

    private static String joined(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    private static String displayNameOf(String displayName, String username) {
        String cleaned =
                TextRule.clean("displayName", displayName, TextField.line(StaffAccount.DISPLAY_NAME_MAX_LENGTH));
        return cleaned == null || cleaned.isEmpty() ? username : cleaned;
    }
}
