package org.onewindow.kernel.security.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.application.LoginAttempts;
import org.onewindow.kernel.security.application.LoginOutcome;
import org.onewindow.kernel.security.application.StaffLogin;
import org.onewindow.kernel.security.application.TokenService;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/** Issues bearer tokens to staff and to department systems' service accounts (OAuth 2 password grant shape). */
@Path("auth")
@ApplicationScoped
@Tag(name = "auth", description = "令牌 / tokens")
public class TokenResource {

    @Inject
    LoginAttempts logins;

    @Inject
    TokenService tokens;

    @Inject
    StaffLogin login;

    @Inject
    Caller caller;

    /** The token answer, in the OAuth 2 field names. */
    public record TokenResponse(String access_token, String token_type, long expires_in) {}

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a username and password for a bearer token")
    public Response token(@FormParam("username") String username, @FormParam("password") String password) {
        LoginOutcome outcome = logins.attempt(username, password);
        if (outcome instanceof LoginOutcome.Success success) {
            return Response.ok(new TokenResponse(
                            tokens.issue(success.principal()),
                            "Bearer",
                            tokens.lifetime().toSeconds()))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        throw refusal(outcome);
    }

    /**
     * The holder changes their own password, proving it with the current one: required after an administrator set it
     * (a new account, a reset), when the token endpoint answers 403 {@code login.password.change.required}. 204 on
     * success (every earlier token of the account ends); 401 as for a token when the current password is refused;
     * 400 {@code password.too.short} or {@code password.unchanged}.
     */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            operationId = "changeOwnPassword",
            summary = "Change one's own password with the current one (required after a reset)")
    public Response changePassword(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("new_password") String newPassword) {
        LoginOutcome outcome = logins.changePassword(username, password, newPassword);
        if (outcome instanceof LoginOutcome.Success) {
            return Response.noContent().build();
        }
        throw refusal(outcome);
    }

    private static DomainException refusal(LoginOutcome outcome) {
        return switch (outcome) {
            case LoginOutcome.PasswordChangeRequired required ->
                new DomainException(DomainException.Kind.FORBIDDEN, "login.password.change.required");
            case LoginOutcome.Locked locked ->
                new DomainException(
                        DomainException.Kind.UNAUTHORIZED, "login.locked", java.util.Date.from(locked.until()));
            case LoginOutcome.Disabled disabled ->
                new DomainException(DomainException.Kind.UNAUTHORIZED, "login.disabled");
            default -> new DomainException(DomainException.Kind.UNAUTHORIZED, "login.failed");
        };
    }

    /**
     * Ends every bearer token of the calling account (the one presented included): 204. Without a token, 401 {@code
     * token.missing}.
     */
    @POST
    @Path("logout")
    @Operation(summary = "Revoke every token of the calling account (logout)")
    public Response logout() {
        StaffPrincipal me = caller.current()
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "token.missing"));
        login.logout(me.username());
        return Response.noContent().build();
    }
}
