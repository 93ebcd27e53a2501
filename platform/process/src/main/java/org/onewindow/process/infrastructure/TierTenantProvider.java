package org.onewindow.process.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.flowable.common.engine.impl.DefaultTenantProvider;
import org.onewindow.process.application.TemplateResolver;
import org.onewindow.process.domain.TemplateTenants;

/**
 * Asked by Flowable when a process is started by key for a tenant that has no template of that key itself:
 * answers the nearest tenant up the tree (town, county, standard) that has one in force.
 */
@ApplicationScoped
public class TierTenantProvider implements DefaultTenantProvider {

    @Inject
    TemplateResolver resolver;

    @Override
    public String getDefaultTenant(String tenantId, String scope, String scopeKey) {
        if (tenantId == null || scopeKey == null) {
            return TemplateTenants.STANDARD;
        }
        return resolver.tenantInForce(tenantId, scopeKey).orElse(TemplateTenants.STANDARD);
    }
}
