package org.onewindow.kernel.tenant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointKind;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantRules;
import org.onewindow.kernel.tenant.domain.WindowType;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

/** Service points, their windows, and the departments of a tenant, within the caller's scope. */
@ApplicationScoped
@Transactional
@TenantScoped
public class ServicePointService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    TenantService tenants;

    @Inject
    AuditService audit;

    public List<ServicePoint> servicePoints(String tenantCode) {
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select p from ServicePoint p where p.tenantCode = :tenant order by p.name", ServicePoint.class)
                .setParameter("tenant", tenant.code().value())
                .getResultList();
    }

    public ServicePoint find(UUID id) {
        ServicePoint point = id == null ? null : em.find(ServicePoint.class, id);
        if (point == null || !caller.require().sees(point.tenantCode())) {
            throw DomainException.notFound("service.point.not.found", String.valueOf(id));
        }
        return point;
    }

    public ServicePoint create(String tenantCode, String name, ServicePointKind kind, String address) {
        requireAdmin();
        Tenant tenant = tenants.find(tenantCode);
        String cleanName = TenantRules.checkName(name);
        if (kind == null) {
            throw new DomainException("service.point.kind.required");
        }
        boolean taken = !em.createQuery(
                        "select p.id from ServicePoint p where p.tenantCode = :tenant and p.name = :name", UUID.class)
                .setParameter("tenant", tenant.code().value())
                .setParameter("name", cleanName)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw DomainException.conflict("service.point.duplicate", cleanName);
        }
        String cleanAddress = TextRule.clean("address", address, TextField.line(ServicePoint.ADDRESS_MAX_LENGTH));
        ServicePoint point = new ServicePoint(
                tenant.code(), cleanName, kind, cleanAddress == null || cleanAddress.isEmpty() ? null : cleanAddress);
        em.persist(point);
        audit.record(
                tenant.code().value(),
                "service-point.created",
                "service-point",
                point.id().toString(),
                null,
                state(point));
        return point;
    }

    public ServicePoint rename(UUID id, String newName, int expectedVersion) {
        requireAdmin();
        ServicePoint point = find(id);
        if (point.version() != expectedVersion) {
            throw DomainException.conflict("stale.form");
        }
        JsonObject before = state(point);
        point.rename(TenantRules.checkName(newName));
        audit.record(
                point.tenantCode().value(),
                "service-point.renamed",
                "service-point",
                id.toString(),
                before,
                state(point));
        return point;
    }

    public List<ServiceWindow> windows(UUID servicePointId) {
        ServicePoint point = find(servicePointId);
        return em.createQuery(
                        "select w from ServiceWindow w where w.servicePointId = :point order by w.name",
                        ServiceWindow.class)
                .setParameter("point", point.id())
                .getResultList();
    }

    public ServiceWindow addWindow(UUID servicePointId, String name, WindowType type) {
        requireAdmin();
        ServicePoint point = find(servicePointId);
        if (type == null) {
            throw new DomainException("window.type.required");
        }
        ServiceWindow window = new ServiceWindow(point, TenantRules.checkName(name), type);
        em.persist(window);
        audit.record(
                point.tenantCode().value(),
                "window.created",
                "window",
                window.id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("servicePoint", point.id().toString())
                        .add("name", window.name())
                        .add("type", type.name())
                        .build());
        return window;
    }

    public List<Department> departments(String tenantCode) {
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select d from Department d where d.tenantCode = :tenant order by d.code", Department.class)
                .setParameter("tenant", tenant.code().value())
                .getResultList();
    }

    public Department addDepartment(String tenantCode, String code, String name, String shortName) {
        requireAdmin();
        Tenant tenant = tenants.find(tenantCode);
        if (code == null || !code.strip().matches("[A-Z0-9]{1,16}")) {
            throw new DomainException("department.code.format", code == null ? "" : code);
        }
        Department department = new Department(
                tenant.code(), code.strip(), TenantRules.checkName(name), TenantRules.checkName(shortName));
        em.persist(department);
        audit.record(
                tenant.code().value(),
                "department.created",
                "department",
                department.code(),
                null,
                Json.createObjectBuilder()
                        .add("code", department.code())
                        .add("name", department.name())
                        .build());
        return department;
    }

    private void requireAdmin() {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }

    private static JsonObject state(ServicePoint point) {
        return Json.createObjectBuilder()
                .add("tenant", point.tenantCode().value())
                .add("name", point.name())
                .add("kind", point.kind().name())
                .add("address", point.address() == null ? "" : point.address())
                .build();
    }
}
