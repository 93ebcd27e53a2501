package org.onewindow.casework.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.onewindow.casework.infrastructure.CaseRepository;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.application.ServicePointRemoving;

/**
 * Casework's part of removing a service point (docs/adr/0017): an open case whose result waits at the point (出件 at a
 * window there) keeps it, so the removal is refused until those cases are completed or sent elsewhere. Cases of the
 * whole county count, another town's too (统一出件 offers every point of the county), though the removing administrator
 * sees only their number; a case keeps the point by its id, so a renamed point is still held. So do the open cases taken in at the point whose result will wait at their intake window
 * (no other pickup chosen yet, ADR 0024).
 */
@ApplicationScoped
public class OpenCasesKeepTheirPoint {

    @Inject
    CaseRepository cases;

    void refuseWhileNamed(@Observes ServicePointRemoving removing) {
        CaseRepository.OpenCasesAtPoint open = cases.countOpenCasesAt(removing.servicePointId());
        if (open.pickups() > 0) {
            throw DomainException.conflict("casework.point.open.cases", removing.name(), open.pickups());
        }
        if (open.intakes() > 0) {
            throw DomainException.conflict("casework.point.open.intakes", removing.name(), open.intakes());
        }
    }
}
