package org.onewindow.kernel.calendar.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.calendar.CalendarEntry;
import org.onewindow.kernel.calendar.DayKind;
import org.onewindow.kernel.calendar.HolidayNoticeCsv;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.kernel.imports.DecodedText;
import org.onewindow.kernel.imports.TextDecoder;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Each county's working-day calendar as stored (ADR 0005): the notices its administrators imported, the county's
 * own days, and the national notice the product ships for the years the county has not imported yet.
 *
 * <p>Everyone of a county counts on it (a village's clerk too: row-level security lets the whole county read it);
 * only a county administrator changes it, and every change is audited in the county's trail.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CalendarService {

    /** Where a listed day comes from. */
    public enum Source {
        /** A State Council notice the county imported. */
        NOTICE,
        /** A day the county entered itself (a local holiday, a correction). */
        LOCAL,
        /** The national notice shipped with the product, used while the county has not imported that year. */
        BUNDLED
    }

    /** A listed day and where it comes from. */
    public record Day(CalendarEntry entry, Source source) {}

    /**
     * One year of a county's calendar as the console shows it.
     *
     * @param year the year
     * @param noticeLoaded whether the county imported the year's notice
     * @param bundled whether the shipped national notice stands in for it
     * @param days the listed days in date order
     */
    public record YearView(int year, boolean noticeLoaded, boolean bundled, List<Day> days) {}

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditService audit;

    /**
     * The working-day calendar of the county {@code division} lies in, for the legal clock: the county's stored days
     * and imported years, and for a year it has not imported, the shipped national notice where there is one (else
     * the weekday rule, and due dates across it are provisional).
     */
    public WorkingDayCalendar of(DivisionCode division) {
        String county = division.county().value();
        List<Day> days = days(county, null);
        Set<Year> years = new HashSet<>(loadedYears(county));
        List<CalendarEntry> entries = new ArrayList<>();
        days.forEach(day -> entries.add(day.entry()));
        years.addAll(bundledYearsNotLoaded(county));
        return WorkingDayCalendar.of(entries, years);
    }

    /** One year of the caller's county, for the console. */
    public YearView year(int year) {
        String county = countyOf(caller.require());
        checkYear(year);
        boolean loaded = loadedYears(county).contains(Year.of(year));
        List<Day> days = days(county, year);
        boolean bundled = days.stream().anyMatch(day -> day.source() == Source.BUNDLED);
        return new YearView(year, loaded, bundled, days);
    }

    /** The years the console offers: those with a notice (imported or shipped) and the current one and the next. */
    public List<Integer> years(int current) {
        String county = countyOf(caller.require());
        Set<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        loadedYears(county).forEach(y -> years.add(y.getValue()));
        bundledYears().forEach(y -> years.add(y.getValue()));
        years.add(current);
        years.add(current + 1);
        return List.copyOf(years);
    }

    /**
     * Adds a day of the county's own (本县调整) to its calendar.
     *
     * @throws DomainException 403 {@code calendar.county.only}; 409 {@code calendar.entry.exists} when the date is
     *     listed already (change it instead); the rules of {@link CalendarEntry}
     */
    public CalendarEntry add(LocalDate date, DayKind kind, String name) {
        String county = requireCountyAdmin();
        CalendarEntry entry = new CalendarEntry(date, kind, name);
        checkYear(date.getYear());
        Day existing = stored(county, date);
        if (existing == null) {
            existing = bundledDay(county, date);
        }
        if (existing != null) {
            throw DomainException.conflict(
                    "calendar.entry.exists", date, existing.entry().name());
        }
        insert(county, entry, true);
        audit.record(county, "calendar.day.added", "calendar-day", date.toString(), null, state(entry));
        return entry;
    }

    /**
     * Changes a listed day (its kind or name); a shipped national day changed here becomes the county's own.
     *
     * @throws DomainException 404 {@code calendar.entry.missing}; the rules of {@link CalendarEntry}
     */
    public CalendarEntry change(LocalDate date, DayKind kind, String name) {
        String county = requireCountyAdmin();
        CalendarEntry entry = new CalendarEntry(date, kind, name);
        Day existing = stored(county, date);
        if (existing == null) {
            Day bundled = bundledDay(county, date);
            if (bundled == null) {
                throw DomainException.notFound("calendar.entry.missing", date);
            }
            insert(county, entry, true);
            audit.record(
                    county,
                    "calendar.day.changed",
                    "calendar-day",
                    date.toString(),
                    state(bundled.entry()),
                    state(entry));
            return entry;
        }
        em.createNativeQuery("update working_day set kind = ?1, name = ?2, local = true"
                        + " where county_code = ?3 and day = ?4")
                .setParameter(1, kind.name())
                .setParameter(2, entry.name())
                .setParameter(3, county)
                .setParameter(4, Date.valueOf(date))
                .executeUpdate();
        audit.record(
                county, "calendar.day.changed", "calendar-day", date.toString(), state(existing.entry()), state(entry));
        return entry;
    }

    /**
     * Removes a stored day: it follows the weekday rule again (or the shipped notice, for a year not imported).
     *
     * @throws DomainException 404 {@code calendar.entry.missing}
     */
    public void remove(LocalDate date) {
        String county = requireCountyAdmin();
        Day existing = date == null ? null : stored(county, date);
        if (existing == null) {
            throw DomainException.notFound("calendar.entry.missing", date);
        }
        em.createNativeQuery("delete from working_day where county_code = ?1 and day = ?2")
                .setParameter(1, county)
                .setParameter(2, Date.valueOf(date))
                .executeUpdate();
        audit.record(county, "calendar.day.removed", "calendar-day", date.toString(), state(existing.entry()), null);
    }

    /**
     * Imports the State Council's notice for {@code year} ({@link HolidayNoticeCsv}: {@code date,kind,name}; UTF-8
     * with or without BOM, or GB18030/GBK as Chinese Excel saves it), all or nothing. The notice replaces the year's
     * earlier notice days and marks the year as loaded; the county's own days stay, unless the notice lists the same
     * day the other way (a holiday where the county works, or the reverse): then nothing is imported and every such
     * day is named ({@code calendar.import.conflict}). A day the county listed the same way becomes the notice's.
     *
     * @return the number of days imported
     * @throws ImportRejectedException with every bad line (of the file, or outside {@code year}: {@code
     *     calendar.import.year}, or in conflict with the county's days)
     */
    public int importNotice(int year, byte[] file) {
        String county = requireCountyAdmin();
        checkYear(year);
        DecodedText text = TextDecoder.decode(file == null ? new byte[0] : file);
        if (text.refused()) {
            throw new DomainException(
                    text.problem().key(), text.problem().arguments().toArray());
        }
        List<CalendarEntry> notice = HolidayNoticeCsv.parse(new StringReader(text.text()));
        Map<LocalDate, Day> local = new HashMap<>();
        for (Day day : days(county, year)) {
            if (day.source() == Source.LOCAL) {
                local.put(day.entry().date(), day);
            }
        }
        List<LineError> errors = new ArrayList<>();
        int line = 1;
        for (CalendarEntry entry : notice) {
            line++;
            if (entry.date().getYear() != year) {
                errors.add(new LineError(line, "date", "calendar.import.year", entry.date(), year));
                continue;
            }
            Day own = local.get(entry.date());
            if (own != null && own.entry().kind() != entry.kind()) {
                errors.add(new LineError(
                        line,
                        "date",
                        "calendar.import.conflict",
                        entry.date(),
                        kindLabel(own.entry().kind()),
                        own.entry().name(),
                        kindLabel(entry.kind())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(errors);
        }
        em.createNativeQuery(
                        "delete from working_day where county_code = ?1 and extract(year from day) = ?2 and not local")
                .setParameter(1, county)
                .setParameter(2, year)
                .executeUpdate();
        for (CalendarEntry entry : notice) {
            if (local.containsKey(entry.date())) {
                // Listed the same way by the county: from now on it is the notice's day.
                em.createNativeQuery("delete from working_day where county_code = ?1 and day = ?2")
                        .setParameter(1, county)
                        .setParameter(2, Date.valueOf(entry.date()))
                        .executeUpdate();
            }
        }
        for (CalendarEntry entry : notice) {
            insert(county, entry, false);
        }
        em.createNativeQuery("delete from calendar_year where county_code = ?1 and year = ?2")
                .setParameter(1, county)
                .setParameter(2, year)
                .executeUpdate();
        em.createNativeQuery("insert into calendar_year (county_code, year) values (?1, ?2)")
                .setParameter(1, county)
                .setParameter(2, year)
                .executeUpdate();
        audit.record(
                county,
                "calendar.notice.imported",
                "calendar-year",
                String.valueOf(year),
                null,
                Json.createObjectBuilder()
                        .add("year", year)
                        .add("days", notice.size())
                        .build());
        return notice.size();
    }

    private String requireCountyAdmin() {
        StaffPrincipal admin = caller.requireAny(Role.COUNTY_ADMIN);
        if (admin.tenantLevel() != TenantLevel.COUNTY) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "calendar.county.only");
        }
        return countyOf(admin);
    }

    private static String countyOf(StaffPrincipal principal) {
        return principal.tenantCode().county().value();
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new DomainException("calendar.year.range", year);
        }
    }

    private static MessageKey kindLabel(DayKind kind) {
        return new MessageKey("calendar.kind." + kind.name());
    }

    /** The county's days of {@code year} (every year when null): stored ones, and shipped ones for years not loaded. */
    private List<Day> days(String county, Integer year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select day, kind, name, local from working_day where county_code = ?1"
                                + (year == null ? "" : " and extract(year from day) = " + year.intValue())
                                + " order by day")
                .setParameter(1, county)
                .getResultList();
        Map<LocalDate, Day> days = new HashMap<>();
        for (Object[] row : rows) {
            CalendarEntry entry =
                    new CalendarEntry(localDate(row[0]), DayKind.valueOf((String) row[1]), (String) row[2]);
            days.put(entry.date(), new Day(entry, Boolean.TRUE.equals(row[3]) ? Source.LOCAL : Source.NOTICE));
        }
        Set<Year> loaded = loadedYears(county);
        for (CalendarEntry entry : WorkingDayCalendar.bundledNotice2026()) {
            Year of = Year.of(entry.date().getYear());
            if (!loaded.contains(of) && (year == null || of.getValue() == year)) {
                days.putIfAbsent(entry.date(), new Day(entry, Source.BUNDLED));
            }
        }
        return days.values().stream()
                .sorted(Comparator.comparing(day -> day.entry().date()))
                .toList();
    }

    private Day stored(String county, LocalDate date) {
        return days(county, date.getYear()).stream()
                .filter(day -> day.entry().date().equals(date) && day.source() != Source.BUNDLED)
                .findFirst()
                .orElse(null);
    }

    private Day bundledDay(String county, LocalDate date) {
        return days(county, date.getYear()).stream()
                .filter(day -> day.entry().date().equals(date) && day.source() == Source.BUNDLED)
                .findFirst()
                .orElse(null);
    }

    private Set<Year> loadedYears(String county) {
        Set<Year> years = new HashSet<>();
        for (Object year : em.createNativeQuery("select year from calendar_year where county_code = ?1")
                .setParameter(1, county)
                .getResultList()) {
            years.add(Year.of(((Number) year).intValue()));
        }
        return years;
    }

    private static Set<Year> bundledYears() {
        Set<Year> years = new HashSet<>();
        WorkingDayCalendar.bundledNotice2026()
                .forEach(e -> years.add(Year.of(e.date().getYear())));
        return years;
    }

    private Set<Year> bundledYearsNotLoaded(String county) {
        Set<Year> years = bundledYears();
        years.removeAll(loadedYears(county));
        return years;
    }

    private void insert(String county, CalendarEntry entry, boolean local) {
        em.createNativeQuery(
                        "insert into working_day (county_code, day, kind, name, local) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, county)
                .setParameter(2, Date.valueOf(entry.date()))
                .setParameter(3, entry.kind().name())
                .setParameter(4, entry.name())
                .setParameter(5, local)
                .executeUpdate();
    }

    private static LocalDate localDate(Object value) {
        return switch (value) {
            case LocalDate d -> d;
            case Date d -> d.toLocalDate();
            case java.util.Date d -> new Date(d.getTime()).toLocalDate();
            default -> throw new IllegalStateException("day as " + value.getClass());
        };
    }

    private static jakarta.json.JsonObject state(CalendarEntry entry) {
        return Json.createObjectBuilder()
                .add("date", entry.date().toString())
                .add("kind", entry.kind().name())
                .add("name", entry.name())
                .build();
    }
}
