package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.onewindow.catalog.infrastructure.CatalogRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.application.DivisionReverted;
import org.onewindow.kernel.tenant.application.DivisionSucceeded;

/**
 * The catalog's part of a division change (docs/adr/0014): a retired village's item overrides go to its successor
 * where the successor has none of its own for the item (the successor's own choices win), in the kernel's
 * transaction. What was dropped stays readable in the audit trail's counts and in the old override's history. A merge
 * reverted before it was confirmed brings exactly those overrides back: the moved ones from the successor, the dropped
 * ones whole.
 */
@ApplicationScoped
public class OverridesFollowDivisions {

    @Inject
    CatalogRepository catalog;

    @Inject
    AuditService audit;

    void follow(@Observes DivisionSucceeded change) {
        CatalogRepository.OverridesFollowed done =
                catalog.moveOverrides(change.formerCode(), change.successorCode(), change.changeId());
        if (done.moved() + done.dropped() > 0) {
            var after = Json.createObjectBuilder()
                    .add("from", change.formerCode())
                    .add("to", change.successorCode())
                    .add("moved", done.moved())
                    .add("dropped", done.dropped())
                    .build();
            audit.record(
                    change.successorCode(), "catalog.overrides.followed", "tenant", change.formerCode(), null, after);
        }
    }

    /** A merge reverted before it was confirmed: the overrides that moved or were dropped with it come back. */
    void goBack(@Observes DivisionReverted change) {
        CatalogRepository.OverridesFollowed done = catalog.returnOverrides(change.changeId());
        if (done.moved() + done.dropped() > 0) {
            var after = Json.createObjectBuilder()
                    .add("from", change.successorCode())
                    .add("to", change.formerCode())
                    .add("movedBack", done.moved())
                    .add("restored", done.dropped())
                    .build();
            audit.record(change.formerCode(), "catalog.overrides.returned", "tenant", change.formerCode(), null, after);
        }
    }
}
