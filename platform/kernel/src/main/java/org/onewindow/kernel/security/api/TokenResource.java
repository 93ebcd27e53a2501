package org.onewindow.kernel.security.api;

import jakarta.enterprise.context.RequestScoped;
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
@RequestScoped
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
        throw switch (outcome) {
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
