package org.onewindow.catalog.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * At start-up, the catalog resumes publications whose worker stopped (their lease ran out), and keeps looking for
 * such publications every few seconds: a node that stopped in the middle of one, or a node of the cluster that went
 * away, leaves it to be finished by whichever node comes first. A publication another node is running, and renewing
 * its lease for, is never touched (ADR 0012). A start-up hook of this module, carried in its jar, started once the
 * schema is in place: the modules' (the WAR's {@code Database} start-up) and the process engine's, which a resumed
 * publication may reach (docs/adr/0019-a-module-registers-itself.md).
 */
@Singleton
@Startup
@DependsOn({"Database", "ProcessEngineSchema"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InterruptedPublications {

    @Inject
    PublicationService publications;

    @PostConstruct
    void recover() {
        publications.watch();
    }
}
