package org.onewindow.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.kernel.tenant.domain.ImportRejectedException.LineError;

/** A county admin imports a year's notice: taken whole, or refused with every bad line and why. */
class HolidayNoticeCsvTest {

    private static final String HEADER = "date,kind,name\n";

    private static List<CalendarEntry> parse(String text) {
        return HolidayNoticeCsv.parse(new StringReader(text));
    }

    private static List<LineError> errors(String text) {
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> parse(text));
        assertThat(rejected).as("the file should be rejected").isNotNull();
        return rejected.errors();
    }

    @Test
    void aGoodNoticeGivesItsDaysInFileOrder() {
        List<CalendarEntry> days = parse(HEADER + "2027-01-01,HOLIDAY,元旦\r\n\n 2027-02-06 , workday , 春节调休上班 \n");

        assertThat(days)
                .containsExactly(
                        new CalendarEntry(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
                        new CalendarEntry(LocalDate.of(2027, 2, 6), DayKind.WORKDAY, "春节调休上班"));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsTolerated() {
        assertThat(parse("\uFEFF" + HEADER + "2027-01-01,HOLIDAY,元旦\n")).hasSize(1);
    }

    @Test
    void aWrongHeaderIsRefusedOnLineOne() {
        assertThat(errors("day,type,name\n2027-01-01,HOLIDAY,元旦\n"))
                .extracting(LineError::line, LineError::key)
                .containsExactly(tuple(1, "calendar.csv.header"));
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndNothingIsTaken() {
        String file = HEADER
                + "2027-01-01,HOLIDAY,元旦\n" // 2: fine
                + "2027-02-30,HOLIDAY,春节\n" // 3: no such day
                + "2027-02-06,REST,春节\n" // 4: unknown kind
                + "2027-02-08,WORKDAY,调休\n" // 5: a Monday
                + "2027-02-07,HOLIDAY\n" // 6: two columns
                + "2027-01-01,WORKDAY,元旦调休\n" // 7: contradicts line 2 (and 1 Jan 2027 is a Friday anyway)
                + "2027-01-01,HOLIDAY,元旦\n" // 8: repeats line 2
                + "2027-02-13,HOLIDAY,\n"; // 9: no name

        assertThat(errors(file))
                .extracting(LineError::line, LineError::key)
                .containsExactly(
                        tuple(3, "calendar.csv.date"),
                        tuple(4, "calendar.csv.kind"),
                        tuple(5, "calendar.entry.workday.weekday"),
                        tuple(6, "calendar.csv.columns"),
                        tuple(7, "calendar.csv.conflict"),
                        tuple(8, "calendar.csv.duplicate"),
                        tuple(9, "calendar.entry.name.required"));
    }

    @Test
    void aRepeatedDayNamesTheEarlierLineInTheClerksLanguage() {
        LineError conflict = errors(HEADER + "2027-01-01,HOLIDAY,元旦\n2027-01-01,WORKDAY,元旦调休\n")
                .getFirst();

        assertThat(Messages.format(Locale.SIMPLIFIED_CHINESE, conflict.key(), conflict.arguments()))
                .isEqualTo("2027-01-01与第2行矛盾：同一天不能既放假又上班");
        assertThat(Messages.format(Locale.ENGLISH, conflict.key(), conflict.arguments()))
                .isEqualTo("2027-01-01 contradicts line 2: a day cannot be both a holiday and a working day");
    }

    @Test
    void aFileWithoutDaysIsRefused() {
        assertThat(errors(HEADER)).extracting(LineError::key).containsExactly("calendar.csv.empty");
    }
}
