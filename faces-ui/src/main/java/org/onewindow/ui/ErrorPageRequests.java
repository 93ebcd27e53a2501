package org.onewindow.ui;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * An error page is a new page, never the postback of the form whose request failed. Without this, the container's
 * error dispatch hands the failed form's fields (its view state among them) to the error page, Faces takes the error
 * page for a postback, and PrimeFaces' script policy refuses to render it when the failed form carried no script
 * nonce (a client without the pages' script, or a forged post): the visitor would get the container's bare 500
 * instead of the product's page. For the same reason it is never an Ajax request either: a forged Ajax post to a page
 * the caller may not open (403 before Faces) would otherwise render the error page as a partial answer and fail. The
 * same holds for a refusal's page forwarded to by {@link RefusedRequests}.
 */
@WebFilter(
        urlPatterns = "/error/*",
        dispatcherTypes = {DispatcherType.ERROR, DispatcherType.FORWARD})
public class ErrorPageRequests extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new WithoutParameters(request), response);
    }

    /** The header by which Faces tells an Ajax request ({@code partial/ajax}). */
    private static final String FACES_REQUEST = "Faces-Request";

    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return FACES_REQUEST.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return FACES_REQUEST.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(header -> !FACES_REQUEST.equalsIgnoreCase(header))
                    .toList());
        }
    }
}
