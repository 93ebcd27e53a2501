package org.onewindow.app;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.onewindow.process.application.ProcessTemplateService;

/** Deploys the standard process templates shipped with this release, once the schema is in place. */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StandardTemplates {

    @Inject
    ProcessTemplateService templates;

    @PostConstruct
    void deploy() {
        templates.deployBundled();
    }
}
