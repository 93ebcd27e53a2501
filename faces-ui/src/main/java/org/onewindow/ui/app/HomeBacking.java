package org.onewindow.ui.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.onewindow.casework.application.WorkQueueService;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.Tenant;

/**
 * The staff home page ({@code /app/home.xhtml}): who you are, your tenant, what you may do, and for the window and
 * the back office today's work: the tasks waiting, how many are warned or overdue, the way to intake.
 */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    Caller caller;

    @Inject
    TenantService tenants;

    @Inject
    WorkQueueService queue;

    private Tenant tenant;
    private List<Tenant> children;
    private Work work;

    /**
     * The caller's queue in figures, counted over its most urgent {@value #COUNTED} tasks (the queue is in due
     * order, so those warned or overdue come first): {@code more} when there are more than that.
     */
    public record Work(int tasks, boolean more, int warned, int overdue, int mine) {}

    static final int COUNTED = WorkQueueService.MAX_PAGE_SIZE;

    public StaffPrincipal getMe() {
        return caller.require();
    }

    public Tenant getTenant() {
        if (tenant == null) {
            tenant = tenants.home();
        }
        return tenant;
    }

    public List<Tenant> getChildren() {
        if (children == null) {
            children = getTenant().level().isLeaf()
                    ? List.of()
                    : tenants.children(getTenant().code().value());
        }
        return children;
    }

    /** The roles in a fixed order, each with the things it lets its holder do (keys of the UI bundle). */
    public List<Role> getRoles() {
        return getMe().roles().stream().sorted().toList();
    }

    /** Today's work for a clerk, window lead or reviewer; null for anyone else (the card is not shown). */
    public Work getWork() {
        StaffPrincipal me = getMe();
        if (!me.has(Role.CLERK) && !me.has(Role.WINDOW_LEAD) && !me.has(Role.REVIEWER)) {
            return null;
        }
        if (work == null) {
            JsonObject page = queue.queue(null, null, null, null, COUNTED);
            List<JsonObject> tasks = page.getJsonArray("tasks").getValuesAs(JsonObject.class);
            work = new Work(
                    tasks.size(),
                    page.get("next").getValueType() == JsonValue.ValueType.STRING,
                    count(tasks, "WARNING"),
                    count(tasks, "OVERDUE") + count(tasks, "STATUTORY_OVERDUE"),
                    (int) tasks.stream()
                            .filter(task -> me.username().equals(task.getString("claimedBy", "")))
                            .count());
        }
        return work;
    }

    public boolean isWindowStaff() {
        return getMe().has(Role.CLERK) || getMe().has(Role.WINDOW_LEAD);
    }

    private static int count(List<JsonObject> tasks, String clockStatus) {
        return (int) tasks.stream()
                .filter(task -> clockStatus.equals(task.getString("clockStatus", "")))
                .count();
    }

    public boolean isConsoleUser() {
        StaffPrincipal me = getMe();
        return me.administers() || me.has(Role.AUDITOR) || me.has(Role.STANDARDS_EDITOR);
    }
}
