package org.onewindow.kernel.tenant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServicePointKind;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantRules;
import org.onewindow.kernel.tenant.domain.WindowType;
import org.onewindow.kernel.text.TextField;
import org.onewindow.kernel.text.TextRule;

/**
 * Service points (便民服务中心/站/点), their windows and closures, and the departments of a tenant, within the caller's
 * scope (TEN-2, TEN-3). Staff of the scope read them; only administrators change them: a county administrator every
 * point of the county, a town's administrator those of its town and villages, a village's its own (the scope is the
 * division-code prefix, ADR 0001). A point outside the scope is 404, as if it did not exist; a caller who is no
 * administrator is 403. Every change is audited.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ServicePointService {

    /** The longest page of a search. */
    public static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    TenantService tenants;

    @Inject
    AuditService audit;

    @Inject
    Instance<OfferedItems> offered;

    @Inject
    Event<ServicePointRemoving> removing;

    @Inject
    Clock clock;

    /**
     * What the public guide prints of a point, as an administrator sets it.
     *
     * @param name the point's name, at most 50 characters
     * @param address the street address, at most 200; blank for none
     * @param contactPhone the telephone, at most 40 (咨询电话); blank for none
     * @param openingHours the open weekdays with their hours; empty: not yet set
     * @param selfService whether it has a self-service area (自助服务区)
     * @param selfServiceHours the self-service area's hours in words (24小时), at most 40; ignored without one
     */
    public record PointDetails(
            String name,
            String address,
            String contactPhone,
            OpeningHours openingHours,
            boolean selfService,
            String selfServiceHours) {}

    public List<ServicePoint> servicePoints(String tenantCode) {
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select p from ServicePoint p where p.tenantCode = :tenant order by p.name", ServicePoint.class)
                .setParameter("tenant", tenant.code().value())
                .getResultList();
    }

    /**
     * The points of the caller's scope whose name, address or division code contains {@code text} (blank: all), by
     * division code and name.
     */
    public List<ServicePoint> search(String text, int first, int size) {
        caller.require();
        return em.createQuery(
                        "select p from ServicePoint p where " + MATCHES + " order by p.tenantCode, p.name",
                        ServicePoint.class)
                .setParameter("text", like(text))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.clamp(size, 1, MAX_PAGE))
                .getResultList();
    }

    public long count(String text) {
        caller.require();
        return em.createQuery("select count(p) from ServicePoint p where " + MATCHES, Long.class)
                .setParameter("text", like(text))
                .getSingleResult();
    }

    private static final String MATCHES =
            "(lower(p.name) like :text or lower(coalesce(p.address, '')) like :text" + " or p.tenantCode like :text)";

    private static final String DEPARTMENT_MATCHES =
            "(lower(d.code) like :text or lower(d.name) like :text or lower(d.shortName) like :text)";

    private static String like(String text) {
        String words = TextRule.clean("q", text, TextField.line(TenantRules.MAX_NAME_LENGTH));
        String escaped =
                words == null ? "" : words.toLowerCase().replace("%", "").replace("_", "");
        return "%" + escaped + "%";
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
        checkNameFree(tenant.code().value(), cleanName, null);
        String cleanAddress = optional("address", address, ServicePoint.ADDRESS_MAX_LENGTH);
        ServicePoint point = new ServicePoint(tenant.code(), cleanName, kind, cleanAddress);
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

    /**
     * Removes a point with its windows and closures. Cases keep the point's name as printed, so the record needs no
     * row; audited as {@code service-point.removed} with the point's last state.
     *
     * @throws DomainException 404 {@code service.point.not.found} outside the caller's scope; 403 for a caller who is
     *     no administrator; 409 {@code stale.form} when the point changed since {@code expectedVersion}, {@code
     *     service.point.in.use} naming the staff who serve at its windows, or a module's refusal ({@code
     *     casework.point.open.cases} while open cases name it for pickup, {@code casework.point.open.intakes} while
     *     open cases taken in there wait to hand out their result at their intake window). Nothing is removed on a
     *     refusal.
     */
    public void remove(UUID id, int expectedVersion) {
        requireAdmin();
        ServicePoint point = find(id);
        if (point.version() != expectedVersion) {
            throw DomainException.conflict("stale.form");
        }
        Set<String> serving = new TreeSet<>();
        windows(id).forEach(window -> serving.addAll(servingAt(window.id())));
        if (!serving.isEmpty()) {
            throw DomainException.conflict("service.point.in.use", point.name(), String.join("、", serving));
        }
        removing.fire(new ServicePointRemoving(point.tenantCode().value(), id, point.name()));
        JsonObject before = Json.createObjectBuilder(state(point))
                .add("windows", windows(id).size())
                .add("closures", closures(id).size())
                .build();
        em.createQuery("delete from ServicePointClosure c where c.servicePointId = :point")
                .setParameter("point", id)
                .executeUpdate();
        em.createQuery("delete from ServiceWindow w where w.servicePointId = :point")
                .setParameter("point", id)
                .executeUpdate();
        em.remove(point);
        em.flush();
        audit.record(point.tenantCode().value(), "service-point.removed", "service-point", id.toString(), before, null);
    }

    /**
     * Sets the name, address, telephone, opening hours and self-service area of a point. Audited as {@code
     * service-point.changed}.
     *
     * @throws DomainException 404 {@code service.point.not.found}; 403 for a caller who is no administrator; 409
     *     {@code stale.form} when the point changed since {@code expectedVersion}, {@code service.point.duplicate};
     *     400 for a name, address or telephone the text rule refuses. Nothing is changed on a refusal.
     */
    public ServicePoint describe(UUID id, PointDetails details, int expectedVersion) {
        requireAdmin();
        ServicePoint point = find(id);
        if (details == null) {
            throw new DomainException("request.body.required");
        }
        if (point.version() != expectedVersion) {
            throw DomainException.conflict("stale.form");
        }
        String cleanName = TenantRules.checkName(details.name());
        checkNameFree(point.tenantCode().value(), cleanName, point.id());
        String address = optional("address", details.address(), ServicePoint.ADDRESS_MAX_LENGTH);
        String phone = optional("contactPhone", details.contactPhone(), ServicePoint.CONTACT_PHONE_MAX_LENGTH);
        String selfServiceHours =
                optional("selfServiceHours", details.selfServiceHours(), ServicePoint.SELF_SERVICE_HOURS_MAX_LENGTH);
        OpeningHours hours = details.openingHours() == null ? OpeningHours.none() : details.openingHours();
        JsonObject before = state(point);
        point.describe(cleanName, address, phone, hours, details.selfService(), selfServiceHours);
        audit.record(
                point.tenantCode().value(),
                "service-point.changed",
                "service-point",
                id.toString(),
                before,
                state(point));
        return point;
    }

    // --- windows ----------------------------------------------------------------------------------

    public List<ServiceWindow> windows(UUID servicePointId) {
        ServicePoint point = find(servicePointId);
        return em.createQuery(
                        "select w from ServiceWindow w where w.servicePointId = :point order by w.name",
                        ServiceWindow.class)
                .setParameter("point", point.id())
                .getResultList();
    }

    public ServiceWindow addWindow(UUID servicePointId, String name, WindowType type) {
        return addWindow(servicePointId, name, type, Optional.empty());
    }

    /**
     * Adds a window of a type to a point, taking in {@code items} (empty: every item offered at the point's division,
     * the default). Audited as {@code window.created}.
     *
     * @throws DomainException 400 {@code window.type.required}, {@code window.item.not.offered} naming an item the
     *     division does not offer; 404 {@code service.point.not.found}; 403 for a caller who is no administrator
     */
    public ServiceWindow addWindow(UUID servicePointId, String name, WindowType type, Optional<Set<String>> items) {
        requireAdmin();
        ServicePoint point = find(servicePointId);
        if (type == null) {
            throw new DomainException("window.type.required");
        }
        String cleanName = TenantRules.checkName(name);
        checkOffered(point.tenantCode().value(), items.orElse(Set.of()), "window.item.not.offered");
        ServiceWindow window = new ServiceWindow(point, cleanName, type);
        window.change(cleanName, type, items);
        em.persist(window);
        audit.record(
                point.tenantCode().value(),
                "window.created",
                "window",
                window.id().toString(),
                null,
                state(window));
        return window;
    }

    /**
     * Renames and retypes a window and replaces the items it takes in. Audited as {@code window.changed}.
     *
     * @throws DomainException as {@link #addWindow(UUID, String, WindowType, Optional)}; 404 {@code window.not.found} (not of the point)
     */
    public ServiceWindow changeWindow(
            UUID servicePointId, UUID windowId, String name, WindowType type, Optional<Set<String>> items) {
        requireAdmin();
        ServiceWindow window = findWindow(servicePointId, windowId);
        if (type == null) {
            throw new DomainException("window.type.required");
        }
        String cleanName = TenantRules.checkName(name);
        checkOffered(window.tenantCode().value(), items.orElse(Set.of()), "window.item.not.offered");
        JsonObject before = state(window);
        window.change(cleanName, type, items);
        audit.record(
                window.tenantCode().value(), "window.changed", "window", windowId.toString(), before, state(window));
        return window;
    }

    /**
     * Removes a window no staff member serves at. Audited as {@code window.removed}.
     *
     * @throws DomainException 409 {@code window.in.use} naming the staff who serve at it; 404 {@code window.not.found}
     */
    public void removeWindow(UUID servicePointId, UUID windowId) {
        requireAdmin();
        ServiceWindow window = findWindow(servicePointId, windowId);
        List<String> serving = servingAt(windowId);
        if (!serving.isEmpty()) {
            throw DomainException.conflict("window.in.use", String.join("、", serving));
        }
        JsonObject before = state(window);
        em.remove(window);
        audit.record(window.tenantCode().value(), "window.removed", "window", windowId.toString(), before, null);
    }

    /** The window {@code id} of the point; 404 {@code window.not.found} otherwise, or outside the caller's scope. */
    public ServiceWindow findWindow(UUID servicePointId, UUID id) {
        ServicePoint point = find(servicePointId);
        ServiceWindow window = id == null ? null : em.find(ServiceWindow.class, id);
        if (window == null || !window.servicePointId().equals(point.id())) {
            throw DomainException.notFound("window.not.found", String.valueOf(id));
        }
        return window;
    }

    /** The items offered at the division, code → name, by code: what a window or a department may name. */
    public Map<String, String> offeredAt(String tenantCode) {
        Tenant tenant = tenants.find(tenantCode);
        return offered.isResolvable() ? offered.get().offeredAt(tenant.code().value()) : Map.of();
    }

    /**
     * @throws DomainException 400 {@code key} naming the first item of {@code items} the division does not offer
     */
    void checkOffered(String tenantCode, Set<String> items, String key) {
        if (items.isEmpty()) {
            return;
        }
        Map<String, String> offeredHere = offeredAt(tenantCode);
        for (String item : new TreeSet<>(items)) {
            if (!offeredHere.containsKey(item)) {
                throw new DomainException(key, item);
            }
        }
    }

    // --- closures ---------------------------------------------------------------------------------

    /** The closures of a point, the latest first. */
    public List<ServicePointClosure> closures(UUID servicePointId) {
        ServicePoint point = find(servicePointId);
        return closuresOf(point.id());
    }

    private List<ServicePointClosure> closuresOf(UUID pointId) {
        return em.createQuery(
                        "select c from ServicePointClosure c where c.servicePointId = :point order by c.firstDay desc",
                        ServicePointClosure.class)
                .setParameter("point", pointId)
                .getResultList();
    }

    /**
     * Closes a point from {@code firstDay} to {@code lastDay} (both included) for {@code reason}. Audited as {@code
     * service-point.closed}.
     *
     * @throws DomainException as {@link ServicePointClosure#of}; 400 for a reason the text rule refuses; 404 {@code
     *     service.point.not.found}; 403 for a caller who is no administrator. Nothing is stored on a refusal.
     */
    public ServicePointClosure close(UUID servicePointId, LocalDate firstDay, LocalDate lastDay, String reason) {
        requireAdmin();
        ServicePoint point = find(servicePointId);
        String cleanReason = TextRule.clean("reason", reason, TextField.line(ServicePointClosure.REASON_MAX_LENGTH));
        ServicePointClosure closure = ServicePointClosure.of(
                point, firstDay, lastDay, cleanReason, WorkingDayCalendar.today(clock), closuresOf(point.id()));
        em.persist(closure);
        audit.record(
                point.tenantCode().value(),
                "service-point.closed",
                "service-point",
                point.id().toString(),
                null,
                state(closure));
        return closure;
    }

    /**
     * Cancels a closure (the point opens on those days after all). Audited as {@code service-point.reopened}.
     *
     * @throws DomainException 404 {@code closure.not.found}; 403 for a caller who is no administrator
     */
    public void reopen(UUID servicePointId, UUID closureId) {
        requireAdmin();
        ServicePoint point = find(servicePointId);
        ServicePointClosure closure = closureId == null ? null : em.find(ServicePointClosure.class, closureId);
        if (closure == null || !closure.servicePointId().equals(point.id())) {
            throw DomainException.notFound("closure.not.found", String.valueOf(closureId));
        }
        JsonObject before = state(closure);
        em.remove(closure);
        audit.record(
                closure.tenantCode().value(),
                "service-point.reopened",
                "service-point",
                closure.servicePointId().toString(),
                before,
                null);
    }

    /**
     * A window where a clerk takes applications in (受理窗口), with its service point, as a case records them.
     *
     * @param servicePointId the point's id
     * @param servicePoint the point's name, at most 50 characters
     * @param windowId the window's id; null for a hall that has no intake window on record
     * @param window the window's name, at most 50 characters; null with {@code windowId}
     */
    public record IntakeWindow(UUID servicePointId, String servicePoint, UUID windowId, String window) {}

    /**
     * Where {@code clerk} takes applications in: the intake windows ({@link WindowType#INTAKE}) among the clerk's
     * windows; for an account with no window, those of every hall of the clerk's division (not a 24-hour self-service
     * area, which has no clerk), a hall without an intake window as its point alone. By point and window name; empty
     * when there is none on record (a division without points, a clerk of the issuance window only).
     */
    public List<IntakeWindow> intakeWindows(StaffPrincipal clerk) {
        Set<String> assigned = windowsOf(clerk);
        List<ServicePoint> halls = em.createQuery(
                        "select p from ServicePoint p where p.tenantCode = :tenant and p.kind <> :selfService"
                                + " order by p.name",
                        ServicePoint.class)
                .setParameter("tenant", clerk.tenantCode().value())
                .setParameter("selfService", ServicePointKind.SELF_SERVICE_24H)
                .getResultList();
        List<IntakeWindow> places = new ArrayList<>();
        for (ServicePoint hall : halls) {
            List<ServiceWindow> intake = em.createQuery(
                            "select w from ServiceWindow w where w.servicePointId = :point and w.type in :types"
                                    + " order by w.name",
                            ServiceWindow.class)
                    .setParameter("point", hall.id())
                    .setParameter("types", List.copyOf(WindowType.INTAKE))
                    .getResultList();
            if (assigned.isEmpty() && intake.isEmpty()) {
                places.add(new IntakeWindow(hall.id(), hall.name(), null, null));
            }
            intake.stream()
                    .filter(window ->
                            assigned.isEmpty() || assigned.contains(window.id().toString()))
                    .forEach(
                            window -> places.add(new IntakeWindow(hall.id(), hall.name(), window.id(), window.name())));
        }
        return places;
    }

    /** The closure of point {@code servicePointId} on {@code day}; empty when it is open then. */
    public Optional<ServicePointClosure> closureOn(UUID servicePointId, LocalDate day) {
        return em.createQuery(
                        "select c from ServicePointClosure c where c.servicePointId = :point"
                                + " and c.firstDay <= :day and c.lastDay >= :day",
                        ServicePointClosure.class)
                .setParameter("point", servicePointId)
                .setParameter("day", day)
                .getResultStream()
                .findFirst();
    }

    /**
     * The closure that keeps {@code clerk} from taking anything in on {@code day} when the case names no point: the
     * clerk's windows' points (every hall of the clerk's division when no window is assigned) are all closed then.
     * Empty when one of them is open or the division has no point on record.
     */
    public Optional<ServicePointClosure> closedForIntake(StaffPrincipal clerk, LocalDate day) {
        // A 24-hour self-service area has no clerk: the division's halls decide.
        List<UUID> points = em.createQuery(
                        "select p.id from ServicePoint p where p.tenantCode = :tenant and p.kind <> :selfService",
                        UUID.class)
                .setParameter("tenant", clerk.tenantCode().value())
                .setParameter("selfService", ServicePointKind.SELF_SERVICE_24H)
                .getResultList();
        Set<String> windows = windowsOf(clerk);
        if (!windows.isEmpty()) {
            List<UUID> ids = windows.stream().map(UUID::fromString).toList();
            points = em.createQuery(
                            "select distinct w.servicePointId from ServiceWindow w where w.id in :ids", UUID.class)
                    .setParameter("ids", ids)
                    .getResultList();
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<ServicePointClosure> closedToday = em.createQuery(
                        "select c from ServicePointClosure c where c.servicePointId in :points"
                                + " and c.firstDay <= :day and c.lastDay >= :day",
                        ServicePointClosure.class)
                .setParameter("points", points)
                .setParameter("day", day)
                .getResultList();
        long closedPoints = closedToday.stream()
                .map(ServicePointClosure::servicePointId)
                .distinct()
                .count();
        return closedPoints == points.size() ? closedToday.stream().findFirst() : Optional.empty();
    }

    /** The ids of the windows the staff member serves at (their window scope); empty when none is assigned. */
    private Set<String> windowsOf(StaffPrincipal clerk) {
        return em.createQuery("select a from StaffAccount a where a.username = :name", StaffAccount.class)
                .setParameter("name", clerk.username())
                .getResultStream()
                .findFirst()
                .map(StaffAccount::windows)
                .orElse(Set.of());
    }

    // --- departments ------------------------------------------------------------------------------

    public List<Department> departments(String tenantCode) {
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select d from Department d where d.tenantCode = :tenant order by d.code", Department.class)
                .setParameter("tenant", tenant.code().value())
                .getResultList();
    }

    /**
     * The departments of a division of the caller's scope whose code or name (or short name) contains {@code text}
     * (blank: all, any letter case), by code.
     *
     * @param first the index of the first department, 0-based
     * @param size the most departments answered, 1 … {@link #MAX_PAGE}
     * @throws DomainException 404 {@code tenant.not.found} outside the scope; 400 for a search text the text rule
     *     refuses
     */
    public List<Department> departments(String tenantCode, String text, int first, int size) {
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select d from Department d where d.tenantCode = :tenant and " + DEPARTMENT_MATCHES
                                + " order by d.code",
                        Department.class)
                .setParameter("tenant", tenant.code().value())
                .setParameter("text", like(text))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.clamp(size, 1, MAX_PAGE))
                .getResultList();
    }

    /** How many departments {@link #departments(String, String, int, int)} finds in all. */
    public long countDepartments(String tenantCode, String text) {
        Tenant tenant = tenants.find(tenantCode);
        return em.createQuery(
                        "select count(d) from Department d where d.tenantCode = :tenant and " + DEPARTMENT_MATCHES,
                        Long.class)
                .setParameter("tenant", tenant.code().value())
                .setParameter("text", like(text))
                .getSingleResult();
    }

    public Department addDepartment(String tenantCode, String code, String name, String shortName) {
        requireAdmin();
        Tenant tenant = tenants.find(tenantCode);
        if (code == null || !code.strip().matches("[A-Z0-9]{1,16}")) {
            throw new DomainException("department.code.format", code == null ? "" : code);
        }
        boolean taken = !em.createQuery(
                        "select d.id from Department d where d.tenantCode = :tenant and d.code = :code", UUID.class)
                .setParameter("tenant", tenant.code().value())
                .setParameter("code", code.strip())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw DomainException.conflict("department.duplicate", code.strip());
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

    /**
     * Checks that the caller may change the point, before anything of a request is read: a reader of a body (the
     * REST resource) asks first, so that a caller without the right hears 403 or 404, never what is wrong with the
     * body.
     *
     * @throws DomainException 403 for a caller who is no administrator; 404 {@code service.point.not.found} outside
     *     the caller's scope
     */
    public void checkMayChange(UUID servicePointId) {
        requireAdmin();
        find(servicePointId);
    }

    private void requireAdmin() {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }

    /** The usernames of the staff who serve at window {@code windowId}, by name. */
    private List<String> servingAt(UUID windowId) {
        return em.createQuery(
                        "select a.username from StaffAccount a where a.windows like :id order by a.username",
                        String.class)
                .setParameter("id", "%" + windowId + "%")
                .getResultList();
    }

    private void checkNameFree(String tenantCode, String name, UUID self) {
        boolean taken = em
                .createQuery(
                        "select p.id from ServicePoint p where p.tenantCode = :tenant and p.name = :name", UUID.class)
                .setParameter("tenant", tenantCode)
                .setParameter("name", name)
                .getResultList()
                .stream()
                .anyMatch(id -> !id.equals(self));
        if (taken) {
            throw DomainException.conflict("service.point.duplicate", name);
        }
    }

    /** A cleaned optional text: null when blank. */
    static String optional(String field, String value, int maxLength) {
        String clean = TextRule.clean(field, value, TextField.line(maxLength));
        return clean == null || clean.isEmpty() ? null : clean;
    }

    static JsonObject state(ServicePoint point) {
        return Json.createObjectBuilder()
                .add("tenant", point.tenantCode().value())
                .add("name", point.name())
                .add("kind", point.kind().name())
                .add("address", orEmpty(point.address()))
                .add("contactPhone", orEmpty(point.contactPhone()))
                .add("openingHours", point.openingHours().stored())
                .add("selfService", point.selfService())
                .add("selfServiceHours", orEmpty(point.selfServiceHours()))
                .build();
    }

    private static JsonObject state(ServiceWindow window) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        window.items().orElse(Set.of()).forEach(items::add);
        return Json.createObjectBuilder()
                .add("servicePoint", window.servicePointId().toString())
                .add("name", window.name())
                .add("type", window.type().name())
                .add("items", window.items().isPresent() ? items.build().toString() : "ALL")
                .build();
    }

    private static JsonObject state(ServicePointClosure closure) {
        return Json.createObjectBuilder()
                .add("closure", closure.id().toString())
                .add("firstDay", closure.firstDay().toString())
                .add("lastDay", closure.lastDay().toString())
                .add("reason", closure.reason())
                .build();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The closures of the points, for the public guide: those not yet over on {@code from}. */
    public List<ServicePointClosure> closuresFrom(List<UUID> points, LocalDate from) {
        if (points.isEmpty()) {
            return new ArrayList<>();
        }
        return em.createQuery(
                        "select c from ServicePointClosure c where c.servicePointId in :points and c.lastDay >= :from"
                                + " order by c.firstDay",
                        ServicePointClosure.class)
                .setParameter("points", points)
                .setParameter("from", from)
                .getResultList();
    }
}
