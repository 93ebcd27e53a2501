package org.onewindow.process.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * The process engine's job executor (timers and asynchronous steps), turned on by {@code
 * onewindow.engine.jobs.seconds} (how often it looks for due jobs; 0, the default, leaves it off as before). Flowable's
 * own executor is never started: its threads carry no {@code app.scope}, and every engine table with a tenant is held
 * to its county by row-level security (docs/adr/0028), so it would find no job. Instead, every run asks one database
 * door which counties have due jobs (codes only) and runs each county's under that county's system scope, {@code
 * system:engine-jobs}, through Flowable's own {@code ManagementService} (docs/adr/0031). On a cluster every node runs
 * it; a job is locked by the node that executes it.
 */
@Singleton
@Startup
public class EngineJobs {

    private static final Logger LOG = Logger.getLogger(EngineJobs.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    EngineJobRunner runner;

    @Inject
    @ConfigProperty(name = "onewindow.engine.jobs.seconds", defaultValue = "0")
    int intervalSeconds;

    private ScheduledFuture<?> job;

    @PostConstruct
    void start() {
        if (intervalSeconds > 0) {
            job = scheduler.scheduleWithFixedDelay(this::runDue, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
            LOG.info(() -> "The process engine's jobs run every " + intervalSeconds + " s, per county");
        }
    }

    @PreDestroy
    void stop() {
        if (job != null) {
            job.cancel(false);
        }
    }

    /** Whether the executor is on. */
    public boolean running() {
        return job != null;
    }

    void runDue() {
        try {
            List<String> counties = runner.countiesWithDueJobs();
            if (!counties.isEmpty()) {
                LOG.fine(() -> "Engine jobs due in " + counties);
            }
            for (String county : counties) {
                int ran = runner.runDue(DivisionCode.of(county));
                if (ran > 0) {
                    LOG.fine(() -> ran + " engine job(s) ran in " + county);
                }
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure must not end the schedule.
            LOG.log(
                    Level.WARNING,
                    "The process engine's jobs could not be run: "
                            + e.getClass().getName(),
                    e);
        }
    }
}
