package org.onewindow.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onewindow.catalog.domain.Conflict;
import org.onewindow.catalog.domain.JsonText;
import org.onewindow.catalog.domain.LocalOverride;
import org.onewindow.catalog.domain.PendingConflict;
import org.onewindow.catalog.domain.StandardItemVersion;
import org.onewindow.catalog.domain.TierOverride;
import org.onewindow.catalog.domain.VersionState;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The catalog's rows in PostgreSQL. It runs in the calling service's transaction, so overrides and conflicts
 * are read and written under the caller's scope: row-level security admits a tenant's own subtree and, for
 * overrides only, its ancestors' rows too.
 */
@ApplicationScoped
public class CatalogRepository {

    @PersistenceContext
    EntityManager em;

    public void add(Object row) {
        em.persist(row);
    }

    public void remove(Object row) {
        em.remove(row);
    }

    /** Writes pending changes now, so that a lost update or a broken constraint surfaces in the service. */
    public void flush() {
        em.flush();
    }

    public boolean anyVersion() {
        return !em.createQuery("select v.id from StandardItemVersion v", Object.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public Optional<StandardItemVersion> published(String itemCode) {
        return inState(itemCode, VersionState.PUBLISHED, false);
    }

    /**
     * The version in force, locked until the transaction ends: whoever changes an item's overrides or publishes
     * its next version takes this lock first, so no override is written on a version being replaced.
     */
    public Optional<StandardItemVersion> publishedForUpdate(String itemCode) {
        return inState(itemCode, VersionState.PUBLISHED, true);
    }

    public Optional<StandardItemVersion> draft(String itemCode) {
        return inState(itemCode, VersionState.DRAFT, false);
    }

    /** An item version by its key only: what the catalog's cache of parsed versions is looked up by. */
    public record VersionRef(String itemCode, int number) {}

    /** The item code and number of every version in force, by item code. */
    public List<VersionRef> publishedRefs() {
        return em
                .createQuery(
                        "select v.itemCode, v.number from StandardItemVersion v"
                                + " where v.state = :state order by v.itemCode",
                        Object[].class)
                .setParameter("state", VersionState.PUBLISHED)
                .getResultList()
                .stream()
                .map(row -> new VersionRef((String) row[0], ((Number) row[1]).intValue()))
                .toList();
    }

    /**
     * Every version in force, by item code. Searching is not done here: words are matched in Java by {@link
     * org.onewindow.catalog.domain.SearchText}, which SQL's substring match cannot do (width, punctuation, aliases).
     */
    public List<StandardItemVersion> publishedAll() {
        return em.createQuery(
                        "select v from StandardItemVersion v where v.state = :state order by v.itemCode",
                        StandardItemVersion.class)
                .setParameter("state", VersionState.PUBLISHED)
                .getResultList();
    }

    public Optional<StandardItemVersion> version(String itemCode, int number, boolean lock) {
        var query = em.createQuery(
                        "select v from StandardItemVersion v where v.itemCode = :code and v.number = :number",
                        StandardItemVersion.class)
                .setParameter("code", itemCode)
                .setParameter("number", number);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    public int lastNumber(String itemCode) {
        Integer last = em.createQuery(
                        "select max(v.number) from StandardItemVersion v where v.itemCode = :code", Integer.class)
                .setParameter("code", itemCode)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** The tenant's override of the item on that version of it. */
    public Optional<LocalOverride> override(DivisionCode tenant, String itemCode, int baseVersion) {
        return em.createQuery(
                        "select o from LocalOverride o where o.tenantCode = :tenant and o.itemCode = :item"
                                + " and o.baseVersion = :base",
                        LocalOverride.class)
                .setParameter("tenant", tenant.value())
                .setParameter("item", itemCode)
                .setParameter("base", baseVersion)
                .getResultStream()
                .findFirst();
    }

    /** The tenant's override of the item on the version in force (one statement: never one on another version). */
    public Optional<LocalOverride> overrideInForce(DivisionCode tenant, String itemCode) {
        return em.createQuery(
                        "select o from LocalOverride o, StandardItemVersion v where o.tenantCode = :tenant"
                                + " and o.itemCode = :item and v.itemCode = o.itemCode and v.number = o.baseVersion"
                                + " and v.state = :state",
                        LocalOverride.class)
                .setParameter("tenant", tenant.value())
                .setParameter("item", itemCode)
                .setParameter("state", VersionState.PUBLISHED)
                .getResultStream()
                .findFirst();
    }

    /** The overrides the named tenants made of the item on that version; a tenant's chain is its county, town and itself. */
    public List<LocalOverride> overridesOf(Collection<DivisionCode> tenants, String itemCode, int baseVersion) {
        return em.createQuery(
                        "select o from LocalOverride o where o.tenantCode in :tenants and o.itemCode = :item"
                                + " and o.baseVersion = :base",
                        LocalOverride.class)
                .setParameter("tenants", codes(tenants))
                .setParameter("item", itemCode)
                .setParameter("base", baseVersion)
                .getResultList();
    }

    /**
     * What a tenant's catalog is made of: the version in force of every item (or of one), with the overrides the
     * named tenants made on exactly that version. One statement, so one snapshot of the database: a publication that
     * puts a new version in force while the catalog is read is seen entirely or not at all, never the new standard
     * with the old overrides or the other way round (ADR 0012).
     *
     * @param itemCode one item, or null for all
     */
    public InForce inForce(Collection<DivisionCode> tenants, String itemCode) {
        List<Object[]> rows = em.createQuery(
                        "select v.itemCode, v.number, o from StandardItemVersion v left join LocalOverride o"
                                + " on o.itemCode = v.itemCode and o.baseVersion = v.number and o.tenantCode in :tenants"
                                + " where v.state = :state and (:item = '' or v.itemCode = :item) order by v.itemCode",
                        Object[].class)
                .setParameter("tenants", codes(tenants))
                .setParameter("state", VersionState.PUBLISHED)
                .setParameter("item", itemCode == null ? "" : itemCode)
                .getResultList();
        List<VersionRef> versions = new ArrayList<>();
        List<LocalOverride> overrides = new ArrayList<>();
        for (Object[] row : rows) {
            VersionRef ref = new VersionRef((String) row[0], ((Number) row[1]).intValue());
            if (versions.isEmpty() || !versions.getLast().equals(ref)) {
                versions.add(ref);
            }
            if (row[2] instanceof LocalOverride override) {
                overrides.add(override);
            }
        }
        return new InForce(versions, overrides);
    }

    /** The versions in force, by item code, and the overrides made on them that were asked for. */
    public record InForce(List<VersionRef> versions, List<LocalOverride> overrides) {}

    /**
     * The counties holding overrides of an item on that version, whatever the caller's scope (through
     * ow_counties_overriding), by code.
     */
    @SuppressWarnings("unchecked")
    public List<String> countiesOverriding(String itemCode, int version) {
        return em.createNativeQuery("select ow_counties_overriding(?1, ?2)")
                .setParameter(1, itemCode)
                .setParameter(2, version)
                .getResultList();
    }

    /** The 12-digit codes of every county of the deployment, whatever the caller's scope (through ow_public_counties). */
    @SuppressWarnings("unchecked")
    public List<String> publicCounties() {
        return em.createNativeQuery("select ow_public_counties()").getResultList();
    }

    /** One county's overrides of the item on that version, by tenant: read through the index on item and county. */
    public List<LocalOverride> overridesInCounty(DivisionCode county, String itemCode, int baseVersion) {
        return em.createQuery(
                        "select o from LocalOverride o where o.itemCode = :item and o.countyCode = :county"
                                + " and o.baseVersion = :base order by o.tenantCode",
                        LocalOverride.class)
                .setParameter("item", itemCode)
                .setParameter("county", county.value())
                .setParameter("base", baseVersion)
                .getResultList();
    }

    /** One county's pending conflicts of the item on that version, by tenant and element. */
    public List<PendingConflict> conflictsInCounty(DivisionCode county, String itemCode, int baseVersion) {
        return em.createQuery(
                        "select c from PendingConflict c where c.itemCode = :item and c.countyCode = :county"
                                + " and c.baseVersion = :base order by c.tenantCode, c.element",
                        PendingConflict.class)
                .setParameter("item", itemCode)
                .setParameter("county", county.value())
                .setParameter("base", baseVersion)
                .getResultList();
    }

    /**
     * Stores one county's overrides and conflicts re-based onto {@code version} at once, one statement each: the rows a
     * publication stages before the version comes into force.
     *
     * @param overrides each re-based override with the lock version it takes (one more than the row it replaces, so
     *     that an administrator's edit read before the publication is refused as stale)
     */
    public void stage(
            DivisionCode county,
            String itemCode,
            int version,
            List<Staged> overrides,
            List<PendingConflict> conflicts) {
        if (!overrides.isEmpty()) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            overrides.forEach(staged -> rows.add(Json.createObjectBuilder()
                    .add("tenant", staged.override().tenant().value())
                    .add("patch", JsonText.write(staged.override().patch()))
                    .add("version", staged.lockVersion())));
            em.createNativeQuery(
                            "insert into item_override (county_code, id, tenant_code, item_code, base_version, patch,"
                                    + " version) select ?1, gen_random_uuid(), r.tenant, ?2, ?3, r.patch, r.version"
                                    + " from json_to_recordset(cast(?4 as json)) as r (tenant text, patch text, version integer)")
                    .setParameter(1, county.value())
                    .setParameter(2, itemCode)
                    .setParameter(3, version)
                    .setParameter(4, rows.build().toString())
                    .executeUpdate();
        }
        if (!conflicts.isEmpty()) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            conflicts.forEach(pending -> {
                Conflict conflict = pending.toDomain();
                rows.add(Json.createObjectBuilder()
                        .add("tenant", pending.tenantCode().value())
                        .add("element", conflict.element())
                        .add("old_standard", JsonText.write(conflict.oldStandard()))
                        .add("new_standard", JsonText.write(conflict.newStandard()))
                        .add("local_value", JsonText.write(conflict.local()))
                        .add("reason", conflict.reason().name())
                        .add("to_version", pending.toVersion())
                        .add("created_at", pending.createdAt().toString()));
            });
            em.createNativeQuery(
                            "insert into item_conflict (county_code, id, tenant_code, item_code, element, old_standard,"
                                    + " new_standard, local_value, reason, to_version, created_at, base_version)"
                                    + " select ?1, gen_random_uuid(), r.tenant, ?2, r.element, r.old_standard, r.new_standard,"
                                    + " r.local_value, r.reason, r.to_version, r.created_at, ?3 from json_to_recordset(cast(?4 as json))"
                                    + " as r (tenant text, element text, old_standard text, new_standard text, local_value text,"
                                    + " reason text, to_version integer, created_at timestamptz)")
                    .setParameter(1, county.value())
                    .setParameter(2, itemCode)
                    .setParameter(3, version)
                    .setParameter(4, rows.build().toString())
                    .executeUpdate();
        }
    }

    /** An override as a publication stages it, with its lock version. */
    public record Staged(TierOverride override, int lockVersion) {}

    /** Removes one county's overrides and conflicts of the item on that version: staged ones, or the old version's. */
    public void removeInCounty(DivisionCode county, String itemCode, int version) {
        em.createQuery("delete from PendingConflict c where c.itemCode = :item and c.countyCode = :county"
                        + " and c.baseVersion = :base")
                .setParameter("item", itemCode)
                .setParameter("county", county.value())
                .setParameter("base", version)
                .executeUpdate();
        em.createQuery("delete from LocalOverride o where o.itemCode = :item and o.countyCode = :county"
                        + " and o.baseVersion = :base")
                .setParameter("item", itemCode)
                .setParameter("county", county.value())
                .setParameter("base", version)
                .executeUpdate();
    }

    /** The names of the tenants, by code (one statement). */
    public Map<DivisionCode, String> tenantNames(Collection<DivisionCode> tenants) {
        Map<DivisionCode, String> names = new HashMap<>();
        if (tenants.isEmpty()) {
            return names;
        }
        em.createQuery("select t.code, t.name from Tenant t where t.code in :codes", Object[].class)
                .setParameter("codes", codes(tenants))
                .getResultList()
                .forEach(row -> names.put(new DivisionCode((String) row[0]), (String) row[1]));
        return names;
    }

    /** The tenant's pending conflicts on the versions in force, by item and element. */
    public List<PendingConflict> conflicts(DivisionCode tenant) {
        return em.createQuery(
                        "select c from PendingConflict c, StandardItemVersion v where c.tenantCode = :tenant"
                                + " and v.itemCode = c.itemCode and v.number = c.baseVersion and v.state = :state"
                                + " order by c.itemCode, c.element",
                        PendingConflict.class)
                .setParameter("tenant", tenant.value())
                .setParameter("state", VersionState.PUBLISHED)
                .getResultList();
    }

    /** The tenant's pending conflicts of the item on that version of it, by element. */
    public List<PendingConflict> conflicts(DivisionCode tenant, String itemCode, int baseVersion) {
        return em.createQuery(
                        "select c from PendingConflict c where c.tenantCode = :tenant and c.itemCode = :item"
                                + " and c.baseVersion = :base order by c.element",
                        PendingConflict.class)
                .setParameter("tenant", tenant.value())
                .setParameter("item", itemCode)
                .setParameter("base", baseVersion)
                .getResultList();
    }

    /** Locks the version in force of the item for share: waits for whoever is changing one of its overrides. */
    public void awaitOverrideWriters(String itemCode) {
        em.createNativeQuery(
                        "select version_no from item_version where item_code = ?1 and state = 'PUBLISHED' for share")
                .setParameter(1, itemCode)
                .getResultList();
    }

    private static List<String> codes(Collection<DivisionCode> tenants) {
        return tenants.stream().map(DivisionCode::value).toList();
    }

    private Optional<StandardItemVersion> inState(String itemCode, VersionState state, boolean lock) {
        var query = em.createQuery(
                        "select v from StandardItemVersion v where v.itemCode = :code and v.state = :state",
                        StandardItemVersion.class)
                .setParameter("code", itemCode)
                .setParameter("state", state);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /**
     * A retired division's overrides go to its successor (docs/adr/0014): each item the successor has not overridden
     * takes the retired division's override with its open conflicts; where the successor has its own, the
     * successor's stays and the retired one's is dropped. In the caller's scope, like every write here. Under a change
     * that stays revertible ({@code changeId} not null), what moved and what was dropped (whole rows) are kept in
     * {@code override_division_move} for {@link #returnOverrides}.
     *
     * @param formerCode the retired division, 12 digits
     * @param successorCode the division taking over, 12 digits
     * @param changeId the revertible change, or {@code null} for one that is final once applied
     */
    public OverridesFollowed moveOverrides(String formerCode, String successorCode, UUID changeId) {
        em.flush();
        String successorHasIt = " and item_code in (select o.item_code from item_override o where o.tenant_code = ?2)";
        if (changeId != null) {
            keepMoves("OVERRIDE", "item_override", formerCode, successorCode, changeId);
            keepMoves("CONFLICT", "item_conflict", formerCode, successorCode, changeId);
        }
        update("delete from item_conflict where tenant_code = ?1" + successorHasIt, formerCode, successorCode);
        int dropped =
                update("delete from item_override where tenant_code = ?1" + successorHasIt, formerCode, successorCode);
        int moved = update(
                "update item_override set tenant_code = ?2, version = version + 1 where tenant_code = ?1",
                formerCode,
                successorCode);
        update("update item_conflict set tenant_code = ?2 where tenant_code = ?1", formerCode, successorCode);
        em.clear();
        return new OverridesFollowed(moved, dropped);
    }

    /** Keeps which rows of {@code table} a revertible change moves, and the whole rows of those it drops. */
    private void keepMoves(String kind, String table, String formerCode, String successorCode, UUID changeId) {
        em.createNativeQuery("insert into override_division_move (county_code, change_id, kind, row_id, tenant_code,"
                        + " successor_code, dropped) select x.county_code, cast(?3 as uuid), ?4, x.id, ?1, ?2,"
                        + " case when x.item_code in (select o.item_code from item_override o where o.tenant_code = ?2)"
                        + " then to_jsonb(x) end from " + table + " x where x.tenant_code = ?1")
                .setParameter(1, formerCode)
                .setParameter(2, successorCode)
                .setParameter(3, changeId)
                .setParameter(4, kind)
                .executeUpdate();
    }

    /**
     * A change reverted before it was confirmed: the overrides and open conflicts that {@link #moveOverrides} moved
     * under {@code changeId} and that are still at the successor go back to the division they came from (an
     * override's version counts the move), and those it dropped come back whole, as they were. What the successor had
     * before or made since stays. The persistence context is cleared: rows changed under it.
     *
     * @return how many overrides moved back ({@code moved}) and came back whole ({@code dropped})
     */
    public OverridesFollowed returnOverrides(UUID changeId) {
        em.flush();
        String movedAway = " from override_division_move m where m.change_id = cast(?1 as uuid) and m.kind = '%s'"
                + " and m.dropped is null and x.id = m.row_id and x.tenant_code = m.successor_code";
        int moved = em.createNativeQuery("update item_override x set tenant_code = m.tenant_code,"
                        + " version = x.version + 1" + movedAway.formatted("OVERRIDE"))
                .setParameter(1, changeId)
                .executeUpdate();
        em.createNativeQuery("update item_conflict x set tenant_code = m.tenant_code" + movedAway.formatted("CONFLICT"))
                .setParameter(1, changeId)
                .executeUpdate();
        String dropped = "insert into %s select (jsonb_populate_record(null::%s, m.dropped)).*"
                + " from override_division_move m where m.change_id = cast(?1 as uuid) and m.kind = '%s'"
                + " and m.dropped is not null on conflict do nothing";
        int restored = em.createNativeQuery(dropped.formatted("item_override", "item_override", "OVERRIDE"))
                .setParameter(1, changeId)
                .executeUpdate();
        em.createNativeQuery(dropped.formatted("item_conflict", "item_conflict", "CONFLICT"))
                .setParameter(1, changeId)
                .executeUpdate();
        em.clear();
        return new OverridesFollowed(moved, restored);
    }

    /** What {@link #moveOverrides} did: overrides moved to the successor, and those dropped for its own. */
    public record OverridesFollowed(int moved, int dropped) {}

    private int update(String sql, String formerCode, String successorCode) {
        return em.createNativeQuery(sql)
                .setParameter(1, formerCode)
                .setParameter(2, successorCode)
                .executeUpdate();
    }
}
