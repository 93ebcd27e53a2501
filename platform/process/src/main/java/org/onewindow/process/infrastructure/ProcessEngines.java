package org.onewindow.process.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.JtaProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The one Flowable process engine of the deployment, inside the container: it works on the application's
 * connection pool and joins the container's JTA transactions, so a case row and its process change together.
 * Built on first use, after the schema migration at start-up; closed with the application.
 */
@ApplicationScoped
public class ProcessEngines {

    /** GlassFish and Payara publish the JTA transaction manager here. */
    private static final String TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    @Resource(lookup = "java:app/jdbc/onewindow")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "onewindow.db.schema", defaultValue = "public")
    String schema;

    @Inject
    TierTenantProvider tenantProvider;

    private volatile ProcessEngine engine;

    /** Settings both the container's engine and the schema migration use: they must agree on the tables. */
    static void common(ProcessEngineConfigurationImpl configuration, String schema) {
        configuration.setDatabaseType("postgres");
        if (!"public".equals(schema)) {
            configuration.setDatabaseSchema(schema);
        }
        // Staff, groups and events live in the platform: Flowable's identity tables and event registry stay out.
        configuration.setDisableIdmEngine(true);
        configuration.setDisableEventRegistry(true);
        configuration.setCreateDiagramOnDeploy(false);
        // Deployments re-read the BPMN: no DTDs or external entities there either.
        configuration.setEnableSafeBpmnXml(true);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        // Ids that two nodes of a cluster can generate without a shared counter.
        configuration.setIdGenerator(new StrongUuidGenerator());
        // Timers and async steps come with casework; until then no executor threads poll the database.
        configuration.setAsyncExecutorActivate(false);
    }

    /** The engine, built on first use; every later call only reads the field (it is on every template query). */
    public ProcessEngine engine() {
        ProcessEngine built = engine;
        return built != null ? built : build();
    }

    private synchronized ProcessEngine build() {
        if (engine == null) {
            JtaProcessEngineConfiguration configuration = new JtaProcessEngineConfiguration();
            common(configuration, schema);
            configuration.setEngineName("onewindow");
            configuration.setDataSource(dataSource);
            configuration.setTransactionManager(transactionManager());
            configuration.setTransactionsExternallyManaged(true);
            configuration.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
            configuration.setDefaultTenantProvider(tenantProvider);
            configuration.setFallbackToDefaultTenant(true);
            engine = configuration.buildProcessEngine();
        }
        return engine;
    }

    @PreDestroy
    synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    private static TransactionManager transactionManager() {
        try {
            return (TransactionManager) new InitialContext().lookup(TRANSACTION_MANAGER);
        } catch (NamingException e) {
            throw new IllegalStateException("No JTA transaction manager at " + TRANSACTION_MANAGER, e);
        }
    }
}
