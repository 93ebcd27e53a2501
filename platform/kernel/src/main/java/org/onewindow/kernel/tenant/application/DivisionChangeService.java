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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * is audited in the trails of the divisions it touches and happens in one transaction: whole or not at all. A merge
 * and an applied list wait for confirmation and can be reverted until then (docs/adr/0025).
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class DivisionChangeService {

    /** What a preview showed: the plan and the token {@link #apply} must be given to apply exactly that. */
    public record Preview(String token, Plan plan) {}

    /**
     * A merge done: the merged (retired) village, the one it went into, how many staff accounts and service points
     * followed, and the change that stays revertible until confirmed.
     */
    public record Merged(Tenant merged, Tenant into, int staffMoved, int servicePointsMoved, UUID changeId) {}

    /**
     * A division change waiting for confirmation: its kind ({@code MERGED} a village merge, {@code LIST} a yearly
     * list applied), the retired division and its successor (codes and names; for a list, the scope it was applied
     * to, both times), who made it and when, how many staff accounts and service points moved with it, and how many
     * divisions it changed (1 for a merge).
     */
    public record PendingChange(
            UUID id,
            String kind,
            String formerCode,
            String formerName,
            String successorCode,
            String successorName,
            Instant madeAt,
            String madeBy,
            int staffMoved,
            int servicePointsMoved,
            int divisionsChanged) {}

    private static final String LIST = "LIST";

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

    @Inject
    Event<DivisionReverted> reverted;

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
     * division's trail and the whole in the scope's. The list is one division change of kind {@code LIST}, pending
     * until confirmed: {@link #revert} puts the names, levels, parents and retirements back as they were and takes
     * the divisions it added out of the tree again.
     *
     * @throws DomainException 409 {@code tenant.list.stale} when the file or the tree differ from the preview (someone
     *     changed the tree since): nothing is applied, preview again; 409 {@code tenant.list.pending} while a list
     *     applied to the scope waits for confirmation (confirm or revert it first)
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
        requireNoListPending(root);
        LocalDate today = WorkingDayCalendar.today(clock);
        UUID changeId = UUID.randomUUID();
        recordList(changeId, root, plan);
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
                case MOVED, RECODED -> {
                    Tenant former = em.find(Tenant.class, change.before().code());
                    Tenant successor = em.find(Tenant.class, change.after().code());
                    UUID part = UUID.randomUUID();
                    record(part, former, successor, "MOVED", changeId);
                    succeed(former, successor, today, "tenant.moved", part);
                }
                case RETIRED -> retire(em.find(Tenant.class, change.code()), today);
                default -> {
                    // applied above
                }
            }
        }
        JsonObject counts = Json.createObjectBuilder(counts(plan))
                .add("change", changeId.toString())
                .build();
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
        UUID changeId = UUID.randomUUID();
        record(changeId, merged, into, "MERGED", null);
        succeed(merged, into, WorkingDayCalendar.today(clock), "tenant.merged", changeId);
        return new Merged(merged, into, staff, points, changeId);
    }

    /**
     * The division changes of the caller's scope that wait for confirmation (a merge or a list until then can be
     * reverted), oldest first; a list's re-coded villages are parts of it, not listed.
     *
     * @param first the index of the first change, 0-based
     * @param size the most changes answered
     */
    public List<PendingChange> pending(int first, int size) {
        requireAdmin();
        // A list's counts are its parts'; its divisions are those it changed and those it added.
        String movedOf = "coalesce(jsonb_array_length(c.moved -> '%1$s'), (select sum(jsonb_array_length(p.moved ->"
                + " '%1$s')) from division_change p where p.part_of = c.id), 0)";
        List<?> rows = em.createNativeQuery("select c.id, c.kind, c.tenant_code, f.name, c.successor_code, s.name,"
                        + " c.made_at, c.made_by, " + movedOf.formatted("staff") + ", "
                        + movedOf.formatted("servicePoints") + ","
                        + " coalesce(jsonb_array_length(c.moved -> 'tenants') + jsonb_array_length(c.moved -> 'added'), 1)"
                        + " from division_change c join tenant f on f.code = c.tenant_code"
                        + " join tenant s on s.code = c.successor_code"
                        + " where c.state = 'PENDING' and c.part_of is null and c.tenant_code like ?1"
                        + " order by c.made_at, c.id")
                .setParameter(1, caller.scope() + "%")
                .setFirstResult(Math.max(0, first))
                .setMaxResults(size)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new PendingChange(
                        (UUID) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        instant(row[6]),
                        (String) row[7],
                        ((Number) row[8]).intValue(),
                        ((Number) row[9]).intValue(),
                        ((Number) row[10]).intValue()))
                .toList();
    }

    /**
     * Reverts a change not yet confirmed. A yearly list ({@code LIST}): its re-coded villages are reverted as merges
     * are, then each division it changed gets its name, level, parent and retirement back, and those it added are
     * retired. A merge: the retired division is back in the tree, and exactly what moved with the change moves back (staff, whose sessions end again; service points under their former names, windows,
     * closures, departments; the settings it had set; through {@link DivisionReverted}, its open cases with their
     * case numbers). What the successor had before or made since stays with it. Audited in both divisions' trails.
     *
     * @throws DomainException 404 {@code tenant.change.not.found} for a change outside the caller's scope (a town
     *     administrator naming another town's change); 409 {@code tenant.change.confirmed} or {@code
     *     tenant.change.reverted} for a change already decided ({@code tenant.list.change.…} for a list), {@code tenant.change.successor.retired} when the
     *     successor has been retired since (revert that change first); 403 for a caller who is no administrator.
     *     Nothing changes on any of them.
     */
    public void revert(String changeId) {
        StaffPrincipal admin = requireAdmin();
        Object[] change = pendingChange(changeId);
        UUID id = (UUID) change[0];
        if (LIST.equals(change[4])) {
            revertList(id, (String) change[1], admin);
            return;
        }
        requireSuccessorInTree((String) change[2]);
        revertSuccession(id, (String) change[1], (String) change[2], admin);
    }

    private void requireSuccessorInTree(String to) {
        Tenant successor = em.find(Tenant.class, to);
        if (successor.isRetired()) {
            throw DomainException.conflict("tenant.change.successor.retired", successor.name(), to);
        }
    }

    /**
     * Reverts a list (docs/adr/0025): its successions first, newest first, each as a merge is reverted; then every
     * division it changed gets its name, level, parent and retirement as they were, and those it added leave the tree
     * (retired today, naming no successor: a code once in the tree stays for the record).
     */
    private void revertList(UUID id, String root, StaffPrincipal admin) {
        List<?> parts = em.createNativeQuery("select p.id, p.tenant_code, p.successor_code from division_change p"
                        + " where p.part_of = ?1 and p.state = 'PENDING' order by p.made_at desc, p.id desc")
                .setParameter(1, id)
                .getResultList();
        parts.forEach(part -> requireSuccessorInTree((String) ((Object[]) part)[2]));
        for (Object part : parts) {
            Object[] row = (Object[]) part;
            revertSuccession((UUID) row[0], (String) row[1], (String) row[2], admin);
        }
        em.flush();
        JsonObject before = TenantService.state(em.find(Tenant.class, root));
        int restored = em.createNativeQuery(
                        "update tenant t set name = s.name, level = s.level,"
                                + " parent_code = s.parent_code, retired_on = s.retired_on, successor_code = s.successor_code,"
                                + " version = t.version + 1 from jsonb_populate_recordset(null::tenant,"
                                + " (select c.moved -> 'tenants' from division_change c where c.id = ?1)) s where t.code = s.code")
                .setParameter(1, id)
                .executeUpdate();
        int retired = em.createNativeQuery("update tenant set retired_on = ?2, successor_code = null,"
                        + " version = version + 1 where retired_on is null and code in (select"
                        + " jsonb_array_elements_text(c.moved -> 'added') from division_change c where c.id = ?1)")
                .setParameter(1, id)
                .setParameter(2, java.sql.Date.valueOf(WorkingDayCalendar.today(clock)))
                .executeUpdate();
        decide(id, "REVERTED", admin);
        em.clear();
        JsonObject after = Json.createObjectBuilder(TenantService.state(em.find(Tenant.class, root)))
                .add("change", id.toString())
                .add("divisionsRestored", restored)
                .add("addedRetired", retired)
                .add("successionsReverted", parts.size())
                .build();
        audit.record(root, "tenant.list.reverted", "tenant", root, before, after);
    }

    /**
     * Moves back what the succession {@code id} of {@code from} by {@code to} moved (a merge, or a list's re-coded
     * village), puts {@code from} back in the tree and lets the modules move their rows back.
     */
    private void revertSuccession(UUID id, String from, String to, StaffPrincipal admin) {
        em.flush();
        Tenant former = em.find(Tenant.class, from);
        JsonObject before = TenantService.state(former);
        List<String> staff = movedBack(
                "update staff_account set tenant_code = ?1, token_version = token_version + 1, version = version + 1"
                        + " where tenant_code = ?2 and id::text in (" + moved("staff") + ") returning username",
                from,
                to,
                id);
        staff.forEach(tokens::forget);
        int points = movedBack(
                        "update service_point p set tenant_code = ?1, name = m.name, version = p.version + 1"
                                + " from (select (e ->> 'id')::uuid as id, e ->> 'name' as name from division_change c,"
                                + " jsonb_array_elements(c.moved -> 'servicePoints') e where c.id = ?3) m"
                                + " where p.id = m.id and p.tenant_code = ?2 returning p.name",
                        from,
                        to,
                        id)
                .size();
        moveBack("service_window set tenant_code = ?1, version = version + 1", "windows", from, to, id);
        moveBack("service_point_closure set tenant_code = ?1", "closures", from, to, id);
        moveBack("department set tenant_code = ?1", "departments", from, to, id);
        em.createNativeQuery("insert into tenant_setting select * from jsonb_populate_recordset(null::tenant_setting,"
                        + " (select c.moved -> 'settings' from division_change c where c.id = ?1))"
                        + " on conflict do nothing")
                .setParameter(1, id)
                .executeUpdate();
        decide(id, "REVERTED", admin);
        em.clear();
        former = em.find(Tenant.class, from);
        former.reinstate();
        em.flush();
        reverted.fire(new DivisionReverted(former.code().county().value(), id, from, to));
        JsonObject after = Json.createObjectBuilder(TenantService.state(former))
                .add("change", id.toString())
                .add("from", to)
                .add("staffMovedBack", staff.size())
                .add("servicePointsMovedBack", points)
                .build();
        audit.record(from, "tenant.change.reverted", "tenant", from, before, after);
        audit.record(to, "tenant.change.reverted", "tenant", from, before, after);
    }

    /**
     * Confirms a change: it is final, and can no longer be reverted. Audited in both divisions' trails.
     *
     * @throws DomainException as {@link #revert}, but for the successor's retirement, which does not matter here
     */
    public void confirm(String changeId) {
        StaffPrincipal admin = requireAdmin();
        Object[] change = pendingChange(changeId);
        decide((UUID) change[0], "CONFIRMED", admin);
        JsonObject after = Json.createObjectBuilder()
                .add("change", change[0].toString())
                .add("kind", (String) change[4])
                .add("successor", (String) change[2])
                .add("state", "CONFIRMED")
                .build();
        audit.record((String) change[1], "tenant.change.confirmed", "tenant", (String) change[1], null, after);
        if (!change[1].equals(change[2])) {
            audit.record((String) change[2], "tenant.change.confirmed", "tenant", (String) change[1], null, after);
        }
    }

    /**
     * The change {@code changeId} (its id, retired division, successor, state and kind), locked until the transaction
     * ends, if the caller sees it, it is still pending and it is no part of a list (decided with the list only).
     */
    private Object[] pendingChange(String changeId) {
        UUID id;
        try {
            id = UUID.fromString(changeId == null ? "" : changeId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("tenant.change.not.found", String.valueOf(changeId));
        }
        List<?> rows = em.createNativeQuery("select id, tenant_code, successor_code, state, kind from division_change"
                        + " where id = ?1 and tenant_code like ?2 and successor_code like ?2 and part_of is null"
                        + " for update")
                .setParameter(1, id)
                .setParameter(2, caller.scope() + "%")
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("tenant.change.not.found", id.toString());
        }
        Object[] row = (Object[]) rows.get(0);
        if (!"PENDING".equals(row[3])) {
            // tenant.change.confirmed or tenant.change.reverted; tenant.list.change.… for a list
            throw DomainException.conflict(
                    (LIST.equals(row[4]) ? "tenant.list.change." : "tenant.change.")
                            + ((String) row[3]).toLowerCase(java.util.Locale.ROOT),
                    row[1],
                    row[2]);
        }
        return row;
    }

    /** Decides the change {@code id} and, for a list, its parts still pending. */
    private void decide(UUID id, String state, StaffPrincipal admin) {
        em.createNativeQuery("update division_change set state = ?1, decided_at = now(), decided_by = ?2"
                        + " where (id = ?3 or part_of = ?3) and state = 'PENDING'")
                .setParameter(1, state)
                .setParameter(2, admin.username())
                .setParameter(3, id)
                .executeUpdate();
    }

    /**
     * Keeps what a succession of {@code former} by {@code successor} (a merge, or a list's re-coded village: kind
     * {@code MOVED}, part of the list {@code partOf}) is about to move, so that a revert moves exactly that back: ids
     * of staff, service points (with their names, which may get a suffix), windows, closures and the departments that
     * move (those whose code the successor lacks), and the settings it ends.
     */
    private void record(UUID id, Tenant former, Tenant successor, String kind, UUID partOf) {
        em.flush();
        String idsAt = "(select coalesce(jsonb_agg(x.id), '[]') from %s x where x.tenant_code = ?2%s)";
        em.createNativeQuery("insert into division_change (county_code, id, tenant_code, successor_code, kind, part_of,"
                        + " made_by, moved) values (left(?2, 6) || '000000', ?1, ?2, ?3, ?5, cast(?6 as uuid), ?4,"
                        + " jsonb_build_object("
                        + "'staff', " + idsAt.formatted("staff_account", "")
                        + ", 'servicePoints', (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'name',"
                        + " p.name)), '[]') from service_point p where p.tenant_code = ?2)"
                        + ", 'windows', " + idsAt.formatted("service_window", "")
                        + ", 'closures', " + idsAt.formatted("service_point_closure", "")
                        + ", 'departments', "
                        + idsAt.formatted(
                                "department",
                                " and x.code not in (select d.code from department d where d.tenant_code = ?3)")
                        + ", 'settings', (select coalesce(jsonb_agg(to_jsonb(s)), '[]') from tenant_setting s"
                        + " where s.tenant_code = ?2)))")
                .setParameter(1, id)
                .setParameter(2, former.code().value())
                .setParameter(3, successor.code().value())
                .setParameter(4, caller.require().username())
                .setParameter(5, kind)
                .setParameter(6, partOf)
                .executeUpdate();
    }

    /**
     * Keeps a list about to be applied as a pending change of kind {@code LIST} on its scope's root: every division it
     * changes or retires as it is now (whole rows), and the codes it adds (a re-coded village's new code included).
     */
    private void recordList(UUID id, Tenant root, Plan plan) {
        em.flush();
        var touched = Json.createArrayBuilder();
        var added = Json.createArrayBuilder();
        for (Change change : plan.changes()) {
            switch (change.kind()) {
                case ADDED -> added.add(change.after().code());
                case MOVED, RECODED -> {
                    touched.add(change.before().code());
                    added.add(change.after().code());
                }
                default -> touched.add(change.code());
            }
        }
        em.createNativeQuery("insert into division_change (county_code, id, tenant_code, successor_code, kind, made_by,"
                        + " moved) values (left(?2, 6) || '000000', ?1, ?2, ?2, 'LIST', ?3, jsonb_build_object("
                        + "'tenants', (select coalesce(jsonb_agg(to_jsonb(t)), '[]') from tenant t where t.code in"
                        + " (select jsonb_array_elements_text(cast(?4 as jsonb)))), 'added', cast(?5 as jsonb)))")
                .setParameter(1, id)
                .setParameter(2, root.code().value())
                .setParameter(3, caller.require().username())
                .setParameter(4, touched.build().toString())
                .setParameter(5, added.build().toString())
                .executeUpdate();
    }

    /** A list applied to the scope, or to a scope above it, still waiting for confirmation refuses another. */
    private void requireNoListPending(Tenant root) {
        long pending = ((Number) em.createNativeQuery("select count(*) from division_change where kind = 'LIST'"
                                + " and state = 'PENDING' and (tenant_code like ?1 or tenant_code in"
                                + " (left(?2, 6) || '000000', left(?2, 9) || '000'))")
                        .setParameter(1, root.scope() + "%")
                        .setParameter(2, root.code().value())
                        .getSingleResult())
                .longValue();
        if (pending > 0) {
            throw DomainException.conflict("tenant.list.pending");
        }
    }

    /** The ids (as text) of the rows of one kind that change {@code ?3} moved. */
    private static String moved(String kind) {
        return "select jsonb_array_elements_text(c.moved -> '" + kind + "') from division_change c where c.id = ?3";
    }

    /** Moves the rows of {@code table} that change {@code ?3} moved and that are still at {@code to} back. */
    private void moveBack(String tableAndSet, String kind, String from, String to, UUID id) {
        em.createNativeQuery("update " + tableAndSet + " where tenant_code = ?2 and id::text in (" + moved(kind) + ")")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, id)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<String> movedBack(String update, String from, String to, UUID id) {
        return em.createNativeQuery(update)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, id)
                .getResultList();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
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
    private void succeed(Tenant former, Tenant successor, LocalDate today, String action, UUID changeId) {
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
        succeeded.fire(new DivisionSucceeded(former.code().county().value(), from, to, changeId));
        JsonObject after = Json.createObjectBuilder(TenantService.state(retired))
                .add("retiredOn", today.toString())
                .add("successor", to)
                .add("staffMoved", staff.size())
                .add("servicePointsMoved", points)
                .add("change", changeId == null ? "" : changeId.toString())
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
