package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onewindow.catalog.domain.Conflict;
import org.onewindow.catalog.domain.ImpactPreview;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.LocalOverride;
import org.onewindow.catalog.domain.PendingConflict;
import org.onewindow.catalog.domain.RebaseResult;
import org.onewindow.catalog.domain.TierOverride;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * One county's share of a standards update: its overrides of an item, previewed, staged on the new version, settled
 * once that version is in force, or discarded (ADR 0012). It runs in the county's scope (the caller is the editor
 * acting in that county) and reads only that county's rows, through the index on item, county and version; the
 * publication steps each run in a short transaction of their own.
 */
@ApplicationScoped
@TenantScoped
public class CountyRebase {

    @Inject
    Clock clock;

    @Inject
    CatalogRepository repository;

    @Inject
    AuditService audit;

    @Inject
    Caller caller;

    @Inject
    Publications publications;

    /**
     * What the update does to the county's tenants; nothing is changed. In a short transaction of its own, like every
     * county's step: one transaction across 2,800 counties would keep every override and tenant it read managed, and
     * each further query would check them all for changes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImpactReport preview(ItemVersion from, ItemVersion to) {
        ImpactPreview preview = ImpactPreview.of(from, to, overrides(rows(from)));
        return new ImpactReport(preview, repository.tenantNames(preview.overriding()), false);
    }

    /**
     * Stages the county's overrides re-based from {@code from} onto {@code to}, with the conflicts left pending, as rows
     * on {@code to}: no tenant sees them before {@code to} is in force. Counts the county as done by its {@code lane}
     * in the same transaction, so a publication resumed after a stop goes on with the lane's next county.
     *
     * @throws Publications.LeaseLost when {@code worker} no longer runs the publication (nothing is staged)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImpactPreview stage(UUID publication, String worker, int lane, ItemVersion from, ItemVersion to) {
        DivisionCode county = county();
        List<LocalOverride> rows = rows(from);
        Map<DivisionCode, TierOverride> overrides = overrides(rows);
        Map<DivisionCode, List<PendingConflict>> pending = new HashMap<>();
        repository
                .conflictsInCounty(county, from.code(), from.number())
                .forEach(c -> pending.computeIfAbsent(c.tenantCode(), t -> new ArrayList<>())
                        .add(c));
        List<CatalogRepository.Staged> staged = new ArrayList<>();
        List<PendingConflict> conflicts = new ArrayList<>();
        Map<DivisionCode, Integer> lockVersions = new HashMap<>();
        rows.forEach(row -> lockVersions.put(row.tenantCode(), row.version()));
        Map<DivisionCode, RebaseResult> results = ImpactPreview.rebased(from, to, overrides);
        results.forEach((tenant, result) -> {
            // A conflict on the same element again replaces the earlier one; the others stay pending.
            Map<String, PendingConflict> onTo = new LinkedHashMap<>();
            pending.getOrDefault(tenant, List.of()).forEach(c -> onTo.put(c.element(), c.carriedOnto(to.number())));
            result.conflicts()
                    .forEach(c -> onTo.put(
                            c.element(), new PendingConflict(tenant, to.code(), to.number(), c, clock.instant())));
            if (!result.override().patch().isEmpty() || !onTo.isEmpty()) {
                staged.add(new CatalogRepository.Staged(result.override(), lockVersions.get(tenant) + 1));
            }
            conflicts.addAll(onTo.values());
        });
        repository.stage(county, from.code(), to.number(), staged, conflicts);
        ImpactPreview preview = ImpactPreview.ofResults(from, to, results);
        publications.countyStaged(publication, worker, lane, preview);
        return preview;
    }

    /**
     * After {@code to} came into force: enters each re-base of the county in its tenant's audit trail and removes the
     * county's rows on {@code from}, in one transaction, so each re-base is audited once. Nothing to do when the
     * county is settled already.
     *
     * @throws Publications.LeaseLost when {@code worker} no longer runs the publication (nothing changes)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(UUID publication, String worker, ItemVersion from, ItemVersion to) {
        DivisionCode county = county();
        Map<DivisionCode, TierOverride> overrides = overrides(rows(from));
        if (overrides.isEmpty()) {
            return;
        }
        List<AuditService.Change> rebased = new ArrayList<>();
        ImpactPreview.rebased(from, to, overrides)
                .forEach((tenant, result) -> rebased.add(new AuditService.Change(
                        tenant.value(),
                        "catalog.override.rebased",
                        "item_override",
                        CatalogService.subject(tenant, from.code()),
                        CatalogService.state(overrides.get(tenant)),
                        Json.createObjectBuilder(CatalogService.state(result.override()))
                                .add("conflicts", elements(result.conflicts()))
                                .add("converged", Json.createArrayBuilder(result.converged()))
                                .build())));
        audit.recordAll(rebased);
        repository.removeInCounty(county, from.code(), from.number());
        publications.countySettled(publication, worker);
    }

    /**
     * Removes what a failed publication staged in the county, or what an earlier attempt left when it could not
     * discard it (a lost connection); the version in force and its rows are untouched.
     *
     * @throws Publications.LeaseLost when {@code worker} no longer runs the publication (another worker may be
     *     staging the same county again)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void discard(UUID publication, String worker, ItemVersion to) {
        publications.renew(publication, worker);
        repository.removeInCounty(county(), to.code(), to.number());
    }

    /** The county's overrides of the item on {@code from}, by tenant code. */
    private List<LocalOverride> rows(ItemVersion from) {
        return repository.overridesInCounty(county(), from.code(), from.number());
    }

    private static Map<DivisionCode, TierOverride> overrides(List<LocalOverride> rows) {
        Map<DivisionCode, TierOverride> overrides = new LinkedHashMap<>();
        rows.forEach(row -> overrides.put(row.tenantCode(), row.toDomain()));
        return overrides;
    }

    private DivisionCode county() {
        return caller.require().tenantCode().county();
    }

    private static JsonArrayBuilder elements(List<Conflict> conflicts) {
        JsonArrayBuilder elements = Json.createArrayBuilder();
        conflicts.forEach(c -> elements.add(c.element()));
        return elements;
    }
}
