package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.Decision;
import org.onewindow.casework.domain.PauseKind;
import org.onewindow.casework.domain.TaskKind;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.casework.infrastructure.WorkTaskRepository;
import org.onewindow.casework.infrastructure.WorkTaskRepository.WorkTask;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.personaldata.application.PersonalDataProtector;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.process.application.ProcessRuns;

/**
 * The back office (后台分类审批): what a reviewer or a window clerk does with a task of their queue. Claim and release;
 * approve or reject (a rejection with reason and legal basis, §38); ask for supplements (the clock pauses, the
 * applicant is told what at once); note that they arrived; start and end a special procedure (§45); extend the limit
 * once (§42). The last review of a case decides it, and its run moves on to the intake window's delivery.
 *
 * <p>Every action locks the case row first, then reads the task again: two people acting on one task are served one
 * after the other, and the second is told who was first (409). A task the caller may not take (another division,
 * another department, not a reviewer) is answered like an unknown one (404). Each step is on the case's timeline and
 * in the audit chain, in the same transaction as the engine call and the queue rows.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class ReviewService {

    @Inject
    Caller caller;

    @Inject
    CaseRepository cases;

    @Inject
    WorkTaskRepository tasks;

    @Inject
    CaseRouting routing;

    @Inject
    ProcessRuns runs;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditService audit;

    @Inject
    Event<ApplicantNotice> notices;

    @Inject
    Clock clock;

    /** The legal clock counts the working days of the county the case lies in (its administrators keep them). */
    @Inject
    CalendarService calendars;

    /** The task as its queue shows it, see {@link TaskViews#task}. @throws DomainException 404 outside the caller's groups */
    public JsonObject task(String taskId) {
        return TaskViews.task(visible(taskId, staff()));
    }

    /**
     * Takes an open task for oneself (认领): the others of the group see it claimed.
     *
     * @throws DomainException 404 outside the caller's groups; 409 {@code casework.task.claimed} when someone else
     *     holds it, {@code casework.task.done} when it is done, {@code casework.task.closed} when its case ended
     *     (撤回) while it was open
     */
    public JsonObject claim(String taskId) {
        StaffPrincipal me = staff();
        WorkTask task = visible(taskId, me);
        if (tasks.claim(taskId, me.username(), clock.instant()) == 0) {
            WorkTask now = tasks.find(taskId).orElse(task);
            requireOpenFor(now, me);
            return TaskViews.task(now);
        }
        runs.assign(taskId, me.username());
        audit.record(task.tenantCode(), "casework.task.claimed.audit", "work_task", taskId, null, auditTask(task));
        return TaskViews.task(tasks.find(taskId).orElseThrow());
    }

    /**
     * Gives a claimed task back to its group (释放).
     *
     * @throws DomainException 404 outside the caller's groups; 409 {@code casework.task.not.claimed} when the caller
     *     does not hold it
     */
    public JsonObject release(String taskId) {
        StaffPrincipal me = staff();
        WorkTask task = visible(taskId, me);
        if (tasks.release(taskId, me.username()) == 0) {
            requireNotClosed(tasks.find(taskId).orElse(task));
            throw DomainException.conflict("casework.task.not.claimed", task.stepName());
        }
        runs.assign(taskId, null);
        audit.record(task.tenantCode(), "casework.task.released", "work_task", taskId, null, auditTask(task));
        return TaskViews.task(tasks.find(taskId).orElseThrow());
    }

    /**
     * Approves (准予 / 同意): a review gives its positive opinion, and when it was the last review of the case the case
     * is granted (the legal basis defaults to the item's); a window decision grants at once.
     *
     * @param legalBasis the article relied on; optional
     * @throws DomainException 404, 409 as {@link #claim}; 409 {@code casework.task.kind} for a delivery task;
     *     {@code casework.decision.*} when the case is granted without any basis
     */
    public JsonObject approve(String taskId, String opinion, String legalBasis) {
        return conclude(taskId, true, opinion, legalBasis);
    }

    /**
     * Rejects (不予 / 不同意): reason and legal basis required (§38). A rejection ends a tiered review at once; in a
     * parallel review the case is rejected when the last department has answered.
     *
     * @throws DomainException 400 {@code casework.decision.reason.required}, {@code casework.decision.basis.required}
     *     with nothing changed; otherwise as {@link #approve}
     */
    public JsonObject reject(String taskId, String reason, String legalBasis) {
        return conclude(taskId, false, reason, legalBasis);
    }

    /**
     * Asks the applicant for supplements during the review (审查中补正): the clock pauses from today, the applicant is
     * told what at once ({@link ApplicantNotice}); the task stays with the caller.
     *
     * @throws DomainException 400 {@code casework.pause.reason.required}, {@code casework.pause.basis.required};
     *     409 {@code casework.case.transition} when the case is not in review
     */
    public JsonObject requestSupplement(String taskId, String whatToSupply, String legalBasis) {
        return hold(taskId, "casework.case.supplement.requested", (c, me) -> {
            c.requestSupplement(whatToSupply, legalBasis, me.username(), clock);
            return ApplicantNotice.Kind.SUPPLEMENT_REQUESTED;
        });
    }

    /** The supplements arrived: the clock runs again from tomorrow. @throws DomainException 409 when none are awaited */
    public JsonObject receiveSupplement(String taskId) {
        return hold(taskId, "casework.case.supplement.received", (c, me) -> {
            c.receiveSupplement(me.username(), clock);
            return null;
        });
    }

    /**
     * Starts a special procedure (§45: hearing, testing, expert review…): the clock pauses, the applicant is told how
     * long it takes.
     *
     * @param kind a {@link PauseKind} other than {@code SUPPLEMENT}
     * @throws DomainException 400 {@code casework.pause.kind} for an unknown or wrong kind,
     *     {@code casework.pause.duration.required}, the reason and basis rules
     */
    public JsonObject startSpecialProcedure(
            String taskId, String kind, String reason, String legalBasis, Integer announcedWorkingDays) {
        PauseKind procedure = pauseKind(kind);
        return hold(taskId, "casework.case.special.procedure.started", (c, me) -> {
            c.startSpecialProcedure(
                    procedure,
                    reason,
                    legalBasis,
                    announcedWorkingDays == null ? 0 : announcedWorkingDays,
                    me.username(),
                    clock);
            return ApplicantNotice.Kind.SPECIAL_PROCEDURE_STARTED;
        });
    }

    /** The special procedure ended with its result; the clock runs again from tomorrow. */
    public JsonObject endSpecialProcedure(String taskId, String result) {
        return hold(taskId, "casework.case.special.procedure.ended", (c, me) -> {
            c.endSpecialProcedure(result, me.username(), clock);
            return null;
        });
    }

    /**
     * Extends the limits once (§42, up to 10 working days), approved by the head of the department; the applicant is
     * told the reason.
     *
     * @throws DomainException 400 {@code casework.extension.days}, {@code casework.extension.approver.required},
     *     {@code casework.extension.reason.required}; 409 {@code casework.extension.once}
     */
    public JsonObject extend(String taskId, Integer workingDays, String approvedBy, String reason) {
        return hold(taskId, "casework.case.extended", (c, me) -> {
            c.extend(
                    workingDays == null ? 0 : workingDays,
                    approvedBy,
                    reason,
                    me.username(),
                    clock,
                    calendars.of(me.tenantCode()));
            return ApplicantNotice.Kind.EXTENDED;
        });
    }

    /**
     * The result left the window (handed over or posted): the case's delivery task is done and its run ends. For the
     * issuance service, inside its transaction, after it recorded the delivery on the case.
     */
    public void resultDelivered(UUID caseId) {
        StaffPrincipal me = staff();
        for (WorkTask task : tasks.ofCase(caseId)) {
            if (task.kind() == TaskKind.WINDOW_DELIVERY && !task.done()) {
                tasks.complete(task.id(), me.username(), "DONE", null, null, clock.instant());
                runs.complete(task.id(), me.username(), Map.of());
            }
        }
    }

    // --- the two shapes of an action -------------------------------------------------------------------

    /** Approve or reject: the task is done, the run moves on, the case is decided when no review is left. */
    private JsonObject conclude(String taskId, boolean approved, String opinion, String legalBasis) {
        String why = Case.checkedOpinion(approved, opinion, legalBasis);
        String basis = legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip();
        StaffPrincipal me = staff();
        Locked locked = lock(taskId, me);
        WorkTask task = locked.task();
        if (task.kind() == TaskKind.WINDOW_DELIVERY) {
            throw DomainException.conflict("casework.task.kind", task.stepName());
        }
        Case c = locked.restored();
        int stored = c.steps().size();
        if (c.state() == CaseState.ACCEPTED) {
            c.startReview(me.username(), clock);
        }
        String outcome = approved ? "APPROVED" : "REJECTED";
        tasks.complete(taskId, me.username(), outcome, why, basis, clock.instant());
        runs.complete(taskId, me.username(), Map.of(ProcessRuns.APPROVED, approved));
        boolean reviewOver = task.kind() == TaskKind.WINDOW_DECISION
                || runs.openTasks(locked.row().processInstanceId()).stream()
                        .noneMatch(open -> TaskKind.of(open.definitionKey()) == TaskKind.REVIEW);
        if (reviewOver) {
            decide(c, locked.row(), approved, why, basis, me);
        } else {
            c.giveOpinion(approved, why, basis, me.username(), clock);
        }
        save(c, locked.row(), stored, me);
        routing.sync(c, locked.row(), me);
        audit.record(
                locked.row().tenantCode().value(),
                reviewOver ? "casework.case.decided" : "casework.case.opinion",
                "case_file",
                locked.row().id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("task", taskId)
                        .add("step", task.stepKey())
                        .add("outcome", outcome)
                        .add("state", c.state().name())
                        .build());
        if (reviewOver) {
            Decision decision = c.decision().orElseThrow();
            notify(locked.row(), ApplicantNotice.Kind.DECIDED, decision.reason() == null ? "" : decision.reason());
        }
        return answer(taskId, locked.row());
    }

    /**
     * The case was reviewed by all: granted with the last opinion (the item's legal basis when none is given), or
     * rejected with the reasons of every review that rejected, each with its department.
     */
    private void decide(Case c, CaseFile row, boolean approved, String why, String basis, StaffPrincipal me) {
        List<WorkTask> rejections = tasks.ofCase(row.id()).stream()
                .filter(t -> t.kind() == TaskKind.REVIEW && "REJECTED".equals(t.outcome()))
                .toList();
        if (approved && rejections.isEmpty()) {
            c.approve(why, basis != null ? basis : row.itemLegalBasis(), me.username(), clock);
            return;
        }
        if (rejections.size() <= 1) {
            WorkTask only = rejections.isEmpty() ? null : rejections.getFirst();
            c.reject(
                    only == null ? why : only.opinion(),
                    only == null ? basis : only.legalBasis(),
                    me.username(),
                    clock);
            return;
        }
        String reasons = rejections.stream()
                .map(t -> (t.departmentCode() == null ? t.tenantCode() : t.departmentCode()) + "：" + t.opinion())
                .collect(Collectors.joining("；"));
        String bases = rejections.stream().map(WorkTask::legalBasis).distinct().collect(Collectors.joining("、"));
        c.reject(reasons.length() > 500 ? reasons.substring(0, 500) : reasons, bases, me.username(), clock);
    }

    /** An action that keeps the task with the caller (claimed if it was open) and changes the case and its clock. */
    private JsonObject hold(String taskId, String auditAction, CaseStepAction action) {
        StaffPrincipal me = staff();
        Locked locked = lock(taskId, me);
        if (locked.task().kind() != TaskKind.REVIEW) {
            throw DomainException.conflict("casework.task.kind", locked.task().stepName());
        }
        Case c = locked.restored();
        int stored = c.steps().size();
        if (c.state() == CaseState.ACCEPTED) {
            c.startReview(me.username(), clock);
        }
        ApplicantNotice.Kind told = action.apply(c, me);
        if ("OPEN".equals(locked.task().state())) {
            tasks.claim(taskId, me.username(), clock.instant());
            runs.assign(taskId, me.username());
        }
        save(c, locked.row(), stored, me);
        routing.refreshClock(c, locked.row());
        String text = c.steps().getLast().opinion();
        audit.record(
                locked.row().tenantCode().value(),
                auditAction,
                "case_file",
                locked.row().id().toString(),
                null,
                Json.createObjectBuilder()
                        .add("task", taskId)
                        .add("state", c.state().name())
                        .add("note", text == null ? "" : text)
                        .build());
        if (told != null) {
            notify(locked.row(), told, text == null ? "" : text);
        }
        return answer(taskId, locked.row());
    }

    @FunctionalInterface
    private interface CaseStepAction {
        /** Moves the case; returns what the applicant must be told, or {@code null}. */
        ApplicantNotice.Kind apply(Case c, StaffPrincipal me);
    }

    // --- the common steps -----------------------------------------------------------------------------

    private record Locked(WorkTask task, CaseFile row, Case restored) {}

    /**
     * The task the caller may take, its case row locked, the task read again under the lock and still open for
     * the caller, and the case taken up.
     */
    private Locked lock(String taskId, StaffPrincipal me) {
        WorkTask seen = visible(taskId, me);
        CaseFile row = cases.lock(seen.caseId())
                .orElseThrow(() -> DomainException.notFound("casework.task.not.found", taskId));
        WorkTask task = tasks.find(taskId).orElseThrow();
        requireOpenFor(task, me);
        return new Locked(task, row, CaseLookup.restore(cases, row));
    }

    private void requireOpenFor(WorkTask task, StaffPrincipal me) {
        requireNotClosed(task);
        if (task.done()) {
            throw DomainException.conflict("casework.task.done", task.stepName(), task.completedBy());
        }
        if (task.claimedBy() != null && !task.claimedBy().equals(me.username())) {
            throw DomainException.conflict("casework.task.claimed", task.stepName(), task.claimedBy());
        }
    }

    /** A task closed because its case ended (撤回) is told as such, not as done by whoever recorded the end. */
    private static void requireNotClosed(WorkTask task) {
        if (task.closedWithCase()) {
            throw DomainException.conflict(
                    "casework.task.closed", task.stepName(), new MessageKey("casework.state." + task.outcome()));
        }
    }

    /** The task if the caller's scope sees it and the caller belongs to its group; otherwise 404, as unknown. */
    private WorkTask visible(String taskId, StaffPrincipal me) {
        String id = taskId == null ? "" : taskId.strip();
        return tasks.find(id)
                .filter(task -> task.group().admits(me, task.kind()))
                .orElseThrow(() -> DomainException.notFound("casework.task.not.found", id));
    }

    private StaffPrincipal staff() {
        return caller.requireAny(Role.REVIEWER, Role.CLERK, Role.WINDOW_LEAD);
    }

    private void save(Case c, CaseFile row, int stored, StaffPrincipal me) {
        CaseLookup.save(cases, c, row, stored, place(me), clock, calendars.of(row.tenantCode()), protector);
    }

    /** Where a step was taken, as the timeline prints it: the division, and the department when the actor has one. */
    static String place(StaffPrincipal me) {
        return me.departments().isEmpty()
                ? me.tenantName()
                : me.tenantName() + " "
                        + String.join("、", me.departments().stream().sorted().toList());
    }

    private void notify(CaseFile row, ApplicantNotice.Kind kind, String text) {
        notices.fire(
                new ApplicantNotice(row.id(), row.caseNumber(), row.tenantCode().value(), kind, text));
    }

    private JsonObject answer(String taskId, CaseFile row) {
        return Json.createObjectBuilder()
                .add("task", TaskViews.task(tasks.find(taskId).orElseThrow()))
                .add("case", CaseViews.caseView(row, cases.materials(row), cases.steps(row)))
                .build();
    }

    private static PauseKind pauseKind(String kind) {
        try {
            PauseKind parsed =
                    PauseKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
            if (parsed.isSpecialProcedure()) {
                return parsed;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below like the supplement kind: not a special procedure
        }
        throw new DomainException("casework.pause.kind");
    }

    private static JsonObject auditTask(WorkTask task) {
        return Json.createObjectBuilder()
                .add("case", task.caseNumber())
                .add("step", task.stepKey())
                .build();
    }
}
