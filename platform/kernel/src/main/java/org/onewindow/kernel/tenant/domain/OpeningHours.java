package org.onewindow.kernel.tenant.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.onewindow.kernel.error.DomainException;

/**
 * The opening hours (营业时间) of a service point: for each weekday it is open, when it opens and closes and, as most
 * Chinese halls keep one, a lunch break (午休) between. A weekday not listed is closed. Stored as one line ({@code
 * MONDAY=08:30-12:00,14:00-17:30;SATURDAY=09:00-12:00}), shown by the guide and the console as the same days.
 */
public final class OpeningHours {

    /** The stored text's length at most, as its column holds it. */
    public static final int STORED_MAX_LENGTH = 400;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * One open weekday.
     *
     * @param day the weekday
     * @param opens when the doors open
     * @param lunchStarts when the lunch break starts, {@code null} without one
     * @param lunchEnds when it ends, {@code null} without one
     * @param closes when the doors close
     */
    public record Day(DayOfWeek day, LocalTime opens, LocalTime lunchStarts, LocalTime lunchEnds, LocalTime closes) {

        /**
         * @throws DomainException 400 {@code service.point.hours.order} when the times are not in the order opens,
         *     lunch start, lunch end, closes (an end before its start), {@code service.point.hours.lunch} when only
         *     one end of the lunch break is given
         */
        public Day {
            if (day == null || opens == null || closes == null) {
                throw new DomainException("service.point.hours.required");
            }
            if ((lunchStarts == null) != (lunchEnds == null)) {
                throw new DomainException("service.point.hours.lunch", day.getValue());
            }
            boolean ordered = lunchStarts == null
                    ? opens.isBefore(closes)
                    : opens.isBefore(lunchStarts) && lunchStarts.isBefore(lunchEnds) && lunchEnds.isBefore(closes);
            if (!ordered) {
                throw new DomainException("service.point.hours.order", day.getValue());
            }
        }

        /** {@code 08:30-12:00, 14:00-17:30}, or {@code 08:30-17:30} without a lunch break. */
        public String shown() {
            return lunchStarts == null
                    ? time(opens) + "-" + time(closes)
                    : time(opens) + "-" + time(lunchStarts) + ", " + time(lunchEnds) + "-" + time(closes);
        }

        /** Whether the doors are open at {@code time} (not over lunch). */
        public boolean openAt(LocalTime time) {
            boolean inDay = !time.isBefore(opens) && time.isBefore(closes);
            boolean atLunch = lunchStarts != null && !time.isBefore(lunchStarts) && time.isBefore(lunchEnds);
            return inDay && !atLunch;
        }
    }

    private static final OpeningHours NONE = new OpeningHours(Map.of());

    private final Map<DayOfWeek, Day> days;

    private OpeningHours(Map<DayOfWeek, Day> days) {
        this.days = days;
    }

    /** No opening hours set: the guide says to ask the point. */
    public static OpeningHours none() {
        return NONE;
    }

    /**
     * @throws DomainException 400 {@code service.point.hours.day.twice} for a weekday given twice
     */
    public static OpeningHours of(List<Day> days) {
        Map<DayOfWeek, Day> byDay = new EnumMap<>(DayOfWeek.class);
        for (Day day : days) {
            if (byDay.put(day.day(), day) != null) {
                throw new DomainException(
                        "service.point.hours.day.twice", day.day().getValue());
            }
        }
        return new OpeningHours(byDay);
    }

    /** Reads the stored line; an empty line is {@link #none()}. */
    public static OpeningHours parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        List<Day> days = new ArrayList<>();
        for (String entry : stored.split(";")) {
            String[] dayAndSpans = entry.split("=", 2);
            String[] spans = dayAndSpans[1].split(",");
            DayOfWeek day = DayOfWeek.valueOf(dayAndSpans[0]);
            String[] first = spans[0].split("-");
            if (spans.length == 1) {
                days.add(new Day(day, time(first[0]), null, null, time(first[1])));
            } else {
                String[] second = spans[1].split("-");
                days.add(new Day(day, time(first[0]), time(first[1]), time(second[0]), time(second[1])));
            }
        }
        return of(days);
    }

    /**
     * A time as typed, {@code HH:mm}.
     *
     * @throws DomainException 400 {@code service.point.hours.time} naming the text
     */
    public static LocalTime time(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new DomainException("service.point.hours.time", text == null ? "" : text);
        }
    }

    static String time(LocalTime time) {
        return time.format(HH_MM);
    }

    /** The line the column keeps. */
    public String stored() {
        List<String> entries = new ArrayList<>();
        for (Day day : days.values()) {
            entries.add(day.day().name() + "=" + day.shown().replace(", ", ","));
        }
        return String.join(";", entries);
    }

    /** The open weekdays, Monday first. */
    public List<Day> days() {
        return List.copyOf(days.values());
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpeningHours hours && hours.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return stored();
    }
}
