// The raw Flowable rate for the casework benchmark: the engine alone, outside the container, on the same database
// and with the same settings as the product's engine (ProcessEngines.common: PostgreSQL, history AUDIT, strong
// UUIDs, no identity engine, no event registry, no async executor), starting and completing the same template a
// case runs (tiered-review, village → town → county, then the window). Not part of the product; run.sh runs it with the WAR's own libraries:
//
//   java -cp 'platform/app/target/onewindow/WEB-INF/lib/*' infra/bench/casework/RawFlowable.java \
//        JDBC_URL USER PASSWORD BPMN THREADS SECONDS
//
// It deploys the template under its own tenant id (BENCH-RAW, which no division has, so the product's engine never
// resolves it), warms up for SECONDS, then measures for SECONDS each: (1) start only, as intake does (the process
// waits in its first task), and (2) start and complete: every user task completed until the process ends. Prints
// one line "BENCH start_ps=… complete_ps=… start_p99_ms=… complete_p99_ms=… errors=…".
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

public class RawFlowable {

    static final String TENANT = "BENCH-RAW";

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        String url = args[0], user = args[1], password = args[2];
        Path bpmn = Path.of(args[3]);
        int threads = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDatabaseType("postgres");
        configuration.setDisableIdmEngine(true);
        configuration.setDisableEventRegistry(true);
        configuration.setCreateDiagramOnDeploy(false);
        configuration.setEnableSafeBpmnXml(true);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setAsyncExecutorActivate(false);
        configuration.setJdbcUrl(url);
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcMaxActiveConnections(threads + 2);
        configuration.setJdbcMaxIdleConnections(threads + 2);
        configuration.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setEngineName("bench-raw");
        ProcessEngine engine = configuration.buildProcessEngine();
        String key;
        try {
            var deployment = engine.getRepositoryService()
                    .createDeployment()
                    .tenantId(TENANT)
                    .addString(bpmn.getFileName().toString(), Files.readString(bpmn))
                    .deploy();
            key = engine.getRepositoryService()
                    .createProcessDefinitionQuery()
                    .deploymentId(deployment.getId())
                    .singleResult()
                    .getKey();
            // What intake passes for 最低生活保障申请 at 华沟村: the village, town and county groups in turn (the
            // sequential review loops over them while approved), then the intake window.
            Map<String, Object> variables = Map.of(
                    "reviewGroups", List.of("370321106202", "370321106000:SHSW", "370321000000:MZ"),
                    "windowGroup", "370321106202",
                    "approved", true);
            run(engine, key, variables, threads, seconds, true); // warm-up
            Result start = run(engine, key, variables, threads, seconds, false);
            Result complete = run(engine, key, variables, threads, seconds, true);
            System.out.printf(
                    "BENCH start_ps=%.1f complete_ps=%.1f start_p50_ms=%.2f start_p99_ms=%.2f complete_p50_ms=%.2f"
                            + " complete_p99_ms=%.2f tasks_per_process=%.1f errors=%d%n",
                    start.perSecond(), complete.perSecond(), start.p50(), start.p99(), complete.p50(), complete.p99(),
                    complete.tasks() / (double) Math.max(1, complete.count()), start.errors() + complete.errors());
        } finally {
            engine.close();
        }
    }

    record Result(long count, long tasks, long errors, double seconds, List<Double> latenciesMs) {
        double perSecond() {
            return count / seconds;
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double percentile(double p) {
            if (latenciesMs.isEmpty()) {
                return 0;
            }
            return latenciesMs.get(Math.max(0, (int) Math.ceil(p * latenciesMs.size()) - 1));
        }
    }

    /** Starts (and with complete, finishes) processes from every thread until the time is up. */
    static Result run(ProcessEngine engine, String key, Map<String, Object> variables, int threads, int seconds,
            boolean complete) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong count = new AtomicLong(), tasks = new AtomicLong(), errors = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long began = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    try {
                        String id = engine.getRuntimeService()
                                .startProcessInstanceByKeyAndTenantId(key, variables, TENANT)
                                .getId();
                        if (complete) {
                            List<Task> open;
                            while (!(open = engine.getTaskService().createTaskQuery().processInstanceId(id).list())
                                    .isEmpty()) {
                                for (Task task : open) {
                                    engine.getTaskService().complete(task.getId());
                                    tasks.incrementAndGet();
                                }
                            }
                        }
                        count.incrementAndGet();
                        latencies.add((System.nanoTime() - started) / 1e6);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        System.err.println(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double took = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(count.get(), tasks.get(), errors.get(), took, sorted);
    }
}
