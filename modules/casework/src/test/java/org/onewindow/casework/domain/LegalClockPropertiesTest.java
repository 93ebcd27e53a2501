package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.onewindow.kernel.calendar.WorkingDayCalendar;

/** The clock's rules for any acceptance day, limits, pause and day of looking. */
class LegalClockPropertiesTest {

    private static final WorkingDayCalendar CALENDAR = Fixtures.CALENDAR;
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 364).map(FIRST::plusDays);
    }

    @Property
    void thePromisedDueDateIsNeverAfterTheStatutoryOne(
            @ForAll("days") LocalDate acceptedOn,
            @ForAll @IntRange(max = 30) int promised,
            @ForAll @IntRange(max = 30) int more,
            @ForAll @IntRange(max = 60) int lookAfter) {
        LegalClock clock = LegalClock.start(acceptedOn, promised, promised + more);

        Deadlines seen = clock.deadlines(CALENDAR, acceptedOn.plusDays(lookAfter), WarningThreshold.DEFAULT);

        assertThat(seen.promisedDueDate()).isBeforeOrEqualTo(seen.statutoryDueDate());
    }

    @Property
    void aPauseNeverShortensEitherDueDate(
            @ForAll("days") LocalDate acceptedOn,
            @ForAll @IntRange(max = 30) int promised,
            @ForAll @IntRange(max = 20) int pauseAfter,
            @ForAll @IntRange(max = 20) int pauseLength) {
        LegalClock running = LegalClock.start(acceptedOn, promised, promised + 10);
        LocalDate pausedOn = acceptedOn.plusDays(pauseAfter);
        LocalDate resumedOn = pausedOn.plusDays(pauseLength);
        LocalDate later = resumedOn.plusDays(1);

        LegalClock paused = running.pause(new Pause(PauseKind.SUPPLEMENT, pausedOn, null, "补正", "依据", null, null))
                .resume(resumedOn, null);

        Deadlines before = running.deadlines(CALENDAR, later, WarningThreshold.DEFAULT);
        Deadlines after = paused.deadlines(CALENDAR, later, WarningThreshold.DEFAULT);
        assertThat(after.promisedDueDate()).isAfterOrEqualTo(before.promisedDueDate());
        assertThat(after.statutoryDueDate()).isAfterOrEqualTo(before.statutoryDueDate());
        assertThat(after.usedWorkingDays()).isLessThanOrEqualTo(before.usedWorkingDays());
    }

    @Property
    void usedAndRemainingAddUpToTheLimit(
            @ForAll("days") LocalDate acceptedOn,
            @ForAll @IntRange(max = 30) int promised,
            @ForAll @IntRange(max = 60) int lookAfter) {
        LegalClock clock = LegalClock.start(acceptedOn, promised, 30);

        Deadlines seen = clock.deadlines(CALENDAR, acceptedOn.plusDays(lookAfter), WarningThreshold.DEFAULT);

        assertThat(seen.usedWorkingDays() + seen.remainingWorkingDays()).isEqualTo(promised);
    }

    @Property
    void overdueExactlyWhenTodayIsAfterThePromisedDueDate(
            @ForAll("days") LocalDate acceptedOn,
            @ForAll @IntRange(max = 30) int promised,
            @ForAll @IntRange(max = 60) int lookAfter) {
        LegalClock clock = LegalClock.start(acceptedOn, promised, promised);
        LocalDate today = acceptedOn.plusDays(lookAfter);

        Deadlines seen = clock.deadlines(CALENDAR, today, WarningThreshold.DEFAULT);

        boolean late = seen.status() == ClockStatus.OVERDUE || seen.status() == ClockStatus.STATUTORY_OVERDUE;
        assertThat(late).isEqualTo(today.isAfter(seen.promisedDueDate()));
    }
}
