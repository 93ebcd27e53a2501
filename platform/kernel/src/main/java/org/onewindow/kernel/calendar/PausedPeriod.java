package org.onewindow.kernel.calendar;

import java.time.LocalDate;
import org.onewindow.kernel.error.DomainException;

/**
 * A period during which a time limit does not run (暂停计时): waiting for the applicant's supplements, or a special
 * procedure under §45 of the Administrative Licensing Law (hearing, testing, expert review, …).
 *
 * <p>The period counts like every period of the law (民法典 §201: the day it starts on is not counted): the working
 * days <em>after</em> {@code start} up to and including {@code end} are paused. The day a supplement is requested
 * still counts as used, since the department worked on the case that day; the day the supplement arrives is paused,
 * and the clock runs again from the next day, as it did after acceptance. Paused and running time therefore add up
 * exactly: {@code between(a, c) == between(a, b) + between(b, c)}. A pause requested and lifted on the same day pauses
 * nothing.
 *
 * @param start the day the pause was ordered (not paused itself)
 * @param end the day the pause was lifted (paused); not before {@code start}
 * @throws DomainException {@code calendar.pause.dates} when a date is missing or {@code end} is before {@code start}
 */
public record PausedPeriod(LocalDate start, LocalDate end) {

    public PausedPeriod {
        if (start == null || end == null || end.isBefore(start)) {
            throw new DomainException("calendar.pause.dates", start, end);
        }
    }

    /** Whether the day is one of the paused days, i.e. after {@code start} and not after {@code end}. */
    public boolean pauses(LocalDate day) {
        return day.isAfter(start) && !day.isAfter(end);
    }
}
