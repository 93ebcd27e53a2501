package org.onewindow.kernel.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.error.Problem;

/**
 * An error the servlet container or a framework sends on its own ({@code sendError}: a request Faces cannot read)
 * answers in the problem shape, never with the server's default error report, which names the server. The statuses
 * the product has its own pages for (403, 404, 500, web.xml) still reach those pages. A method the product serves
 * nowhere ({@code CONNECT}, {@code PROPFIND}, made-up ones) is refused here with 405 before any page or resource sees
 * it: Faces would otherwise render a page for it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ContainerErrorFilter extends HttpFilter {

    /** The methods some page or resource of the product answers. */
    static final Set<String> SERVED_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final Set<Integer> WITH_OWN_PAGE = Set.of(403, 404, 500);

    /** The words the API already has for a status; any other status is named by its number. */
    private static final Map<Integer, String> KEYS = Map.of(
            400, "request.invalid",
            405, "request.method-not-allowed",
            406, "request.not-acceptable",
            413, "request.too-large",
            415, "request.unsupported-media-type",
            501, "request.method-not-allowed");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SERVED_METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", new TreeSet<>(SERVED_METHODS)));
            problem(request, response, 405);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String ignored) throws IOException {
                if (WITH_OWN_PAGE.contains(status) || isCommitted()) {
                    super.sendError(status);
                    return;
                }
                resetBuffer();
                problem(request, response, status);
            }
        });
    }

    /** Answers {@code status} in the problem shape, in the caller's language. */
    private static void problem(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String key = KEYS.getOrDefault(status, "request.refused");
        String message = Messages.format(Messages.supported(request.getLocale()), key, status);
        response.getWriter().write(Problem.body(status, key, message).build().toString());
        response.flushBuffer();
    }
}
