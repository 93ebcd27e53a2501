package org.onewindow.kernel.security.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.security.application.LoginAttempts;
import org.onewindow.kernel.security.application.LoginOutcome;
import org.onewindow.kernel.security.application.TokenService;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * The one authentication mechanism of the deployment: bearer tokens for the REST API (and only they: the session
 * cookie never authenticates {@code /api/}), a session for the Faces pages, username and password when the login page
 * calls {@code SecurityContext.authenticate}.
 * One mechanism for both keeps Jakarta Security's one-mechanism-per-application rule (see ADR 0002).
 */
@ApplicationScoped
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Where the logged-in principal lives in the HTTP session. */
    public static final String SESSION_PRINCIPAL = StaffPrincipal.class.getName();

    /** The account's token version at the session's login (see {@link TokenService#verifySession}). */
    public static final String SESSION_TOKEN_VERSION = SESSION_PRINCIPAL + ".tokenVersion";

    /** Request attribute with the {@link LoginOutcome} of a password login, for the login page's message. */
    public static final String LOGIN_OUTCOME = LoginOutcome.class.getName();

    public static final String LOGIN_PAGE = "/login.xhtml";

    private static final Logger LOG = Logger.getLogger(StaffAuthenticationMechanism.class.getName());

    @Inject
    TokenService tokens;

    @Inject
    LoginAttempts logins;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                return login(context, tokens.verify(authorization.substring(7).strip()));
            } catch (TokenService.InvalidTokenException e) {
                LOG.fine(() -> "Refused a bearer token: " + e.getMessage());
                return unauthorized(request, response, e.getMessage());
            }
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            LoginOutcome outcome = logins.attempt(password.getCaller(), password.getPasswordAsString());
            request.setAttribute(LOGIN_OUTCOME, outcome);
            if (outcome instanceof LoginOutcome.Success success) {
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                HttpSession session = request.getSession(true);
                session.setAttribute(SESSION_PRINCIPAL, success.principal());
                session.setAttribute(
                        SESSION_TOKEN_VERSION,
                        tokens.versionOf(success.principal().username()));
                return login(context, success.principal());
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        // The API takes bearer tokens only. A browser sends the session cookie with every request to this host,
        // also with a form another site posts here (CSRF); pages are protected by their Faces view state, the API
        // has no such token, so the cookie must not authenticate it.
        HttpSession session = isApi(request) ? null : request.getSession(false);
        if (session != null && session.getAttribute(SESSION_PRINCIPAL) instanceof StaffPrincipal principal) {
            try {
                tokens.verifySession(
                        principal,
                        session.getAttribute(SESSION_TOKEN_VERSION) instanceof Integer version ? version : -1);
                return login(context, principal);
            } catch (TokenService.InvalidTokenException e) {
                // The account changed since this session's login: the session ends as a logout would end it.
                LOG.fine(() -> "Ended the session of " + principal.username() + ": " + e.getMessage());
                session.invalidate();
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(request, response, "token.missing");
        }
        String target =
                request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?continue="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private static AuthenticationStatus login(HttpMessageContext context, StaffPrincipal principal) {
        Set<String> groups = principal.roles().stream().map(Role::name).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(principal, groups);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, String reasonKey) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"onewindow\"");
            response.setContentType(org.onewindow.kernel.error.Problem.MEDIA_TYPE.toString());
            String message = Messages.format(
                    request.getHeader("Accept-Language") == null ? Messages.DEFAULT_LOCALE : request.getLocale(),
                    reasonKey);
            // The one problem shape of every API error (its error and message members as before).
            response.getWriter()
                    .write(org.onewindow.kernel.error.Problem.body(401, reasonKey, message)
                            .build()
                            .toString());
        } catch (IOException e) {
            LOG.fine(() -> "Could not write the 401 body: " + e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
