package org.onewindow.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The rules of the working-day count hold for any start, any limit and any pauses, across the 2026 notice. */
class WorkingDayCalendarPropertiesTest {

    private static final WorkingDayCalendar NATIONAL = WorkingDayCalendar.national();
    private static final LocalDate FIRST = LocalDate.of(2025, 12, 1);

    @Provide
    Arbitrary<LocalDate> days() {
        // December 2025 to early 2027: every holiday of the notice and both year boundaries.
        return Arbitraries.integers().between(0, 420).map(FIRST::plusDays);
    }

    @Provide
    Arbitrary<List<PausedPeriod>> pauses() {
        Arbitrary<PausedPeriod> pause = Combinators.combine(
                        days(), Arbitraries.integers().between(0, 30))
                .as((start, length) -> new PausedPeriod(start, start.plusDays(length)));
        return pause.list().ofMaxSize(3);
    }

    @Property
    void addingNThenCountingBackGivesN(@ForAll("days") LocalDate start, @ForAll @IntRange(max = 300) int workingDays) {
        LocalDate due = NATIONAL.addWorkingDays(start, workingDays);

        assertThat(NATIONAL.workingDaysBetween(start, due)).isEqualTo(workingDays);
    }

    @Property
    void aDueDateAfterTheStartIsAlwaysAWorkingDay(
            @ForAll("days") LocalDate start, @ForAll @IntRange(min = 1, max = 300) int workingDays) {
        assertThat(NATIONAL.isWorkingDay(NATIONAL.addWorkingDays(start, workingDays)))
                .isTrue();
    }

    @Property
    void oneMoreWorkingDayNeverEndsEarlier(
            @ForAll("days") LocalDate start, @ForAll @IntRange(max = 300) int workingDays) {
        assertThat(NATIONAL.addWorkingDays(start, workingDays + 1))
                .isAfter(NATIONAL.addWorkingDays(start, workingDays));
    }

    @Property
    void countsAddUpOverAnyMiddleDay(
            @ForAll("days") LocalDate from, @ForAll("days") LocalDate middle, @ForAll("days") LocalDate to) {
        List<LocalDate> sorted = new ArrayList<>(List.of(from, middle, to));
        sorted.sort(null);

        assertThat(NATIONAL.workingDaysBetween(sorted.get(0), sorted.get(2)))
                .isEqualTo(NATIONAL.workingDaysBetween(sorted.get(0), sorted.get(1))
                        + NATIONAL.workingDaysBetween(sorted.get(1), sorted.get(2)));
    }

    @Property
    void aPauseNeverShortensADueDate(
            @ForAll("days") LocalDate start,
            @ForAll @IntRange(max = 120) int workingDays,
            @ForAll("pauses") List<PausedPeriod> pauses) {
        LocalDate unpaused = NATIONAL.addWorkingDays(start, workingDays);

        assertThat(NATIONAL.dueDate(start, workingDays, pauses).date()).isAfterOrEqualTo(unpaused);
    }

    @Property
    void withPausesTheCountBackStillGivesN(
            @ForAll("days") LocalDate start,
            @ForAll @IntRange(max = 120) int workingDays,
            @ForAll("pauses") List<PausedPeriod> pauses) {
        LocalDate due = NATIONAL.dueDate(start, workingDays, pauses).date();

        assertThat(NATIONAL.workingDaysBetween(start, due, pauses)).isEqualTo(workingDays);
    }

    @Property
    void aPauseWithinTheLimitMovesTheDueDateByItsWorkingDays(
            @ForAll("days") LocalDate start,
            @ForAll @IntRange(min = 1, max = 60) int workingDays,
            @ForAll @IntRange(max = 59) int offset,
            @ForAll @IntRange(max = 20) int length) {
        LocalDate due = NATIONAL.addWorkingDays(start, workingDays);
        LocalDate pauseStart = start.plusDays(offset);
        PausedPeriod pause = new PausedPeriod(pauseStart, pauseStart.plusDays(length));
        int pausedWorkingDays = NATIONAL.workingDaysBetween(pause.start(), pause.end());

        if (pause.end().isBefore(due)) {
            assertThat(NATIONAL.dueDate(start, workingDays, List.of(pause)).date())
                    .isEqualTo(NATIONAL.addWorkingDays(due, pausedWorkingDays));
        }
    }
}
