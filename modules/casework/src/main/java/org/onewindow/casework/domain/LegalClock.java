package org.onewindow.casework.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.kernel.calendar.DueDate;
import org.onewindow.kernel.calendar.PausedPeriod;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;

/**
 * A case's legal clock (办理时限), kept as data: the acceptance date, the promised and statutory limits of the item
 * version it was accepted under (both in working days, promised ≤ statutory), the ledger of pauses, the one extension
 * and the day the clock stopped (the decision). Due dates, used time, warnings and overdue are all derived from it on
 * a county's {@link WorkingDayCalendar}, counted from the day after acceptance (see there for the legal convention).
 *
 * <p>An extension (§42) moves both due dates by its working days: the promise made to the applicant is renewed with
 * the reason told, and it stays within the extended statutory limit.
 *
 * <p>Immutable: every change returns the next clock. Dates, not instants: the law counts days in China's time zone
 * ({@link WorkingDayCalendar#today}).
 *
 * @param acceptedOn the acceptance date (受理日期); not counted
 * @param promisedLimitWorkingDays the promised limit (承诺时限), 0 for an on-the-spot item
 * @param statutoryLimitWorkingDays the statutory limit (法定时限)
 * @param pauses the ledger, oldest first; at most the last one is open, none overlaps the next
 * @param extension the extension, or {@code null}
 * @param stoppedOn the day of the decision, or {@code null} while undecided
 * @throws DomainException {@code casework.limits.negative}, {@code casework.limits.promised.above.statutory}
 */
public record LegalClock(
        LocalDate acceptedOn,
        int promisedLimitWorkingDays,
        int statutoryLimitWorkingDays,
        List<Pause> pauses,
        Extension extension,
        LocalDate stoppedOn) {

    public LegalClock {
        if (acceptedOn == null) {
            throw new IllegalArgumentException("acceptedOn is required");
        }
        requireLimits(promisedLimitWorkingDays, statutoryLimitWorkingDays);
        pauses = List.copyOf(pauses);
        for (int i = 0; i < pauses.size() - 1; i++) {
            if (pauses.get(i).isOpen()) {
                throw new IllegalArgumentException("only the last pause may be open");
            }
            if (pauses.get(i + 1).start().isBefore(pauses.get(i).end())) {
                throw new IllegalArgumentException("pauses overlap");
            }
        }
    }

    /**
     * The rule every limit of a case obeys: both at least 0, the promise never above the law (承诺时限 ≤ 法定时限).
     *
     * @throws DomainException {@code casework.limits.negative}, {@code casework.limits.promised.above.statutory}
     */
    public static void requireLimits(int promisedLimitWorkingDays, int statutoryLimitWorkingDays) {
        if (promisedLimitWorkingDays < 0 || statutoryLimitWorkingDays < 0) {
            throw new DomainException("casework.limits.negative");
        }
        if (statutoryLimitWorkingDays > WorkingDayCalendar.MAX_WORKING_DAYS) {
            throw new DomainException(
                    "calendar.days.range", statutoryLimitWorkingDays, WorkingDayCalendar.MAX_WORKING_DAYS);
        }
        if (promisedLimitWorkingDays > statutoryLimitWorkingDays) {
            throw new DomainException(
                    "casework.limits.promised.above.statutory", promisedLimitWorkingDays, statutoryLimitWorkingDays);
        }
    }

    /** The clock of a case accepted on the day, with no pause and no extension. */
    public static LegalClock start(LocalDate acceptedOn, int promisedLimitWorkingDays, int statutoryLimitWorkingDays) {
        return new LegalClock(acceptedOn, promisedLimitWorkingDays, statutoryLimitWorkingDays, List.of(), null, null);
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.getLast().isOpen();
    }

    public boolean isStopped() {
        return stoppedOn != null;
    }

    /** The working days the extension adds, 0 without one. */
    public int extensionWorkingDays() {
        return extension == null ? 0 : extension.workingDays();
    }

    /**
     * The clock paused from {@code day} on (a new line of the ledger).
     *
     * @throws DomainException (conflict) {@code casework.clock.paused} when already paused,
     *     {@code casework.clock.stopped} once decided; {@code casework.clock.pause.before} for a day before acceptance
     *     or before the last pause ended
     */
    public LegalClock pause(Pause pause) {
        requireRunning();
        if (isPaused()) {
            throw DomainException.conflict("casework.clock.paused");
        }
        LocalDate earliest = pauses.isEmpty() ? acceptedOn : pauses.getLast().end();
        if (pause.start().isBefore(earliest) || !pause.isOpen()) {
            throw new DomainException("casework.clock.pause.before", pause.start(), earliest);
        }
        List<Pause> ledger = new ArrayList<>(pauses);
        ledger.add(pause);
        return new LegalClock(
                acceptedOn, promisedLimitWorkingDays, statutoryLimitWorkingDays, ledger, extension, stoppedOn);
    }

    /**
     * The clock running again after {@code day} (the day itself is paused).
     *
     * @param result what a special procedure found; may be {@code null}
     * @throws DomainException (conflict) {@code casework.clock.not.paused}; {@code calendar.pause.dates} for a day
     *     before the pause started
     */
    public LegalClock resume(LocalDate day, String result) {
        if (!isPaused()) {
            throw DomainException.conflict("casework.clock.not.paused");
        }
        List<Pause> ledger = new ArrayList<>(pauses);
        ledger.set(ledger.size() - 1, pauses.getLast().endedOn(day, result));
        return new LegalClock(
                acceptedOn, promisedLimitWorkingDays, statutoryLimitWorkingDays, ledger, extension, stoppedOn);
    }

    /**
     * The clock with its one extension (§42).
     *
     * @throws DomainException (conflict) {@code casework.extension.once} for a second one,
     *     {@code casework.clock.stopped} once decided; {@code casework.extension.late} when approved after the
     *     statutory due date: §42 lets the head extend a limit that is still running, not revive one that ran out
     */
    public LegalClock extend(Extension granted, WorkingDayCalendar calendar) {
        requireRunning();
        if (extension != null) {
            throw DomainException.conflict("casework.extension.once", extension.approvedOn());
        }
        LocalDate statutoryDue =
                statutoryDueDate(calendar, granted.approvedOn()).date();
        if (granted.approvedOn().isAfter(statutoryDue)) {
            throw new DomainException("casework.extension.late", statutoryDue);
        }
        return new LegalClock(
                acceptedOn, promisedLimitWorkingDays, statutoryLimitWorkingDays, pauses, granted, stoppedOn);
    }

    /**
     * The clock stopped on the day of the decision.
     *
     * @throws DomainException (conflict) {@code casework.clock.paused} while paused, {@code casework.clock.stopped}
     */
    public LegalClock stop(LocalDate day) {
        requireRunning();
        if (isPaused()) {
            throw DomainException.conflict("casework.clock.paused");
        }
        return new LegalClock(acceptedOn, promisedLimitWorkingDays, statutoryLimitWorkingDays, pauses, extension, day);
    }

    /** The ledger as periods of the calendar, an open pause running up to {@code today}. */
    public List<PausedPeriod> pausedPeriods(LocalDate today) {
        return pauses.stream().map(p -> p.period(today)).toList();
    }

    /** The working days paused so far, all pauses together. */
    public int pausedWorkingDays(WorkingDayCalendar calendar, LocalDate today) {
        int paused = 0;
        for (PausedPeriod period : pausedPeriods(today)) {
            paused += calendar.workingDaysBetween(period.start(), period.end());
        }
        return paused;
    }

    public DueDate promisedDueDate(WorkingDayCalendar calendar, LocalDate today) {
        return calendar.dueDate(acceptedOn, promisedLimitWorkingDays + extensionWorkingDays(), pausedPeriods(today));
    }

    public DueDate statutoryDueDate(WorkingDayCalendar calendar, LocalDate today) {
        return calendar.dueDate(acceptedOn, statutoryLimitWorkingDays + extensionWorkingDays(), pausedPeriods(today));
    }

    /**
     * The first day on which the case counts as warned ({@link ClockStatus#WARNING}) if nothing changes its clock
     * again: the day the threshold share of the promised limit (the extension included) is used, the pauses as of
     * {@code today} left out. {@code null} when it is never warned: a limit of 0, or a decided case.
     */
    public LocalDate warningFrom(WorkingDayCalendar calendar, LocalDate today, WarningThreshold threshold) {
        int limit = promisedLimitWorkingDays + extensionWorkingDays();
        if (limit == 0 || stoppedOn != null) {
            return null;
        }
        int days = (int) (((long) threshold.percent() * limit + 99) / 100);
        return calendar.dueDate(acceptedOn, days, pausedPeriods(today)).date();
    }

    /** Working days used since acceptance, paused days left out; counted up to the decision once decided. */
    public int usedWorkingDays(WorkingDayCalendar calendar, LocalDate today) {
        LocalDate until = stoppedOn != null && stoppedOn.isBefore(today) ? stoppedOn : today;
        return calendar.workingDaysBetween(acceptedOn, until, pausedPeriods(until));
    }

    /**
     * The clock as seen on {@code today}: due dates, time used and left, and its status. A decided case is seen as on
     * the day of the decision: late if it was decided late, otherwise on time (never warned).
     */
    public Deadlines deadlines(WorkingDayCalendar calendar, LocalDate today, WarningThreshold threshold) {
        LocalDate asOf = stoppedOn != null && stoppedOn.isBefore(today) ? stoppedOn : today;
        DueDate promised = promisedDueDate(calendar, asOf);
        DueDate statutory = statutoryDueDate(calendar, asOf);
        int used = usedWorkingDays(calendar, asOf);
        int limit = promisedLimitWorkingDays + extensionWorkingDays();
        ClockStatus status;
        if (asOf.isAfter(statutory.date())) {
            status = ClockStatus.STATUTORY_OVERDUE;
        } else if (asOf.isAfter(promised.date())) {
            status = ClockStatus.OVERDUE;
        } else if (stoppedOn == null && threshold.reachedBy(used, limit)) {
            // A warning calls for action; a case decided in time needs none.
            status = ClockStatus.WARNING;
        } else {
            status = ClockStatus.ON_TIME;
        }
        return new Deadlines(
                promised.date(),
                statutory.date(),
                used,
                limit - used,
                status,
                isPaused() && stoppedOn == null,
                promised.provisional(),
                statutory.provisional());
    }

    private void requireRunning() {
        if (stoppedOn != null) {
            throw DomainException.conflict("casework.clock.stopped", stoppedOn);
        }
    }
}
