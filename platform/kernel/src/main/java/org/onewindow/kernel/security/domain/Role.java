package org.onewindow.kernel.security.domain;

/** What a staff member may do. Each role is also the container group of that name. */
public enum Role {
    CLERK,
    REVIEWER,
    WINDOW_LEAD,
    TENANT_ADMIN,
    COUNTY_ADMIN,
    STANDARDS_EDITOR,
    AUDITOR;

    /** Whether the role administers the tenant tree, service points and staff of its scope. */
    public boolean administers() {
        return this == TENANT_ADMIN || this == COUNTY_ADMIN;
    }
}
