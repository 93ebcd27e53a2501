package org.onewindow.process.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Flowable's own tables (ACT_*, FLW_*), created or upgraded by Flowable's schema manager at start-up as the owner
 * role, the way Flyway runs our migrations: the application role owns nothing and only reads and writes them.
 */
public final class ProcessSchema {

    private static final Logger LOG = Logger.getLogger(ProcessSchema.class.getName());

    private ProcessSchema() {}

    /** Creates or upgrades the engine's tables and grants the application role what the engine needs. */
    public static void migrate(String url, String owner, String ownerPassword, String appRole, String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(owner);
        dataSource.setPassword(ownerPassword);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        ProcessEngines.common(configuration, schema);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setEngineName("onewindow-schema");
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.close();
        grant(dataSource, appRole, schema);
        LOG.info("Process engine schema ready");
    }

    /** Only the engine's tables: a blanket grant would also open the audit trail to UPDATE and DELETE. */
    private static void grant(PGSimpleDataSource dataSource, String appRole, String schema) {
        String sql = """
                do $$
                declare t record;
                begin
                  for t in select tablename from pg_tables
                           where schemaname = '%1$s' and (tablename like 'act\\_%%' or tablename like 'flw\\_%%') loop
                    execute format('grant select, insert, update, delete on %%I.%%I to %%I', '%1$s', t.tablename, '%2$s');
                  end loop;
                  for t in select sequencename from pg_sequences
                           where schemaname = '%1$s' and (sequencename like 'act\\_%%' or sequencename like 'flw\\_%%') loop
                    execute format('grant usage, select on sequence %%I.%%I to %%I', '%1$s', t.sequencename, '%2$s');
                  end loop;
                end $$;
                """.formatted(schema.replace("'", ""), appRole.replace("'", ""));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the process engine's tables to " + appRole, e);
        }
    }
}
