package org.onewindow.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.onewindow.casework.domain.TaskKind;
import org.onewindow.casework.domain.WorkGroup;
import org.onewindow.kernel.text.TextRule;

/**
 * The work queues' table ({@code work_task}): one row per user task of a case's process, under row-level security
 * by the division that does the task. New rows and the clock of a case's tasks go through the two database doors of
 * V3 (the caller must see the case; the task may sit at a division the caller cannot see); everything else is plain
 * SQL under the caller's scope.
 */
@ApplicationScoped
public class WorkTaskRepository {

    private static final String COLUMNS = "id, tenant_code, department_code, kind, step_key, step_name, case_id,"
            + " case_number, item_code, item_name, applicant_name, state, claimed_by, claimed_at, created_at,"
            + " promised_due_date, statutory_due_date, clock_status, paused, outcome, opinion, legal_basis,"
            + " completed_by, completed_at, version";

    /** The outcomes of tasks closed by the end of their case: the case's final states. */
    private static final Set<String> CLOSED_WITH_CASE = Set.of("WITHDRAWN", "REFUSED", "COMPLETED");

    @PersistenceContext
    EntityManager em;

    /**
     * A task as the queue shows it. {@code state} is OPEN, CLAIMED or DONE; {@code outcome} APPROVED, REJECTED, DONE,
     * or the final state of a case that ended while the task was open (WITHDRAWN, see {@link #closedWithCase}).
     */
    public record WorkTask(
            String id,
            String tenantCode,
            String departmentCode,
            TaskKind kind,
            String stepKey,
            String stepName,
            UUID caseId,
            String caseNumber,
            String itemCode,
            String itemName,
            String applicantName,
            String state,
            String claimedBy,
            Instant claimedAt,
            Instant createdAt,
            LocalDate promisedDueDate,
            LocalDate statutoryDueDate,
            String clockStatus,
            boolean paused,
            String outcome,
            String opinion,
            String legalBasis,
            String completedBy,
            Instant completedAt,
            int version) {

        public WorkGroup group() {
            return new WorkGroup(tenantCode, departmentCode);
        }

        public boolean done() {
            return "DONE".equals(state);
        }

        /** Closed because its case ended (撤回…) before anyone concluded it. */
        public boolean closedWithCase() {
            return outcome != null && CLOSED_WITH_CASE.contains(outcome);
        }
    }

    /**
     * What a queue page asks for: the caller's division, which kinds of task it may take, and the filters.
     *
     * @param tenantCode the caller's division
     * @param reviewer whether review tasks are shown
     * @param departments the caller's departments (review tasks of a department need one of them)
     * @param window whether window tasks are shown
     * @param state {@code OPEN}, {@code CLAIMED} or {@code null} for both
     * @param claimedBy only tasks claimed by this account, or {@code null}
     * @param itemCode only this item, or {@code null}
     * @param search a case number (exact) or the start of an applicant's name, or {@code null}
     * @param afterDueDate with {@code afterId}: the last row of the previous page (keyset), or {@code null}
     * @param offset rows to skip (after the keyset), 0 for none
     * @param limit rows to return
     */
    public record QueueQuery(
            String tenantCode,
            boolean reviewer,
            Set<String> departments,
            boolean window,
            String state,
            String claimedBy,
            String itemCode,
            String search,
            LocalDate afterDueDate,
            String afterId,
            int offset,
            int limit) {}

    /**
     * Opens the task in the queue of its group (through {@code ow_work_task_open}); nothing when it is there already.
     */
    public void open(
            String taskId,
            WorkGroup group,
            TaskKind kind,
            String stepKey,
            String stepName,
            UUID caseId,
            Instant createdAt) {
        em.createNativeQuery("select ow_work_task_open(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, taskId)
                .setParameter(2, group.tenantCode())
                .setParameter(3, group.departmentCode())
                .setParameter(4, kind.name())
                .setParameter(5, stepKey)
                .setParameter(6, stepName)
                .setParameter(7, caseId)
                .setParameter(8, Timestamp.from(createdAt))
                .getResultList();
    }

    /** The task if the caller's scope sees it. */
    public Optional<WorkTask> find(String taskId) {
        return select(" where id = ?1", taskId).stream().findFirst();
    }

    /** The tasks of a case the caller's scope sees, oldest first. */
    public List<WorkTask> ofCase(UUID caseId) {
        return select(" where case_id = ?1 order by created_at, id", caseId);
    }

    /** Claims an open task; 0 when it is not open any more. */
    public int claim(String taskId, String user, Instant now) {
        return em.createNativeQuery("update work_task set state = 'CLAIMED', claimed_by = ?2, claimed_at = ?3,"
                        + " version = version + 1 where id = ?1 and state = 'OPEN'")
                .setParameter(1, taskId)
                .setParameter(2, user)
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
    }

    /** Gives a task the user claimed back to its group; 0 when the user does not hold it. */
    public int release(String taskId, String user) {
        return em.createNativeQuery("update work_task set state = 'OPEN', claimed_by = null, claimed_at = null,"
                        + " version = version + 1 where id = ?1 and state = 'CLAIMED' and claimed_by = ?2")
                .setParameter(1, taskId)
                .setParameter(2, user)
                .executeUpdate();
    }

    /** Marks the task done with its holder's conclusion; 0 when it is done already or held by someone else. */
    public int complete(String taskId, String user, String outcome, String opinion, String legalBasis, Instant now) {
        return em.createNativeQuery("update work_task set state = 'DONE', claimed_by = coalesce(claimed_by, ?2),"
                        + " completed_by = ?2, completed_at = ?3, outcome = ?4, opinion = ?5, legal_basis = ?6,"
                        + " version = version + 1"
                        + " where id = ?1 and state <> 'DONE' and (claimed_by is null or claimed_by = ?2)")
                .setParameter(1, taskId)
                .setParameter(2, user)
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, outcome)
                .setParameter(5, opinion)
                .setParameter(6, legalBasis)
                .executeUpdate();
    }

    /**
     * Closes the open tasks of a case that has ended (withdrawn, refused, completed), wherever they wait (through
     * {@code ow_work_task_close_case}): done, with the case's final state as their outcome. Nothing for a case still
     * running or outside the caller's scope.
     *
     * @return the number of tasks closed
     */
    public int closeCase(UUID caseId, String user, Instant now) {
        Object closed = em.createNativeQuery("select ow_work_task_close_case(?1, ?2, ?3)")
                .setParameter(1, caseId)
                .setParameter(2, user)
                .setParameter(3, Timestamp.from(now))
                .getSingleResult();
        return closed == null ? 0 : ((Number) closed).intValue();
    }

    /**
     * The case's clock on all its open tasks, wherever they wait (through {@code ow_work_task_clock}).
     *
     * @param warnFrom the first day the case counts as warned, {@code null} for never
     */
    public void clock(
            UUID caseId, LocalDate promised, LocalDate statutory, LocalDate warnFrom, boolean paused, String status) {
        // A null binds as text: the casts keep the function's signature whatever is null.
        em.createNativeQuery("select ow_work_task_clock(?1, ?2, ?3, cast(?4 as date), ?5, ?6)")
                .setParameter(1, caseId)
                .setParameter(2, Date.valueOf(promised))
                .setParameter(3, Date.valueOf(statutory))
                .setParameter(4, warnFrom == null ? null : Date.valueOf(warnFrom))
                .setParameter(5, paused)
                .setParameter(6, status)
                .getResultList();
    }

    /**
     * Turns the open, running tasks of every county warned or overdue as the days pass (through
     * {@code ow_work_task_mark_clock}, the background job's door); the number of tasks whose status changed.
     */
    public int markClock() {
        Object changed =
                em.createNativeQuery("select ow_work_task_mark_clock()").getSingleResult();
        return changed == null ? 0 : ((Number) changed).intValue();
    }

    /** One page of a queue, by promised due date then id: {@code offset} rows skipped, {@code limit} rows at most. */
    public List<WorkTask> queue(QueueQuery query) {
        StringBuilder where = new StringBuilder(" where tenant_code = ?1 and state <> 'DONE'");
        List<Object> parameters = new ArrayList<>();
        parameters.add(query.tenantCode());
        where.append(" and ((kind = 'REVIEW' and ?2 and (department_code is null or position(',' ||"
                + " department_code || ',' in ?3) > 0)) or (kind <> 'REVIEW' and ?4))");
        parameters.add(query.reviewer());
        parameters.add("," + String.join(",", query.departments()) + ",");
        parameters.add(query.window());
        if (query.state() != null) {
            parameters.add(query.state());
            where.append(" and state = ?").append(parameters.size());
        }
        if (query.claimedBy() != null) {
            parameters.add(query.claimedBy());
            where.append(" and claimed_by = ?").append(parameters.size());
        }
        if (query.itemCode() != null) {
            parameters.add(query.itemCode());
            where.append(" and item_code = ?").append(parameters.size());
        }
        String search = searched(query.search());
        if (!search.isEmpty()) {
            parameters.add(search);
            int number = parameters.size();
            parameters.add(likePrefix(search));
            where.append(" and (case_number = ?")
                    .append(number)
                    .append(" or applicant_name_searched like ?")
                    .append(parameters.size())
                    .append(")");
        }
        if (query.afterDueDate() != null) {
            parameters.add(Date.valueOf(query.afterDueDate()));
            int due = parameters.size();
            parameters.add(query.afterId());
            where.append(" and (promised_due_date, id) > (?")
                    .append(due)
                    .append(", ?")
                    .append(parameters.size())
                    .append(")");
        }
        where.append(" order by promised_due_date, id limit ")
                .append(query.limit())
                .append(" offset ")
                .append(query.offset());
        return select(where.toString(), parameters.toArray());
    }

    /**
     * A search as the queue compares it: without white space ({@link TextRule#space}: the full-width space U+3000 too),
     * so that 王𠮷祥, 王 𠮷祥 and 王　𠮷祥 find the same applicant. The stored name is compared the same way
     * ({@code applicant_name_searched}, migration V98, which names the same characters); it stays as typed.
     *
     * @return the text without white space; empty for null
     */
    public static String searched(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> !TextRule.space((char) c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private List<WorkTask> select(String tail, Object... parameters) {
        Query query = em.createNativeQuery("select " + COLUMNS + " from work_task" + tail);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(WorkTaskRepository::task).toList();
    }

    private static WorkTask task(Object[] cells) {
        return new WorkTask(
                (String) cells[0],
                (String) cells[1],
                (String) cells[2],
                TaskKind.valueOf((String) cells[3]),
                (String) cells[4],
                (String) cells[5],
                cells[6] instanceof UUID id ? id : UUID.fromString(cells[6].toString()),
                (String) cells[7],
                (String) cells[8],
                (String) cells[9],
                (String) cells[10],
                (String) cells[11],
                (String) cells[12],
                instant(cells[13]),
                instant(cells[14]),
                date(cells[15]),
                date(cells[16]),
                (String) cells[17],
                Boolean.TRUE.equals(cells[18]),
                (String) cells[19],
                (String) cells[20],
                (String) cells[21],
                (String) cells[22],
                instant(cells[23]),
                ((Number) cells[24]).intValue());
    }

    private static Instant instant(Object cell) {
        return switch (cell) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            default -> (Instant) cell;
        };
    }

    private static LocalDate date(Object cell) {
        if (cell == null) {
            return null;
        }
        return cell instanceof Date date ? date.toLocalDate() : (LocalDate) cell;
    }
}
