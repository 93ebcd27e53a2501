package org.onewindow.ui;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.onewindow.kernel.error.DomainException;

/**
 * A refusal met during an Ajax (partial) request is one INFO line too, as {@link RefusedRequests} makes it for a full
 * request (ADR 0027, 0033). Two things stood in the way: Mojarra logs whatever a partial request's decoding,
 * validation or model update throws at INFO with its whole stack trace before handing it on (its partial view
 * context), and OmniFaces' {@code FullAjaxExceptionHandler}, which renders the refusal page as the Ajax answer, logs
 * nothing for the exceptions it is told to ignore. So this handler, wrapped around OmniFaces', logs the line for an
 * Ajax refusal and lets OmniFaces answer with the refusal page; and {@link #FILTER} keeps the refusal's trace out of
 * Mojarra's log. A full request's refusal passes on untouched to the filter, which logs it once.
 */
public class RefusedAjaxRequests extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class.getName());

    /** Mojarra's logger of its Faces context (FacesLogger.CONTEXT), where a partial request's failure is logged. */
    static final String MOJARRA_CONTEXT_LOGGER = "jakarta.enterprise.resource.webcontainer.faces.context";

    /** Drops a log record that carries a refusal: it is logged once, as a line, where it is answered. */
    static final Filter FILTER = new Filter() {
        @Override
        public boolean isLoggable(LogRecord record) {
            return record.getThrown() == null || RefusedRequests.refusal(record.getThrown()) == null;
        }
    };

    public RefusedAjaxRequests(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null
                && context.getPartialViewContext().isAjaxRequest()
                && context.getExternalContext().getRequest() instanceof HttpServletRequest request) {
            for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                DomainException refusal =
                        RefusedRequests.refusal(((ExceptionQueuedEventContext) event.getSource()).getException());
                if (refusal != null) {
                    LOG.info(() -> RefusedRequests.line(request, refusal));
                    // Should the answer fail too (a forged post without its script nonce), the filter logs no more.
                    request.setAttribute(RefusedRequests.LOGGED, Boolean.TRUE);
                    break;
                }
            }
        }
        getWrapped().handle();
    }

    /** Wraps the handler declared before it (OmniFaces' full Ajax handler, faces-config.xml). */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new RefusedAjaxRequests(getWrapped().getExceptionHandler());
        }
    }

    /** Sets {@link #FILTER} on Mojarra's context logger when the application starts, keeping a filter it had. */
    @WebListener
    public static class MojarraLog implements ServletContextListener {

        /** Held here: a logger only weakly referenced by the log manager may be collected with its filter. */
        private static final Logger MOJARRA = Logger.getLogger(MOJARRA_CONTEXT_LOGGER);

        @Override
        public void contextInitialized(ServletContextEvent event) {
            Filter before = MOJARRA.getFilter();
            MOJARRA.setFilter(
                    before == null || before == FILTER
                            ? FILTER
                            : record -> FILTER.isLoggable(record) && before.isLoggable(record));
        }
    }
}
