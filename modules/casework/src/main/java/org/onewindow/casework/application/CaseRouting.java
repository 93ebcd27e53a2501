package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.onewindow.casework.domain.Case;
import org.onewindow.casework.domain.Deadlines;
import org.onewindow.casework.domain.Decision;
import org.onewindow.casework.domain.LegalBasis;
import org.onewindow.casework.domain.Routing;
import org.onewindow.casework.domain.TaskKind;
import org.onewindow.casework.domain.WarningThreshold;
import org.onewindow.casework.domain.WorkGroup;
import org.onewindow.casework.infrastructure.CaseFile;
import org.onewindow.casework.infrastructure.CaseJson;
import org.onewindow.casework.infrastructure.WorkTaskRepository;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.process.application.ProcessRuns;

/**
 * Routes an accepted case through its process (受理在基层, 审批在后台) and keeps the work queues in step with the
 * engine: after every engine call the case's open tasks are projected into {@code work_task} in the same
 * transaction (ADR 0010). Runs inside the calling service's transaction and scope; holds no state.
 */
@ApplicationScoped
public class CaseRouting {

    /** The template of items decided at the window on the spot (即办件). */
    static final String ON_THE_SPOT = "on-the-spot";

    @Inject
    ProcessRuns runs;

    @Inject
    WorkTaskRepository tasks;

    @Inject
    Clock clock;

    /** The legal clock counts the working days of the county the case lies in (its administrators keep them). */
    @Inject
    CalendarService calendars;

    /** The warning threshold of the division the case was taken in at (its own, its town's or its county's). */
    @Inject
    CaseSettings settings;

    /**
     * Starts the template in force for the intake tenant with the case's routing; an on-the-spot item (即办件) is
     * decided (granted) by the accepting clerk at once, with the article that lets the window decide on the spot
     * (§34). The case row must be written (flushed) with its number; the caller writes the case back afterwards.
     * A case whose item names no process waits as accepted, without tasks.
     *
     * @throws org.onewindow.kernel.error.DomainException 404 {@code process.template.not-found} when no tier has the
     *     template the item names
     */
    public void routeAccepted(Case accepted, CaseFile row, StaffPrincipal clerk) {
        Routing routing = CaseJson.readRouting(row.processPlan());
        if (routing == null) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("windowGroup", routing.windowGroup());
        variables.put("reviewGroups", new ArrayList<>(routing.reviewGroups()));
        String instance = runs.start(
                row.tenantCode().value(), routing.template(), row.id().toString(), variables);
        row.processInstance(instance);
        if (accepted.item().onTheSpot() || ON_THE_SPOT.equals(routing.template())) {
            accepted.startReview(clerk.username(), clock);
            accepted.approve(null, LegalBasis.ON_THE_SPOT, clerk.username(), clock);
        }
        sync(accepted, row, clerk);
    }

    /**
     * Brings the queues up to the engine: every open task of the case's run gets its row; a window decision that
     * follows a decided review (the joint decision after a parallel review, the on-the-spot decision) is completed
     * with the decision, so the run moves on to the window's delivery. Then the case's clock on all its tasks.
     */
    public void sync(Case c, CaseFile row, StaffPrincipal actor) {
        if (row.processInstanceId() == null) {
            return;
        }
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ProcessRuns.OpenTask open : runs.openTasks(row.processInstanceId())) {
                TaskKind kind = TaskKind.of(open.definitionKey());
                Decision decision = c.decision().orElse(null);
                if (kind == TaskKind.WINDOW_DECISION && decision != null) {
                    runs.complete(open.id(), actor.username(), Map.of(ProcessRuns.APPROVED, decision.approved()));
                    moved = true;
                    break;
                }
                tasks.open(
                        open.id(),
                        WorkGroup.parse(open.candidateGroup()),
                        kind,
                        open.definitionKey(),
                        open.name(),
                        row.id(),
                        open.createdAt());
            }
        }
        refreshClock(c, row);
    }

    /**
     * A case that ended before its run did (撤回): its run ends and its open tasks leave every queue, closed with the
     * case's final state, so that nobody works on them any more. The case row must be written (flushed) in its final
     * state first. Nothing to do for a case without a run or whose run has ended.
     *
     * @return the number of tasks closed
     */
    public int endRun(CaseFile row, StaffPrincipal actor) {
        if (row.processInstanceId() == null) {
            return 0;
        }
        runs.end(row.processInstanceId(), row.state());
        return tasks.closeCase(row.id(), actor.username(), clock.instant());
    }

    /** The case's due dates, first warning day and clock status as every open task of it shows them. */
    public void refreshClock(Case c, CaseFile row) {
        LocalDate today = WorkingDayCalendar.today(clock);
        WorkingDayCalendar calendar = calendars.of(row.tenantCode());
        c.legalClock().ifPresent(legal -> {
            WarningThreshold threshold = settings.warningThreshold(row.tenantCode());
            Deadlines deadlines = legal.deadlines(calendar, today, threshold);
            tasks.clock(
                    row.id(),
                    deadlines.promisedDueDate(),
                    deadlines.statutoryDueDate(),
                    legal.warningFrom(calendar, today, threshold),
                    deadlines.paused(),
                    status(deadlines));
        });
    }

    private static String status(Deadlines deadlines) {
        return deadlines.status().name();
    }
}
