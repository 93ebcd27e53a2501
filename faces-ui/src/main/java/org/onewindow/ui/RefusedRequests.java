package org.onewindow.ui;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.onewindow.kernel.error.DomainException;

/**
 * A refusal that leaves a page or one of its files (a case outside the caller's scope opened by its URL: 404, a
 * forbidden act: 403) is an answer to the user, not a fault of the server. Left to the container, it would be
 * logged with its whole stack trace, burying the real faults; here it is logged as one INFO line (who, what, which
 * refusal) and the product's refusal page answers with the refusal's own status and message, exactly as the
 * container's error page would ({@code /error/refused.xhtml}, web.xml). Anything else passes on untouched.
 *
 * <p>It covers every page (the Faces servlet) and every servlet that opens an object named in its URL: the case's
 * notices ({@code /clerk/cases/notice.pdf}), its scans ({@code /clerk/cases/material-file}) and the short progress
 * address ({@code /progress/*}).
 */
@WebFilter(
        filterName = "refusedRequests",
        servletNames = "Faces Servlet",
        urlPatterns = {"/clerk/cases/notice.pdf", "/clerk/cases/material-file", "/progress/*"},
        dispatcherTypes = DispatcherType.REQUEST)
public class RefusedRequests extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class.getName());

    /** The page that words a refusal; the container shows the same one for a refusal (web.xml). */
    static final String REFUSAL_PAGE = "/error/refused.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException | IOException failure) {
            DomainException refusal = refusal(failure);
            if (refusal == null) {
                throw failure;
            }
            LOG.info(() -> line(request, refusal));
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, refusal);
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, refusal.getClass());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            try {
                request.getRequestDispatcher(REFUSAL_PAGE).forward(request, response);
            } finally {
                // Left on the request, the container would take the answered refusal for a failure of its own (500).
                request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
                request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE);
                request.removeAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            }
        }
    }

    /** The refusal the failure carries, however wrapped (Faces, EL, the servlet); null when it is no refusal. */
    static DomainException refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof ServletException servlet && servlet.getRootCause() != null) {
            return servlet.getRootCause() == failure ? null : servlet.getRootCause();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }

    /**
     * {@code Refused GET /clerk/cases/case.xhtml to fumiao.clerk: NOT_FOUND casework.case.not.found [370321-…]}. The
     * query string stays out of the log: a receipt's address carries its check code. Control characters of what the
     * caller typed are shown as {@code ?}, so a line cannot be forged.
     */
    static String line(HttpServletRequest request, DomainException refusal) {
        String who = request.getRemoteUser() == null ? "an anonymous visitor" : request.getRemoteUser();
        return clean("Refused " + request.getMethod() + " " + request.getRequestURI() + " to " + who + ": "
                + refusal.kind() + " " + refusal.key() + " " + refusal.arguments());
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
