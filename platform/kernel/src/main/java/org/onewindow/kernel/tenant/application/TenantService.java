package org.onewindow.kernel.tenant.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.DivisionList;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.kernel.tenant.domain.TenantRules;

/**
 * The tenant tree as its users see it: every read is limited to the caller's subtree here and, again,
 * by row-level security in the database. A division outside the scope is reported as not found.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class TenantService {

    public static final int MAX_PAGE = 200;

    /** A LIKE pattern no division code matches: the search text is not a code prefix. */
    private static final String NO_CODE = "#";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    AuditService audit;

    public Tenant find(String code) {
        StaffPrincipal principal = caller.require();
        DivisionCode division = DivisionCode.of(code);
        Tenant tenant = principal.sees(division) ? em.find(Tenant.class, division.value()) : null;
        if (tenant == null) {
            throw DomainException.notFound("tenant.not.found", division.value());
        }
        return tenant;
    }

    /** Whether a division exists in the caller's scope; unlike {@link #find} it refuses nothing. */
    public boolean exists(String code) {
        return DivisionCode.parse(code)
                .filter(caller.require()::sees)
                .map(c -> em.find(Tenant.class, c.value()))
                .isPresent();
    }

    /** The caller's own division: the root of what they see. */
    public Tenant home() {
        return find(caller.require().tenantCode().value());
    }

    /**
     * The divisions directly below {@code code}, by code, not retired; read only (the rows are not watched for
     * changes). One query when there are any: only an empty answer asks whether the parent is there at all.
     *
     * @throws DomainException not found ({@code tenant.not.found}) when the parent is not in the caller's scope
     */
    public List<Tenant> children(String code) {
        DivisionCode parent = DivisionCode.of(code);
        List<Tenant> children = caller.require().sees(parent)
                ? em.createQuery(
                                "select t from Tenant t where t.parentCode = :parent and t.retiredOn is null"
                                        + " order by t.code",
                                Tenant.class)
                        .setParameter("parent", parent.value())
                        .setHint("eclipselink.read-only", true)
                        .getResultList()
                : List.of();
        if (children.isEmpty()) {
            find(code);
        }
        return children;
    }

    /** Which of {@code codes} have divisions below them, in one query (a tree shows an expander for those). */
    public Set<String> withChildren(List<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery(
                        "select distinct t.parentCode from Tenant t where t.parentCode in :codes"
                                + " and t.retiredOn is null",
                        String.class)
                .setParameter("codes", codes)
                .getResultList());
    }

    /**
     * Whether a division of the caller's scope takes new intake: it exists and is not retired (撤销). A retired
     * division's code still resolves through {@link #find}, for the record.
     */
    public boolean takesIntake(String code) {
        return !find(code).isRetired();
    }

    /** Divisions of the caller's scope (retired ones left out, as pickers need) whose name contains {@code text} or whose code starts with it. */
    public List<Tenant> search(String text, int first, int size) {
        String scope = caller.require().scope();
        String needle = text == null ? "" : text.strip();
        return em.createQuery(
                        "select t from Tenant t where t.code like :scope and t.retiredOn is null"
                                + " and (locate(:needle, t.name) > 0 or t.code like :code) order by t.code",
                        Tenant.class)
                .setParameter("scope", scope + "%")
                .setParameter("needle", needle)
                .setParameter("code", needle.matches("[0-9]+") ? needle + "%" : NO_CODE)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(Math.max(1, size), MAX_PAGE))
                .getResultList();
    }

    public Tenant create(String code, String parentCode, String level, String name) {
        requireAdmin();
        DivisionCode division = DivisionCode.of(code);
        TenantLevel tenantLevel = TenantRules.level(level);
        if (parentCode == null || parentCode.isBlank()) {
            // Counties arrive by import; the console and the API add divisions below one.
            throw new DomainException("tenant.parent.missing", division.value());
        }
        Tenant parent = find(parentCode);
        TenantRules.checkNew(division, tenantLevel, name, parent);
        if (em.find(Tenant.class, division.value()) != null) {
            throw DomainException.conflict("tenant.duplicate", division.value());
        }
        Tenant tenant = new Tenant(
                division,
                parent == null ? null : parent.code(),
                tenantLevel,
                TenantRules.checkName(name),
                clock.instant());
        em.persist(tenant);
        audit.record(division.value(), "tenant.created", "tenant", division.value(), null, state(tenant));
        return tenant;
    }

    public Tenant rename(String code, String newName, int expectedVersion) {
        return update(code, newName, null, null, expectedVersion);
    }

    /**
     * Renames a division and changes its tier within its code shape (镇 ↔ 街道, 村 ↔ 社区); a {@code null} level or
     * parent code leaves it as it is. A change that cannot be made is refused, never ignored.
     *
     * @throws DomainException 409 {@code stale.form}; 400 {@code tenant.level.change} (another code shape: a new code,
     *     see the yearly list), {@code tenant.level.unknown}, {@code tenant.parent.change} (a division moves to another
     *     parent only with a new code: the yearly list's {@code former_code} or a merge), {@code tenant.retired}
     */
    public Tenant update(String code, String newName, String newLevel, String newParentCode, int expectedVersion) {
        requireAdmin();
        Tenant tenant = find(code);
        if (tenant.version() != expectedVersion) {
            throw DomainException.conflict("stale.form");
        }
        if (tenant.isRetired()) {
            throw new DomainException("tenant.retired", tenant.code().value(), tenant.name());
        }
        String parent = tenant.parentCode() == null ? "" : tenant.parentCode().value();
        if (newParentCode != null && !newParentCode.strip().equals(parent)) {
            throw new DomainException("tenant.parent.change", tenant.code().value(), newParentCode.strip());
        }
        TenantLevel level = newLevel == null ? tenant.level() : TenantRules.level(newLevel);
        String name = TenantRules.checkName(newName);
        JsonObject before = state(tenant);
        if (level != tenant.level()) {
            tenant.relevel(level);
            audit.record(
                    tenant.code().value(),
                    "tenant.relevelled",
                    "tenant",
                    tenant.code().value(),
                    before,
                    state(tenant));
        }
        if (!name.equals(tenant.name())) {
            JsonObject renamedFrom = state(tenant);
            tenant.rename(name);
            audit.record(
                    tenant.code().value(),
                    "tenant.renamed",
                    "tenant",
                    tenant.code().value(),
                    renamedFrom,
                    state(tenant));
        }
        return tenant;
    }

    /**
     * Imports a division list (see {@link DivisionList}) from a CSV file into the caller's scope, all or nothing:
     * every bad line is reported with its number, column and reason.
     */
    public int importCsv(byte[] file) {
        requireAdmin();
        return importRows(DivisionList.fromCsv(file, ImportLimits.DEFAULT));
    }

    /** Imports a division list from the first sheet of an .xlsx workbook, like {@link #importCsv(byte[])}. */
    public int importWorkbook(byte[] file) {
        requireAdmin();
        return importRows(DivisionList.fromWorkbook(file, ImportLimits.DEFAULT));
    }

    private int importRows(DivisionList.Parsed parsed) {
        StaffPrincipal principal = caller.require();
        List<DivisionList.Row> rows = parsed.rows();
        Map<String, Tenant> planned = new HashMap<>();
        List<LineError> errors = new ArrayList<>(parsed.errors());
        List<Tenant> accepted = new ArrayList<>();
        for (DivisionList.Row row : rows) {
            try {
                DivisionCode division = DivisionCode.of(row.code());
                if (!principal.sees(division)) {
                    throw DomainException.notFound("tenant.not.found", division.value());
                }
                if (planned.containsKey(division.value()) || em.find(Tenant.class, division.value()) != null) {
                    throw DomainException.conflict("tenant.duplicate", division.value());
                }
                TenantLevel level = TenantRules.level(row.level());
                Tenant parent = row.parentCode().isEmpty()
                        ? null
                        : planned.getOrDefault(row.parentCode(), em.find(Tenant.class, row.parentCode()));
                if (parent == null && !row.parentCode().isEmpty()) {
                    throw new DomainException("tenant.parent.unknown", row.parentCode());
                }
                TenantRules.checkNew(division, level, row.name(), parent);
                Tenant tenant = new Tenant(
                        division,
                        parent == null ? null : parent.code(),
                        level,
                        row.name().strip(),
                        clock.instant());
                planned.put(division.value(), tenant);
                accepted.add(tenant);
            } catch (DomainException e) {
                errors.add(new LineError(row.line(), "", e.key(), e.arguments().toArray()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(LineError::line));
            throw new ImportRejectedException(errors);
        }
        for (Tenant tenant : accepted) {
            em.persist(tenant);
            audit.record(
                    tenant.code().value(),
                    "tenant.imported",
                    "tenant",
                    tenant.code().value(),
                    null,
                    state(tenant));
        }
        return accepted.size();
    }

    private void requireAdmin() {
        caller.requireAny(Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }

    static JsonObject state(Tenant tenant) {
        return Json.createObjectBuilder()
                .add("code", tenant.code().value())
                .add(
                        "parent",
                        tenant.parentCode() == null ? "" : tenant.parentCode().value())
                .add("level", tenant.level().name())
                .add("name", tenant.name())
                .add("retiredOn", tenant.isRetired() ? tenant.retiredOn().toString() : "")
                .add(
                        "successor",
                        tenant.successorCode() == null
                                ? ""
                                : tenant.successorCode().value())
                .build();
    }
}
