package org.onewindow.process.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.process.infrastructure.ProcessEngines;

/**
 * One county's share of the engine's due jobs, each step in a transaction of its own under the county's system scope
 * ({@link #scopeOf}): the due timers are moved to the executable jobs and the executable ones listed, then each job runs
 * alone, so that one failing job neither holds the others back nor undoes them. A job that fails loses one retry; with
 * none left it goes to the dead letters, as Flowable's own executor would do. Every job run is in the audit trail of
 * its tenant, by {@code system:engine-jobs}.
 */
@ApplicationScoped
public class EngineJobRunner {

    private static final Logger LOG = Logger.getLogger(EngineJobRunner.class.getName());

    /** The job's name in the audit trail: {@code system:engine-jobs}. */
    public static final String JOB = "engine-jobs";

    /** Jobs taken per county and run, so that one busy county does not hold the others up. */
    static final int BATCH = 50;

    @Inject
    ProcessEngines engines;

    @Inject
    Scopes scopes;

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** The system scope of one county: sees the county's runs and jobs, holds no role. */
    public static Scope scopeOf(DivisionCode county) {
        return Scope.system(JOB, county, TenantLevel.COUNTY);
    }

    /**
     * The counties with jobs due now, through the engine's one door across counties ({@code
     * ow_engine_counties_with_due_jobs}, made by {@code ProcessSchema}): codes only.
     */
    @Transactional
    public List<String> countiesWithDueJobs() {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("select ow_engine_counties_with_due_jobs(?1)")
                .setParameter(1, Timestamp.from(clock.instant()))
                .getResultList();
        return found.stream().map(String::valueOf).toList();
    }

    /**
     * Runs up to {@link #BATCH} due jobs of {@code county}, each in its own transaction.
     *
     * @return how many ran without failing
     */
    public int runDue(DivisionCode county) {
        int ran = 0;
        List<String> due = self().dueJobs(county);
        LOG.fine(() -> "Engine jobs of " + county.value() + " to run: " + due);
        for (String jobId : due) {
            try {
                self().execute(county, jobId);
                ran++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Engine job " + jobId + " of " + county.value() + " failed", e);
                self().failed(county, jobId, e);
            }
        }
        return ran;
    }

    /** The county's timers that are due, made executable, and its executable jobs: their ids. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> dueJobs(DivisionCode county) {
        holdConnection();
        return scopes.run(scopeOf(county), () -> {
            ManagementService management = engines.engine().getManagementService();
            List<String> ids = new ArrayList<>();
            management
                    .createTimerJobQuery()
                    .executable()
                    .listPage(0, BATCH)
                    .forEach(timer -> ids.add(
                            management.moveTimerToExecutableJob(timer.getId()).getId()));
            management.createJobQuery().unlocked().listPage(0, BATCH).stream()
                    .filter(job -> job.getRetries() > 0)
                    .map(Job::getId)
                    .filter(id -> !ids.contains(id))
                    .forEach(ids::add);
            return ids;
        });
    }

    /** Runs one job under the county's system scope and records it in its tenant's audit trail. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void execute(DivisionCode county, String jobId) {
        holdConnection();
        Scope scope = scopeOf(county);
        scopes.run(scope, () -> {
            ManagementService management = engines.engine().getManagementService();
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            if (job == null) {
                // Another node ran it since it was listed.
                return;
            }
            String before = Authentication.getAuthenticatedUserId();
            Authentication.setAuthenticatedUserId(scope.actor());
            try {
                management.executeJob(jobId);
            } finally {
                Authentication.setAuthenticatedUserId(before);
            }
            audit.record(
                    tenantOf(job, county),
                    "process.job.executed",
                    "process_instance",
                    String.valueOf(job.getProcessInstanceId()),
                    null,
                    Json.createObjectBuilder()
                            .add("job", jobId)
                            .add("type", String.valueOf(job.getJobHandlerType()))
                            .add("element", String.valueOf(job.getElementId()))
                            .add("scope", scope.prefix())
                            .build());
        });
    }

    /** A failed job loses one retry; with none left it becomes a dead letter, kept for an operator to look at. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(DivisionCode county, String jobId, RuntimeException failure) {
        holdConnection();
        scopes.run(scopeOf(county), () -> {
            ManagementService management = engines.engine().getManagementService();
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            if (job == null) {
                return;
            }
            if (job.getRetries() <= 1) {
                management.moveJobToDeadLetterJob(jobId);
            } else {
                management.setJobRetries(jobId, job.getRetries() - 1);
            }
            audit.record(
                    tenantOf(job, county),
                    "process.job.failed",
                    "process_instance",
                    String.valueOf(job.getProcessInstanceId()),
                    null,
                    Json.createObjectBuilder()
                            .add("job", jobId)
                            .add("element", String.valueOf(job.getElementId()))
                            .add("retriesLeft", Math.max(0, job.getRetries() - 1))
                            .add("error", failure.getClass().getName())
                            .build());
        });
    }

    /**
     * Makes the persistence context hold one connection for the whole transaction, the one the engine's statements then
     * share: a read alone would hand it back after each statement, and the scope the kernel sets on it would not reach
     * the engine's queries (a step of a request holds it already, by the writes before it).
     */
    private void holdConnection() {
        em.unwrap(java.sql.Connection.class);
    }

    /** The job's tenant when it is a division of the county, else the county itself (a shared job). */
    private static String tenantOf(Job job, DivisionCode county) {
        String tenant = job.getTenantId();
        return tenant != null
                        && tenant.matches("\\d{12}")
                        && tenant.startsWith(county.value().substring(0, 6))
                ? tenant
                : county.value();
    }

    private EngineJobRunner self() {
        return jakarta.enterprise
                .inject
                .spi
                .CDI
                .current()
                .select(EngineJobRunner.class)
                .get();
    }
}
