package org.onewindow.process.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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

    /**
     * Every template in force for a tenant, by key: one query per tenant of the chain (at most four), the nearest
     * tenant's latest version winning unless it is retired.
     */
    public SortedMap<String, ProcessDefinition> inForce(String tenant) {
        SortedMap<String, ProcessDefinition> inForce = new TreeMap<>();
        for (String candidate : TemplateTenants.chain(tenant)) {
            for (ProcessDefinition latest : engines.engine()
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionTenantId(candidate)
                    .latestVersion()
                    .list()) {
                // A nearer tier decided the key already; a retired override leaves it to the tier above.
                if (!inForce.containsKey(latest.getKey()) && !latest.isSuspended()) {
                    inForce.put(latest.getKey(), latest);
                }
            }
        }
        return inForce;
    }

    public Optional<String> tenantInForce(String tenant, String key) {
        return inForce(tenant, key).map(ProcessDefinition::getTenantId);
    }
}
