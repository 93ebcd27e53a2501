package org.onewindow.ui.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.application.ServicePointService;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.Tenant;
import org.onewindow.ui.FacesMessages;

/**
 * One division's page ({@code /app/tenant.xhtml?code=...}): its data, the divisions below it and its
 * service points. A code outside the caller's scope shows "not found", exactly as a code that does not exist.
 */
@Named
@RequestScoped
public class TenantBacking {

    @Inject
    TenantService tenants;

    @Inject
    ServicePointService servicePoints;

    private String code;
    private Tenant tenant;
    private List<Tenant> children = List.of();
    private List<ServicePoint> points = List.of();

    public void load() {
        try {
            tenant = tenants.find(
                    code == null || code.isBlank() ? tenants.home().code().value() : code);
            children = tenant.level().isLeaf()
                    ? List.of()
                    : tenants.children(tenant.code().value());
            points = servicePoints.servicePoints(tenant.code().value());
        } catch (DomainException e) {
            tenant = null;
            FacesMessages.error(e);
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public List<Tenant> getChildren() {
        return children;
    }

    public List<ServicePoint> getPoints() {
        return points;
    }
}
