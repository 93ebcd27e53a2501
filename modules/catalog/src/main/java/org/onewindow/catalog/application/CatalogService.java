package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.onewindow.catalog.domain.EffectiveItem;
import org.onewindow.catalog.domain.ElementSource;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.LocalOverride;
import org.onewindow.catalog.domain.PendingConflict;
import org.onewindow.catalog.domain.RebaseResult;
import org.onewindow.catalog.domain.Resolution;
import org.onewindow.catalog.domain.StandardItemVersion;
import org.onewindow.catalog.domain.TierOverride;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.application.TenantService;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The catalog as tenants see and adapt it: a tenant's effective items (the standard with the overrides of its
 * county, town and itself), a tenant administrator's own override, and the conflicts a standards update left it.
 * Reads and writes run under the caller's scope; row-level security lets a tenant read its ancestors' overrides
 * but write only its own subtree's. An administrator only ever changes their own tenant's override.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class CatalogService {

    @Inject
    Clock clock;

    @Inject
    PublishedVersions published;

    @Inject
    CatalogRepository repository;

    @Inject
    TenantService tenants;

    @Inject
    Caller caller;

    @Inject
    AuditService audit;

    @Inject
    Publications publications;

    // --- reading -----------------------------------------------------------------------------------

    /** The items the tenant offers, matching the filter, by item code; the tenant must be in the caller's scope. */
    public List<TenantItem> effectiveCatalog(String tenantCode, CatalogFilter filter) {
        DivisionCode tenant = existing(tenantCode);
        CatalogRepository.InForce inForce = repository.inForce(chainCodes(tenant), null);
        Map<String, Map<DivisionCode, TierOverride>> overrides = new HashMap<>();
        Map<String, Integer> ownVersions = new HashMap<>();
        byItem(tenant, inForce.overrides(), overrides, ownVersions);
        List<TenantItem> items = new ArrayList<>();
        for (ItemVersion standard : published.inForce(inForce.versions())) {
            if (!filter.matches(standard.elements())) {
                continue;
            }
            EffectiveItem item =
                    EffectiveItem.resolve(standard, chainOf(tenant, overrides.getOrDefault(standard.code(), Map.of())));
            if (item.offered()) {
                items.add(new TenantItem(tenant, item, version(ownVersions.get(standard.code()))));
            }
        }
        return items;
    }

    /** One item as the tenant offers it, with the source of every element. */
    public TenantItem effectiveItem(String tenantCode, String itemCode) {
        DivisionCode tenant = existing(tenantCode);
        CatalogRepository.InForce inForce = repository.inForce(chainCodes(tenant), itemCode);
        ItemVersion standard = published.inForce(inForce.versions()).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("catalog.item.not.found", itemCode));
        return effective(tenant, standard, inForce.overrides(), Optional.empty());
    }

    /**
     * The item as {@code tenantCode} offers it now, frozen for another module to keep (casework pins it on a case).
     *
     * @throws DomainException 404 for a tenant outside the caller's scope or an unknown item
     */
    public ItemSnapshot snapshot(String tenantCode, String itemCode) {
        return ItemSnapshot.of(effectiveItem(tenantCode, itemCode).item());
    }

    // --- the caller's own override -------------------------------------------------------------------

    /**
     * Sets or replaces the caller's own tenant's override of an item (本级调整); an empty patch removes it.
     *
     * @param expectedVersion the lock version of the override as last read; null when the tenant has none yet
     * @throws DomainException 403 for a caller who administers no tenant, 404 for an unknown item, 400 when the
     *     patch breaks the {@link org.onewindow.catalog.domain.OverridePolicy}, 409 when the override changed
     *     since it was read
     */
    public TenantItem setOverride(String itemCode, JsonObject patch, Integer expectedVersion) {
        StaffPrincipal admin = Staff.requireAny(caller, Role.TENANT_ADMIN, Role.COUNTY_ADMIN);
        if (patch == null) {
            throw new DomainException("catalog.override.patch.required");
        }
        DivisionCode tenant = admin.tenantCode();
        ItemVersion standard = standard(itemCode, true).toDomain();
        requireNotPublishing(itemCode);
        Optional<LocalOverride> row = repository.override(tenant, itemCode, standard.number());
        int current = row.map(LocalOverride::version).orElse(0);
        boolean stale = row.isPresent()
                ? expectedVersion == null || expectedVersion != current
                : expectedVersion != null && expectedVersion != 0;
        if (stale) {
            throw DomainException.conflict("catalog.override.stale", itemCode);
        }
        TierOverride before = row.map(LocalOverride::toDomain).orElse(null);
        TierOverride after = TierOverride.of(tenant, standard, patch);
        effective(tenant, standard, Optional.of(after));
        save(
                row,
                after,
                !repository.conflicts(tenant, itemCode, standard.number()).isEmpty());
        audit.record(
                tenant.value(),
                "catalog.override.set",
                "item_override",
                subject(tenant, itemCode),
                state(before),
                state(after.patch().isEmpty() ? null : after));
        return effective(tenant, standard, Optional.empty());
    }

    // --- conflicts after a standards update ------------------------------------------------------------

    /** The caller's own tenant's pending conflicts, by item and element. */
    public List<PendingConflict> conflicts() {
        StaffPrincipal admin = Staff.requireAny(caller, Role.TENANT_ADMIN, Role.COUNTY_ADMIN);
        return repository.conflicts(admin.tenantCode());
    }

    /**
     * Settles one of the caller's own tenant's conflicts (冲突处理) and returns the item as the tenant now offers it.
     *
     * @throws DomainException 404 when there is no such conflict, 400 when the kept or edited value is not allowed
     */
    public TenantItem resolve(String itemCode, String element, Resolution resolution) {
        StaffPrincipal admin = Staff.requireAny(caller, Role.TENANT_ADMIN, Role.COUNTY_ADMIN);
        DivisionCode tenant = admin.tenantCode();
        ItemVersion standard = standard(itemCode, true).toDomain();
        requireNotPublishing(itemCode);
        List<PendingConflict> pending = repository.conflicts(tenant, itemCode, standard.number());
        PendingConflict conflict = pending.stream()
                .filter(c -> c.element().equals(element))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("catalog.rebase.conflict.not.found", element));
        Optional<LocalOverride> row = repository.override(tenant, itemCode, standard.number());
        TierOverride before = row.map(LocalOverride::toDomain)
                .orElseGet(() -> new TierOverride(tenant, itemCode, standard.number(), JsonObject.EMPTY_JSON_OBJECT));
        TierOverride after = new RebaseResult(standard, before, List.of(conflict.toDomain()), Set.of(), false)
                .resolve(element, resolution)
                .override();
        effective(tenant, standard, Optional.of(after));
        repository.remove(conflict);
        save(row, after, pending.size() > 1);
        audit.record(
                tenant.value(),
                "catalog.conflict.resolved",
                "item_override",
                subject(tenant, itemCode),
                Json.createObjectBuilder()
                        .add("element", element)
                        .add("override", state(before))
                        .build(),
                Json.createObjectBuilder()
                        .add("element", element)
                        .add("resolution", resolution.getClass().getSimpleName())
                        .add("override", state(after))
                        .build());
        return effective(tenant, standard, Optional.empty());
    }

    // --- the administrator's console ------------------------------------------------------------------------

    /**
     * The caller's own tenant's items matching the filter, by item code, including those a tier chose not to
     * offer: the console shows them so that an administrator can offer them again.
     */
    public List<TenantItem> ownCatalog(CatalogFilter filter) {
        StaffPrincipal admin = Staff.requireAny(caller, Role.TENANT_ADMIN, Role.COUNTY_ADMIN);
        DivisionCode tenant = admin.tenantCode();
        CatalogRepository.InForce inForce = repository.inForce(chainCodes(tenant), null);
        Map<String, Map<DivisionCode, TierOverride>> overrides = new HashMap<>();
        Map<String, Integer> ownVersions = new HashMap<>();
        byItem(tenant, inForce.overrides(), overrides, ownVersions);
        List<TenantItem> items = new ArrayList<>();
        for (ItemVersion standard : published.inForce(inForce.versions())) {
            if (filter.matches(standard.elements())) {
                EffectiveItem item = EffectiveItem.resolve(
                        standard, chainOf(tenant, overrides.getOrDefault(standard.code(), Map.of())));
                items.add(new TenantItem(tenant, item, version(ownVersions.get(standard.code()))));
            }
        }
        return items;
    }

    /** The patch of the caller's own tenant's override of the item, empty when it has none; what the console edits. */
    public JsonObject ownPatch(String itemCode) {
        StaffPrincipal admin = Staff.requireAny(caller, Role.TENANT_ADMIN, Role.COUNTY_ADMIN);
        return repository
                .overrideInForce(admin.tenantCode(), itemCode)
                .map(row -> row.toDomain().patch())
                .orElse(JsonObject.EMPTY_JSON_OBJECT);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private DivisionCode existing(String tenantCode) {
        if (!tenants.exists(tenantCode)) {
            throw DomainException.notFound("catalog.tenant.not.found", tenantCode == null ? "" : tenantCode);
        }
        return DivisionCode.of(tenantCode);
    }

    private StandardItemVersion standard(String itemCode, boolean lock) {
        Optional<StandardItemVersion> row =
                lock ? repository.publishedForUpdate(itemCode) : repository.published(itemCode);
        return row.orElseThrow(() -> DomainException.notFound("catalog.item.not.found", itemCode));
    }

    /**
     * An administrator's change of an override waits for the version in force (it holds its lock) and is refused
     * while a publication of the item is queued or running: that publication may have re-based the tenant's county
     * already, and would put the version in force without the change (ADR 0012).
     */
    private void requireNotPublishing(String itemCode) {
        if (publications.open(itemCode)) {
            throw DomainException.conflict("catalog.publication.running.override", itemCode);
        }
    }

    /** The overrides of the chain by item and tenant, and the tenant's own lock versions by item. */
    private static void byItem(
            DivisionCode tenant,
            List<LocalOverride> rows,
            Map<String, Map<DivisionCode, TierOverride>> overrides,
            Map<String, Integer> ownVersions) {
        for (LocalOverride row : rows) {
            overrides.computeIfAbsent(row.itemCode(), code -> new HashMap<>()).put(row.tenantCode(), row.toDomain());
            if (row.tenantCode().equals(tenant)) {
                ownVersions.put(row.itemCode(), row.version());
            }
        }
    }

    /**
     * The tenant's effective item on the locked version in force, with {@code ownOverride} in place of the stored one
     * when given (empty patch: none); checks every override of the chain against the tiers above it.
     */
    private TenantItem effective(DivisionCode tenant, ItemVersion standard, Optional<TierOverride> ownOverride) {
        return effective(
                tenant,
                standard,
                repository.overridesOf(chainCodes(tenant), standard.code(), standard.number()),
                ownOverride);
    }

    private TenantItem effective(
            DivisionCode tenant, ItemVersion standard, List<LocalOverride> rows, Optional<TierOverride> ownOverride) {
        Map<DivisionCode, TierOverride> overrides = new HashMap<>();
        OptionalInt ownVersion = OptionalInt.empty();
        for (LocalOverride row : rows) {
            if (row.itemCode().equals(standard.code()) && row.baseVersion() == standard.number()) {
                overrides.put(row.tenantCode(), row.toDomain());
                if (row.tenantCode().equals(tenant)) {
                    ownVersion = OptionalInt.of(row.version());
                }
            }
        }
        ownOverride.ifPresent(own -> {
            if (own.patch().isEmpty()) {
                overrides.remove(tenant);
            } else {
                overrides.put(tenant, own);
            }
        });
        return new TenantItem(tenant, EffectiveItem.resolve(standard, chainOf(tenant, overrides)), ownVersion);
    }

    /**
     * Stores the tenant's override: creates, replaces, or removes it when nothing is left to override and no
     * conflict still refers to it. A concurrent change or a second insert surfaces as a conflict here.
     */
    private void save(Optional<LocalOverride> row, TierOverride override, boolean conflictsLeft) {
        try {
            if (override.patch().isEmpty() && !conflictsLeft) {
                row.ifPresent(repository::remove);
            } else if (row.isPresent()) {
                row.get().replace(override, clock.instant());
            } else {
                repository.add(new LocalOverride(override, clock.instant()));
            }
            repository.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("catalog.override.stale", override.itemCode());
        }
    }

    /** The tenant's county, town and itself, as far down as its tier goes. */
    static List<DivisionCode> chainCodes(DivisionCode tenant) {
        ElementSource deepest = ElementSource.tierOf(tenant);
        List<DivisionCode> chain = new ArrayList<>();
        for (ElementSource tier : List.of(ElementSource.COUNTY, ElementSource.TOWN, ElementSource.VILLAGE)) {
            if (tier.compareTo(deepest) <= 0) {
                chain.add(tier.ancestorOf(tenant));
            }
        }
        return chain;
    }

    /** The overrides of the tenant's chain that exist, county first, as {@link EffectiveItem#resolve} wants them. */
    static List<TierOverride> chainOf(DivisionCode tenant, Map<DivisionCode, TierOverride> overrides) {
        return chainCodes(tenant).stream()
                .map(overrides::get)
                .filter(o -> o != null)
                .toList();
    }

    static String subject(DivisionCode tenant, String itemCode) {
        return tenant.value() + "/" + itemCode;
    }

    static JsonObject state(TierOverride override) {
        if (override == null) {
            return null;
        }
        JsonObjectBuilder state = Json.createObjectBuilder()
                .add("item", override.itemCode())
                .add("baseVersion", override.baseVersion())
                .add("patch", override.patch());
        return state.build();
    }

    private static OptionalInt version(Integer version) {
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }
}
