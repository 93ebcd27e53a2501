package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.kernel.error.Causes;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/**
 * The publication rows, each change in a transaction of its own: progress must be visible while the re-base's
 * long transaction is still open, and a failure must be recorded after that transaction rolled back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Publications {

    @PersistenceContext
    EntityManager em;

    /** A new queued publication; a second one of the same item while one is queued or running is refused. */
    public Publication queue(String itemCode, int number, String editor) {
        Publication publication = new Publication(itemCode, number, editor);
        try {
            em.persist(publication);
            em.flush();
        } catch (PersistenceException e) {
            if (Causes.uniqueViolation(e)) {
                throw DomainException.conflict("catalog.publication.running", itemCode);
            }
            throw e;
        }
        return publication;
    }

    /** Whether an item has a publication queued or running: its draft must not change under it. */
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

    public void running(UUID id, int counties) {
        find(id).running(counties);
    }

    public void progress(UUID id, int done, ImpactReport soFar) {
        find(id).progress(
                        done,
                        soFar.preview().overriding().size(),
                        soFar.preview().changedCount(),
                        soFar.preview().conflictedCount());
    }

    public void succeeded(UUID id, ImpactReport report) {
        find(id).succeeded(
                        report.preview().overriding().size(),
                        report.preview().changedCount(),
                        report.preview().conflictedCount());
    }

    public void failed(UUID id, String errorKey, String errorText) {
        find(id).failed(errorKey, errorText);
    }

    /**
     * Publications left queued or running by a server that stopped: their re-base transaction rolled back with
     * it, so they changed nothing; they are marked failed so that the item can be published again.
     *
     * @return how many were marked
     */
    public int failInterrupted(String reason) {
        List<Publication> open = em.createQuery("select p from Publication p where p.state in :open", Publication.class)
                .setParameter("open", List.of(Publication.State.QUEUED, Publication.State.RUNNING))
                .getResultList();
        String text = Messages.format(Messages.DEFAULT_LOCALE, "catalog.publication.interrupted", reason);
        open.forEach(publication -> publication.failed("catalog.publication.interrupted", text));
        return open.size();
    }
}
