package org.onewindow.catalog.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.onewindow.catalog.domain.LocalOverride;
import org.onewindow.catalog.domain.PendingConflict;
import org.onewindow.catalog.domain.StandardItemVersion;
import org.onewindow.catalog.domain.VersionState;
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

    /** The versions in force whose name contains {@code text} (all when it is empty), by item code. */
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

    public Optional<LocalOverride> override(DivisionCode tenant, String itemCode) {
        return em.createQuery(
                        "select o from LocalOverride o where o.tenantCode = :tenant and o.itemCode = :item",
                        LocalOverride.class)
                .setParameter("tenant", tenant.value())
                .setParameter("item", itemCode)
                .getResultStream()
                .findFirst();
    }

    /** The overrides the named tenants made, of any item; a tenant's chain is its county, town and itself. */
    public List<LocalOverride> overridesOf(Collection<DivisionCode> tenants) {
        return em.createQuery("select o from LocalOverride o where o.tenantCode in :tenants", LocalOverride.class)
                .setParameter(
                        "tenants", tenants.stream().map(DivisionCode::value).toList())
                .getResultList();
    }

    /** Every override of the item the caller's scope reaches, by tenant. */
    /** The counties holding overrides of an item, whatever the caller's scope (through ow_counties_overriding). */
    @SuppressWarnings("unchecked")
    public List<String> countiesOverriding(String itemCode) {
        return em.createNativeQuery("select ow_counties_overriding(?1)")
                .setParameter(1, itemCode)
                .getResultList();
    }

    /** The 12-digit codes of every county of the deployment, whatever the caller's scope (through ow_public_counties). */
    @SuppressWarnings("unchecked")
    public List<String> publicCounties() {
        return em.createNativeQuery("select ow_public_counties()").getResultList();
    }

    public List<LocalOverride> overridesOfItem(String itemCode) {
        return em.createQuery(
                        "select o from LocalOverride o where o.itemCode = :item order by o.tenantCode",
                        LocalOverride.class)
                .setParameter("item", itemCode)
                .getResultList();
    }

    public List<PendingConflict> conflicts(DivisionCode tenant) {
        return em.createQuery(
                        "select c from PendingConflict c where c.tenantCode = :tenant order by c.itemCode, c.element",
                        PendingConflict.class)
                .setParameter("tenant", tenant.value())
                .getResultList();
    }

    public List<PendingConflict> conflicts(DivisionCode tenant, String itemCode) {
        return em.createQuery(
                        "select c from PendingConflict c where c.tenantCode = :tenant and c.itemCode = :item"
                                + " order by c.element",
                        PendingConflict.class)
                .setParameter("tenant", tenant.value())
                .setParameter("item", itemCode)
                .getResultList();
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
}
