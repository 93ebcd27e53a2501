package org.onewindow.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.application.LoginOutcome;
import org.onewindow.kernel.security.application.StaffLogin;
import org.onewindow.kernel.security.infrastructure.StaffAuthenticationMechanism;

/** The staff login page ({@code /login.xhtml}) and logout. */
@Named
@RequestScoped
public class LoginBacking {

    public static final String HOME = "/app/home.xhtml";

    @Inject
    SecurityContext security;

    @Inject
    Caller caller;

    @Inject
    StaffLogin staffLogin;

    private String username;
    private String password;
    private String continueTo;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(
                                username == null ? "" : username, password == null ? "" : password)));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + safeTarget());
            faces.responseComplete();
            return;
        }
        Object outcome = request.getAttribute(StaffAuthenticationMechanism.LOGIN_OUTCOME);
        if (outcome instanceof LoginOutcome.PasswordChangeRequired) {
            // Nothing is given until its holder replaces the password an administrator chose.
            external.redirect(external.getRequestContextPath() + PasswordBacking.PAGE + "?user="
                    + URLEncoder.encode(username == null ? "" : username.strip(), StandardCharsets.UTF_8) + "&continue="
                    + URLEncoder.encode(safeTarget(), StandardCharsets.UTF_8));
            faces.responseComplete();
            return;
        }
        DomainException refusal = refusal(outcome);
        password = null;
        FacesMessages.error(refusal);
    }

    /** What the login page says to an outcome other than success. */
    static DomainException refusal(Object outcome) {
        return switch (outcome) {
            case LoginOutcome.Locked locked -> new DomainException("login.locked", java.util.Date.from(locked.until()));
            case LoginOutcome.Disabled disabled -> new DomainException("login.disabled");
            case null, default -> new DomainException("login.failed");
        };
    }

    /** Ends the session and, as a logout must, every bearer token the account holds (issue 8). */
    public void logout() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        caller.current().ifPresent(me -> staffLogin.logout(me.username()));
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }

    /** Only paths inside this application: an absolute or protocol-relative URL is an open redirect. */
    private String safeTarget() {
        return safeTarget(continueTo);
    }

    /** {@code continueTo} when it is a path inside this application, else the staff home. */
    static String safeTarget(String continueTo) {
        if (continueTo != null
                && continueTo.startsWith("/")
                && !continueTo.startsWith("//")
                && !continueTo.contains("\\")) {
            return continueTo;
        }
        return HOME;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }
}
