package org.onewindow.ui.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.Tenant;

/** The staff home page ({@code /app/home.xhtml}): who you are, your tenant, what you may do. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    Caller caller;

    @Inject
    TenantService tenants;

    private Tenant tenant;
    private List<Tenant> children;

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

    public boolean isConsoleUser() {
        StaffPrincipal me = getMe();
        return me.administers() || me.has(Role.AUDITOR) || me.has(Role.STANDARDS_EDITOR);
    }
}
