package org.onewindow.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.casework.domain.CaseAction;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.CaseStep;
import org.onewindow.casework.domain.DecisionWording;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.Pause;
import org.onewindow.casework.domain.PauseKind;

/**
 * Cases in the database, always under the caller's scope (the services are {@code @TenantScoped}): row-level
 * security hides every case outside it, so a lookup of another village's case finds nothing, exactly like an unknown
 * one. The case row is a JPA entity; its materials, timeline and pause ledger are small child rows written with plain
 * SQL (the timeline only ever grows).
 */
@ApplicationScoped
public class CaseRepository {

    @PersistenceContext
    EntityManager em;

    /** One step of the timeline as stored, with where it was taken. */
    public record StoredStep(CaseStep step, String place) {}

    /** The longest place a step keeps ({@code case_step.place}): a division's name, or a point and its window. */
    public static final int PLACE_MAX_LENGTH = 100;

    /** What the public progress lookup may read of a case, found by number under no scope. */
    public record ProgressRow(
            String caseNumber,
            CaseState state,
            String itemName,
            String checkCodeHash,
            LocalDate acceptedOn,
            LocalDate promisedDueDate,
            boolean dueDatesProvisional,
            LocalDate decidedOn,
            LocalDate completedOn,
            String pickupPoint,
            String itemType,
            Boolean decisionApproved) {}

    /**
     * A line of a list of cases: the applicant's name and the number masked as the case keeps it.
     *
     * @param reference the case number, or the id while it has none
     * @param wording how the item's decision is named (准予许可, 准予给付…), from the case's snapshot
     */
    public record CaseLine(
            String reference,
            String caseNumber,
            CaseState state,
            String itemName,
            String applicantName,
            Instant receivedAt,
            LocalDate promisedDueDate,
            DecisionWording wording) {

        /** The message key of the line's state, a decision worded for the item ({@link DecisionWording#stateKey}). */
        public String stateKey() {
            return wording.stateKey(state.name());
        }
    }

    /**
     * How a case's decision is named for its item, as a queue shows it beside a task.
     *
     * @param wording the item's {@link DecisionWording}
     * @param approved whether the decision granted; {@code null} before one
     */
    public record DecisionName(DecisionWording wording, Boolean approved) {}

    /**
     * The decision names of the cases of a queue's page, by case id: one read of at most a page's rows by their
     * primary key. A case the caller's scope does not show is missing from the answer.
     *
     * @param countyCode the county the cases lie in (the queue's own)
     */
    public Map<UUID, DecisionName> decisionNames(String countyCode, java.util.Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = List.copyOf(new java.util.LinkedHashSet<>(caseIds));
        StringBuilder sql = new StringBuilder(
                "select id, item_snapshot ->> 'itemType', decision_approved from case_file where county_code = ?1"
                        + " and id in (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('?').append(i + 2);
        }
        var query = em.createNativeQuery(sql.append(')').toString()).setParameter(1, countyCode);
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 2, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        Map<UUID, DecisionName> names = new LinkedHashMap<>();
        for (Object[] cells : found) {
            names.put(
                    UUID.fromString(cells[0].toString()),
                    new DecisionName(DecisionWording.of((String) cells[1]), (Boolean) cells[2]));
        }
        return names;
    }

    public void persist(CaseFile row) {
        em.persist(row);
        // The child rows reference it by foreign key and are written with plain SQL.
        em.flush();
    }

    public Optional<CaseFile> find(UUID id) {
        return Optional.ofNullable(em.find(CaseFile.class, id));
    }

    /**
     * The case row locked until the transaction ends ({@code select … for update}): every action on a case's tasks
     * takes this lock first, so two reviewers acting at once are served one after the other and the second sees
     * what the first did.
     */
    public Optional<CaseFile> lock(UUID id) {
        return Optional.ofNullable(em.find(CaseFile.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<CaseFile> findByNumber(String caseNumber) {
        return em.createQuery("select c from CaseFile c where c.caseNumber = :number", CaseFile.class)
                .setParameter("number", caseNumber)
                .getResultStream()
                .findFirst();
    }

    public void flush() {
        em.flush();
    }

    /** The cases taken in at one division, newest first (row-level security still applies). */
    public List<CaseLine> takenIn(String tenantCode, boolean awaitingSupplementsOnly, int limit) {
        var query = em.createQuery(
                        "select c from CaseFile c where c.tenantCode = :tenant"
                                + (awaitingSupplementsOnly ? " and c.state = :state" : "")
                                + " order by c.receivedAt desc",
                        CaseFile.class)
                .setParameter("tenant", tenantCode)
                .setMaxResults(limit);
        if (awaitingSupplementsOnly) {
            query.setParameter("state", CaseState.AWAITING_SUPPLEMENTS.name());
        }
        return query.getResultStream()
                .map(c -> new CaseLine(
                        c.caseNumber() == null ? c.id().toString() : c.caseNumber(),
                        c.caseNumber(),
                        CaseState.valueOf(c.state()),
                        c.itemName(),
                        c.applicantName(),
                        c.receivedAt(),
                        c.promisedDueDate(),
                        DecisionWording.of(CaseJson.readItem(c.itemSnapshot()))))
                .toList();
    }

    // --- materials -------------------------------------------------------------------------------------

    public void replaceMaterials(CaseFile row, Map<String, MaterialMark> marks) {
        em.createNativeQuery("delete from case_material where county_code = ?1 and case_id = ?2")
                .setParameter(1, county(row))
                .setParameter(2, row.id())
                .executeUpdate();
        marks.forEach((code, mark) -> em.createNativeQuery(
                        "insert into case_material (county_code, case_id, material_code, tenant_code, mark_kind, note)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, county(row))
                .setParameter(2, row.id())
                .setParameter(3, code)
                .setParameter(4, row.tenantCode().value())
                .setParameter(5, mark.kind().name())
                .setParameter(6, mark.note())
                .executeUpdate());
    }

    public Map<String, MaterialMark> materials(CaseFile row) {
        Map<String, MaterialMark> marks = new LinkedHashMap<>();
        for (Object[] cells : rows(
                "select material_code, mark_kind, note from case_material where county_code = ?1 and case_id = ?2"
                        + " order by material_code",
                row)) {
            marks.put((String) cells[0], new MaterialMark(MaterialMark.Kind.valueOf((String) cells[1]), (String)
                    cells[2]));
        }
        return marks;
    }

    // --- timeline --------------------------------------------------------------------------------------

    /** Appends the steps after the first {@code stored} ones, each taken at {@code place}. */
    public void appendSteps(CaseFile row, List<CaseStep> steps, int stored, String place) {
        for (int i = stored; i < steps.size(); i++) {
            CaseStep step = steps.get(i);
            em.createNativeQuery("insert into case_step (county_code, case_id, seq, tenant_code, occurred_at, action,"
                            + " from_state, to_state, actor, place, note) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                            + " ?11)")
                    .setParameter(1, county(row))
                    .setParameter(2, row.id())
                    .setParameter(3, i + 1)
                    .setParameter(4, row.tenantCode().value())
                    .setParameter(5, Timestamp.from(step.at()))
                    .setParameter(6, step.action().name())
                    .setParameter(7, step.from() == null ? null : step.from().name())
                    .setParameter(8, step.to().name())
                    .setParameter(9, step.actor())
                    .setParameter(10, place)
                    .setParameter(11, step.opinion())
                    .executeUpdate();
        }
    }

    public List<StoredStep> steps(CaseFile row) {
        List<StoredStep> steps = new ArrayList<>();
        for (Object[] cells : rows(
                "select occurred_at, action, from_state, to_state, actor, place, note from case_step"
                        + " where county_code = ?1 and case_id = ?2 order by seq",
                row)) {
            steps.add(new StoredStep(
                    new CaseStep(
                            instant(cells[0]),
                            CaseAction.valueOf((String) cells[1]),
                            cells[2] == null ? null : CaseState.valueOf((String) cells[2]),
                            CaseState.valueOf((String) cells[3]),
                            (String) cells[4],
                            (String) cells[6]),
                    (String) cells[5]));
        }
        return steps;
    }

    // --- pause ledger ----------------------------------------------------------------------------------

    public void replacePauses(CaseFile row, List<Pause> pauses) {
        em.createNativeQuery("delete from case_pause where county_code = ?1 and case_id = ?2")
                .setParameter(1, county(row))
                .setParameter(2, row.id())
                .executeUpdate();
        for (int i = 0; i < pauses.size(); i++) {
            Pause pause = pauses.get(i);
            em.createNativeQuery("insert into case_pause (county_code, case_id, seq, tenant_code, kind, start_on,"
                            + " end_on, reason, legal_basis, announced_working_days, result) values (?1, ?2, ?3, ?4,"
                            + " ?5, ?6, cast(?7 as date), ?8, ?9, cast(?10 as integer), ?11)")
                    .setParameter(1, county(row))
                    .setParameter(2, row.id())
                    .setParameter(3, i + 1)
                    .setParameter(4, row.tenantCode().value())
                    .setParameter(5, pause.kind().name())
                    .setParameter(6, Date.valueOf(pause.start()))
                    .setParameter(7, pause.end() == null ? null : Date.valueOf(pause.end()))
                    .setParameter(8, pause.reason())
                    .setParameter(9, pause.legalBasis())
                    .setParameter(10, pause.announcedWorkingDays())
                    .setParameter(11, pause.result())
                    .executeUpdate();
        }
    }

    public List<Pause> pauses(CaseFile row) {
        List<Pause> pauses = new ArrayList<>();
        for (Object[] cells : rows(
                "select kind, start_on, end_on, reason, legal_basis, announced_working_days, result from case_pause"
                        + " where county_code = ?1 and case_id = ?2 order by seq",
                row)) {
            pauses.add(new Pause(
                    PauseKind.valueOf((String) cells[0]),
                    date(cells[1]),
                    date(cells[2]),
                    (String) cells[3],
                    (String) cells[4],
                    cells[5] == null ? null : ((Number) cells[5]).intValue(),
                    (String) cells[6]));
        }
        return pauses;
    }

    // --- numbers and the public lookup ------------------------------------------------------------------

    /**
     * The next sequence value of the caller's county for the period ({@code yyyyMMdd}, {@code yyyy} or {@code -}):
     * consecutive and never twice, also under concurrent intake (the database's upsert holds the row lock).
     */
    public long nextSequence(String period) {
        Object value = em.createNativeQuery("select ow_next_case_sequence(?1)")
                .setParameter(1, period)
                .getSingleResult();
        if (value == null) {
            throw new IllegalStateException("no county scope to draw a case number in");
        }
        return ((Number) value).longValue();
    }

    /** The cases with this number in any county (numbers are unique per county), for the public lookup. */
    public List<ProgressRow> progress(String caseNumber) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select case_number, state, item_name, check_code_hash,"
                        + " accepted_on, promised_due_date, due_dates_provisional, decided_on, completed_on,"
                        + " pickup_point, item_type, decision_approved from ow_case_progress(?1)")
                .setParameter(1, caseNumber)
                .getResultList();
        return found.stream()
                .map(cells -> new ProgressRow(
                        (String) cells[0],
                        CaseState.valueOf((String) cells[1]),
                        (String) cells[2],
                        cells[3] == null ? null : cells[3].toString().strip(),
                        date(cells[4]),
                        date(cells[5]),
                        Boolean.TRUE.equals(cells[6]),
                        date(cells[7]),
                        date(cells[8]),
                        (String) cells[9],
                        (String) cells[10],
                        (Boolean) cells[11]))
                .toList();
    }

    /**
     * The division a case belongs to, for whoever proved they hold its receipt: the number and the hash of its check
     * code as {@link #progress} gave it (through {@code ow_case_receipt_tenant}, under no scope). Empty for any other
     * hash.
     */
    public Optional<String> receiptTenant(String caseNumber, String checkCodeHash) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("select ow_case_receipt_tenant(?1, ?2)")
                .setParameter(1, caseNumber)
                .setParameter(2, checkCodeHash)
                .getResultList();
        return found.stream()
                .filter(java.util.Objects::nonNull)
                .map(Object::toString)
                .findFirst();
    }

    // --- idempotency keys -------------------------------------------------------------------------------

    /**
     * Serialises requests with one key of one tenant until the transaction ends, so that a concurrent replay waits
     * for the first answer instead of taking in a second case.
     */
    public void lockIdempotencyKey(String tenantCode, String key) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "idempotency:" + tenantCode + ":" + key)
                .getSingleResult();
    }

    public Optional<IdempotencyRecord> idempotencyRecord(String countyCode, String tenantCode, String key) {
        return Optional.ofNullable(
                em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(countyCode, tenantCode, key)));
    }

    public void persist(IdempotencyRecord record) {
        em.persist(record);
    }

    public void persist(ConsultationRecord record) {
        em.persist(record);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private List<Object[]> rows(String sql, CaseFile row) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(sql)
                .setParameter(1, county(row))
                .setParameter(2, row.id())
                .getResultList();
        return found;
    }

    private static String county(CaseFile row) {
        return row.tenantCode().county().value();
    }

    private static Instant instant(Object cell) {
        return cell instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) cell;
    }

    private static LocalDate date(Object cell) {
        if (cell == null) {
            return null;
        }
        return cell instanceof Date date ? date.toLocalDate() : (LocalDate) cell;
    }

    /**
     * Moves the open cases of a retired division, with their materials, timeline, pauses, letters, contacts and the
     * division's own tasks, to its successor, in the caller's scope (database function {@code
     * ow_cases_follow_division}); closed cases stay. Under a change that can still be reverted ({@code changeId} not
     * null) the database keeps which cases moved. The persistence context is cleared: rows changed under it.
     *
     * @return how many cases moved
     */
    public int moveOpenCases(String formerCode, String successorCode, UUID changeId) {
        em.flush();
        int moved = ((Number) em.createNativeQuery("select ow_cases_follow_division(?1, ?2, cast(?3 as uuid))")
                        .setParameter(1, formerCode)
                        .setParameter(2, successorCode)
                        .setParameter(3, changeId)
                        .getSingleResult())
                .intValue();
        em.clear();
        return moved;
    }

    /**
     * Moves the cases that followed a reverted division change back to the division they came from, with all their
     * rows at the successor (database function {@code ow_cases_return_from_division}); their ids and case numbers stay.
     * The persistence context is cleared: rows changed under it.
     *
     * @return how many cases moved back
     */
    public int returnCases(UUID changeId) {
        em.flush();
        int moved = ((Number) em.createNativeQuery("select ow_cases_return_from_division(?1)")
                        .setParameter(1, changeId)
                        .getSingleResult())
                .intValue();
        em.clear();
        return moved;
    }

    /**
     * Records the id of the service point where the result of case {@code caseId} waits ({@code null}: none, or a
     * division with no point on record), beside the name the row keeps as printed: the removal of a point counts by
     * it ({@link #countOpenCasesAt}).
     */
    public void recordDeliveryPoint(UUID caseId, UUID pointId) {
        em.createNativeQuery("update case_file set delivery_point_id = cast(cast(?1 as text) as uuid) where id = ?2")
                .setParameter(1, pointId == null ? null : pointId.toString())
                .setParameter(2, caseId)
                .executeUpdate();
    }

    /**
     * The open cases of the caller's county, of any town or village, that keep service point {@code pointId}: those
     * whose result waits for pickup there (统一出件: a clerk may choose any point of the county), and those taken in
     * there with no pickup chosen yet, whose result will wait at the window that took them in (ADR 0024). Database
     * function {@code ow_open_cases_at_point}, which sees past the caller's scope and answers numbers only; it counts
     * by the point's id, so a point renamed after a case chose it is still held.
     */
    public OpenCasesAtPoint countOpenCasesAt(UUID pointId) {
        Object[] counts = (Object[]) em.createNativeQuery("select pickups, intakes from ow_open_cases_at_point(?1)")
                .setParameter(1, pointId)
                .getSingleResult();
        return new OpenCasesAtPoint(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    /**
     * @param pickups open cases whose result waits for pickup at the point
     * @param intakes open cases taken in at the point whose result will wait at their intake window
     */
    public record OpenCasesAtPoint(long pickups, long intakes) {}
}
