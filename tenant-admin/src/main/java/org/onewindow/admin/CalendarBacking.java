package org.onewindow.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onewindow.kernel.calendar.DayKind;
import org.onewindow.kernel.calendar.WorkingDayCalendar;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.tenant.domain.ImportRejectedException;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.FileUploadEvent;

/**
 * The console's working-day calendar page ({@code /admin/calendar.xhtml}, 工作日历): one year of the county's
 * calendar at a time — the holidays and adjusted working days (调休) of the State Council's notice and the county's
 * own days — with the forms to add, change and remove a day and to import a year's notice. The legal clock of every
 * case in the county counts on it. County administrators change it; others of the county read it.
 */
@Named
@ViewScoped
public class CalendarBacking implements Serializable {

    /** Where a refusal of an imported notice shows: beside the uploader. */
    static final String UPLOAD = "calendar:upload";

    @Inject
    Clock clock;

    @Inject
    CalendarService calendars;

    @Inject
    Caller caller;

    private int year;
    private List<Integer> years = List.of();
    private CalendarService.YearView view;
    private List<String> importErrors = List.of();

    private LocalDate date;
    private DayKind kind;
    private String name;
    /** The day being changed, or null when a new day is added. */
    private LocalDate editing;

    /** A listed day as the table shows it. */
    public record DayRow(LocalDate date, String weekday, String kind, String name, String source)
            implements Serializable {}

    @PostConstruct
    void init() {
        int current = WorkingDayCalendar.today(clock).getYear();
        years = calendars.years(current);
        year = current;
        load();
    }

    public void load() {
        try {
            view = calendars.year(year);
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public List<DayRow> getDays() {
        if (view == null) {
            return List.of();
        }
        Locale locale = locale();
        List<DayRow> rows = new ArrayList<>();
        for (CalendarService.Day day : view.days()) {
            LocalDate d = day.entry().date();
            rows.add(new DayRow(
                    d,
                    d.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale),
                    day.entry().kind().name(),
                    day.entry().name(),
                    day.source().name()));
        }
        return rows;
    }

    public boolean isEditable() {
        return caller.current().map(p -> p.has(Role.COUNTY_ADMIN)).orElse(false);
    }

    public void startAdd() {
        editing = null;
        date = null;
        kind = null;
        name = null;
    }

    public void startChange(DayRow row) {
        editing = row.date();
        date = row.date();
        kind = DayKind.valueOf(row.kind());
        name = row.name();
    }

    public void save() {
        try {
            if (editing == null) {
                calendars.add(date, kind, name);
                AdminText.info("calendar.added", date);
            } else {
                calendars.change(editing, kind, name);
                AdminText.info("calendar.changed", editing);
            }
            if (date != null && date.getYear() != year) {
                year = date.getYear();
            }
            load();
        } catch (DomainException e) {
            FacesMessages.error("calendar:day-messages", e);
        }
    }

    public void remove(DayRow row) {
        try {
            calendars.remove(row.date());
            AdminText.info("calendar.removed", row.date());
            load();
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public String removeConfirmation(DayRow row) {
        return AdminText.text("calendar.remove.confirm", row.date(), row.name());
    }

    /** Imports the uploaded notice for the year shown, all or nothing; every bad line is listed beside the uploader. */
    public void upload(FileUploadEvent event) {
        importErrors = List.of();
        try {
            int days = calendars.importNotice(year, event.getFile().getContent());
            AdminText.infoAt(UPLOAD, "calendar.imported", year, days);
            load();
        } catch (ImportRejectedException e) {
            importErrors = AdminText.lines(e, "calendar.import.line");
            FacesMessages.error(UPLOAD, e);
        } catch (DomainException e) {
            FacesMessages.error(UPLOAD, e);
        }
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public List<Integer> getYears() {
        return years;
    }

    public CalendarService.YearView getView() {
        return view;
    }

    public List<String> getImportErrors() {
        return importErrors;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public DayKind getKind() {
        return kind;
    }

    public void setKind(DayKind kind) {
        this.kind = kind;
    }

    public DayKind[] getKinds() {
        return DayKind.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getEditing() {
        return editing;
    }
}
