package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.onewindow.catalog.domain.Conflict;
import org.onewindow.catalog.domain.ImpactPreview;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.LocalOverride;
import org.onewindow.catalog.domain.PendingConflict;
import org.onewindow.catalog.domain.Rebase;
import org.onewindow.catalog.domain.RebaseResult;
import org.onewindow.catalog.domain.TierOverride;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.Tenant;

/**
 * One county's share of a standards update: its overrides of an item, previewed or re-based onto the new version.
 * It runs in the county's scope (the caller is the editor acting in that county), inside the publication's
 * transaction, and flushes before it returns, while row-level security still admits that county's rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@TenantScoped
public class CountyRebase {

    @Inject
    CatalogRepository repository;

    @Inject
    AuditService audit;

    @PersistenceContext
    EntityManager em;

    public ImpactReport preview(ItemVersion from, ItemVersion to) {
        Map<DivisionCode, TierOverride> overrides = new HashMap<>();
        repository.overridesOfItem(from.code()).forEach(row -> overrides.put(row.tenantCode(), row.toDomain()));
        return report(ImpactPreview.of(from, to, overrides), false);
    }

    /** Re-bases every override of the item from {@code from} onto {@code to}, storing the results and conflicts. */
    public ImpactReport rebase(ItemVersion from, ItemVersion to) {
        List<LocalOverride> rows = repository.overridesOfItem(from.code());
        Map<DivisionCode, TierOverride> overrides = new HashMap<>();
        rows.forEach(row -> overrides.put(row.tenantCode(), row.toDomain()));
        // Every result is computed from the overrides as they were, before any row changes.
        ImpactPreview preview = ImpactPreview.of(from, to, overrides);
        Map<DivisionCode, RebaseResult> results = new HashMap<>();
        overrides
                .keySet()
                .forEach(tenant -> results.put(
                        tenant,
                        Rebase.chain(from, to, CatalogService.chainOf(tenant, overrides))
                                .getLast()));
        for (LocalOverride row : rows) {
            DivisionCode tenant = row.tenantCode();
            RebaseResult result = results.get(tenant);
            TierOverride before = overrides.get(tenant);
            Map<String, PendingConflict> pending = new HashMap<>();
            repository.conflicts(tenant, from.code()).forEach(c -> pending.put(c.element(), c));
            for (Conflict conflict : result.conflicts()) {
                PendingConflict earlier = pending.get(conflict.element());
                if (earlier == null) {
                    PendingConflict added = new PendingConflict(tenant, to.code(), to.number(), conflict);
                    repository.add(added);
                    pending.put(conflict.element(), added);
                } else {
                    earlier.replace(to.number(), conflict);
                }
            }
            if (result.override().patch().isEmpty() && pending.isEmpty()) {
                repository.remove(row);
            } else {
                row.replace(result.override());
            }
            audit.record(
                    tenant.value(),
                    "catalog.override.rebased",
                    "item_override",
                    CatalogService.subject(tenant, from.code()),
                    CatalogService.state(before),
                    Json.createObjectBuilder(CatalogService.state(result.override()))
                            .add("conflicts", elements(result.conflicts()))
                            .add("converged", Json.createArrayBuilder(result.converged()))
                            .build());
        }
        repository.flush();
        return report(preview, true);
    }

    private ImpactReport report(ImpactPreview preview, boolean published) {
        SortedSet<DivisionCode> listed = new TreeSet<>(preview.overriding());
        Map<DivisionCode, String> names = new HashMap<>();
        for (DivisionCode tenant : listed) {
            Tenant found = em.find(Tenant.class, tenant.value());
            names.put(tenant, found == null ? "" : found.name());
        }
        return new ImpactReport(preview, names, published);
    }

    private static JsonArrayBuilder elements(List<Conflict> conflicts) {
        JsonArrayBuilder elements = Json.createArrayBuilder();
        conflicts.forEach(c -> elements.add(c.element()));
        return elements;
    }
}
