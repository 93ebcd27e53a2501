package org.onewindow.process.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.flowable.engine.repository.ProcessDefinition;
import org.onewindow.process.domain.TemplateTenants;
import org.onewindow.process.infrastructure.ProcessEngines;

/**
 * Finds the template version in force for a tenant: the latest version of the nearest tenant up the tree (the
 * tenant itself, its town, its county, the standard) that has not retired its override.
 */
@ApplicationScoped
public class TemplateResolver {

    @Inject
    ProcessEngines engines;

    public Optional<ProcessDefinition> inForce(String tenant, String key) {
        for (String candidate : TemplateTenants.chain(tenant)) {
            ProcessDefinition latest = engines.engine()
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(key)
                    .processDefinitionTenantId(candidate)
                    .latestVersion()
                    .singleResult();
            // Retiring an override suspends all its versions: the tier above is in force again.
            if (latest != null && !latest.isSuspended()) {
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    public Optional<String> tenantInForce(String tenant, String key) {
        return inForce(tenant, key).map(ProcessDefinition::getTenantId);
    }
}
