package org.onewindow.kernel.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.onewindow.kernel.error.DomainException;

/**
 * One day of a county's working-day calendar that differs from, or is named beyond, the weekday rule: a holiday
 * (放假) or an adjusted working day (调休上班).
 *
 * <p>An adjusted working day only makes sense on a Saturday or Sunday (a weekday is a working day anyway), so a
 * {@link DayKind#WORKDAY} on Monday–Friday is refused: it is a typing error in the notice. A {@link DayKind#HOLIDAY} is
 * accepted on any day: the notice lists a holiday's whole run, weekends included (元旦 2026 is Thursday 1 to Saturday
 * 3 January), and a weekend holiday keeps its name for the calendar page while changing nothing in the arithmetic.
 *
 * @param date the day
 * @param kind holiday or adjusted working day
 * @param name the holiday's name as the notice gives it, e.g. {@code 春节} or {@code 春节调休上班}; 1–50 characters
 * @throws DomainException {@code calendar.entry.workday.weekday}, {@code calendar.entry.name.required},
 *     {@code calendar.entry.name.length}
 */
public record CalendarEntry(LocalDate date, DayKind kind, String name) {

    public static final int NAME_MAX_LENGTH = 50;

    public CalendarEntry {
        if (date == null) {
            throw new DomainException("calendar.entry.date.required");
        }
        if (kind == null) {
            throw new DomainException("calendar.entry.kind.required");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new DomainException("calendar.entry.name.required", date);
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw new DomainException("calendar.entry.name.length", date, NAME_MAX_LENGTH);
        }
        if (kind == DayKind.WORKDAY && !isWeekend(date)) {
            throw new DomainException("calendar.entry.workday.weekday", date);
        }
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
