package org.onewindow.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;

/**
 * The error pages' view of what went wrong: a refusal keeps its own status (403, 404, 400, 409) and message in the
 * visitor's language; anything else is logged with an incident number that the page shows, and nothing more.
 */
@Named
@RequestScoped
public class ErrorPageBacking {

    private static final Logger LOG = Logger.getLogger(ErrorPageBacking.class.getName());

    private boolean inspected;
    private DomainException refusal;
    private String incident;

    /** Called as the page renders: sets the answer's status from the refusal. */
    public void inspect() {
        if (inspected) {
            return;
        }
        inspected = true;
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        Throwable error = (Throwable) context.getRequestMap().get(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                refusal = domain;
                break;
            }
        }
        if (refusal != null) {
            context.setResponseStatus(status(refusal.kind()));
        } else {
            incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "Incident " + incident + ": a page failed", error);
            context.setResponseStatus(500);
        }
    }

    /**
     * Called as the expired page renders: a form whose view expired, or that came without the script nonce its
     * page was given, is the client's to send again (400), not a fault of the server.
     */
    public void expired() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(400);
    }

    private static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case UNAUTHORIZED -> 401;
            case CONFLICT -> 409;
        };
    }

    /** The key of the page's title in the UI bundle: forbidden, not found, or refused. */
    public String titleKey() {
        if (refusal == null) {
            return "error.server";
        }
        return switch (refusal.kind()) {
            case FORBIDDEN, UNAUTHORIZED -> "error.forbidden";
            case NOT_FOUND -> "error.not-found";
            default -> "error.refused";
        };
    }

    /** The refusal's message in the page's language. */
    public String message() {
        return refusal == null
                ? null
                : Messages.format(
                        FacesContext.getCurrentInstance().getViewRoot().getLocale(), refusal);
    }

    public String incident() {
        return incident;
    }
}
