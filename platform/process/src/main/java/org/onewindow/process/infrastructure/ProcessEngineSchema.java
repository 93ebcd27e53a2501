package org.onewindow.process.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, after the modules' migrations (the WAR's {@code Database} start-up), brings the process engine's own
 * tables up to date as the schema's owner ({@link ProcessSchema}): Flowable manages them, not Flyway. A start-up
 * hook of this module, carried in its jar (docs/adr/0019-a-module-registers-itself.md); what uses the engine at
 * start-up depends on it by this name.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProcessEngineSchema {

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
        ProcessSchema.migrate(url, ownerUser, ownerPassword, appUser, schema);
    }
}
