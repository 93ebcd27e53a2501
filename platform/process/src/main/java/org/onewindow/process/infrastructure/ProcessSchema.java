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
 * role, the way Flyway runs our migrations: the application role owns nothing and only reads and writes them, under
 * row-level security on every one that carries the engine's {@code tenant_id_} (docs/adr/0028):
 *
 * <ul>
 *   <li>the published templates ({@value #TEMPLATE_TABLES}) are public to read, as the REST API serves them; they are
 *       written only in the writer's own subtree, or as shared rows ({@code ow_engine_shared}: the standard's and the
 *       engine's empty tenant);
 *   <li>every other engine table (runs, tasks, jobs, history, batches, and any table a Flowable upgrade adds) is read
 *       and written only in the county of its tenant, or as shared rows ({@code ow_engine_county});
 *   <li>the owner role passes through a door of its own, so that Flowable's schema manager still upgrades them.
 * </ul>
 *
 * The rules are looked for at every start, after Flowable made or upgraded its tables, and applied only where they are
 * missing: a start of a node beside others that serve requests takes no lock on a guarded table.
 */
public final class ProcessSchema {

    private static final Logger LOG = Logger.getLogger(ProcessSchema.class.getName());

    /** The engine's tables of published templates, readable by anyone, separated by ", ". */
    static final String TEMPLATE_TABLES = "act_re_deployment, act_re_procdef";

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
        guard(dataSource, schema);
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

    /**
     * Enables and forces row-level security on every engine table with a {@code tenant_id_} column and gives it its
     * policies (named {@code <table>_owner_door}, {@code <table>_tenant} and, for templates, {@code <table>_read},
     * {@code <table>_write}, {@code <table>_change}, {@code <table>_remove}), each only if it is not there yet.
     */
    private static void guard(PGSimpleDataSource dataSource, String schema) {
        String sql = """
                do $$
                declare
                  t record;
                  rules text[];
                  i integer;
                begin
                  execute format('set local search_path = %%I, pg_temp', '%1$s');
                  for t in select c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity
                             from pg_class c join pg_namespace n on n.oid = c.relnamespace
                           where n.nspname = '%1$s' and c.relkind in ('r', 'p')
                             and (c.relname like 'act\\_%%' or c.relname like 'flw\\_%%')
                             and exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                          and a.attname = 'tenant_id_' and not a.attisdropped) loop
                    -- Each statement locks the table against every reader: none runs where nothing is missing.
                    if not t.relrowsecurity then
                      execute format('alter table %%I.%%I enable row level security', '%1$s', t.relname);
                    end if;
                    if not t.relforcerowsecurity then
                      execute format('alter table %%I.%%I force row level security', '%1$s', t.relname);
                    end if;
                    rules := array['owner_door', format('to %%I using (true) with check (true)', current_user)];
                    if t.relname = any (string_to_array('%2$s', ', ')) then
                      rules := rules || array[
                        'read', 'for select using (true)',
                        'write', 'for insert with check (ow_engine_shared(tenant_id_) or ow_visible(tenant_id_))',
                        'change', 'for update using (ow_engine_shared(tenant_id_) or ow_visible(tenant_id_))'
                                  || ' with check (ow_engine_shared(tenant_id_) or ow_visible(tenant_id_))',
                        'remove', 'for delete using (ow_engine_shared(tenant_id_) or ow_visible(tenant_id_))'];
                    else
                      rules := rules || array[
                        'tenant', 'using (ow_engine_county(tenant_id_)) with check (ow_engine_county(tenant_id_))'];
                    end if;
                    for i in 1 .. array_length(rules, 1) / 2 loop
                      if not exists (select 1 from pg_policy p where p.polrelid = t.oid
                                      and p.polname = t.relname || '_' || rules[2 * i - 1]) then
                        execute format('create policy %%I on %%I.%%I ', t.relname || '_' || rules[2 * i - 1],
                                       '%1$s', t.relname) || rules[2 * i];
                      end if;
                    end loop;
                  end loop;
                end $$;
                """.formatted(schema.replace("'", ""), TEMPLATE_TABLES);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not guard the process engine's tables", e);
        }
    }
}
