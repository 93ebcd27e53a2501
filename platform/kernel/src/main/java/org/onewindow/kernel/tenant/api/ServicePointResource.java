package org.onewindow.kernel.tenant.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.WindowType;
import org.onewindow.kernel.web.Page;

/**
 * Service points (便民服务中心/站/点), their windows (窗口) and closures (闭厅) over REST (TEN-2). Staff of the scope read
 * them; administrators change them: a county's every point of the county, a town's those of its town and villages, a
 * village's its own. Outside the caller's scope a point is 404; a caller who is no administrator gets 403 on a change.
 */
@Path("service-points")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service-points", description = "服务场所、窗口与闭厅 / service points, windows and closures")
public class ServicePointResource {

    @Inject
    ServicePointService points;

    /**
     * A service point as the guide and the console show it.
     *
     * @param openingHours the open weekdays, Monday first; a weekday not listed is closed
     * @param version send it back on a change (409 {@code stale.form} when someone changed the point meanwhile)
     */
    public record PointView(
            UUID id,
            String tenant,
            String name,
            String kind,
            String address,
            String contactPhone,
            List<DayHours> openingHours,
            boolean selfService,
            String selfServiceHours,
            int version) {

        static PointView of(ServicePoint point) {
            return new PointView(
                    point.id(),
                    point.tenantCode().value(),
                    point.name(),
                    point.kind().name(),
                    point.address(),
                    point.contactPhone(),
                    point.openingHours().days().stream().map(DayHours::of).toList(),
                    point.selfService(),
                    point.selfServiceHours(),
                    point.version());
        }
    }

    /**
     * The hours of one open weekday, times as {@code HH:mm}; the lunch break (午休) both or neither.
     *
     * @param day MONDAY … SUNDAY
     */
    public record DayHours(
            @Schema(example = "MONDAY", maxLength = 9) String day,
            @Schema(example = "08:30", maxLength = 5) String opens,
            @Schema(example = "12:00", maxLength = 5) String lunchStarts,
            @Schema(example = "14:00", maxLength = 5) String lunchEnds,
            @Schema(example = "17:30", maxLength = 5) String closes) {

        static DayHours of(OpeningHours.Day day) {
            return new DayHours(
                    day.day().name(),
                    text(day.opens()),
                    text(day.lunchStarts()),
                    text(day.lunchEnds()),
                    text(day.closes()));
        }

        OpeningHours.Day toDay() {
            DayOfWeek weekday;
            try {
                weekday = DayOfWeek.valueOf(day == null ? "" : day.strip());
            } catch (IllegalArgumentException e) {
                throw new DomainException("request.parameter.invalid", "openingHours.day");
            }
            return new OpeningHours.Day(weekday, time(opens), time(lunchStarts), time(lunchEnds), time(closes));
        }

        private static LocalTime time(String text) {
            return text == null || text.isBlank() ? null : OpeningHours.time(text);
        }

        private static String text(LocalTime time) {
            return time == null ? null : time.toString();
        }
    }

    /** What an administrator sets of a point; every field is replaced. */
    public record PointBody(
            @Schema(maxLength = 50, example = "起凤镇便民服务中心") String name,
            @Schema(maxLength = 200, example = "起凤镇政府路8号") String address,

            @Schema(maxLength = 40, example = "0533-5180000")
            String contactPhone,

            List<DayHours> openingHours,
            boolean selfService,
            @Schema(maxLength = 40, example = "24小时") String selfServiceHours,
            int version) {}

    /**
     * A window of a point.
     *
     * @param type COMPREHENSIVE (综合受理), LEGAL_PERSON, CONSTRUCTION_PROJECT, SOCIAL_AFFAIRS, NATURAL_PERSON,
     *     HUMAN_RESOURCES, SELF_SERVICE, CONSULTATION (咨询), ISSUANCE (出件)
     * @param items the item codes it takes in; null: every item offered at the point's division
     */
    public record WindowView(UUID id, UUID servicePoint, String name, String type, List<String> items) {

        static WindowView of(ServiceWindow window) {
            return new WindowView(
                    window.id(),
                    window.servicePointId(),
                    window.name(),
                    window.type().name(),
                    window.items().map(List::copyOf).orElse(null));
        }
    }

    /** A window to add or change; {@code items} null or empty: every item offered at the point's division. */
    public record WindowBody(
            @Schema(maxLength = 50, example = "1号综合受理窗口") String name,

            @Schema(example = "COMPREHENSIVE", maxLength = 20)
            String type,

            List<String> items) {}

    /** A closure: the point is closed from {@code firstDay} to {@code lastDay}, both included. */
    public record ClosureView(UUID id, UUID servicePoint, LocalDate firstDay, LocalDate lastDay, String reason) {

        static ClosureView of(ServicePointClosure closure) {
            return new ClosureView(
                    closure.id(), closure.servicePointId(), closure.firstDay(), closure.lastDay(), closure.reason());
        }
    }

    /** A closure to record; days as {@code yyyy-MM-dd}. */
    public record ClosureBody(
            @Schema(example = "2026-12-24", maxLength = 10) String firstDay,
            @Schema(example = "2026-12-25", maxLength = 10) String lastDay,
            @Schema(maxLength = 200, example = "大厅改造") String reason) {}

    @GET
    @Operation(
            operationId = "servicePoints",
            summary = "The service points of the caller's scope whose name, address or division code contains q")
    public List<PointView> search(
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("50") int size) {
        Page page = new Page(first, size);
        return points.search(q, page.first(), page.size()).stream()
                .map(PointView::of)
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "servicePoint", summary = "One service point of the caller's scope")
    public PointView get(@PathParam("id") String id) {
        return PointView.of(points.find(uuid(id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeServicePoint",
            summary = "Set a point's name, address, telephone, opening hours and self-service area (administrators)",
            description = "400 service.point.hours.order when a day's hours end before they start (or the lunch"
                    + " break lies outside them), service.point.hours.time for a malformed time; 409 stale.form,"
                    + " service.point.duplicate; 403 for a caller who is no administrator; 404 outside the scope."
                    + " Nothing is changed on a refusal.")
    public PointView change(@PathParam("id") String id, PointBody body) {
        points.checkMayChange(uuid(id));
        if (body == null) {
            throw new DomainException("request.body.required");
        }
        List<OpeningHours.Day> days = body.openingHours() == null
                ? List.of()
                : body.openingHours().stream().map(DayHours::toDay).toList();
        return PointView.of(points.describe(
                uuid(id),
                new ServicePointService.PointDetails(
                        body.name(),
                        body.address(),
                        body.contactPhone(),
                        OpeningHours.of(days),
                        body.selfService(),
                        body.selfServiceHours()),
                body.version()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "removeServicePoint",
            summary = "Remove a service point with its windows and closures (administrators)",
            description = "Cases print the point's name, so the record keeps it. 204; 409 service.point.in.use naming"
                    + " who serves at its windows, casework.point.open.cases while open cases hand out their result"
                    + " there, casework.point.open.intakes while open cases taken in there still wait to hand it out"
                    + " at their intake window, stale.form when the point changed since version; 403 for a caller who is no"
                    + " administrator; 404 outside the scope. Nothing is removed on a refusal.")
    public Response remove(
            @PathParam("id") String id,
            @Parameter(description = "the version last read (409 stale.form when it changed since)")
                    @QueryParam("version")
                    @DefaultValue("-1")
                    int version) {
        points.remove(uuid(id), version);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/windows")
    @Operation(operationId = "servicePointWindows", summary = "The windows of a service point, by name")
    public List<WindowView> windows(
            @PathParam("id") String id,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("50") int size) {
        return new Page(first, size)
                .of(points.windows(uuid(id))).stream().map(WindowView::of).toList();
    }

    @POST
    @Path("{id}/windows")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addServicePointWindow",
            summary = "Add a window to a service point (administrators)",
            description = "400 window.type.required, window.item.not.offered for an item the point's division does"
                    + " not offer; 403, 404 as changeServicePoint")
    public Response addWindow(@PathParam("id") String id, WindowBody body) {
        points.checkMayChange(uuid(id));
        if (body == null) {
            throw new DomainException("request.body.required");
        }
        ServiceWindow window = points.addWindow(uuid(id), body.name(), type(body.type()), items(body.items()));
        return Response.status(Response.Status.CREATED)
                .entity(WindowView.of(window))
                .build();
    }

    @PUT
    @Path("{id}/windows/{windowId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeServicePointWindow",
            summary = "Rename, retype a window or change the items it takes in (administrators)",
            description = "as addServicePointWindow; 404 window.not.found")
    public WindowView changeWindow(
            @PathParam("id") String id, @PathParam("windowId") String windowId, WindowBody body) {
        points.checkMayChange(uuid(id));
        if (body == null) {
            throw new DomainException("request.body.required");
        }
        return WindowView.of(
                points.changeWindow(uuid(id), windowId(windowId), body.name(), type(body.type()), items(body.items())));
    }

    @DELETE
    @Path("{id}/windows/{windowId}")
    @Operation(
            operationId = "removeServicePointWindow",
            summary = "Remove a window no staff member serves at (administrators)",
            description = "409 window.in.use naming who serves at it; 404 window.not.found")
    public Response removeWindow(@PathParam("id") String id, @PathParam("windowId") String windowId) {
        points.removeWindow(uuid(id), windowId(windowId));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/closures")
    @Operation(operationId = "servicePointClosures", summary = "The closures of a service point, the latest first")
    public List<ClosureView> closures(
            @PathParam("id") String id,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("50") int size) {
        return new Page(first, size)
                .of(points.closures(uuid(id))).stream().map(ClosureView::of).toList();
    }

    @POST
    @Path("{id}/closures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "closeServicePoint",
            summary = "Close a service point on given days (administrators): its windows take nothing in then",
            description = "400 service.point.closure.order (last day before the first), service.point.closure.past"
                    + " (ended more than 30 days ago), service.point.closure.too.long; 409"
                    + " service.point.closure.overlap; 403, 404 as changeServicePoint. Nothing is stored on a"
                    + " refusal.")
    public Response close(@PathParam("id") String id, ClosureBody body) {
        points.checkMayChange(uuid(id));
        if (body == null) {
            throw new DomainException("request.body.required");
        }
        ServicePointClosure closure =
                points.close(uuid(id), day("firstDay", body.firstDay()), day("lastDay", body.lastDay()), body.reason());
        return Response.status(Response.Status.CREATED)
                .entity(ClosureView.of(closure))
                .build();
    }

    @DELETE
    @Path("{id}/closures/{closureId}")
    @Operation(
            operationId = "reopenServicePoint",
            summary = "Cancel a closure (administrators)",
            description = "404 closure.not.found")
    public Response reopen(@PathParam("id") String id, @PathParam("closureId") String closureId) {
        UUID closure;
        try {
            closure = UUID.fromString(closureId == null ? "" : closureId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("closure.not.found", String.valueOf(closureId));
        }
        points.reopen(uuid(id), closure);
        return Response.noContent().build();
    }

    private static UUID windowId(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("window.not.found", String.valueOf(id));
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("service.point.not.found", String.valueOf(id));
        }
    }

    private static WindowType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return WindowType.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("request.parameter.invalid", "type");
        }
    }

    private static Optional<Set<String>> items(List<String> codes) {
        return codes == null || codes.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(codes));
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("request.parameter.invalid", field);
        }
    }
}
