package org.onewindow.process.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.tenant.domain.DivisionCode;

class EngineJobsTest {

    final List<String> scheduled = new ArrayList<>();
    final List<String> ran = new ArrayList<>();

    @Test
    void offByDefaultNothingIsScheduled() {
        EngineJobs jobs = jobs(0, List.of("370321000000"));

        jobs.start();

        assertThat(scheduled).isEmpty();
        assertThat(jobs.running()).isFalse();
    }

    @Test
    void turnedOnItLooksEveryIntervalAndRunsEachCountyWithDueJobsApart() {
        EngineJobs jobs = jobs(5, List.of("370321000000", "370388000000"));

        jobs.start();
        jobs.runDue();

        assertThat(scheduled).containsExactly("scheduleWithFixedDelay 5 5 SECONDS");
        assertThat(jobs.running()).isTrue();
        assertThat(ran).containsExactly("370321000000", "370388000000");
    }

    @Test
    void aFailingRunDoesNotEndTheSchedule() {
        EngineJobs jobs = jobs(5, null);

        jobs.runDue();

        assertThat(ran).isEmpty();
    }

    @Test
    void theSystemScopeIsTheCountysAndNamedAsBackgroundWork() {
        var scope = EngineJobRunner.scopeOf(DivisionCode.of("370321000000"));

        assertThat(scope.actor()).isEqualTo("system:engine-jobs");
        assertThat(scope.prefix()).isEqualTo("370321");
        assertThat(scope.roles()).isEmpty();
    }

    /** The executor with a recording scheduler and a runner that finds {@code counties} (null: the door fails). */
    private EngineJobs jobs(int seconds, List<String> counties) {
        EngineJobs jobs = new EngineJobs();
        jobs.intervalSeconds = seconds;
        jobs.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ManagedScheduledExecutorService.class}, (p, m, a) -> {
                    scheduled.add(m.getName() + " " + a[1] + " " + a[2] + " " + a[3]);
                    return Proxy.newProxyInstance(
                            getClass().getClassLoader(), new Class<?>[] {ScheduledFuture.class}, (f, fm, fa) -> false);
                });
        jobs.runner = new EngineJobRunner() {
            @Override
            public List<String> countiesWithDueJobs() {
                if (counties == null) {
                    throw new IllegalStateException("no database");
                }
                return counties;
            }

            @Override
            public int runDue(DivisionCode county) {
                ran.add(county.value());
                return 1;
            }
        };
        return jobs;
    }
}
