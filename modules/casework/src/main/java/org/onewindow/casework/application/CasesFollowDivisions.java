package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.tenant.application.DivisionReverted;
import org.onewindow.kernel.tenant.application.DivisionSucceeded;

/**
 * Casework's part of a division change (docs/adr/0014): when the kernel retires a village into a successor (撤村并居,
 * a re-coded village), its open cases go with its staff, in the kernel's transaction, so the change is whole or not
 * at all. A case keeps its id and number: its receipt and the public progress lookup work as before. A merge reverted
 * before it was confirmed brings exactly those cases back.
 */
@ApplicationScoped
public class CasesFollowDivisions {

    @Inject
    CaseRepository cases;

    @Inject
    AuditService audit;

    void follow(@Observes DivisionSucceeded change) {
        int moved = cases.moveOpenCases(change.formerCode(), change.successorCode(), change.changeId());
        if (moved > 0) {
            var after = Json.createObjectBuilder()
                    .add("from", change.formerCode())
                    .add("to", change.successorCode())
                    .add("openCases", moved)
                    .build();
            audit.record(change.successorCode(), "casework.cases.followed", "tenant", change.formerCode(), null, after);
        }
    }

    /** A merge reverted before it was confirmed: the cases that followed it go back, with their numbers. */
    void goBack(@Observes DivisionReverted change) {
        int moved = cases.returnCases(change.changeId());
        if (moved > 0) {
            var after = Json.createObjectBuilder()
                    .add("from", change.successorCode())
                    .add("to", change.formerCode())
                    .add("openCases", moved)
                    .build();
            audit.record(change.formerCode(), "casework.cases.returned", "tenant", change.formerCode(), null, after);
        }
    }
}
