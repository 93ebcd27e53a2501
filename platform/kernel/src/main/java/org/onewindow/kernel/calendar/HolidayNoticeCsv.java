package org.onewindow.kernel.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;

/**
 * A year's holiday notice as county admins import it: a header {@code date,kind,name}, then one day a line,
 * {@code 2026-02-14,WORKDAY,春节调休上班}. The date is ISO ({@code yyyy-MM-dd}), the kind {@code HOLIDAY} or
 * {@code WORKDAY} (any case). A file is taken whole or not at all: every bad line is reported with its number (the
 * header is line 1) and why, as {@link ImportRejectedException}:
 *
 * <ul>
 *   <li>not three columns ({@code calendar.csv.columns}); a date that is not a real ISO date
 *       ({@code calendar.csv.date}); an unknown kind ({@code calendar.csv.kind});
 *   <li>a {@code WORKDAY} on Monday–Friday, a missing or over-long name (see {@link CalendarEntry});
 *   <li>a date listed again: with another kind it contradicts the earlier line ({@code calendar.csv.conflict}),
 *       with the same kind it is a duplicate ({@code calendar.csv.duplicate}); both name the earlier line;
 *   <li>a file without any day ({@code calendar.csv.empty}).
 * </ul>
 *
 * Blank lines are skipped (and still counted) and a UTF-8 byte order mark before the header is tolerated, as Excel
 * writes one.
 */
public final class HolidayNoticeCsv {

    public static final String HEADER = "date,kind,name";

    private HolidayNoticeCsv() {}

    /**
     * The days of the notice, in file order.
     *
     * @throws ImportRejectedException with every bad line
     */
    public static List<CalendarEntry> parse(Reader input) {
        try (BufferedReader reader = new BufferedReader(input)) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !header.strip().equals(HEADER)) {
                throw new ImportRejectedException(List.of(new LineError(1, null, "calendar.csv.header", HEADER)));
            }
            List<CalendarEntry> entries = new ArrayList<>();
            Map<LocalDate, Integer> lineOf = new HashMap<>();
            Map<LocalDate, DayKind> kindOf = new HashMap<>();
            List<LineError> errors = new ArrayList<>();
            String text;
            int line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != 3) {
                    errors.add(new LineError(line, null, "calendar.csv.columns", cells.length));
                    continue;
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(cells[0].strip());
                } catch (DateTimeParseException e) {
                    errors.add(new LineError(line, "date", "calendar.csv.date", cells[0].strip()));
                    continue;
                }
                DayKind kind;
                try {
                    kind = DayKind.valueOf(cells[1].strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new LineError(line, "kind", "calendar.csv.kind", cells[1].strip()));
                    continue;
                }
                Integer earlier = lineOf.get(date);
                if (earlier != null) {
                    errors.add(
                            kindOf.get(date) == kind
                                    ? new LineError(line, "date", "calendar.csv.duplicate", date, earlier)
                                    : new LineError(line, "date", "calendar.csv.conflict", date, earlier));
                    continue;
                }
                try {
                    entries.add(new CalendarEntry(date, kind, cells[2]));
                    lineOf.put(date, line);
                    kindOf.put(date, kind);
                } catch (DomainException e) {
                    errors.add(new LineError(line, null, e.key(), e.arguments().toArray()));
                }
            }
            if (errors.isEmpty() && entries.isEmpty()) {
                errors.add(new LineError(1, null, "calendar.csv.empty"));
            }
            if (!errors.isEmpty()) {
                throw new ImportRejectedException(errors);
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
