package org.onewindow.process.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Deploys the standard process templates shipped with this release, once the schema is in place: the modules'
 * (the WAR's {@code Database} start-up) and the engine's ({@link ProcessEngineSchema}). A start-up hook of this
 * module, carried in its jar (docs/adr/0019-a-module-registers-itself.md).
 */
@Singleton
@Startup
@DependsOn({"Database", "ProcessEngineSchema"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StandardTemplates {

    @Inject
    ProcessTemplateService templates;

    @PostConstruct
    void deploy() {
        templates.deployBundled();
    }
}
