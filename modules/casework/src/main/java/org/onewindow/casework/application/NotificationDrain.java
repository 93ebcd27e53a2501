package org.onewindow.casework.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.kernel.scope.Scope;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * The background job that drains the SMS outbox: every {@code onewindow.notification.drain.seconds} (default 10) it
 * asks which counties have text messages due and sends each county's under that county's system scope
 * ({@code system:sms}, no role, that county and nothing else). On a cluster every node runs it; the rows are locked with
 * {@code skip locked}, so no message goes twice.
 */
@Singleton
@Startup
public class NotificationDrain {

    private static final Logger LOG = Logger.getLogger(NotificationDrain.class.getName());

    /** Messages sent per county and run, so that one busy county does not hold the others up. */
    static final int BATCH = 50;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    NotificationService notifications;

    @Inject
    Scopes scopes;

    @Inject
    @ConfigProperty(name = "onewindow.notification.drain.seconds", defaultValue = "10")
    int intervalSeconds;

    private ScheduledFuture<?> job;

    @PostConstruct
    void start() {
        job = scheduler.scheduleWithFixedDelay(this::drain, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (job != null) {
            job.cancel(false);
        }
    }

    void drain() {
        try {
            for (String county : notifications.countiesWithDueMessages()) {
                scopes.run(systemOf(DivisionCode.of(county)), () -> notifications.sendDue(BATCH));
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure must not end the schedule.
            LOG.log(
                    Level.WARNING,
                    "The SMS outbox could not be drained: " + e.getClass().getName());
        }
    }

    /** The system scope of one county: sees the county's rows, holds no role, is audited as {@code system:sms}. */
    static Scope systemOf(DivisionCode county) {
        return Scope.system("sms", county, TenantLevel.COUNTY);
    }
}
