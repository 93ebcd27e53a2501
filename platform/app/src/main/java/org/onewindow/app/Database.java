package org.onewindow.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database: the application's connection pool (as the application role, which row-level security
 * binds) and every module's schema migrations by Flyway (see {@link ModuleMigrations}), run at start-up as the owner
 * role before anything else touches it. The modules' own start-up hooks (the process engine's schema, its standard
 * templates, the catalog's interrupted publications) are in their jars and name this singleton in
 * {@code @DependsOn("Database")} (docs/adr/0019-a-module-registers-itself.md).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=onewindow.db.url}",
        user = "${MPCONFIG=onewindow.db.user}",
        password = "${MPCONFIG=onewindow.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/onewindow";

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Inject
    @ConfigProperty(name = "onewindow.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "onewindow.db.user")
    String appUser;

    @Inject
    @ConfigProperty(name = "onewindow.db.owner.user")
    String ownerUser;

    @Inject
    @ConfigProperty(name = "onewindow.db.owner.password", defaultValue = "")
    String ownerPassword;

    @Inject
    @ConfigProperty(name = "onewindow.db.schema", defaultValue = "public")
    String schema;

    @PostConstruct
    void migrate() {
        if (ownerUser.equals(appUser)) {
            throw new IllegalStateException(
                    "onewindow.db.owner.user must differ from onewindow.db.user: row-level security does not bind a table owner");
        }
        Map<String, Integer> applied = ModuleMigrations.migrate(
                Database.class.getClassLoader(),
                url,
                ownerUser,
                ownerPassword,
                schema,
                Map.of("appRole", appUser, "schema", schema));
        LOG.info(() -> "Database schema up to date; migrations applied now by module: " + applied);
    }
}
