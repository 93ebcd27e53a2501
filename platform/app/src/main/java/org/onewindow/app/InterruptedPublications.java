package org.onewindow.app;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.onewindow.catalog.application.Publications;

/**
 * At start-up, publications a stopped server left queued or running are marked failed: their re-base rolled back
 * with the server, and an open one would block the item's next publication. With one node this is exact; with
 * several, a node that restarts while another publishes marks that one failed too (see the session note).
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InterruptedPublications {

    private static final Logger LOG = Logger.getLogger(InterruptedPublications.class.getName());

    @Inject
    Publications publications;

    @PostConstruct
    void recover() {
        int marked = publications.failInterrupted("服务器重启");
        if (marked > 0) {
            LOG.warning(() -> marked + " publication(s) interrupted by the last stop were marked failed");
        }
    }
}
