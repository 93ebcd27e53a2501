package org.onewindow.catalog.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.onewindow.catalog.domain.Publication;
import org.onewindow.kernel.error.Causes;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * Publishing a standard version in the background (后台发布): the request queues a publication and returns at once;
 * a managed thread of the container runs the re-base of every county as the editor, in one transaction, and
 * records its progress county by county. Whatever fails, the re-base rolls back as a whole, so every tenant is
 * either on the new version or still on the old one, and the publication says why it failed.
 */
@ApplicationScoped
public class PublicationService {

    private static final Logger LOG = Logger.getLogger(PublicationService.class.getName());

    @Inject
    Caller caller;

    @Inject
    Publications publications;

    @Inject
    StandardsService standards;

    @Resource
    ManagedExecutorService executor;

    /** Queues the publication of a draft and starts it; answers at once with the queued publication. */
    public Publication publish(String itemCode, int number) {
        StaffPrincipal editor = Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        if (standards
                .openDraft(itemCode)
                .filter(draft -> draft.number() == number)
                .isEmpty()) {
            throw DomainException.notFound("catalog.draft.not.found", itemCode, number);
        }
        Publication queued = publications.queue(itemCode, number, editor.username());
        UUID id = queued.id();
        try {
            executor.execute(() -> Caller.runAs(editor, () -> run(id, itemCode, number)));
        } catch (RejectedExecutionException e) {
            DomainException refusal = DomainException.conflict("catalog.publication.rejected", itemCode);
            publications.failed(id, refusal.key(), Messages.format(Messages.DEFAULT_LOCALE, refusal));
            throw refusal;
        }
        return queued;
    }

    public Publication find(UUID id) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        return publications.find(id);
    }

    public List<Publication> recent(String itemCode) {
        Staff.requireAny(caller, Role.STANDARDS_EDITOR);
        return publications.recent(itemCode, 20);
    }

    private Void run(UUID id, String itemCode, int number) {
        ImpactReport report;
        try {
            report = standards.publish(itemCode, number, new PublicationProgress() {
                @Override
                public void started(int counties) {
                    record(() -> publications.running(id, counties));
                }

                @Override
                public void countyDone(int done, ImpactReport soFar) {
                    record(() -> publications.progress(id, done, soFar));
                }
            });
        } catch (DomainException e) {
            publications.failed(id, e.key(), Messages.format(Messages.DEFAULT_LOCALE, e));
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Publication " + id + " of " + itemCode + " failed; nothing was changed", e);
            publications.failed(id, "catalog.publication.failed", Causes.rootMessage(e, 500));
            return null;
        }
        // The re-base committed: whatever happens to its record now, it must not be reported as failed.
        record(() -> publications.succeeded(id, report));
        return null;
    }

    /** Progress is for people watching: failing to record it must not roll the publication back. */
    private static void record(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record a publication's progress", e);
        }
    }
}
