package org.onewindow.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.security.application.AccountService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.ui.FacesMessages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The console's staff page ({@code /admin/staff.xhtml}): the accounts of the administrator's scope, page by page and
 * searchable, and the dialogs to create, edit, move, reset, disable and unlock one. What an administrator may grant
 * and whom it may manage is the kernel's {@code GrantPolicy}; the page offers only the roles it may grant.
 */
@Named
@ViewScoped
public class StaffBacking implements Serializable {

    @Inject
    Clock clock;

    @Inject
    AccountService accounts;

    @Inject
    TenantService tenants;

    @Inject
    ServicePointService servicePoints;

    private String query;

    /** The division chosen in the create or move dialog (its code), with the labels of the divisions offered. */
    private String tenantCode;

    private final Map<String, String> tenantLabels = new HashMap<>();

    private String username;
    private String displayName;
    private String password;
    private List<Role> roles = new ArrayList<>();
    private List<String> departments = new ArrayList<>();
    private List<String> windows = new ArrayList<>();

    /** The account a dialog works on. */
    private StaffRow current;

    private final LazyDataModel<StaffRow> rows = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) accounts.count(query);
        }

        @Override
        public List<StaffRow> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            Instant now = clock.instant();
            return accounts.search(query, first, pageSize).stream()
                    .map(row -> StaffRow.of(row, now))
                    .toList();
        }

        @Override
        public String getRowKey(StaffRow row) {
            return row.username();
        }
    };

    /** An account as the table and the dialogs hold it between requests. */
    public record StaffRow(
            String username,
            String displayName,
            String tenantCode,
            String tenantName,
            List<Role> roles,
            List<String> departments,
            List<String> windows,
            boolean enabled,
            boolean locked,
            boolean passwordChangeRequired)
            implements Serializable {

        static StaffRow of(AccountService.AccountRow row, Instant now) {
            StaffAccount a = row.account();
            return new StaffRow(
                    a.username(),
                    a.displayName(),
                    a.tenantCode().value(),
                    row.tenantName(),
                    List.copyOf(Role.effectiveAt(a.roles(), row.tenantLevel())),
                    List.copyOf(a.departments()),
                    List.copyOf(a.windows()),
                    a.enabled(),
                    a.isLockedAt(now),
                    a.passwordChangeRequired());
        }
    }

    /** A choice of a checkbox list: the value and its label. */
    public record Choice(String value, String label) implements Serializable {}

    // --- searching -------------------------------------------------------------------------------

    public void search() {
        // The lazy model reads the query on its next load.
    }

    /** Divisions of the scope matching what was typed, for the division fields, as "华沟村（370321106202）". */
    public List<String> completeTenant(String text) {
        List<String> labels = new ArrayList<>();
        for (Tenant tenant : tenants.search(text, 0, 20)) {
            String code = tenant.code().value();
            tenantLabels.put(code, tenant.name() + "（" + code + "）");
            labels.add(tenantLabels.get(code));
        }
        return labels;
    }

    /** The division field's text: the chosen division's label. */
    public String getTenantChoice() {
        return tenantCode == null ? null : tenantLabel(tenantCode);
    }

    public void setTenantChoice(String choice) {
        setTenantCode(choice);
    }

    public String tenantLabel(String code) {
        return code == null ? "" : tenantLabels.getOrDefault(code, code);
    }

    // --- creating --------------------------------------------------------------------------------

    public void startCreate() {
        current = null;
        tenantCode = null;
        username = null;
        displayName = null;
        password = null;
        roles = new ArrayList<>();
        departments = new ArrayList<>();
        windows = new ArrayList<>();
    }

    /** A division was chosen: what may be granted there, and its departments and windows, change with it. */
    public void tenantChosen() {
        roles = new ArrayList<>();
        departments = new ArrayList<>();
        windows = new ArrayList<>();
    }

    public void create() {
        try {
            StaffAccount created = accounts.create(
                    tenantCode,
                    username,
                    displayName,
                    password,
                    roleSet(),
                    Set.copyOf(departments),
                    Set.copyOf(windows),
                    true);
            AdminText.info("staff.created", created.displayName(), created.username(), tenantLabel(tenantCode));
            password = null;
        } catch (DomainException e) {
            FacesMessages.error("staff:create-messages", e);
        }
    }

    // --- editing ---------------------------------------------------------------------------------

    public void startEdit(StaffRow row) {
        current = row;
        tenantCode = row.tenantCode();
        displayName = row.displayName();
        roles = new ArrayList<>(row.roles());
        departments = new ArrayList<>(row.departments());
        windows = new ArrayList<>(row.windows());
    }

    public void update() {
        try {
            Set<Role> chosen = roleSet();
            if (!chosen.equals(Set.copyOf(current.roles()))) {
                accounts.changeRoles(current.tenantCode(), current.username(), chosen);
            }
            accounts.update(current.username(), displayName, Set.copyOf(departments), Set.copyOf(windows));
            AdminText.info("staff.updated", current.username());
        } catch (DomainException e) {
            FacesMessages.error("staff:edit-messages", e);
        }
    }

    public void startMove(StaffRow row) {
        current = row;
        tenantCode = null;
        departments = new ArrayList<>();
        windows = new ArrayList<>();
    }

    public void move() {
        try {
            accounts.move(current.username(), tenantCode, Set.copyOf(departments), Set.copyOf(windows));
            AdminText.info("staff.moved", current.username(), tenantLabel(tenantCode));
        } catch (DomainException e) {
            FacesMessages.error("staff:move-messages", e);
        }
    }

    public void startReset(StaffRow row) {
        current = row;
        password = null;
    }

    public void resetPassword() {
        try {
            accounts.resetPassword(current.username(), password);
            AdminText.info("staff.reset.done", current.username());
            password = null;
        } catch (DomainException e) {
            FacesMessages.error("staff:reset-messages", e);
        }
    }

    public void disable(StaffRow row) {
        act(() -> accounts.setEnabled(row.username(), false), "staff.disabled", row.username());
    }

    public void enable(StaffRow row) {
        act(() -> accounts.setEnabled(row.username(), true), "staff.enabled", row.username());
    }

    public void unlock(StaffRow row) {
        act(() -> accounts.unlock(row.username()), "staff.unlocked", row.username());
    }

    private Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(roles);
        return set;
    }

    private static void act(Runnable action, String doneKey, String username) {
        try {
            action.run();
            AdminText.info(doneKey, username);
        } catch (DomainException e) {
            FacesMessages.error(e);
        }
    }

    public String disableConfirmation(StaffRow row) {
        return AdminText.text("staff.disable.confirm", row.displayName(), row.username());
    }

    // --- what the dialogs offer ------------------------------------------------------------------

    /** The roles the administrator may grant at the chosen division. */
    public List<Choice> getRoleChoices() {
        if (tenantCode == null || tenantCode.isBlank()) {
            return List.of();
        }
        try {
            List<Choice> choices = new ArrayList<>();
            for (Role role : accounts.grantable(tenantCode)) {
                choices.add(new Choice(role.name(), roleLabel(role)));
            }
            return choices;
        } catch (DomainException e) {
            return List.of();
        }
    }

    public List<Choice> getDepartmentChoices() {
        if (tenantCode == null || tenantCode.isBlank()) {
            return List.of();
        }
        try {
            return servicePoints.departments(tenantCode).stream()
                    .map(d -> new Choice(d.code(), d.name()))
                    .toList();
        } catch (DomainException e) {
            return List.of();
        }
    }

    public List<Choice> getWindowChoices() {
        if (tenantCode == null || tenantCode.isBlank()) {
            return List.of();
        }
        try {
            List<Choice> choices = new ArrayList<>();
            for (ServicePoint point : servicePoints.servicePoints(tenantCode)) {
                for (ServiceWindow window : servicePoints.windows(point.id())) {
                    choices.add(new Choice(window.id().toString(), point.name() + " · " + window.name()));
                }
            }
            return choices;
        } catch (DomainException e) {
            return List.of();
        }
    }

    /** The role's name in the page's language, as the kernel words it in messages. */
    public String roleLabel(Role role) {
        return Messages.format(FacesContext.getCurrentInstance().getViewRoot().getLocale(), "role." + role.name());
    }

    /** The roles of a row as words, in the order of {@link Role}. */
    public String rolesText(StaffRow row) {
        Set<Role> held = new HashSet<>(row.roles());
        Map<Role, String> words = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            if (held.contains(role)) {
                words.put(role, roleLabel(role));
            }
        }
        return String.join("、", words.values());
    }

    /** Role names arrive from the checkboxes as text; the page's converter-free binding. */
    public List<String> getRoleNames() {
        // A list Faces can make anew for the submitted values (an unmodifiable one it cannot).
        return new ArrayList<>(roles.stream().map(Role::name).toList());
    }

    public void setRoleNames(List<String> names) {
        List<Role> chosen = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    chosen.add(role);
                }
            }
        }
        roles = chosen;
    }

    // --- plain properties ------------------------------------------------------------------------

    public LazyDataModel<StaffRow> getRows() {
        return rows;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getTenantCode() {
        return tenantCode;
    }

    /** The chosen division's code, also when the field hands back the suggestion's label ("华沟村（370321106202）"). */
    public void setTenantCode(String tenantCode) {
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("[0-9]{12}").matcher(tenantCode == null ? "" : tenantCode);
        this.tenantCode = code.find() ? code.group() : tenantCode;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getDepartments() {
        return departments;
    }

    public void setDepartments(List<String> departments) {
        this.departments = departments == null ? new ArrayList<>() : new ArrayList<>(departments);
    }

    public List<String> getWindows() {
        return windows;
    }

    public void setWindows(List<String> windows) {
        this.windows = windows == null ? new ArrayList<>() : new ArrayList<>(windows);
    }

    public StaffRow getCurrent() {
        return current;
    }
}
