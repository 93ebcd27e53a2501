package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;
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

    /**
     * Names no account may take: they would pass for the system or its operator in a list or a log. A name held in
     * another county is refused with the same words, so a refusal does not prove that an account has the name.
     */
    public static final Set<String> RESERVED = Set.of(
            "admin",
            "administrator",
            "root",
            "system",
            "operator",
            "support",
            "security",
            "onewindow",
            "postgres",
            "anonymous",
            "guest");

    /** The largest page {@link #search} returns. */
    public static final int MAX_PAGE = 200;

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
        return create(tenantCode, username, displayName, password, roles, departments, Set.of(), false);
    }

    /**
     * Creates a staff account of division {@code tenantCode} with the roles, departments and windows given, in the
     * caller's reach ({@link GrantPolicy#checkGrant}). With {@code passwordChangeRequired} (the console always asks
     * for it) the holder must choose a new password at the first login.
     *
     * @throws DomainException 404 {@code tenant.not.found}; 403 {@code account.role.not.grantable}; 400 {@code
     *     account.username.format}, {@code account.roles.required}, {@code account.departments.required}, {@code
     *     account.department.unknown}, {@code account.window.unknown}, {@code password.too.short}; 409 {@code
     *     account.username.taken} (an account of the caller's scope has it) or {@code account.username.unavailable}
     *     (reserved, or held outside the caller's scope: the answer does not say which)
     */
    public StaffAccount create(
            String tenantCode,
            String username,
            String displayName,
            String password,
            Set<Role> roles,
            Set<String> departments,
            Set<String> windows,
            boolean passwordChangeRequired) {
        Tenant tenant = checkNew(tenantCode, username, roles, departments, windows);
        String name = username.strip();
        if (exists(name)) {
            // Held outside the caller's scope (checkNew saw the scope): refused as a reserved name is, without
            // saying where or that an account has it.
            throw DomainException.conflict("account.username.unavailable", name);
        }
        StaffAccount account = new StaffAccount(
                tenant.code(), name, displayNameOf(displayName, name), passwords.hash(password), roles, departments);
        if (!windows.isEmpty()) {
            account.assign(departments, windows);
        }
        if (passwordChangeRequired) {
            account.requirePasswordChange();
        }
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
     * Whether the caller may create the account {@link #create} describes, checked as it checks, writing nothing: the
     * one rule a staff list's preview asks row by row (the list's import then creates each row through {@link #create},
     * which checks again). Returns the account's division.
     *
     * <p>Usernames are unique in the whole deployment (one login form for every county), but this check sees only
     * the caller's scope: a name held in another county is found by {@link #create} alone, which then makes the
     * account or refuses it as it refuses a {@linkplain #RESERVED reserved} name. So no preview, however many rows,
     * tells an administrator which names other counties use (issue 8, no oracle).
     *
     * @throws DomainException as {@link #create}, but for the password and {@code account.username.unavailable} of a
     *     name held outside the caller's scope
     */
    public Tenant checkNew(
            String tenantCode, String username, Set<Role> roles, Set<String> departments, Set<String> windows) {
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
        checkAssignment(tenant, roles, departments, windows);
        if (RESERVED.contains(name)) {
            throw DomainException.conflict("account.username.unavailable", name);
        }
        if (takenInScope(granter, name)) {
            throw DomainException.conflict("account.username.taken", name);
        }
        return tenant;
    }

    /**
     * Records an applied staff list in the importing administrator's trail ({@code account.imported}): how many rows
     * it had, which accounts it created (each also has its own {@code account.created}) and how many it refused.
     */
    public void recordImport(int rows, List<String> created, int refused) {
        StaffPrincipal importer = caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        audit.record(
                importer.tenantCode().value(),
                "account.imported",
                "staff-list",
                importer.username(),
                null,
                Json.createObjectBuilder()
                        .add("rows", rows)
                        .add("created", created.size())
                        .add("refused", refused)
                        .add("usernames", String.join(",", created))
                        .build());
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

    private boolean takenInScope(StaffPrincipal granter, String name) {
        return em.createQuery("select a from StaffAccount a where a.username = :username", StaffAccount.class)
                .setParameter("username", name)
                .getResultStream()
                .anyMatch(a -> granter.sees(a.tenantCode()));
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

    /** An account as a list shows it, with the name and tier of its division. */
    public record AccountRow(StaffAccount account, String tenantName, TenantLevel tenantLevel) {}

    /**
     * The accounts of the caller's scope (its subtree) whose username or name contains {@code text}, or whose
     * division code starts with it, by division then username; {@code first} and {@code size} page it (size at most
     * {@value #MAX_PAGE}).
     */
    public List<AccountRow> search(String text, int first, int size) {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.AUDITOR, Role.PLATFORM_OPERATOR);
        List<StaffAccount> page = searchQuery(StaffAccount.class, "a", text)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
                .getResultList();
        Map<String, Tenant> divisions = new HashMap<>();
        if (!page.isEmpty()) {
            em.createQuery("select t from Tenant t where t.code in :codes", Tenant.class)
                    .setParameter(
                            "codes",
                            page.stream()
                                    .map(a -> a.tenantCode().value())
                                    .distinct()
                                    .toList())
                    .getResultList()
                    .forEach(t -> divisions.put(t.code().value(), t));
        }
        return page.stream()
                .map(a -> {
                    Tenant t = divisions.get(a.tenantCode().value());
                    return new AccountRow(a, t == null ? "" : t.name(), t == null ? null : t.level());
                })
                .toList();
    }

    /** How many accounts {@link #search} finds for {@code text}. */
    public long count(String text) {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.AUDITOR, Role.PLATFORM_OPERATOR);
        return searchQuery(Long.class, "count(a)", text).getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> searchQuery(Class<T> type, String select, String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        String displayNeedle = text == null ? "" : text.strip();
        return em.createQuery(
                        "select " + select + " from StaffAccount a where a.tenantCode like :scope"
                                + " and (locate(:needle, a.username) > 0 or locate(:display, a.displayName) > 0"
                                + " or a.tenantCode like :code)"
                                + (type == Long.class ? "" : " order by a.tenantCode, a.username"),
                        type)
                .setParameter("scope", caller.scope() + "%")
                .setParameter("needle", needle)
                .setParameter("display", displayNeedle)
                .setParameter("code", displayNeedle.matches("[0-9]+") ? displayNeedle + "%" : "#");
    }

    /** The account named {@code username} in the caller's scope; 404 {@code account.not.found} otherwise. */
    public StaffAccount find(String username) {
        StaffPrincipal principal = caller.require();
        String name = username == null ? "" : username.strip();
        return em.createQuery("select a from StaffAccount a where a.username = :username", StaffAccount.class)
                .setParameter("username", name)
                .getResultStream()
                .filter(a -> principal.sees(a.tenantCode()))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("account.not.found", name));
    }

    /** The roles the caller may give to an account of division {@code tenantCode} ({@link GrantPolicy#grantable}). */
    public Set<Role> grantable(String tenantCode) {
        StaffPrincipal granter = caller.require();
        Tenant tenant = tenants.find(tenantCode);
        return GrantPolicy.grantable(granter, tenant.code(), tenant.level());
    }

    /**
     * Changes the name, departments and windows of an account the caller manages ({@link GrantPolicy#checkManage});
     * tokens carrying the old departments end. Audited as {@code account.updated}.
     *
     * @throws DomainException 404 {@code account.not.found}; 403 {@code account.manage.own}, {@code
     *     account.role.not.grantable}; 400 {@code account.departments.required}, {@code account.department.unknown},
     *     {@code account.window.unknown}
     */
    public StaffAccount update(String username, String displayName, Set<String> departments, Set<String> windows) {
        StaffAccount account = managed(username);
        Tenant tenant = em.find(Tenant.class, account.tenantCode().value());
        checkAssignment(tenant, account.roles(), departments, windows);
        JsonObject before = state(account);
        account.rename(displayNameOf(displayName, account.username()));
        account.assign(departments, windows);
        tokens.forget(account.username());
        audit.record(
                account.tenantCode().value(),
                "account.updated",
                "staff-account",
                account.username(),
                before,
                state(account));
        return account;
    }

    /**
     * Disables (停用) or enables an account the caller manages; disabling ends its tokens and console sessions at once.
     * Audited as {@code account.disabled} / {@code account.enabled}.
     */
    public StaffAccount setEnabled(String username, boolean enabled) {
        StaffAccount account = managed(username);
        if (enabled) {
            account.enable();
        } else {
            account.disable();
        }
        tokens.forget(account.username());
        audit.record(
                account.tenantCode().value(),
                enabled ? "account.enabled" : "account.disabled",
                "staff-account",
                account.username(),
                null,
                null);
        return account;
    }

    /** Ends the lockout of an account the caller manages (解锁). Audited as {@code account.unlocked}. */
    public StaffAccount unlock(String username) {
        StaffAccount account = managed(username);
        account.unlock();
        audit.record(account.tenantCode().value(), "account.unlocked", "staff-account", account.username(), null, null);
        return account;
    }

    /**
     * Sets a new password for an account the caller manages (重置密码): the account is unlocked, its tokens and
     * sessions end, and its holder must choose a new password at the next login. Audited as {@code
     * account.password.reset} (never with the password).
     *
     * @throws DomainException 400 {@code password.too.short}, and as {@link #update}
     */
    public StaffAccount resetPassword(String username, String newPassword) {
        StaffAccount account = managed(username);
        account.resetPassword(passwords.hash(newPassword));
        tokens.forget(account.username());
        audit.record(
                account.tenantCode().value(),
                "account.password.reset",
                "staff-account",
                account.username(),
                null,
                null);
        return account;
    }

    /**
     * Moves the staff member to another division of the caller's scope (调动), e.g. from one village to another: the
     * caller must manage the account where it is and be able to grant its roles where it goes. Its history (audit,
     * cases) stays under its username; the old division's departments and windows are replaced by {@code
     * departments} and {@code windows} of the new one, and every token and session of the old scope ends at once.
     * Audited as {@code account.moved} in both divisions' trails.
     *
     * @throws DomainException 404 {@code account.not.found}, {@code tenant.not.found}; 403 {@code account.manage.own},
     *     {@code account.role.not.grantable}; 400 {@code account.move.same} and the rules of {@link #update}
     */
    public StaffAccount move(String username, String tenantCode, Set<String> departments, Set<String> windows) {
        StaffPrincipal granter = caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        StaffAccount account = managed(username);
        Tenant from = em.find(Tenant.class, account.tenantCode().value());
        Tenant to = tenants.find(tenantCode);
        if (to.code().equals(from.code())) {
            throw new DomainException("account.move.same", to.name());
        }
        Set<Role> roles = Role.effectiveAt(account.roles(), from.level());
        GrantPolicy.checkGrant(granter, roles, to.code(), to.level());
        checkAssignment(to, roles, departments, windows);
        JsonObject before = state(account);
        em.flush();
        // The division is part of the row's identity for JPA (never updated through the entity): moved here.
        em.createNativeQuery("update staff_account set tenant_code = ?1, token_version = token_version + 1,"
                        + " version = version + 1 where id = ?2")
                .setParameter(1, to.code().value())
                .setParameter(2, account.id())
                .executeUpdate();
        em.refresh(account);
        account.assign(departments, windows);
        tokens.forget(account.username());
        JsonObject after = state(account);
        audit.record(from.code().value(), "account.moved", "staff-account", account.username(), before, after);
        audit.record(to.code().value(), "account.moved", "staff-account", account.username(), before, after);
        return account;
    }

    /**
     * An account of the caller's scope that the caller may manage ({@link GrantPolicy#checkManage}): 403 for a caller
     * who manages no accounts, before anything is looked up (so a clerk cannot probe usernames), 404 when there is no
     * such account in the scope.
     */
    public StaffAccount managed(String username) {
        StaffPrincipal granter = caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN, Role.PLATFORM_OPERATOR);
        StaffAccount account = find(username);
        Tenant tenant = em.find(Tenant.class, account.tenantCode().value());
        GrantPolicy.checkManage(granter, account, tenant.level());
        return account;
    }

    /** Reviewers need a department; departments and windows must be the division's own. */
    private void checkAssignment(Tenant tenant, Set<Role> roles, Set<String> departments, Set<String> windows) {
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
        for (String window : windows) {
            UUID id;
            try {
                id = UUID.fromString(window);
            } catch (IllegalArgumentException e) {
                throw new DomainException("account.window.unknown", window);
            }
            ServiceWindow found = em.find(ServiceWindow.class, id);
            if (found == null || !found.tenantCode().equals(tenant.code())) {
                throw new DomainException("account.window.unknown", window);
            }
        }
    }

    private static JsonObject state(StaffAccount account) {
        return Json.createObjectBuilder()
                .add("tenant", account.tenantCode().value())
                .add("displayName", account.displayName())
                .add("roles", joined(account.roles()))
                .add("departments", String.join(",", account.departments()))
                .add("windows", String.join(",", account.windows()))
                .build();
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
