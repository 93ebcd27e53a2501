package org.onewindow.kernel.tenant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.application.AccountService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantRules;

/**
 * A department's (部门) reviewers and the catalog items it handles at its division (TEN-3), for its administrators.
 * A reviewer belongs to a department through the departments of its staff account: that is what admits it to the
 * department's review tasks (casework's WorkGroup), so adding one here is the same change as in the staff page. The
 * items a department handles are kept and shown; review tasks are routed by the item's own department element in the
 * catalog, not by this list.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DepartmentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    TenantService tenants;

    @Inject
    ServicePointService points;

    @Inject
    AccountService accounts;

    @Inject
    AuditService audit;

    /** The department {@code code} of division {@code tenantCode}; 404 {@code department.not.found} otherwise. */
    public Department find(String tenantCode, String code) {
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select d from Department d where d.tenantCode = :tenant and d.code = :code", Department.class)
                .setParameter("tenant", tenant.code().value())
                .setParameter("code", code == null ? "" : code.strip())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("department.not.found", String.valueOf(code)));
    }

    /** The reviewers of the department: its division's staff with the reviewer role and the department, by name. */
    public List<StaffAccount> reviewers(Department department) {
        return em.createQuery(
                        "select a from StaffAccount a where a.tenantCode = :tenant order by a.username",
                        StaffAccount.class)
                .setParameter("tenant", department.tenantCode().value())
                .getResultStream()
                .filter(a ->
                        a.roles().contains(Role.REVIEWER) && a.departments().contains(department.code()))
                .toList();
    }

    /**
     * Renames a department and replaces the items it handles. Audited as {@code department.changed}.
     *
     * @throws DomainException 400 {@code department.item.not.offered} naming an item its division does not offer; 409
     *     {@code stale.form}; 404 {@code department.not.found}; 403 for a caller who is no administrator
     */
    public Department change(
            String tenantCode, String code, String name, String shortName, Set<String> items, int expectedVersion) {
        requireAdmin();
        Department department = find(tenantCode, code);
        if (department.version() != expectedVersion) {
            throw DomainException.conflict("stale.form");
        }
        String cleanName = TenantRules.checkName(name);
        String cleanShort = TenantRules.checkName(shortName);
        Set<String> handled = items == null ? Set.of() : new TreeSet<>(items);
        points.checkOffered(department.tenantCode().value(), handled, "department.item.not.offered");
        JsonObject before = state(department);
        department.change(cleanName, cleanShort, handled);
        audit.record(
                department.tenantCode().value(),
                "department.changed",
                "department",
                department.code(),
                before,
                state(department));
        return department;
    }

    /**
     * Makes a reviewer of the department's division one of its reviewers. Audited as {@code department.reviewer.added}
     * (and the account's change as {@code account.updated}).
     *
     * @throws DomainException 400 {@code department.reviewer.not.staff} for an account of another division, {@code
     *     department.reviewer.not.reviewer} for one without the reviewer role; 404 {@code account.not.found} outside
     *     the caller's scope; 403 for a caller who may not manage the account
     */
    public StaffAccount addReviewer(String tenantCode, String code, String username) {
        requireAdmin();
        Department department = find(tenantCode, code);
        StaffAccount account = accounts.managed(username);
        if (!account.tenantCode().equals(department.tenantCode())) {
            throw new DomainException("department.reviewer.not.staff", account.username(), department.name());
        }
        if (!account.roles().contains(Role.REVIEWER)) {
            throw new DomainException("department.reviewer.not.reviewer", account.username());
        }
        Set<String> departments = new TreeSet<>(account.departments());
        departments.add(department.code());
        StaffAccount changed =
                accounts.update(account.username(), account.displayName(), departments, account.windows());
        audit.record(
                department.tenantCode().value(),
                "department.reviewer.added",
                "department",
                department.code(),
                null,
                Json.createObjectBuilder().add("reviewer", account.username()).build());
        return changed;
    }

    /**
     * Takes a reviewer off the department. Audited as {@code department.reviewer.removed}.
     *
     * @throws DomainException 404 {@code department.reviewer.not.found} when the account is not one of its reviewers;
     *     400 {@code account.departments.required} when it is the reviewer's only department
     */
    public StaffAccount removeReviewer(String tenantCode, String code, String username) {
        requireAdmin();
        Department department = find(tenantCode, code);
        StaffAccount account = accounts.managed(username);
        if (!account.tenantCode().equals(department.tenantCode())
                || !account.departments().contains(department.code())) {
            throw DomainException.notFound("department.reviewer.not.found", account.username());
        }
        Set<String> departments = new TreeSet<>(account.departments());
        departments.remove(department.code());
        StaffAccount changed =
                accounts.update(account.username(), account.displayName(), departments, account.windows());
        audit.record(
                department.tenantCode().value(),
                "department.reviewer.removed",
                "department",
                department.code(),
                Json.createObjectBuilder().add("reviewer", account.username()).build(),
                null);
        return changed;
    }

    private void requireAdmin() {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }

    private static JsonObject state(Department department) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        department.items().forEach(items::add);
        return Json.createObjectBuilder()
                .add("code", department.code())
                .add("name", department.name())
                .add("shortName", department.shortName())
                .add("items", items)
                .build();
    }
}
