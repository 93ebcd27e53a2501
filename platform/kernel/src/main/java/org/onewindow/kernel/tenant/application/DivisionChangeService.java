package org.onewindow.kernel.tenant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.application.TokenService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.DivisionList;
import org.onewindow.kernel.tenant.domain.DivisionListChanges;
import org.onewindow.kernel.tenant.domain.DivisionListChanges.Change;
import org.onewindow.kernel.tenant.domain.DivisionListChanges.Kind;
import org.onewindow.kernel.tenant.domain.DivisionListChanges.Plan;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Division changes (区划调整, issue 11): the yearly division list previewed and applied as one change, and villages
 * merged (撤村并居). A division is retired, never deleted; where it has a successor, its staff, service points,
 * departments and (through {@link DivisionSucceeded}) each module's open work follow it (docs/adr/0014). Every change
 * is audited in the trails of the divisions it touches and happens in one transaction: whole or not at all.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DivisionChangeService {

    /** What a preview showed: the plan and the token {@link #apply} must be given to apply exactly that. */
    public record Preview(String token, Plan plan) {}

    /** A merge done: the merged (retired) village, the one it went into, and how many staff accounts followed. */
    public record Merged(Tenant merged, Tenant into, int staffMoved, int servicePointsMoved) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditService audit;

    @Inject
    TenantService tenants;

    @Inject
    TokenService tokens;

    /** The system clock unless a test sets another; days are China's ({@link WorkingDayCalendar#today}). */
    @Inject
    Clock clock;

    @Inject
    Event<DivisionSucceeded> succeeded;

    /**
     * Compares a yearly division list (CSV in any encoding Excel or WPS writes, or the first sheet of an .xlsx) with
     * the caller's scope and changes nothing. The token names this file and the tree as it is now.
     *
     * @throws ImportRejectedException 400 listing every bad line (malformed, a code at the wrong level, an unknown
     *     parent, a retired code reused, a former code that is not in the tree…); nothing is applied
     */
    public Preview preview(byte[] file, boolean workbook) {
        requireAdmin();
        Tenant root = tenants.home();
        Map<String, Tenant> tree = tree(root);
        Plan plan = plan(file, workbook, root, tree);
        return new Preview(token(file, tree), plan);
    }

    /**
     * Applies the list previewed with {@code token}, all of it in this transaction, and audits each change in its
     * division's trail and the whole in the scope's.
     *
     * @throws DomainException 409 {@code tenant.list.stale} when the file or the tree differ from the preview (someone
     *     changed the tree since): nothing is applied, preview again
     * @throws ImportRejectedException as {@link #preview}
     */
    public Plan apply(byte[] file, boolean workbook, String token) {
        requireAdmin();
        Tenant root = tenants.home();
        Map<String, Tenant> tree = tree(root);
        if (token == null || !token(file, tree).equals(token.strip())) {
            throw DomainException.conflict("tenant.list.stale");
        }
        Plan plan = plan(file, workbook, root, tree);
        LocalDate today = WorkingDayCalendar.today(clock);
        // Parents before children: a village may be added under a town added in the same list.
        plan.changes().stream()
                .filter(c -> c.kind() == Kind.ADDED || c.kind() == Kind.MOVED || c.kind() == Kind.RECODED)
                .sorted(Comparator.comparingInt((Change c) ->
                                TenantLevel.valueOf(c.after().level()).significantDigits())
                        .thenComparing(Change::code))
                .forEach(this::add);
        for (Change change : plan.changes()) {
            Tenant tenant = tree.get(change.code());
            if (change.kind() == Kind.RENAMED) {
                JsonObject before = TenantService.state(tenant);
                tenant.rename(change.after().name());
                audit.record(change.code(), "tenant.renamed", "tenant", change.code(), before, state(tenant));
            } else if (change.kind() == Kind.RELEVELLED) {
                JsonObject before = TenantService.state(tenant);
                tenant.relevel(TenantLevel.valueOf(change.after().level()));
                audit.record(change.code(), "tenant.relevelled", "tenant", change.code(), before, state(tenant));
            }
        }
        em.flush();
        // Retirements last: a succession moves rows by SQL and starts the persistence context afresh.
        for (Change change : plan.changes()) {
            switch (change.kind()) {
                case MOVED, RECODED ->
                    succeed(
                            em.find(Tenant.class, change.before().code()),
                            em.find(Tenant.class, change.after().code()),
                            today,
                            "tenant.moved");
                case RETIRED -> retire(em.find(Tenant.class, change.code()), today);
                default -> {
                    // applied above
                }
            }
        }
        JsonObject counts = counts(plan);
        audit.record(
                root.code().value(),
                "tenant.list.applied",
                "tenant",
                root.code().value(),
                null,
                counts);
        return plan;
    }

    /**
     * Merges village {@code mergedCode} into its sibling {@code intoCode} (撤村并居): the merged village is retired with
     * the other as successor; its staff, service points, departments, open cases and catalog overrides follow
     * (docs/adr/0014); its code and closed cases stay for the record, and its old case numbers still look up.
     *
     * @throws DomainException 404 {@code tenant.not.found} for a village outside the caller's scope (a town
     *     administrator naming another town's village); 400 {@code tenant.merge.same}, {@code tenant.merge.level},
     *     {@code tenant.merge.retired}, {@code tenant.merge.towns} (villages of two towns); 403 for a caller who is no
     *     administrator. Nothing changes on any of them.
     */
    public Merged merge(String intoCode, String mergedCode) {
        requireAdmin();
        Tenant into = tenants.find(intoCode);
        Tenant merged = tenants.find(mergedCode);
        if (into.code().equals(merged.code())) {
            throw new DomainException("tenant.merge.same", into.name());
        }
        for (Tenant village : List.of(into, merged)) {
            if (!village.level().isLeaf()) {
                throw new DomainException(
                        "tenant.merge.level", village.name(), village.code().value());
            }
            if (village.isRetired()) {
                throw new DomainException(
                        "tenant.merge.retired", village.name(), village.code().value());
            }
        }
        if (!into.parentCode().equals(merged.parentCode())) {
            throw new DomainException("tenant.merge.towns", merged.name(), into.name());
        }
        int staff = staffAt(merged);
        int points = pointsAt(merged);
        succeed(merged, into, WorkingDayCalendar.today(clock), "tenant.merged");
        return new Merged(merged, into, staff, points);
    }

    private Plan plan(byte[] file, boolean workbook, Tenant root, Map<String, Tenant> tree) {
        DivisionList.Parsed parsed = workbook
                ? DivisionList.fromWorkbook(file, ImportLimits.DEFAULT)
                : DivisionList.fromCsv(file, ImportLimits.DEFAULT);
        Plan plan = DivisionListChanges.between(parsed.rows(), root, tree);
        if (!parsed.errors().isEmpty() || !plan.errors().isEmpty()) {
            List<ImportRejectedException.LineError> errors = new java.util.ArrayList<>(parsed.errors());
            errors.addAll(plan.errors());
            errors.sort(Comparator.comparingInt(ImportRejectedException.LineError::line));
            throw new ImportRejectedException(errors);
        }
        return plan;
    }

    /** Every division of the caller's scope, retired ones included. */
    private Map<String, Tenant> tree(Tenant root) {
        Map<String, Tenant> tree = new LinkedHashMap<>();
        em.createQuery("select t from Tenant t where t.code like :scope order by t.code", Tenant.class)
                .setParameter("scope", root.scope() + "%")
                .getResultList()
                .forEach(tenant -> tree.put(tenant.code().value(), tenant));
        return tree;
    }

    /** SHA-256 of the file and of the tree's every division as it is now (its version counts each change). */
    private static String token(byte[] file, Map<String, Tenant> tree) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(file);
            for (Tenant tenant : tree.values()) {
                digest.update((tenant.code().value() + '|' + tenant.version() + '|' + tenant.isRetired() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void add(Change change) {
        Tenant tenant = new Tenant(
                DivisionCode.of(change.after().code()),
                DivisionCode.of(change.after().parentCode()),
                TenantLevel.valueOf(change.after().level()),
                change.after().name(),
                clock.instant());
        em.persist(tenant);
        em.flush();
        audit.record(
                tenant.code().value(),
                "tenant.imported",
                "tenant",
                tenant.code().value(),
                null,
                state(tenant));
    }

    private void retire(Tenant tenant, LocalDate today) {
        JsonObject before = TenantService.state(tenant);
        tenant.retire(today, null);
        audit.record(
                tenant.code().value(), "tenant.retired", "tenant", tenant.code().value(), before, state(tenant));
    }

    /**
     * Retires {@code former} with {@code successor} and moves what follows it (docs/adr/0014): staff accounts (their
     * tokens and sessions end, their history stays under their usernames), service points with their windows (a name
     * the successor already uses gets the former division's name in brackets), departments whose code the successor
     * lacks; the former division's own settings end. Then the modules move their rows on {@link DivisionSucceeded}.
     */
    private void succeed(Tenant former, Tenant successor, LocalDate today, String action) {
        String from = former.code().value();
        String to = successor.code().value();
        JsonObject before = TenantService.state(former);
        em.flush();
        List<String> staff = em.createQuery(
                        "select a.username from StaffAccount a where a.tenantCode = :tenant", String.class)
                .setParameter("tenant", from)
                .getResultList();
        em.createNativeQuery("update staff_account set tenant_code = ?1, token_version = token_version + 1,"
                        + " version = version + 1 where tenant_code = ?2")
                .setParameter(1, to)
                .setParameter(2, from)
                .executeUpdate();
        staff.forEach(tokens::forget);
        em.createNativeQuery("update service_point p set name = left(p.name || '（' || ?3 || '）', 50)"
                        + " where p.tenant_code = ?2 and exists (select 1 from service_point q"
                        + " where q.tenant_code = ?1 and q.name = p.name)")
                .setParameter(1, to)
                .setParameter(2, from)
                .setParameter(3, former.name())
                .executeUpdate();
        int points = move("service_point set tenant_code = ?1, version = version + 1 where tenant_code = ?2", to, from);
        move("service_window set tenant_code = ?1, version = version + 1 where tenant_code = ?2", to, from);
        move("service_point_closure set tenant_code = ?1 where tenant_code = ?2", to, from);
        move(
                "department set tenant_code = ?1 where tenant_code = ?2"
                        + " and code not in (select d.code from department d where d.tenant_code = ?1)",
                to,
                from);
        em.createNativeQuery("delete from tenant_setting where tenant_code = ?1")
                .setParameter(1, from)
                .executeUpdate();
        em.clear();
        Tenant retired = em.find(Tenant.class, from);
        retired.retire(today, successor.code());
        em.flush();
        succeeded.fire(new DivisionSucceeded(former.code().county().value(), from, to));
        JsonObject after = Json.createObjectBuilder(TenantService.state(retired))
                .add("retiredOn", today.toString())
                .add("successor", to)
                .add("staffMoved", staff.size())
                .add("servicePointsMoved", points)
                .build();
        audit.record(from, action, "tenant", from, before, after);
        audit.record(to, action, "tenant", from, before, after);
    }

    /** An update of the rows of {@code from}, to {@code to} ({@code ?1}, {@code ?2}). */
    private int move(String update, String to, String from) {
        return em.createNativeQuery("update " + update)
                .setParameter(1, to)
                .setParameter(2, from)
                .executeUpdate();
    }

    private int staffAt(Tenant tenant) {
        return ((Number) em.createNativeQuery("select count(*) from staff_account where tenant_code = ?1")
                        .setParameter(1, tenant.code().value())
                        .getSingleResult())
                .intValue();
    }

    private int pointsAt(Tenant tenant) {
        return ((Number) em.createNativeQuery("select count(*) from service_point where tenant_code = ?1")
                        .setParameter(1, tenant.code().value())
                        .getSingleResult())
                .intValue();
    }

    private static JsonObject state(Tenant tenant) {
        return TenantService.state(tenant);
    }

    private static JsonObject counts(Plan plan) {
        var builder = Json.createObjectBuilder();
        plan.counts().forEach((kind, count) -> builder.add(kind.name(), count));
        return builder.add("UNCHANGED", plan.unchanged()).build();
    }

    private StaffPrincipal requireAdmin() {
        return caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }
}
