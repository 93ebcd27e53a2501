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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.security.application.LoginAttempts;
import org.onewindow.kernel.security.application.LoginOutcome;

/**
 * The change of one's own password ({@code /password.xhtml}), where the login sends a staff member whose password an
 * administrator set (a new account, a reset): the current password proves who it is, the new one replaces it, and the
 * staff member is then logged in with the new one.
 */
@Named
@RequestScoped
public class PasswordBacking {

    public static final String PAGE = "/password.xhtml";

    @Inject
    LoginAttempts logins;

    @Inject
    SecurityContext security;

    private String username;
    private String password;
    private String newPassword;
    private String repeat;
    private String continueTo;

    public void change() throws IOException {
        if (newPassword == null || !newPassword.equals(repeat)) {
            FacesMessages.errorText(FacesMessages.text("password.repeat.mismatch"));
            return;
        }
        LoginOutcome outcome;
        try {
            outcome = logins.changePassword(username, password, newPassword);
        } catch (DomainException e) {
            FacesMessages.error(e);
            return;
        }
        if (!(outcome instanceof LoginOutcome.Success)) {
            FacesMessages.error(LoginBacking.refusal(outcome));
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, newPassword)));
        String target = status == AuthenticationStatus.SUCCESS
                ? LoginBacking.safeTarget(continueTo)
                : "/login.xhtml?changed=true";
        external.redirect(external.getRequestContextPath() + target);
        faces.responseComplete();
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

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }
}
