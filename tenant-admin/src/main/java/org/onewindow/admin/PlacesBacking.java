package org.onewindow.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.application.AccountService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.tenant.application.DepartmentService;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.Department;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.kernel.tenant.domain.WindowType;
import org.onewindow.ui.FacesMessages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The console's page of service points and departments ({@code /admin/places.xhtml}, 服务网点与窗口): the points of the
 * administrator's scope page by page and searchable, each with the dialogs for its details and opening hours, its
 * windows and the items they take in, and its closures; below, the departments of a division with their reviewers and
 * items. The rules (who may change which point, what a closure or a window may be) are the kernel's services'.
 */
@Named
@ViewScoped
public class PlacesBacking implements Serializable {

    /** Where a refusal in a dialog shows. */
    static final String POINT_MESSAGES = "places:point-messages";

    static final String WINDOW_MESSAGES = "places:window-messages";
    static final String CLOSURE_MESSAGES = "places:closure-messages";
    static final String DEPARTMENT_MESSAGES = "places:department-messages";

    @Inject
    ServicePointService points;

    @Inject
    DepartmentService departments;

    @Inject
    TenantService tenants;

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    private String query;

    /** The point the dialogs work on. */
    private PointRow current;

    // the point dialog
    private String name;
    private String address;
    private String contactPhone;
    private boolean selfService;
    private String selfServiceHours;
    private List<DayRow> days = new ArrayList<>();

    // the windows dialog
    private List<WindowRow> windows = List.of();
    private UUID windowId;
    private String windowName;
    private WindowType windowType;
    private List<String> windowItems = new ArrayList<>();
    private Map<String, String> offeredItems = Map.of();

    // the closures dialog
    private List<ClosureRow> closures = List.of();
    private String closureFirstDay;
    private String closureLastDay;
    private String closureReason;

    // departments
    private String departmentTenant;
    private final Map<String, String> tenantLabels = new HashMap<>();
    private String departmentQuery;
    /** How many departments the division and search find, checked before the table reads a page. */
    private long departmentsFound;

    private final LazyDataModel<DepartmentRow> departmentRows = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) departmentsFound;
        }

        @Override
        public List<DepartmentRow> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            if (departmentsFound == 0) {
                return List.of();
            }
            return points.departments(departmentTenant, departmentQuery, first, pageSize).stream()
                    .map(PlacesBacking.this::departmentRow)
                    .toList();
        }

        @Override
        public String getRowKey(DepartmentRow row) {
            return row.tenantCode() + "/" + row.code();
        }
    };
    private DepartmentRow department;
    private String departmentName;
    private String departmentShortName;
    private List<String> departmentItems = new ArrayList<>();
    private String reviewer;
    private Map<String, String> departmentOfferedItems = Map.of();

    /** Where the answers of a removal show: under the table of points. */
    static final String POINTS = "places:points";

    private final LazyDataModel<PointRow> rows = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) points.count(query);
        }

        @Override
        public List<PointRow> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return points.search(query, first, pageSize).stream()
                    .map(PlacesBacking.this::row)
                    .toList();
        }

        @Override
        public String getRowKey(PointRow row) {
            return row.id().toString();
        }
    };

    /** A point as the table shows it. */
    public record PointRow(
            UUID id,
            String tenantCode,
            String tenantName,
            String name,
            String kind,
            String address,
            String contactPhone,
            String hours,
            boolean selfService,
            String selfServiceHours,
            int version)
            implements Serializable {}

    /** One weekday of the hours form: open or not, and its four times as typed ({@code 08:30}). */
    public static final class DayRow implements Serializable {
        private final DayOfWeek day;
        private boolean open;
        private String opens;
        private String lunchStarts;
        private String lunchEnds;
        private String closes;

        DayRow(DayOfWeek day, Optional<OpeningHours.Day> hours) {
            this.day = day;
            this.open = hours.isPresent();
            this.opens = hours.map(h -> text(h.opens())).orElse("");
            this.lunchStarts = hours.map(h -> text(h.lunchStarts())).orElse("");
            this.lunchEnds = hours.map(h -> text(h.lunchEnds())).orElse("");
            this.closes = hours.map(h -> text(h.closes())).orElse("");
        }

        private static String text(LocalTime time) {
            return time == null ? "" : time.toString();
        }

        /** The weekday's hours; refused as the kernel's {@link OpeningHours.Day} refuses them. */
        OpeningHours.Day hours() {
            return new OpeningHours.Day(day, time(opens), time(lunchStarts), time(lunchEnds), time(closes));
        }

        private static LocalTime time(String text) {
            return text == null || text.isBlank() ? null : OpeningHours.time(text);
        }

        public int getDay() {
            return day.getValue();
        }

        public boolean isOpen() {
            return open;
        }

        public void setOpen(boolean open) {
            this.open = open;
        }

        public String getOpens() {
            return opens;
        }

        public void setOpens(String opens) {
            this.opens = opens;
        }

        public String getLunchStarts() {
            return lunchStarts;
        }

        public void setLunchStarts(String lunchStarts) {
            this.lunchStarts = lunchStarts;
        }

        public String getLunchEnds() {
            return lunchEnds;
        }

        public void setLunchEnds(String lunchEnds) {
            this.lunchEnds = lunchEnds;
        }

        public String getCloses() {
            return closes;
        }

        public void setCloses(String closes) {
            this.closes = closes;
        }
    }

    /** A window as the dialog lists it; {@code items} empty: every item offered (the default). */
    public record WindowRow(UUID id, String name, String type, List<String> items) implements Serializable {}

    public record ClosureRow(UUID id, String firstDay, String lastDay, String reason) implements Serializable {}

    /** A department as the table shows it. */
    public record DepartmentRow(
            String tenantCode,
            String code,
            String name,
            String shortName,
            List<String> reviewers,
            List<String> items,
            int version)
            implements Serializable {}

    @PostConstruct
    void init() {
        caller.current().ifPresent(me -> {
            departmentTenant = me.tenantCode().value();
            tenantLabels.put(departmentTenant, me.tenantName() + "（" + departmentTenant + "）");
        });
        loadDepartments();
    }

    private PointRow row(ServicePoint point) {
        String tenantName = tenants.find(point.tenantCode().value()).name();
        return new PointRow(
                point.id(),
                point.tenantCode().value(),
                tenantName,
                point.name(),
                point.kind().name(),
                point.address(),
                point.contactPhone(),
                hoursText(point.openingHours()),
                point.selfService(),
                point.selfServiceHours(),
                point.version());
    }

    /** {@code 周一 08:30-12:00, 14:00-17:30；周二 …}, or "not set". */
    static String hoursText(OpeningHours hours) {
        if (hours.isEmpty()) {
            return AdminText.text("places.hours.none");
        }
        return hours.days().stream()
                .map(d -> AdminText.text("places.weekday." + d.day().getValue()) + " " + d.shown())
                .collect(Collectors.joining(AdminText.text("places.hours.separator")));
    }

    public void search() {
        // The lazy model reads the query on its next load.
    }

    // --- the point's details and hours -------------------------------------------------------------

    public void startEdit(PointRow row) {
        current = row;
        ServicePoint point = points.find(row.id());
        name = point.name();
        address = point.address();
        contactPhone = point.contactPhone();
        selfService = point.selfService();
        selfServiceHours = point.selfServiceHours();
        Map<DayOfWeek, OpeningHours.Day> byDay = new HashMap<>();
        point.openingHours().days().forEach(d -> byDay.put(d.day(), d));
        days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new DayRow(day, Optional.ofNullable(byDay.get(day))));
        }
    }

    public void save() {
        if (current == null) {
            return;
        }
        try {
            List<OpeningHours.Day> open = new ArrayList<>();
            for (DayRow day : days) {
                if (day.isOpen()) {
                    open.add(day.hours());
                }
            }
            points.describe(
                    current.id(),
                    new ServicePointService.PointDetails(
                            name, address, contactPhone, OpeningHours.of(open), selfService, selfServiceHours),
                    current.version());
            AdminText.info("places.saved", name);
        } catch (DomainException e) {
            FacesMessages.error(POINT_MESSAGES, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    // --- windows -----------------------------------------------------------------------------------

    public void startWindows(PointRow row) {
        current = row;
        offeredItems = points.offeredAt(row.tenantCode());
        loadWindows();
        newWindow();
    }

    private void loadWindows() {
        windows = points.windows(current.id()).stream()
                .map(w -> new WindowRow(
                        w.id(), w.name(), w.type().name(), List.copyOf(w.items().orElse(Set.of()))))
                .toList();
    }

    public void newWindow() {
        windowId = null;
        windowName = null;
        windowType = WindowType.COMPREHENSIVE;
        windowItems = new ArrayList<>();
    }

    public void editWindow(WindowRow window) {
        windowId = window.id();
        windowName = window.name();
        windowType = WindowType.valueOf(window.type());
        windowItems = new ArrayList<>(window.items());
    }

    public void saveWindow() {
        if (current == null) {
            return;
        }
        try {
            Optional<Set<String>> items =
                    windowItems.isEmpty() ? Optional.empty() : Optional.of(new LinkedHashSet<>(windowItems));
            ServiceWindow saved = windowId == null
                    ? points.addWindow(current.id(), windowName, windowType, items)
                    : points.changeWindow(current.id(), windowId, windowName, windowType, items);
            AdminText.infoAt(WINDOW_MESSAGES, "places.window.saved", saved.name());
            loadWindows();
            newWindow();
        } catch (DomainException e) {
            FacesMessages.error(WINDOW_MESSAGES, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void removeWindow(WindowRow window) {
        try {
            points.removeWindow(current.id(), window.id());
            AdminText.infoAt(WINDOW_MESSAGES, "places.window.removed", window.name());
            loadWindows();
            newWindow();
        } catch (DomainException e) {
            FacesMessages.error(WINDOW_MESSAGES, e);
        }
    }

    /**
     * Removes a point with its windows and closures, after the confirmation; refused (nothing removed) while staff
     * serve at its windows or open cases hand out their result there, the reason beside the table.
     */
    public void removePoint(PointRow row) {
        try {
            points.remove(row.id(), row.version());
            AdminText.infoAt(POINTS, "places.removed", row.name());
        } catch (DomainException e) {
            FacesMessages.error(POINTS, e);
        }
    }

    public String removePointConfirmation(PointRow row) {
        return AdminText.text("places.remove.confirm", row.name(), row.tenantName());
    }

    /** The items a window takes in, in words: "every item offered here" or their names. */
    public String itemsText(List<String> items) {
        if (items.isEmpty()) {
            return AdminText.text("places.window.items.all");
        }
        return items.stream()
                .map(code -> offeredItems.getOrDefault(code, code))
                .collect(Collectors.joining(AdminText.text("places.list.separator")));
    }

    public String windowTypeLabel(String type) {
        return AdminText.text("places.window.type." + type);
    }

    public String removeWindowConfirmation(WindowRow window) {
        return AdminText.text("places.window.remove.confirm", window.name());
    }

    // --- closures ----------------------------------------------------------------------------------

    public void startClosures(PointRow row) {
        current = row;
        loadClosures();
        closureFirstDay = null;
        closureLastDay = null;
        closureReason = null;
    }

    private void loadClosures() {
        closures = points.closures(current.id()).stream()
                .map(c -> new ClosureRow(
                        c.id(), c.firstDay().toString(), c.lastDay().toString(), c.reason()))
                .toList();
    }

    public void addClosure() {
        if (current == null) {
            return;
        }
        try {
            LocalDate first = day("places:closure-first", closureFirstDay);
            LocalDate last = day("places:closure-last", closureLastDay);
            if (first == null || last == null) {
                return;
            }
            ServicePointClosure closure = points.close(current.id(), first, last, closureReason);
            AdminText.infoAt(
                    CLOSURE_MESSAGES,
                    "places.closure.saved",
                    closure.firstDay().toString(),
                    closure.lastDay().toString());
            loadClosures();
            closureFirstDay = null;
            closureLastDay = null;
            closureReason = null;
        } catch (DomainException e) {
            FacesMessages.error(CLOSURE_MESSAGES, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    private static LocalDate day(String clientId, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            AdminText.error(clientId, "places.closure.day.format", text == null ? "" : text);
            return null;
        }
    }

    public void reopen(ClosureRow closure) {
        try {
            points.reopen(current.id(), closure.id());
            AdminText.infoAt(CLOSURE_MESSAGES, "places.closure.removed", closure.firstDay(), closure.lastDay());
            loadClosures();
        } catch (DomainException e) {
            FacesMessages.error(CLOSURE_MESSAGES, e);
        }
    }

    public String reopenConfirmation(ClosureRow closure) {
        return AdminText.text("places.closure.remove.confirm", closure.firstDay(), closure.lastDay());
    }

    // --- departments -------------------------------------------------------------------------------

    /** Divisions of the scope matching what was typed, as "华沟村（370321106202）". */
    public List<String> completeTenant(String text) {
        List<String> labels = new ArrayList<>();
        for (Tenant tenant : tenants.search(text, 0, 20)) {
            String code = tenant.code().value();
            tenantLabels.put(code, tenant.name() + "（" + code + "）");
            labels.add(tenantLabels.get(code));
        }
        return labels;
    }

    public String getDepartmentTenantChoice() {
        return departmentTenant == null ? null : tenantLabels.getOrDefault(departmentTenant, departmentTenant);
    }

    public void setDepartmentTenantChoice(String choice) {
        if (choice == null || choice.isBlank()) {
            return;
        }
        departmentTenant = tenantLabels.entrySet().stream()
                .filter(e -> e.getValue().equals(choice))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(choice.strip());
    }

    /**
     * Checks the chosen division and its search text, then the table reads its pages ({@link #getDepartmentRows}); a
     * division outside the scope or a search the text rule refuses leaves it empty, the reason shown.
     */
    public void loadDepartments() {
        departmentsFound = 0;
        if (departmentTenant == null) {
            return;
        }
        try {
            departmentsFound = points.countDepartments(departmentTenant, departmentQuery);
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    private DepartmentRow departmentRow(Department d) {
        return new DepartmentRow(
                d.tenantCode().value(),
                d.code(),
                d.name(),
                d.shortName(),
                departments.reviewers(d).stream().map(StaffAccount::username).toList(),
                List.copyOf(d.items()),
                d.version());
    }

    public void startDepartment(DepartmentRow row) {
        department = row;
        departmentName = row.name();
        departmentShortName = row.shortName();
        departmentItems = new ArrayList<>(row.items());
        departmentOfferedItems = points.offeredAt(row.tenantCode());
        reviewer = null;
    }

    public void saveDepartment() {
        if (department == null) {
            return;
        }
        try {
            Department saved = departments.change(
                    department.tenantCode(),
                    department.code(),
                    departmentName,
                    departmentShortName,
                    new LinkedHashSet<>(departmentItems),
                    department.version());
            department = departmentRow(saved);
            AdminText.infoAt(DEPARTMENT_MESSAGES, "places.department.saved", saved.name());
            loadDepartments();
        } catch (DomainException e) {
            FacesMessages.error(DEPARTMENT_MESSAGES, e);
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** The reviewers of the department's division who are not yet its reviewers: whom "add" offers. */
    public List<String> getReviewerChoices() {
        if (department == null) {
            return List.of();
        }
        return accounts.accounts(department.tenantCode()).stream()
                .filter(a -> a.roles().contains(Role.REVIEWER)
                        && !department.reviewers().contains(a.username()))
                .map(StaffAccount::username)
                .toList();
    }

    public void addReviewer() {
        if (department == null || reviewer == null || reviewer.isBlank()) {
            return;
        }
        try {
            departments.addReviewer(department.tenantCode(), department.code(), reviewer);
            AdminText.infoAt(DEPARTMENT_MESSAGES, "places.reviewer.added", reviewer, department.name());
            department = departmentRow(departments.find(department.tenantCode(), department.code()));
            reviewer = null;
            loadDepartments();
        } catch (DomainException e) {
            FacesMessages.error(DEPARTMENT_MESSAGES, e);
        }
    }

    public void removeReviewer(String username) {
        if (department == null) {
            return;
        }
        try {
            departments.removeReviewer(department.tenantCode(), department.code(), username);
            AdminText.infoAt(DEPARTMENT_MESSAGES, "places.reviewer.removed", username, department.name());
            department = departmentRow(departments.find(department.tenantCode(), department.code()));
            loadDepartments();
        } catch (DomainException e) {
            FacesMessages.error(DEPARTMENT_MESSAGES, e);
        }
    }

    public String removeReviewerConfirmation(String username) {
        return AdminText.text("places.reviewer.remove.confirm", username, department == null ? "" : department.name());
    }

    public String reviewersText(DepartmentRow row) {
        return row.reviewers().isEmpty() ? "—" : String.join(AdminText.text("places.list.separator"), row.reviewers());
    }

    public String departmentItemsText(DepartmentRow row) {
        if (row.items().isEmpty()) {
            return AdminText.text("places.department.items.none");
        }
        return String.join(AdminText.text("places.list.separator"), row.items());
    }

    // --- accessors ---------------------------------------------------------------------------------

    public LazyDataModel<PointRow> getRows() {
        return rows;
    }

    public WindowType[] getWindowTypes() {
        return WindowType.values();
    }

    public Map<String, String> getOfferedItems() {
        return offeredItems;
    }

    public Map<String, String> getDepartmentOfferedItems() {
        return departmentOfferedItems;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public PointRow getCurrent() {
        return current;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public boolean isSelfService() {
        return selfService;
    }

    public void setSelfService(boolean selfService) {
        this.selfService = selfService;
    }

    public String getSelfServiceHours() {
        return selfServiceHours;
    }

    public void setSelfServiceHours(String selfServiceHours) {
        this.selfServiceHours = selfServiceHours;
    }

    public List<DayRow> getDays() {
        return days;
    }

    public List<WindowRow> getWindows() {
        return windows;
    }

    public UUID getWindowId() {
        return windowId;
    }

    public String getWindowName() {
        return windowName;
    }

    public void setWindowName(String windowName) {
        this.windowName = windowName;
    }

    public WindowType getWindowType() {
        return windowType;
    }

    public void setWindowType(WindowType windowType) {
        this.windowType = windowType;
    }

    public List<String> getWindowItems() {
        return windowItems;
    }

    public void setWindowItems(List<String> windowItems) {
        this.windowItems = windowItems == null ? new ArrayList<>() : windowItems;
    }

    public List<ClosureRow> getClosures() {
        return closures;
    }

    public String getClosureFirstDay() {
        return closureFirstDay;
    }

    public void setClosureFirstDay(String closureFirstDay) {
        this.closureFirstDay = closureFirstDay;
    }

    public String getClosureLastDay() {
        return closureLastDay;
    }

    public void setClosureLastDay(String closureLastDay) {
        this.closureLastDay = closureLastDay;
    }

    public String getClosureReason() {
        return closureReason;
    }

    public void setClosureReason(String closureReason) {
        this.closureReason = closureReason;
    }

    public LazyDataModel<DepartmentRow> getDepartmentRows() {
        return departmentRows;
    }

    public String getDepartmentQuery() {
        return departmentQuery;
    }

    public void setDepartmentQuery(String departmentQuery) {
        this.departmentQuery = departmentQuery;
    }

    public DepartmentRow getDepartment() {
        return department;
    }

    public String getDepartmentName() {
        return departmentName;
    }

    public void setDepartmentName(String departmentName) {
        this.departmentName = departmentName;
    }

    public String getDepartmentShortName() {
        return departmentShortName;
    }

    public void setDepartmentShortName(String departmentShortName) {
        this.departmentShortName = departmentShortName;
    }

    public List<String> getDepartmentItems() {
        return departmentItems;
    }

    public void setDepartmentItems(List<String> departmentItems) {
        this.departmentItems = departmentItems == null ? new ArrayList<>() : departmentItems;
    }

    public String getReviewer() {
        return reviewer;
    }

    public void setReviewer(String reviewer) {
        this.reviewer = reviewer;
    }
}
