package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.onewindow.catalog.domain.ProcessPlan;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.process.application.ProcessTemplateService;
import org.onewindow.process.application.TemplateTrialService;
import org.onewindow.process.domain.TrialRun;

/**
 * The public catalog (CAT-2): anyone, logged in or not, reads the items a tenant offers. Each read runs as a
 * visitor of exactly that tenant, so the database shows it the tenant itself and its ancestors' overrides and
 * nothing else, whoever is calling.
 */
@ApplicationScoped
public class PublicCatalogService {

    @Inject
    CatalogService catalog;

    @Inject
    Caller caller;

    @Inject
    Scopes scopes;

    @Inject
    ProcessTemplateService templates;

    @Inject
    TemplateTrialService trials;

    public List<TenantItem> items(String tenantCode, CatalogFilter filter) {
        DivisionCode tenant = tenant(tenantCode);
        return scopes.run(Scope.visitorOf(tenant), () -> catalog.effectiveCatalog(tenant.value(), filter));
    }

    public TenantItem item(String tenantCode, String itemCode) {
        DivisionCode tenant = tenant(tenantCode);
        return scopes.run(Scope.visitorOf(tenant), () -> catalog.effectiveItem(tenant.value(), itemCode));
    }

    /** How a case of the item runs when taken in at the tenant: its plan and the template version in force there. */
    public ItemProcess process(String tenantCode, String itemCode) {
        TenantItem item = item(tenantCode, itemCode);
        ProcessPlan plan = ProcessPlan.of(item.item().element("process"), item.tenant());
        return new ItemProcess(plan, templates.inForce(item.tenant().value(), plan.template()));
    }

    /** A dry run of the item's process at the tenant (staff only), every reviewer approving or one refusing. */
    public TrialRun trial(String tenantCode, String itemCode, int refuseInRound) {
        caller.require();
        ProcessPlan plan = process(tenantCode, itemCode).plan();
        return trials.run(plan.windowGroup(), plan.template(), plan.windowGroup(), plan.reviewGroups(), refuseInRound);
    }

    /** The tenant asked for; a logged-in caller who names none means their own. */
    private DivisionCode tenant(String tenantCode) {
        if (tenantCode == null || tenantCode.isBlank()) {
            return caller.current()
                    .map(StaffPrincipal::tenantCode)
                    .orElseThrow(() -> new DomainException("catalog.tenant.required"));
        }
        return DivisionCode.parse(tenantCode)
                .orElseThrow(() -> DomainException.notFound("catalog.tenant.not.found", tenantCode.strip()));
    }
}
