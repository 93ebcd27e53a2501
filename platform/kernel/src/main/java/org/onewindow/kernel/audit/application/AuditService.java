package org.onewindow.kernel.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.onewindow.kernel.audit.domain.AuditChain;
import org.onewindow.kernel.audit.domain.AuditEntry;
import org.onewindow.kernel.audit.domain.AuditRecord;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * Appends to a tenant's audit chain inside the caller's transaction, so that a change and its record
 * commit or roll back together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@TenantScoped
public class AuditService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    public void record(
            String tenantCode,
            String action,
            String subjectType,
            String subjectId,
            JsonObject before,
            JsonObject after) {
        String actor = caller.current().map(StaffPrincipal::username).orElse("anonymous");
        append(new AuditRecord(tenantCode, Instant.now(), actor, action, subjectType, subjectId, before, after));
    }

    private void append(AuditRecord record) {
        // One writer per tenant chain at a time; the lock ends with the transaction.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "audit:" + record.tenantCode())
                .getSingleResult();
        List<AuditEntry> last = em.createQuery(
                        "select e from AuditEntry e where e.tenantCode = :tenant order by e.seq desc", AuditEntry.class)
                .setParameter("tenant", record.tenantCode())
                .setMaxResults(1)
                .getResultList();
        long seq = last.isEmpty() ? 1 : last.get(0).seq() + 1;
        String prev = last.isEmpty() ? AuditChain.GENESIS : last.get(0).hash();
        em.persist(AuditChain.link(record, seq, prev));
    }
}
