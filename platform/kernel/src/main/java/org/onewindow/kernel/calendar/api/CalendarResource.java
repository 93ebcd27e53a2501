package org.onewindow.kernel.calendar.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.calendar.CalendarEntry;
import org.onewindow.kernel.calendar.DayKind;
import org.onewindow.kernel.calendar.application.CalendarService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.imports.Uploads;

/** The working-day calendar of the caller's county (工作日历, ADR 0005): read by its staff, kept by its administrators. */
@Path("calendar")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "工作日历 / working-day calendar")
public class CalendarResource {

    @Inject
    CalendarService calendars;

    @Context
    HttpHeaders headers;

    /** A listed day; {@code source} is NOTICE (imported), LOCAL (the county's own) or BUNDLED (shipped notice). */
    public record DayView(String date, String kind, String name, String source) {}

    /** A year as stored: whether its notice was imported, whether the shipped notice stands in, and its days. */
    public record YearView(int year, boolean noticeLoaded, boolean bundled, List<DayView> days) {}

    /** A day to add or change. */
    public record DayBody(
            @Schema(maxLength = 10, format = "date") String date,
            @Schema(maxLength = 10) String kind,
            @Schema(maxLength = 50) String name) {}

    @GET
    @Path("years/{year}")
    @Operation(operationId = "calendarYear", summary = "One year of the caller's county's working-day calendar")
    public YearView year(@PathParam("year") int year) {
        CalendarService.YearView view = calendars.year(year);
        return new YearView(
                view.year(),
                view.noticeLoaded(),
                view.bundled(),
                view.days().stream()
                        .map(d -> new DayView(
                                d.entry().date().toString(),
                                d.entry().kind().name(),
                                d.entry().name(),
                                d.source().name()))
                        .toList());
    }

    @POST
    @Path("years/{year}/notice")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "importHolidayNotice",
            summary = "Import the State Council's holiday notice of a year (county administrators), all or nothing",
            description = "Body: CSV date,kind,name (HOLIDAY or WORKDAY), UTF-8 or GBK. A day outside the year, a bad"
                    + " line or a day the county listed the other way: 400 with lines [{line, column, error, message}]"
                    + " and nothing stored.")
    public Map<String, Integer> importNotice(@PathParam("year") int year, InputStream csv) {
        byte[] file = Uploads.read(csv, headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), ImportLimits.DEFAULT);
        return Map.of("year", year, "imported", calendars.importNotice(year, file));
    }

    @POST
    @Path("days")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addCalendarDay",
            summary = "Add a day of the county's own (county administrators)",
            description = "409 calendar.entry.exists when the day is listed already; 400 for a WORKDAY on a weekday")
    public Response add(@NotNull(message = "{request.body.required}") @Valid DayBody body) {
        CalendarEntry added = calendars.add(date(body.date()), kind(body.kind()), body.name());
        return Response.status(Response.Status.CREATED)
                .entity(new DayView(added.date().toString(), added.kind().name(), added.name(), "LOCAL"))
                .build();
    }

    @PUT
    @Path("days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeCalendarDay", summary = "Change a listed day (county administrators)")
    public DayView change(
            @PathParam("date") String date, @NotNull(message = "{request.body.required}") @Valid DayBody body) {
        CalendarEntry changed = calendars.change(date(date), kind(body.kind()), body.name());
        return new DayView(changed.date().toString(), changed.kind().name(), changed.name(), "LOCAL");
    }

    @DELETE
    @Path("days/{date}")
    @Operation(
            operationId = "removeCalendarDay",
            summary = "Delete a stored day (county administrators): it follows the weekday rule again")
    public Response remove(@PathParam("date") String date) {
        calendars.remove(date(date));
        return Response.noContent().build();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("calendar.csv.date", text);
        }
    }

    private static DayKind kind(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DayKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("calendar.csv.kind", text);
        }
    }
}
