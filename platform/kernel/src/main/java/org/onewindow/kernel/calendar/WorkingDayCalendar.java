package org.onewindow.kernel.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.onewindow.kernel.error.DomainException;

/**
 * A county's working-day calendar (工作日历): the days of the State Council's yearly holiday notices, as the county
 * admin entered or imported them, and the weekday rule (Monday–Friday work) for every day not listed.
 *
 * <p><b>How periods are counted.</b> The time limits of the Administrative Licensing Law are in working days,
 * statutory holidays excluded (《中华人民共和国行政许可法》第八十二条), and a period counted in days does not include
 * the day it starts on; it starts the next day (《中华人民共和国民法典》第二百零一条). So a limit of N working days
 * from a case accepted on day A ends on the N-th working day <em>after</em> A: accepted on a Monday with a limit of 1,
 * the case is due on Tuesday. A limit of 0 (an on-the-spot item, 即办件) is due on the day itself. Because only working
 * days are counted, the last day is always a working day, which is what 民法典 §203 asks of a period ending on a
 * holiday. {@link #workingDaysBetween} counts the same way (after {@code from}, up to and including {@code to}), so
 * adding N working days and counting back gives N.
 *
 * <p><b>Years without a notice.</b> A year with no entry at all is taken to have no notice loaded: its days follow
 * the weekday rule and every {@link DueDate} that crosses it is {@linkplain DueDate#provisional() provisional}.
 *
 * <p>Immutable and thread-safe; build it once per county and share it.
 */
public final class WorkingDayCalendar {

    /** The zone every legal date of the product is read in: a county's day is China's day, whatever the server's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * The longest count accepted, in working days (about eight years). Statutory limits are at most a few dozen
     * working days; this only guards the day-by-day walk against nonsense input.
     */
    public static final int MAX_WORKING_DAYS = 2000;

    private static final String BUNDLED_2026 = "cn-holidays-2026.csv";

    private final Map<LocalDate, CalendarEntry> entries;
    private final Set<Year> notifiedYears;

    private WorkingDayCalendar(Map<LocalDate, CalendarEntry> entries, Set<Year> notifiedYears) {
        this.entries = Map.copyOf(entries);
        this.notifiedYears = Set.copyOf(notifiedYears);
    }

    /**
     * A calendar from the listed days; the years they fall in count as notified.
     *
     * @throws DomainException {@code calendar.entry.conflict} when one date is listed twice
     */
    public static WorkingDayCalendar of(Collection<CalendarEntry> entries) {
        Set<Year> years =
                entries.stream().map(entry -> Year.of(entry.date().getYear())).collect(Collectors.toSet());
        return of(entries, years);
    }

    /**
     * A calendar from the listed days and the years whose notice is known to be loaded, as stored per county: a
     * county's own day in a year (a local holiday) does not mean that year's national notice is in.
     *
     * @throws DomainException {@code calendar.entry.conflict} when one date is listed twice
     */
    public static WorkingDayCalendar of(Collection<CalendarEntry> entries, Set<Year> notifiedYears) {
        Map<LocalDate, CalendarEntry> byDate = new HashMap<>();
        for (CalendarEntry entry : entries) {
            CalendarEntry earlier = byDate.putIfAbsent(entry.date(), entry);
            if (earlier != null) {
                throw new DomainException("calendar.entry.conflict", entry.date());
            }
        }
        return new WorkingDayCalendar(byDate, notifiedYears);
    }

    /** The weekday rule alone, with no notice for any year: every due date from it is provisional. */
    public static WorkingDayCalendar weekdaysOnly() {
        return new WorkingDayCalendar(Map.of(), Set.of());
    }

    /**
     * The national calendar the product ships (the 2026 notice of 2025-11-04), the default for a county that has not
     * entered its own yet, and for demos and tests.
     */
    public static WorkingDayCalendar national() {
        return of(bundledNotice2026());
    }

    /** The days of the official 2026 notice shipped with the kernel. */
    public static List<CalendarEntry> bundledNotice2026() {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(BUNDLED_2026)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUNDLED_2026);
            }
            return HolidayNoticeCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Today in China by the given clock (never the system clock). */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** This calendar with the days of another notice added (a county's local day, next year's notice). */
    public WorkingDayCalendar with(Collection<CalendarEntry> more) {
        List<CalendarEntry> all = new ArrayList<>(entries.values());
        all.addAll(more);
        Set<Year> years = new HashSet<>(notifiedYears);
        more.forEach(entry -> years.add(Year.of(entry.date().getYear())));
        return of(all, years);
    }

    /** Every listed day, in date order, for the calendar page and for storage. */
    public List<CalendarEntry> entries() {
        return entries.values().stream()
                .sorted(Comparator.comparing(CalendarEntry::date))
                .toList();
    }

    /** A listed day's entry, empty for a day that follows the weekday rule. */
    public Optional<CalendarEntry> entry(LocalDate date) {
        return Optional.ofNullable(entries.get(date));
    }

    /** The years a notice was loaded for, in order. */
    public Set<Year> notifiedYears() {
        return new TreeSet<>(notifiedYears);
    }

    public boolean isNotified(Year year) {
        return notifiedYears.contains(year);
    }

    /** A listed day is what the notice says; any other day is a working day from Monday to Friday. */
    public boolean isWorkingDay(LocalDate date) {
        CalendarEntry entry = entries.get(date);
        if (entry != null) {
            return entry.kind() == DayKind.WORKDAY;
        }
        return !CalendarEntry.isWeekend(date);
    }

    /**
     * The N-th working day after {@code start} (the start day itself not counted; N = 0 gives {@code start}).
     *
     * @throws DomainException {@code calendar.days.range} when N is negative or above {@link #MAX_WORKING_DAYS}
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        return dueDate(start, workingDays, List.of()).date();
    }

    /**
     * The N-th working day after {@code start} that is not paused, with the years the count assumed the weekday rule
     * for. A pause never makes the date earlier: it only skips the paused working days.
     *
     * @param start the day the period starts from (not counted), e.g. the acceptance date
     * @param workingDays N, 0 to {@link #MAX_WORKING_DAYS}
     * @param pauses periods not counted; they may overlap each other and lie anywhere
     * @throws DomainException {@code calendar.days.range}
     */
    public DueDate dueDate(LocalDate start, int workingDays, Collection<PausedPeriod> pauses) {
        requireRange(workingDays);
        Set<Year> assumed = new TreeSet<>();
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            noteAssumed(day, assumed);
            if (isWorkingDay(day) && !paused(day, pauses)) {
                counted++;
            }
        }
        return new DueDate(day, assumed);
    }

    /**
     * The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after
     * {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return workingDaysBetween(from, to, List.of());
    }

    /** As {@link #workingDaysBetween(LocalDate, LocalDate)}, leaving out the paused days. */
    public int workingDaysBetween(LocalDate from, LocalDate to, Collection<PausedPeriod> pauses) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day) && !paused(day, pauses)) {
                count++;
            }
        }
        return count;
    }

    /** The years from {@code from} to {@code to} (both included) that have no notice. */
    public Set<Year> yearsWithoutNotice(LocalDate from, LocalDate to) {
        Set<Year> missing = new TreeSet<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!notifiedYears.contains(Year.of(year))) {
                missing.add(Year.of(year));
            }
        }
        return missing;
    }

    private void noteAssumed(LocalDate day, Set<Year> assumed) {
        Year year = Year.of(day.getYear());
        if (!notifiedYears.contains(year)) {
            assumed.add(year);
        }
    }

    private static boolean paused(LocalDate day, Collection<PausedPeriod> pauses) {
        for (PausedPeriod pause : pauses) {
            if (pause.pauses(day)) {
                return true;
            }
        }
        return false;
    }

    private static void requireRange(int workingDays) {
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new DomainException("calendar.days.range", workingDays, MAX_WORKING_DAYS);
        }
    }
}
