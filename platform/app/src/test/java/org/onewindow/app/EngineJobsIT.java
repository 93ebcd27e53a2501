package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.launcher.EmbeddedDatabase;
import org.onewindow.testing.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The engine's job executor, turned on in the tests' boot ({@code onewindow.engine.jobs.seconds=2}): a run of a test
 * template with a timer and then an asynchronous step, started in a village of the demo county and in a county of this
 * class, moves on by itself, each job run under its own county's system scope and recorded as {@code
 * system:engine-jobs} in its tenant's audit trail (docs/adr/0031).
 */
class EngineJobsIT extends ShippedWar {

    /** A county of this class only, with one village. */
    static final String OTHER_COUNTY = "370388000000";

    static final String OTHER_VILLAGE = "370388101201";

    static final String HUAGOU = "370321106202";

    static final String KEY = "engineJobsProbe";

    /** The same template with a timer of an hour: a job that is not due. */
    static final String LATER = "engineJobsLater";

    /** Start, a timer of one second, an asynchronous step that marks the run, then a task that waits. */
    static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn" targetNamespace="http://onewindow.org/test">
              <process id="engineJobsProbe" name="engine jobs probe" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="pause"/>
                <intermediateCatchEvent id="pause">
                  <timerEventDefinition><timeDuration>PT1S</timeDuration></timerEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="pause" targetRef="mark"/>
                <serviceTask id="mark" flowable:async="true"
                             flowable:expression="${execution.setVariable('marked', true)}"/>
                <sequenceFlow id="f3" sourceRef="mark" targetRef="wait"/>
                <userTask id="wait" name="wait"/>
                <sequenceFlow id="f4" sourceRef="wait" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    static ProcessEngine engine;

    /** A second engine in the test, as the owner role, to deploy and start the runs the product's executor takes up. */
    @BeforeAll
    static void ownersEngine() throws Exception {
        EmbeddedDatabase db = TestDatabase.get();
        try (Connection su = db.superuserConnection();
                Statement sql = su.createStatement()) {
            sql.executeUpdate("insert into tenant (county_code, code, parent_code, level, name) values"
                    + " ('370388000000', '370388000000', null, 'COUNTY', '作业测试县'),"
                    + " ('370388000000', '370388101000', '370388000000', 'TOWN', '作业测试镇'),"
                    + " ('370388000000', '370388101201', '370388101000', 'VILLAGE', '作业测试村')"
                    + " on conflict do nothing");
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(db.url());
        owner.setUser(EmbeddedDatabase.OWNER);
        owner.setPassword(db.ownerPassword());
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(owner);
        configuration.setDatabaseType("postgres");
        configuration.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setDisableIdmEngine(true);
        configuration.setDisableEventRegistry(true);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setAsyncExecutorActivate(false);
        configuration.setEngineName("engine-jobs-it");
        engine = configuration.buildProcessEngine();
        for (String tenant : List.of(HUAGOU, OTHER_VILLAGE)) {
            engine.getRepositoryService()
                    .createDeployment()
                    .name("engine jobs probe")
                    .tenantId(tenant)
                    .addBytes("engineJobsProbe.bpmn20.xml", BPMN.getBytes(StandardCharsets.UTF_8))
                    .addBytes(
                            "engineJobsLater.bpmn20.xml",
                            BPMN.replace(KEY, LATER).replace("PT1S", "PT1H").getBytes(StandardCharsets.UTF_8))
                    .deploy();
        }
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aTimerAndAnAsynchronousStepRunInTheirOwnCountyUnderTheSystemScopeAndAreAudited() throws Exception {
        // Arrange: one run in 华沟村 (county 370321), one in this class's county
        String huagou = engine.getRuntimeService()
                .startProcessInstanceByKeyAndTenantId(KEY, HUAGOU)
                .getId();
        String other = engine.getRuntimeService()
                .startProcessInstanceByKeyAndTenantId(KEY, OTHER_VILLAGE)
                .getId();

        // Act: the product's executor takes them up by itself
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String waiting = "select count(*) from act_ru_task where task_def_key_ = 'wait' and proc_inst_id_ in ('"
                + huagou + "', '" + other + "')";
        while (selectCount(waiting) < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }

        // Assert: both runs passed the timer and the asynchronous step, and nothing is left to run
        assertThat(selectCount(waiting))
                .as("both runs reached their waiting task")
                .isEqualTo(2);
        assertThat(selectCount("select count(*) from act_hi_actinst where act_id_ in ('pause', 'mark')"
                        + " and end_time_ is not null and proc_inst_id_ in ('" + huagou + "', '" + other + "')"))
                .as("each run passed its timer and its asynchronous step")
                .isEqualTo(4);
        assertThat(selectCount("select count(*) from act_ru_variable where name_ = 'marked' and proc_inst_id_ in ('"
                        + huagou + "', '" + other + "')"))
                .isEqualTo(2);
        assertThat(selectCount("select count(*) from act_ru_job where process_instance_id_ in ('" + huagou + "', '"
                        + other + "')"))
                .isZero();
        assertThat(selectCount("select count(*) from act_ru_deadletter_job where process_instance_id_ in ('" + huagou
                        + "', '" + other + "')"))
                .isZero();
        // Each job ran as system:engine-jobs in its county's scope, in its tenant's audit trail (which row-level
        // security lets a scope write only inside it).
        assertThat(audited(huagou))
                .containsExactly(
                        "370321106202 system:engine-jobs pause 370321", "370321106202 system:engine-jobs mark 370321");
        assertThat(audited(other))
                .containsExactly(
                        "370388101201 system:engine-jobs pause 370388", "370388101201 system:engine-jobs mark 370388");
    }

    @Test
    void theApplicationRoleSeesNoJobOutsideItsCountyAndTheDoorAnswersCountyCodesOnly() throws Exception {
        String other = engine.getRuntimeService()
                .startProcessInstanceByKeyAndTenantId(LATER, OTHER_VILLAGE)
                .getId();
        String timers = "select count(*) from act_ru_timer_job where process_instance_id_ = '" + other + "'";

        assertThat(asApp("370321", timers)).as("another county's timer").isZero();
        assertThat(asApp("370388", timers)).isEqualTo(1);
        assertThat(selectText("select string_agg(c, ',' order by c) from ow_engine_counties_with_due_jobs(now()) c"))
                .as("not due yet")
                .satisfiesAnyOf(
                        counties -> assertThat(counties).isNull(),
                        counties -> assertThat(counties).doesNotContain(OTHER_COUNTY));
        assertThat(selectText("select string_agg(c, ',' order by c) from ow_engine_counties_with_due_jobs(now()"
                        + " + interval '1 hour') c"))
                .contains(OTHER_COUNTY)
                .doesNotContain(OTHER_VILLAGE);
    }

    /** The audit entries of a run's jobs: tenant, actor, the step and the scope it ran in, oldest first. */
    private static List<String> audited(String processInstance) throws Exception {
        List<String> entries = new ArrayList<>();
        try (Connection su = TestDatabase.get().superuserConnection();
                Statement sql = su.createStatement();
                ResultSet rs = sql.executeQuery("select tenant_code, actor, after_state::jsonb ->> 'element',"
                        + " after_state::jsonb ->> 'scope' from audit_entry where action = 'process.job.executed'"
                        + " and subject_id = '" + processInstance + "' order by seq")) {
            while (rs.next()) {
                entries.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        return entries;
    }
}
