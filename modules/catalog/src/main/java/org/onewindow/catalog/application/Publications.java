package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.onewindow.catalog.domain.ImpactPreview;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.kernel.error.Causes;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * The publication rows. Reads and the worker's own changes run in a transaction of their own, so progress is
 * visible while the publication runs; a county's step joins that county's transaction instead, so the county and
 * its count commit or roll back together.
 *
 * <p>Every change the worker makes names the worker ({@code worker}: a node's run) and renews its lease: when
 * another worker took the publication over (the lease ran out), the statement changes no row and {@link LeaseLost}
 * rolls back the step. Lease times are the database's clock, the one clock every node shares.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Publications {

    /** How long a worker's claim holds without a step; a step takes milliseconds, a county's at most seconds. */
    static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** The worker no longer runs the publication: another one took it over, or it ended. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID publication) {
            super("publication " + publication + " is no longer run by this worker");
        }
    }

    /** A new queued publication run by {@code worker}; a second one of the same item while one is open is refused. */
    public Publication queue(String itemCode, int number, String editor, String worker) {
        Publication publication = new Publication(itemCode, number, editor, worker, clock.instant());
        try {
            em.persist(publication);
            em.flush();
        } catch (PersistenceException e) {
            if (Causes.uniqueViolation(e)) {
                throw DomainException.conflict("catalog.publication.running", itemCode);
            }
            throw e;
        }
        renew(publication.id(), worker);
        return publication;
    }

    /**
     * Whether an item has a publication queued or running: its draft must not change under it, nor may an override
     * of the item, which the publication may have staged already.
     */
    public boolean open(String itemCode) {
        return !em.createQuery(
                        "select p.id from Publication p where p.itemCode = :item and p.state in :open", UUID.class)
                .setParameter("item", itemCode)
                .setParameter("open", List.of(Publication.State.QUEUED, Publication.State.RUNNING))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public Publication find(UUID id) {
        Publication publication = em.find(Publication.class, id);
        if (publication == null) {
            throw DomainException.notFound("catalog.publication.not.found", id.toString());
        }
        return publication;
    }

    /** The latest publications, newest first. */
    public List<Publication> recent(String itemCode, int limit) {
        return em.createQuery(
                        "select p from Publication p where :item = '' or p.itemCode = :item order by p.createdAt desc",
                        Publication.class)
                .setParameter("item", itemCode == null ? "" : itemCode)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes over every open publication whose worker's lease ran out (its node stopped, or hangs): each is then run
     * by {@code worker}, which resumes it where it stands. A publication whose worker still renews its lease is left
     * alone, whichever node asks.
     *
     * @return the publications taken over
     */
    @SuppressWarnings("unchecked")
    public List<UUID> adoptExpired(String worker) {
        return em
                .createNativeQuery(
                        "update publication set worker = ?1, lease_until = now() + make_interval(secs => ?2),"
                                + " version = version + 1 where state in ('QUEUED', 'RUNNING', 'SETTLING')"
                                + " and (lease_until is null or lease_until < now()) returning id")
                .setParameter(1, worker)
                .setParameter(2, LEASE.toSeconds())
                .getResultList()
                .stream()
                .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()))
                .toList();
    }

    /** A staff member's home tenant. */
    public record Home(String tenantCode, TenantLevel level) {}

    /**
     * The home tenant of the editor who started a publication, which another node resumes as them (through
     * ow_login_home: an account is never deleted, only disabled).
     */
    @SuppressWarnings("unchecked")
    public Home homeOf(String username) {
        List<Object[]> rows = em.createNativeQuery("select tenant_code, tenant_level from ow_login_home(?1)")
                .setParameter(1, username)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no account " + username + " to resume its publication as");
        }
        return new Home((String) rows.getFirst()[0], TenantLevel.valueOf((String) rows.getFirst()[1]));
    }

    /** Renews the worker's lease, or tells it that it lost the publication. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void renew(UUID id, String worker) {
        guarded(id, worker, "", "state in ('QUEUED', 'RUNNING', 'SETTLING')");
    }

    /** Whether {@code worker} still runs the open publication. */
    public boolean runs(UUID id, String worker) {
        return !em.createNativeQuery("select 1 from publication where id = ?1 and worker = ?2"
                        + " and state in ('QUEUED', 'RUNNING', 'SETTLING')")
                .setParameter(1, id)
                .setParameter(2, worker)
                .getResultList()
                .isEmpty();
    }

    /**
     * Queued → running: re-basing starts from {@code fromVersion} (0: the item's first version), in {@code counties}
     * counties, staged in {@code lanes} lanes.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void started(UUID id, String worker, int fromVersion, int counties, int lanes) {
        guarded(
                id,
                worker,
                ", state = 'RUNNING', from_version = nullif(" + fromVersion + ", 0), counties_total = " + counties
                        + ", lanes_done = array_fill(0, array[" + lanes + "])",
                "state = 'QUEUED'");
    }

    /** How many counties each lane of a running publication staged, by lane. */
    public int[] lanesDone(UUID id) {
        String done = (String) em.createNativeQuery(
                        "select coalesce(array_to_string(lanes_done, ','), '') from publication where id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        return done.isEmpty()
                ? new int[0]
                : Arrays.stream(done.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** One more county staged by {@code lane} (from 0); joins the county's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countyStaged(UUID id, String worker, int lane, ImpactPreview county) {
        guarded(
                id,
                worker,
                ", lanes_done[" + (lane + 1) + "] = lanes_done[" + (lane + 1) + "] + 1,"
                        + " counties_done = counties_done + 1, overriding = overriding + "
                        + county.overriding().size()
                        + ", changed = changed + " + county.changedCount() + ", conflicted = conflicted + "
                        + county.conflictedCount(),
                "state = 'RUNNING' and counties_done < counties_total");
    }

    /**
     * Running → settling, in the transaction that puts the new version in force: only when every county is staged.
     *
     * @return the publication as it stands now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Publication inForce(UUID id, String worker) {
        guarded(
                id,
                worker,
                ", state = 'SETTLING', in_force_at = now()",
                "state = 'RUNNING' and counties_done = counties_total");
        em.flush();
        Publication publication = find(id);
        em.refresh(publication);
        return publication;
    }

    /** One more county settled; joins the county's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void countySettled(UUID id, String worker) {
        guarded(id, worker, ", counties_settled = counties_settled + 1", "state = 'SETTLING'");
    }

    /** Settling → succeeded. */
    public void succeeded(UUID id, String worker) {
        guarded(
                id,
                worker,
                ", state = 'SUCCEEDED', finished_at = now(), counties_settled = counties_total",
                "state = 'SETTLING'");
    }

    /**
     * Failed, with the reason, once what was staged is discarded: no tenant left the old version, so the figures of
     * the counties staged so far no longer hold.
     */
    public void failed(UUID id, String worker, String errorKey, String errorText) {
        em.createNativeQuery("update publication set state = 'FAILED', error_key = ?3, error_text = ?4,"
                        + " finished_at = now(), counties_done = 0, overriding = 0, changed = 0, conflicted = 0,"
                        + " lease_until = null, version = version + 1"
                        + " where id = ?1 and worker = ?2 and state in ('QUEUED', 'RUNNING')")
                .setParameter(1, id)
                .setParameter(2, worker)
                .setParameter(3, errorKey)
                .setParameter(4, errorText)
                .executeUpdate();
    }

    /**
     * One guarded change of the publication row: applied only while {@code worker} runs it and {@code when} holds,
     * and renewing the lease; otherwise {@link LeaseLost}.
     *
     * @param set further assignments, each starting with a comma (numbers and fixed texts only)
     */
    private void guarded(UUID id, String worker, String set, String when) {
        int changed = em.createNativeQuery("update publication set lease_until = now() + make_interval(secs => ?3),"
                        + " version = version + 1" + set + " where id = ?1 and worker = ?2 and " + when)
                .setParameter(1, id)
                .setParameter(2, worker)
                .setParameter(3, LEASE.toSeconds())
                .executeUpdate();
        if (changed == 0) {
            throw new LeaseLost(id);
        }
    }
}
