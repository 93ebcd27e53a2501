package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.WorkTaskRepository;
import org.onewindow.casework.infrastructure.WorkTaskRepository.QueueQuery;
import org.onewindow.casework.infrastructure.WorkTaskRepository.WorkTask;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * The work queue (待办) of the caller: the open tasks of the caller's own division that the caller may take (the
 * reviews of its departments, or of the division itself, for a reviewer; the window's steps for a clerk), by
 * promised due date, a page at a time with a keyset cursor. Read from {@code work_task} under row-level security;
 * a task of another division never appears, whatever the filters.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class WorkQueueService {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    /** The furthest a page may start ({@code first}): a queue is worked from its head, not browsed 10,000 deep. */
    public static final int MAX_FIRST = 10_000;

    static final int MAX_SEARCH_LENGTH = 60;

    @Inject
    Caller caller;

    @Inject
    WorkTaskRepository tasks;

    @Inject
    CaseRepository cases;

    /**
     * One page of the queue: {@code {"tasks": [task…], "next": cursor or null}}, tasks as {@link TaskViews#task}
     * with their case's decision named for the item (准予给付 for a decided 最低生活保障).
     *
     * @param state {@code OPEN}, {@code CLAIMED}, {@code MINE} (claimed by the caller) or {@code null} for open and
     *     claimed
     * @param itemCode only this item's tasks, or {@code null}
     * @param search a case number, or the beginning of the applicant's name; {@code null} for all
     * @param after the {@code next} of the previous page, or {@code null} for the first
     * @param limit 1 to {@value #MAX_PAGE_SIZE}, {@code null} for {@value #DEFAULT_PAGE_SIZE}
     * @throws DomainException 400 {@code casework.queue.state}, {@code casework.queue.limit},
     *     {@code casework.queue.cursor}, {@code casework.queue.search.length}; 403 for a caller who is neither
     *     reviewer nor clerk
     */
    public JsonObject queue(String state, String itemCode, String search, String after, Integer limit) {
        return queue(state, itemCode, search, after, null, limit);
    }

    /**
     * One page of the queue, {@code size} tasks from the {@code first} (0-based) of those after the cursor: {@code
     * {"tasks": [task…], "next": cursor or null, "first": n, "size": n, "limit": n}} ({@code limit}, the size, kept
     * for the clients that read it before {@code size} existed).
     *
     * @param first the index of the first task, 0 to {@value #MAX_FIRST}; {@code null} for 0
     * @param size 1 to {@value #MAX_PAGE_SIZE}, {@code null} for {@value #DEFAULT_PAGE_SIZE}
     * @throws DomainException as {@link #queue(String, String, String, String, Integer)}; 400 {@code
     *     casework.queue.first} for a first outside its range
     */
    public JsonObject queue(String state, String itemCode, String search, String after, Integer first, Integer size) {
        StaffPrincipal me = caller.requireAny(Role.REVIEWER, Role.CLERK, Role.WINDOW_LEAD);
        int from = first == null ? 0 : first;
        if (from < 0 || from > MAX_FIRST) {
            throw new DomainException("casework.queue.first", MAX_FIRST);
        }
        int rows = size == null ? DEFAULT_PAGE_SIZE : size;
        if (rows < 1 || rows > MAX_PAGE_SIZE) {
            throw new DomainException("casework.queue.limit", MAX_PAGE_SIZE);
        }
        String wanted = optional(state);
        String onlyState = null;
        String claimedBy = null;
        if (wanted != null) {
            switch (wanted.toUpperCase(Locale.ROOT)) {
                case "OPEN" -> onlyState = "OPEN";
                case "CLAIMED" -> onlyState = "CLAIMED";
                case "MINE" -> claimedBy = me.username();
                default -> throw new DomainException("casework.queue.state", wanted);
            }
        }
        String text = optional(search);
        if (text != null && text.length() > MAX_SEARCH_LENGTH) {
            throw new DomainException("casework.queue.search.length", MAX_SEARCH_LENGTH);
        }
        Cursor cursor = Cursor.parse(optional(after));
        List<WorkTask> page = tasks.queue(new QueueQuery(
                me.tenantCode().value(),
                me.has(Role.REVIEWER),
                Set.copyOf(me.departments()),
                me.has(Role.CLERK) || me.has(Role.WINDOW_LEAD),
                onlyState,
                claimedBy,
                optional(itemCode),
                text,
                cursor == null ? null : cursor.dueDate(),
                cursor == null ? null : cursor.id(),
                from,
                rows + 1));
        JsonArrayBuilder shown = Json.createArrayBuilder();
        List<WorkTask> listed = page.stream().limit(rows).toList();
        Map<UUID, CaseRepository.DecisionName> decisions = cases.decisionNames(
                me.tenantCode().county().value(),
                listed.stream().map(WorkTask::caseId).toList());
        listed.forEach(task -> shown.add(TaskViews.task(task, decisions.get(task.caseId()))));
        JsonValue next = JsonValue.NULL;
        if (page.size() > rows) {
            WorkTask last = page.get(rows - 1);
            next = Json.createValue(new Cursor(last.promisedDueDate(), last.id()).toString());
        }
        return Json.createObjectBuilder()
                .add("tasks", shown)
                .add("next", next)
                .add("first", from)
                .add("size", rows)
                .add("limit", rows)
                .build();
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The last row of a page: its promised due date and id, as {@code 2026-12-24~<id>}. */
    record Cursor(LocalDate dueDate, String id) {

        static Cursor parse(String text) {
            if (text == null) {
                return null;
            }
            int tilde = text.indexOf('~');
            try {
                if (tilde != 10 || text.length() == 11 || text.length() > 80) {
                    throw new DateTimeParseException("shape", text, 0);
                }
                return new Cursor(LocalDate.parse(text.substring(0, tilde)), text.substring(tilde + 1));
            } catch (DateTimeParseException e) {
                throw new DomainException("casework.queue.cursor");
            }
        }

        @Override
        public String toString() {
            return dueDate + "~" + id;
        }
    }
}
