package org.onewindow.casework.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.onewindow.casework.infrastructure.WorkTaskRepository;

/**
 * Every minute, turns the open tasks of every queue warned (预警, 80% of the promised time used by default) or
 * overdue (逾期, past the promised or the statutory due date) as the days pass, so that every queue shows it within a
 * minute of crossing. The dates come from the tasks' rows, written with each change to a case's clock; the job runs
 * without a staff member's scope, through one database door that can do this and nothing else
 * ({@code ow_work_task_mark_clock}). Each node runs it; the update is idempotent.
 */
@Singleton
public class WorkTaskClockJob {

    private static final Logger LOG = Logger.getLogger(WorkTaskClockJob.class.getName());

    @Inject
    WorkTaskRepository tasks;

    @Schedule(second = "15", minute = "*", hour = "*", persistent = false)
    void mark() {
        try {
            int changed = tasks.markClock();
            if (changed > 0) {
                LOG.fine(() -> changed + " task(s) turned warned or overdue");
            }
        } catch (RuntimeException e) {
            // A failed sweep is retried a minute later; it must not cancel the timer.
            LOG.log(Level.WARNING, "Marking warned and overdue tasks failed; retrying in a minute", e);
        }
    }
}
