package org.onewindow.casework.domain;

import java.time.LocalDate;

/**
 * What the case page, the queues and the supervisors see of a case's clock on a given day.
 *
 * @param promisedDueDate the last day of the promised limit (承诺办结日期), pauses and the extension included; while
 *     paused, as if the pause ended today
 * @param statutoryDueDate the last day of the statutory limit (法定办结日期), likewise
 * @param usedWorkingDays working days used since acceptance, paused days left out (up to the decision, once decided)
 * @param remainingWorkingDays promised limit (with the extension) minus used; negative when overdue
 * @param status on time, warning, overdue or past the statutory limit
 * @param paused whether the clock is paused today
 * @param promisedProvisional whether the promised due date crossed a year without a holiday notice (weekday rule
 *     assumed)
 * @param statutoryProvisional likewise for the statutory due date, which may cross into the next year alone
 */
public record Deadlines(
        LocalDate promisedDueDate,
        LocalDate statutoryDueDate,
        int usedWorkingDays,
        int remainingWorkingDays,
        ClockStatus status,
        boolean paused,
        boolean promisedProvisional,
        boolean statutoryProvisional) {

    /** Whether either due date is provisional. */
    public boolean provisional() {
        return promisedProvisional || statutoryProvisional;
    }
}
