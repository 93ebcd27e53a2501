package org.onewindow.kernel.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.kernel.audit.domain.AuditChain;
import org.onewindow.kernel.audit.domain.AuditEntry;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.Role;

/** Reading the audit trail of the caller's scope, and verifying its hash chains. */
@ApplicationScoped
@Transactional
@TenantScoped
public class AuditTrailService {

    private static final int VERIFY_BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** Newest first, within the caller's scope; {@code tenantPrefix} narrows it further when given. */
    public List<AuditEntry> page(String tenantPrefix, int first, int size) {
        requireReader();
        return em.createQuery(
                        "select e from AuditEntry e where e.tenantCode like :prefix order by e.occurredAt desc, e.seq desc",
                        AuditEntry.class)
                .setParameter("prefix", prefix(tenantPrefix))
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    public long count(String tenantPrefix) {
        requireReader();
        return em.createQuery("select count(e) from AuditEntry e where e.tenantCode like :prefix", Long.class)
                .setParameter("prefix", prefix(tenantPrefix))
                .getSingleResult();
    }

    /** Recomputes every chain the caller may see and reports the first broken link of each broken chain. */
    public Verification verify() {
        requireReader();
        List<String> tenants = em.createQuery(
                        "select distinct e.tenantCode from AuditEntry e order by e.tenantCode", String.class)
                .getResultList();
        long checked = 0;
        List<AuditChain.BrokenLink> broken = new ArrayList<>();
        for (String tenant : tenants) {
            AuditChain.Verifier verifier = new AuditChain.Verifier(tenant);
            long after = 0;
            List<AuditEntry> batch;
            do {
                batch = em.createQuery(
                                "select e from AuditEntry e where e.tenantCode = :tenant and e.seq > :after order by e.seq",
                                AuditEntry.class)
                        .setParameter("tenant", tenant)
                        .setParameter("after", after)
                        .setMaxResults(VERIFY_BATCH)
                        .getResultList();
                batch.forEach(verifier::accept);
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).seq();
                }
                em.clear();
            } while (batch.size() == VERIFY_BATCH);
            checked += verifier.checked();
            verifier.firstBrokenLink().ifPresent(broken::add);
        }
        return new Verification(tenants.size(), checked, broken);
    }

    private void requireReader() {
        caller.requireAny(Role.AUDITOR, Role.COUNTY_ADMIN, Role.TENANT_ADMIN);
    }

    private String prefix(String tenantPrefix) {
        String own = caller.scope();
        String wanted = tenantPrefix == null || tenantPrefix.isBlank() ? own : tenantPrefix.strip();
        if (!wanted.matches("[0-9]*") || !wanted.startsWith(own)) {
            // Answered like every other read outside the scope: nothing there, whether it exists or not.
            throw DomainException.notFound("audit.scope.unknown", wanted);
        }
        return wanted + "%";
    }

    /** The outcome of one verification run. */
    public record Verification(int chains, long entries, List<AuditChain.BrokenLink> broken) {
        public boolean intact() {
            return broken.isEmpty();
        }
    }
}
