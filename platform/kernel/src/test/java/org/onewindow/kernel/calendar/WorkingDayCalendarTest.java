package org.onewindow.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** Working days on the 2026 national calendar, counted as the Administrative Licensing Law counts them. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar NATIONAL = WorkingDayCalendar.national();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class TheShippedNotice {

        @Test
        void listsTheThirtyNineDaysOfThe2026Notice() {
            List<CalendarEntry> days = WorkingDayCalendar.bundledNotice2026();

            assertThat(days).hasSize(39);
            assertThat(days)
                    .filteredOn(e -> e.kind() == DayKind.WORKDAY)
                    .extracting(CalendarEntry::date)
                    .containsExactly(
                            date("2026-01-04"),
                            date("2026-02-14"),
                            date("2026-02-28"),
                            date("2026-05-09"),
                            date("2026-09-20"),
                            date("2026-10-10"));
            assertThat(NATIONAL.notifiedYears()).containsExactly(Year.of(2026));
        }

        @Test
        void has248WorkingDaysIn2026() {
            assertThat(NATIONAL.workingDaysBetween(date("2025-12-31"), date("2026-12-31")))
                    .isEqualTo(248);
        }
    }

    @Nested
    class WhichDaysAreWorked {

        @Test
        void weekdaysWorkAndWeekendsRestWhenTheNoticeSaysNothing() {
            assertThat(NATIONAL.isWorkingDay(date("2026-11-30"))).as("Monday").isTrue();
            assertThat(NATIONAL.isWorkingDay(date("2026-12-04"))).as("Friday").isTrue();
            assertThat(NATIONAL.isWorkingDay(date("2026-12-05"))).as("Saturday").isFalse();
            assertThat(NATIONAL.isWorkingDay(date("2026-12-06"))).as("Sunday").isFalse();
        }

        @Test
        void aHolidayOnAWeekdayIsNotWorked() {
            assertThat(NATIONAL.isWorkingDay(date("2026-02-16")))
                    .as("春节, Monday")
                    .isFalse();
            assertThat(NATIONAL.isWorkingDay(date("2026-10-08")))
                    .as("after 国庆, Thursday")
                    .isTrue();
            assertThat(NATIONAL.entry(date("2026-10-01")))
                    .get()
                    .extracting(CalendarEntry::name)
                    .isEqualTo("国庆节");
        }

        @Test
        void anAdjustedWorkingDayOnAWeekendIsWorked() {
            assertThat(NATIONAL.isWorkingDay(date("2026-02-14")))
                    .as("Saturday 春节调休上班")
                    .isTrue();
            assertThat(NATIONAL.isWorkingDay(date("2026-09-20")))
                    .as("Sunday 国庆节调休上班")
                    .isTrue();
        }
    }

    @Nested
    class CountingALimit {

        @Test
        void theDayOfAcceptanceIsNotCounted() {
            // Accepted on Monday 30 November with a limit of one working day: due on Tuesday.
            assertThat(NATIONAL.addWorkingDays(date("2026-11-30"), 1)).isEqualTo(date("2026-12-01"));
            assertThat(NATIONAL.addWorkingDays(date("2026-11-30"), 20)).isEqualTo(date("2026-12-28"));
        }

        @Test
        void aLimitOfZeroIsDueTheSameDay() {
            assertThat(NATIONAL.addWorkingDays(date("2026-11-30"), 0)).isEqualTo(date("2026-11-30"));
        }

        @Test
        void acrossTheSpringFestivalTheAdjustedSaturdayCountsAndTheNineDaysOffDoNot() {
            // Thursday 12 Feb + 3: Friday 13, Saturday 14 (调休上班), then 15–23 off, Tuesday 24.
            assertThat(NATIONAL.addWorkingDays(date("2026-02-12"), 3)).isEqualTo(date("2026-02-24"));
            assertThat(NATIONAL.workingDaysBetween(date("2026-02-12"), date("2026-02-24")))
                    .isEqualTo(3);
        }

        @Test
        void acrossNationalDayTheLimitMayEndOnTheAdjustedSaturday() {
            // Wednesday 30 Sep + 3: 1–7 Oct off, Thursday 8, Friday 9, Saturday 10 (调休上班).
            assertThat(NATIONAL.addWorkingDays(date("2026-09-30"), 3)).isEqualTo(date("2026-10-10"));
            // Friday 18 Sep + 5 starts with Sunday 20 (调休上班).
            assertThat(NATIONAL.addWorkingDays(date("2026-09-18"), 5)).isEqualTo(date("2026-09-24"));
        }

        @Test
        void aStartOnAHolidayCountsFromTheNextWorkingDay() {
            assertThat(NATIONAL.addWorkingDays(date("2026-10-03"), 1)).isEqualTo(date("2026-10-08"));
        }

        @Test
        void aNegativeOrAbsurdLimitIsRefused() {
            assertThatThrownBy(() -> NATIONAL.addWorkingDays(date("2026-11-30"), -1))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).key())
                    .isEqualTo("calendar.days.range");
            assertThatThrownBy(
                            () -> NATIONAL.addWorkingDays(date("2026-11-30"), WorkingDayCalendar.MAX_WORKING_DAYS + 1))
                    .isInstanceOf(DomainException.class);
        }

        @Test
        void countingBackwardsGivesNothing() {
            assertThat(NATIONAL.workingDaysBetween(date("2026-12-01"), date("2026-11-30")))
                    .isZero();
            assertThat(NATIONAL.workingDaysBetween(date("2026-12-01"), date("2026-12-01")))
                    .isZero();
        }
    }

    @Nested
    class AcrossTheYearBoundary {

        @Test
        void withoutNextYearsNoticeTheWeekdayRuleIsAssumedAndTheDateIsProvisional() {
            // Monday 28 Dec 2026 + 5: 29, 30, 31, Friday 1 Jan 2027 (no notice yet: counted as a weekday), Monday 4.
            DueDate due = NATIONAL.dueDate(date("2026-12-28"), 5, List.of());

            assertThat(due.date()).isEqualTo(date("2027-01-04"));
            assertThat(due.provisional()).isTrue();
            assertThat(due.yearsWithoutNotice()).containsExactly(Year.of(2027));
        }

        @Test
        void onceNextYearsNoticeIsLoadedTheDateIsCertainAndMoves() {
            WorkingDayCalendar with2027 =
                    NATIONAL.with(List.of(new CalendarEntry(date("2027-01-01"), DayKind.HOLIDAY, "元旦")));

            DueDate due = with2027.dueDate(date("2026-12-28"), 5, List.of());

            assertThat(due.date()).isEqualTo(date("2027-01-05"));
            assertThat(due.provisional()).isFalse();
        }

        @Test
        void aLimitEndingWithinANotifiedYearIsCertain() {
            DueDate due = NATIONAL.dueDate(date("2026-11-30"), 20, List.of());

            assertThat(due.provisional()).isFalse();
            assertThat(NATIONAL.yearsWithoutNotice(date("2026-12-28"), date("2028-01-03")))
                    .containsExactly(Year.of(2027), Year.of(2028));
        }

        @Test
        void aLocalDayInAYearDoesNotMeanItsNationalNoticeIsIn() {
            List<CalendarEntry> withLocalDay = new ArrayList<>(NATIONAL.entries());
            withLocalDay.add(new CalendarEntry(date("2027-03-15"), DayKind.HOLIDAY, "县庆"));

            WorkingDayCalendar county = WorkingDayCalendar.of(withLocalDay, Set.of(Year.of(2026)));

            assertThat(county.dueDate(date("2026-12-28"), 5, List.of()).provisional())
                    .isTrue();
            assertThat(county.isWorkingDay(date("2027-03-15"))).isFalse();
            assertThat(county.entries())
                    .hasSize(40)
                    .first()
                    .extracting(CalendarEntry::date)
                    .isEqualTo(date("2026-01-01"));
        }

        @Test
        void aCalendarWithoutAnyNoticeMakesEveryCountProvisional() {
            DueDate due = WorkingDayCalendar.weekdaysOnly().dueDate(date("2026-02-12"), 3, List.of());

            assertThat(due.date())
                    .as("the weekday rule alone ignores the Spring Festival")
                    .isEqualTo(date("2026-02-17"));
            assertThat(due.provisional()).isTrue();
        }
    }

    @Nested
    class Pauses {

        @Test
        void pausedWorkingDaysPushTheDueDateBack() {
            // Accepted Monday 30 Nov, 5 days: due Monday 7 Dec. Supplements asked Tuesday 1 Dec, received Thursday 3
            // Dec:
            // Wednesday 2 and Thursday 3 are paused, so the due date moves two working days, to Wednesday 9 Dec.
            PausedPeriod supplements = new PausedPeriod(date("2026-12-01"), date("2026-12-03"));

            DueDate due = NATIONAL.dueDate(date("2026-11-30"), 5, List.of(supplements));

            assertThat(NATIONAL.addWorkingDays(date("2026-11-30"), 5)).isEqualTo(date("2026-12-07"));
            assertThat(due.date()).isEqualTo(date("2026-12-09"));
            assertThat(NATIONAL.workingDaysBetween(date("2026-11-30"), date("2026-12-09"), List.of(supplements)))
                    .isEqualTo(5);
        }

        @Test
        void aPauseOverAWeekendOrHolidayCostsOnlyItsWorkingDays() {
            // Paused from Friday 4 Dec to Monday 7 Dec: only Monday was a working day.
            PausedPeriod pause = new PausedPeriod(date("2026-12-04"), date("2026-12-07"));

            assertThat(NATIONAL.dueDate(date("2026-11-30"), 5, List.of(pause)).date())
                    .isEqualTo(date("2026-12-08"));
        }

        @Test
        void aPauseLiftedTheDayItWasOrderedPausesNothing() {
            PausedPeriod sameDay = new PausedPeriod(date("2026-12-02"), date("2026-12-02"));

            assertThat(NATIONAL.dueDate(date("2026-11-30"), 5, List.of(sameDay)).date())
                    .isEqualTo(date("2026-12-07"));
        }

        @Test
        void aPauseCannotEndBeforeItStarts() {
            assertThatThrownBy(() -> new PausedPeriod(date("2026-12-03"), date("2026-12-01")))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).key())
                    .isEqualTo("calendar.pause.dates");
        }
    }

    @Nested
    class BuildingACalendar {

        @Test
        void aDateListedTwiceIsRefused() {
            List<CalendarEntry> twice = List.of(
                    new CalendarEntry(date("2026-02-14"), DayKind.WORKDAY, "春节调休上班"),
                    new CalendarEntry(date("2026-02-14"), DayKind.HOLIDAY, "春节"));

            assertThatThrownBy(() -> WorkingDayCalendar.of(twice))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).key())
                    .isEqualTo("calendar.entry.conflict");
        }

        @Test
        void anAdjustedWorkingDayOnAWeekdayIsRefused() {
            assertThatThrownBy(() -> new CalendarEntry(date("2026-02-13"), DayKind.WORKDAY, "调休"))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).key())
                    .isEqualTo("calendar.entry.workday.weekday");
        }

        @Test
        void aHolidayOnAWeekendIsKeptForItsName() {
            CalendarEntry saturday = new CalendarEntry(date("2026-01-03"), DayKind.HOLIDAY, " 元旦 ");

            assertThat(saturday.name()).isEqualTo("元旦");
            assertThat(NATIONAL.isWorkingDay(saturday.date())).isFalse();
        }

        @Test
        void todayIsChinasDayWhateverTheClocksZone() {
            // 17:30 UTC on 31 Dec is already 1 Jan in Beijing.
            Clock utc = Clock.fixed(Instant.parse("2026-12-31T17:30:00Z"), ZoneOffset.UTC);

            assertThat(WorkingDayCalendar.today(utc)).isEqualTo(date("2027-01-01"));
        }
    }
}
