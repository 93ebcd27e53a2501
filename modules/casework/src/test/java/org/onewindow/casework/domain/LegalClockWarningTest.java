package org.onewindow.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.casework.domain.Fixtures.CALENDAR;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first day of the warning, which the queues' background job compares with the date: the clock's own status
 * turns WARNING on that day and not the working day before; pauses move it, a limit of 0 or a decision removes it.
 */
class LegalClockWarningTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Test
    void theWarningStartsOnTheDayTheClockSaysWarning() {
        LegalClock clock = LegalClock.start(MONDAY, 20, 30);

        LocalDate warnFrom = clock.warningFrom(CALENDAR, MONDAY, WarningThreshold.DEFAULT);

        assertThat(CALENDAR.workingDaysBetween(MONDAY, warnFrom)).isEqualTo(16);
        assertThat(clock.deadlines(CALENDAR, warnFrom, WarningThreshold.DEFAULT).status())
                .isEqualTo(ClockStatus.WARNING);
        assertThat(clock.deadlines(CALENDAR, lastWorkingDayBefore(warnFrom), WarningThreshold.DEFAULT)
                        .status())
                .isEqualTo(ClockStatus.ON_TIME);
    }

    @Test
    void aPauseMovesTheWarningLater() {
        LegalClock running = LegalClock.start(MONDAY, 20, 30);
        Pause supplement = new Pause(
                PauseKind.SUPPLEMENT,
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 4),
                "补充银行流水",
                "第三十二条",
                null,
                null);
        LegalClock paused = new LegalClock(MONDAY, 20, 30, List.of(supplement), null, null);

        assertThat(paused.warningFrom(CALENDAR, MONDAY.plusDays(10), WarningThreshold.DEFAULT))
                .isAfter(running.warningFrom(CALENDAR, MONDAY.plusDays(10), WarningThreshold.DEFAULT));
    }

    @Test
    void anOnTheSpotItemOrADecidedCaseIsNeverWarned() {
        assertThat(LegalClock.start(MONDAY, 0, 3).warningFrom(CALENDAR, MONDAY, WarningThreshold.DEFAULT))
                .isNull();
        assertThat(LegalClock.start(MONDAY, 20, 30)
                        .stop(MONDAY.plusDays(2))
                        .warningFrom(CALENDAR, MONDAY.plusDays(3), WarningThreshold.DEFAULT))
                .isNull();
    }

    private static LocalDate lastWorkingDayBefore(LocalDate day) {
        LocalDate before = day.minusDays(1);
        while (CALENDAR.workingDaysBetween(before.minusDays(1), before) == 0) {
            before = before.minusDays(1);
        }
        return before;
    }
}
