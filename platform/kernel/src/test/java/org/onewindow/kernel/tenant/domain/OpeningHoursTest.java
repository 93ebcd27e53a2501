package org.onewindow.kernel.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** A hall's opening hours: weekdays with a lunch break, kept as one line and read back the same. */
class OpeningHoursTest {

    private static OpeningHours.Day day(
            DayOfWeek day, String opens, String lunchStarts, String lunchEnds, String closes) {
        return new OpeningHours.Day(
                day,
                LocalTime.parse(opens),
                lunchStarts == null ? null : LocalTime.parse(lunchStarts),
                lunchEnds == null ? null : LocalTime.parse(lunchEnds),
                LocalTime.parse(closes));
    }

    @Test
    void aWeekWithALunchBreakIsStoredAndReadBackTheSame() {
        OpeningHours hours = OpeningHours.of(List.of(
                day(DayOfWeek.SATURDAY, "09:00", null, null, "12:00"),
                day(DayOfWeek.MONDAY, "08:30", "12:00", "14:00", "17:30")));

        assertThat(hours.stored()).isEqualTo("MONDAY=08:30-12:00,14:00-17:30;SATURDAY=09:00-12:00");
        assertThat(OpeningHours.parse(hours.stored())).isEqualTo(hours);
        assertThat(hours.days())
                .extracting(OpeningHours.Day::day)
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        assertThat(hours.days().getFirst().shown()).isEqualTo("08:30-12:00, 14:00-17:30");
    }

    @Test
    void theDoorsAreShutOverLunch() {
        OpeningHours.Day monday = day(DayOfWeek.MONDAY, "08:30", "12:00", "14:00", "17:30");

        assertThat(monday.openAt(LocalTime.of(9, 0))).isTrue();
        assertThat(monday.openAt(LocalTime.of(12, 30))).isFalse();
        assertThat(monday.openAt(LocalTime.of(17, 30))).isFalse();
    }

    @Test
    void noHoursIsAnEmptyLine() {
        assertThat(OpeningHours.parse("")).isEqualTo(OpeningHours.none());
        assertThat(OpeningHours.none().stored()).isEmpty();
    }

    @Test
    void closingBeforeOpeningIsRefusedNamingTheWeekday() {
        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> day(DayOfWeek.TUESDAY, "17:30", null, null, "08:30"));

        assertThat(refused.key()).isEqualTo("service.point.hours.order");
        assertThat(refused.arguments()).containsExactly(2);
    }

    @Test
    void aLunchBreakOutsideTheDayIsRefused() {
        DomainException refused = catchThrowableOfType(
                DomainException.class, () -> day(DayOfWeek.MONDAY, "08:30", "18:00", "19:00", "17:30"));

        assertThat(refused.key()).isEqualTo("service.point.hours.order");
    }

    @Test
    void halfALunchBreakIsRefused() {
        DomainException refused = catchThrowableOfType(
                DomainException.class, () -> day(DayOfWeek.MONDAY, "08:30", "12:00", null, "17:30"));

        assertThat(refused.key()).isEqualTo("service.point.hours.lunch");
    }

    @Test
    void aWeekdayTwiceIsRefused() {
        DomainException refused = catchThrowableOfType(
                DomainException.class,
                () -> OpeningHours.of(List.of(
                        day(DayOfWeek.MONDAY, "08:30", null, null, "17:30"),
                        day(DayOfWeek.MONDAY, "09:00", null, null, "12:00"))));

        assertThat(refused.key()).isEqualTo("service.point.hours.day.twice");
    }

    @Test
    void aTimeThatIsNoTimeIsRefusedNamingIt() {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> OpeningHours.time("25:00"));

        assertThat(refused.key()).isEqualTo("service.point.hours.time");
        assertThat(refused.arguments()).containsExactly("25:00");
    }
}
