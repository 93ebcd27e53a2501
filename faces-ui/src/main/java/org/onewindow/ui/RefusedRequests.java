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
import org.primefaces.csp.CspException;

/**
 * A refusal that leaves a page or one of its files (a case outside the caller's scope opened by its URL: 404, a
 * forbidden act: 403) is an answer to the user, not a fault of the server. Left to the container, it would be
 * logged with its whole stack trace, burying the real faults; here it is logged as one INFO line (who, what, which
 * refusal) and the product's refusal page answers with the refusal's own status and message, exactly as the
 * container's error page would ({@code /error/refused.xhtml}, web.xml). A post PrimeFaces refuses for lacking its
 * page's script nonce (forged by hand, ADR 0033) is answered and logged the same way, with the expired page.
 * Anything else passes on untouched.
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

    /**
     * The page that answers a post PrimeFaces refused for lacking its page's script nonce (a forged post, or a page
     * left open too long): the container shows the same one (web.xml).
     */
    static final String EXPIRED_PAGE = "/error/expired.xhtml";

    /** Set on a request whose refusal was already logged (by {@link RefusedAjaxRequests}): it is not logged twice. */
    static final String LOGGED = RefusedRequests.class.getName() + ".logged";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException | IOException failure) {
            DomainException refusal = refusal(failure);
            CspException forged = refusal == null ? cause(failure, CspException.class) : null;
            if (refusal == null && forged == null) {
                throw failure;
            }
            if (request.getAttribute(LOGGED) == null) {
                LOG.info(() ->
                        refusal != null ? line(request, refusal) : line(request, "FORGED", "request.nonce.missing"));
            }
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            Throwable answered = refusal != null ? refusal : forged;
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, answered);
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, answered.getClass());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            try {
                request.getRequestDispatcher(refusal != null ? REFUSAL_PAGE : EXPIRED_PAGE)
                        .forward(request, response);
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
        return cause(failure, DomainException.class);
    }

    /** The first cause of {@code type} in the failure's chain, however wrapped; null when there is none. */
    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
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
        return line(
                request,
                refusal.kind() + " " + refusal.key(),
                refusal.arguments().toString());
    }

    /** The same line for a refusal that is not the domain's, e.g. a post without its page's script nonce. */
    static String line(HttpServletRequest request, String kind, String reason) {
        String who = request.getRemoteUser() == null ? "an anonymous visitor" : request.getRemoteUser();
        return clean("Refused " + request.getMethod() + " " + request.getRequestURI() + " to " + who + ": " + kind + " "
                + reason);
    }

    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
