package org.onewindow.casework.domain;

import java.util.regex.Pattern;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * The group a task of a case's process goes to, as the process plan names it: a division ({@code 370321106000}: its
 * reviewers, or its window's clerks for a window step) or a department of a county ({@code 370321000000/MZ}: that
 * department's reviewers). The one place that says who may see and take a task.
 *
 * @param tenantCode the division's 12-digit code
 * @param departmentCode the department's code, {@code null} for the division itself
 */
public record WorkGroup(String tenantCode, String departmentCode) {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{12}(/[A-Z0-9_]{1,16})?");

    /**
     * @throws IllegalArgumentException for a group that is neither shape (a template that names something else)
     */
    public static WorkGroup parse(String group) {
        if (group == null || !SHAPE.matcher(group).matches()) {
            throw new IllegalArgumentException("not a work group: " + group);
        }
        int slash = group.indexOf('/');
        return slash < 0
                ? new WorkGroup(group, null)
                : new WorkGroup(group.substring(0, slash), group.substring(slash + 1));
    }

    /**
     * Whether the staff member may see and take a task of this group: a review goes to the reviewers of the division
     * (of the department, when one is named); a window step to the clerks and window leads of the division.
     */
    public boolean admits(StaffPrincipal staff, TaskKind kind) {
        if (!staff.tenantCode().value().equals(tenantCode)) {
            return false;
        }
        if (kind.atWindow()) {
            return staff.has(Role.CLERK) || staff.has(Role.WINDOW_LEAD);
        }
        return staff.has(Role.REVIEWER)
                && (departmentCode == null || staff.departments().contains(departmentCode));
    }
}
