package org.onewindow.kernel.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
    Clock clock;

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
        append(new AuditRecord(tenantCode, clock.instant(), actor, action, subjectType, subjectId, before, after));
    }

    /** One entry of {@link #recordAll}: what {@link #record} takes. */
    public record Change(
            String tenantCode,
            String action,
            String subjectType,
            String subjectId,
            JsonObject before,
            JsonObject after) {}

    /** Tenants whose chains one statement locks or reads: bounds a statement's parameters. */
    static final int TENANTS_PER_STATEMENT = 500;

    /**
     * Appends many entries at once, in list order within each tenant's chain, as {@link #record} would one by one
     * but in a few round trips: the chains' locks taken in one statement (in code order, as every writer of several
     * chains must, so that two never wait on each other), their last links read in one, the entries written in
     * JDBC batches. For work that changes many tenants in one step, e.g. a standard version re-basing a county's
     * overrides (issue 12).
     */
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String actor = caller.current().map(StaffPrincipal::username).orElse("anonymous");
        Instant now = clock.instant();
        List<String> tenants = new ArrayList<>(
                new TreeSet<>(changes.stream().map(Change::tenantCode).toList()));
        Map<String, AuditEntry> last = new HashMap<>();
        for (int from = 0; from < tenants.size(); from += TENANTS_PER_STATEMENT) {
            List<String> chunk = tenants.subList(from, Math.min(tenants.size(), from + TENANTS_PER_STATEMENT));
            lockChains(chunk);
            em.createQuery(
                            "select e from AuditEntry e where e.tenantCode in :tenants and e.seq ="
                                    + " (select max(l.seq) from AuditEntry l where l.tenantCode = e.tenantCode)",
                            AuditEntry.class)
                    .setParameter("tenants", chunk)
                    .getResultList()
                    .forEach(entry -> last.put(entry.tenantCode(), entry));
        }
        for (Change change : changes) {
            AuditRecord record = new AuditRecord(
                    change.tenantCode(),
                    now,
                    actor,
                    change.action(),
                    change.subjectType(),
                    change.subjectId(),
                    change.before(),
                    change.after());
            AuditEntry previous = last.get(change.tenantCode());
            AuditEntry entry = previous == null
                    ? AuditChain.link(record, 1, AuditChain.GENESIS)
                    : AuditChain.link(record, previous.seq() + 1, previous.hash());
            em.persist(entry);
            last.put(change.tenantCode(), entry);
        }
        em.flush();
    }

    /** Takes the chains' locks, in the order given (sorted by the caller), in one statement. */
    private void lockChains(List<String> tenants) {
        StringBuilder sql =
                new StringBuilder("select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (values ");
        for (int i = 1; i <= tenants.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append("(cast(?").append(i).append(" as text))");
        }
        sql.append(") as chain(k)");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < tenants.size(); i++) {
            query.setParameter(i + 1, "audit:" + tenants.get(i));
        }
        query.getSingleResult();
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
