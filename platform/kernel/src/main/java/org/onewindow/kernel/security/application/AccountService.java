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
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.Tenant;

/** Staff accounts of the caller's scope. */
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

    public StaffAccount create(
            String tenantCode,
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            Set<String> departments) {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
        Tenant tenant = tenants.find(tenantCode);
        String name = username == null ? "" : username.strip();
        if (!name.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            throw new DomainException("account.username.format", name);
        }
        if (roles == null || roles.isEmpty()) {
            throw new DomainException("account.roles.required");
        }
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
        // Usernames are unique across all tenants; the check must see past row-level security.
        boolean taken = !em.createNativeQuery("select tenant_code from ow_login_home(?1)")
                .setParameter(1, name)
                .getResultList()
                .isEmpty();
        if (taken) {
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
                        .add(
                                "roles",
                                String.join(
                                        ",",
                                        roles.stream().map(Role::name).sorted().toList()))
                        .add(
                                "departments",
                                String.join(",", departments.stream().sorted().toList()))
                        .build());
        return account;
    }

    public List<StaffAccount> accounts(String tenantCode) {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.AUDITOR);
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select a from StaffAccount a where a.tenantCode = :tenant order by a.username",
                        StaffAccount.class)
                .setParameter("tenant", tenant.code().value())
                .getResultList();
    }

    private static String displayNameOf(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName.strip();
    }
}
