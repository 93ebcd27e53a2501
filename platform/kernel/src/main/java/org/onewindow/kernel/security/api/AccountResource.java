package org.onewindow.kernel.security.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.security.application.AccountService;
import org.onewindow.kernel.security.application.Passwords;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.web.Page;

/** Staff accounts of a division, for administrators. */
@Path("tenants/{code}/accounts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "工作人员账号 / staff accounts")
public class AccountResource {

    @Inject
    AccountService accounts;

    /** An account as the API shows it; never the password hash. */
    public record AccountView(
            String username,
            String displayName,
            String tenant,
            List<String> roles,
            List<String> departments,
            List<String> windows,
            boolean enabled,
            boolean passwordChangeRequired) {
        static AccountView of(StaffAccount a) {
            return new AccountView(
                    a.username(),
                    a.displayName(),
                    a.tenantCode().value(),
                    a.roles().stream().map(Role::name).sorted().toList(),
                    a.departments().stream().sorted().toList(),
                    a.windows().stream().sorted().toList(),
                    a.enabled(),
                    a.passwordChangeRequired());
        }
    }

    /**
     * A new account; the password is set by the administrator and told to the person out of band. With {@code
     * passwordChangeRequired} (as the console always sets it) its holder must choose a new one at the first login;
     * left out, it is not required, for accounts whose password a county system hands over itself.
     */
    public record NewAccount(
            @Schema(maxLength = StaffAccount.USERNAME_MAX_LENGTH)
            String username,

            @Schema(maxLength = StaffAccount.DISPLAY_NAME_MAX_LENGTH)
            String displayName,

            @Schema(maxLength = Passwords.MAX_LENGTH, format = "password")
            String password,

            List<String> roles,
            List<String> departments,
            List<String> windows,
            Boolean passwordChangeRequired) {}

    /** What an administrator may change of an account besides its roles; departments and windows replace the old. */
    public record AccountChange(
            @Schema(maxLength = StaffAccount.DISPLAY_NAME_MAX_LENGTH)
            String displayName,

            List<String> departments,
            List<String> windows) {}

    /** A password an administrator sets; its holder must replace it at the next login. */
    public record PasswordReset(
            @Schema(maxLength = Passwords.MAX_LENGTH, format = "password")
            String password) {}

    /** Where a staff member moves (调动), with the departments and windows they take up there. */
    public record Move(
            @Schema(maxLength = DivisionCode.LENGTH) String tenant, List<String> departments, List<String> windows) {}

    /** The roles an account is to hold from now on (all of them, not a difference). */
    public record RoleChange(List<String> roles) {}

    @GET
    @Operation(summary = "The staff accounts of a division of the caller's scope")
    public List<AccountView> list(
            @PathParam("code") String code,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("200") int size) {
        return new Page(first, size)
                .of(accounts.accounts(code)).stream().map(AccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a staff account in a division of the caller's scope (administrators)")
    public Response create(
            @PathParam("code") String code, @NotNull(message = "{request.body.required}") @Valid NewAccount account) {
        Set<Role> roles = roles(account.roles());
        StaffAccount created = accounts.create(
                code,
                account.username(),
                account.displayName(),
                account.password(),
                roles,
                set(account.departments()),
                set(account.windows()),
                Boolean.TRUE.equals(account.passwordChangeRequired()));
        return Response.status(Response.Status.CREATED)
                .entity(AccountView.of(created))
                .build();
    }

    @PUT
    @Path("{username}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace the roles of a staff account (administrators and the platform operator)",
            description = "Only roles the caller may grant at the account's division, on an account whose every role"
                    + " it may grant, never its own: 403 account.role.not.grantable or account.roles.own otherwise")
    public AccountView changeRoles(
            @PathParam("code") String code,
            @PathParam("username") String username,
            @NotNull(message = "{request.body.required}") @Valid RoleChange change) {
        return AccountView.of(accounts.changeRoles(code, username, roles(change.roles())));
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateAccount",
            summary = "Change the name, departments and windows of a staff account",
            description = "Only on an account whose every role the caller may grant, never its own: 403 otherwise")
    public AccountView update(
            @PathParam("code") String code,
            @PathParam("username") String username,
            @NotNull(message = "{request.body.required}") @Valid AccountChange change) {
        inDivision(code, username);
        return AccountView.of(
                accounts.update(username, change.displayName(), set(change.departments()), set(change.windows())));
    }

    @POST
    @Path("{username}/disable")
    @Operation(operationId = "disableAccount", summary = "Disable a staff account: its tokens and sessions end at once")
    public AccountView disable(@PathParam("code") String code, @PathParam("username") String username) {
        inDivision(code, username);
        return AccountView.of(accounts.setEnabled(username, false));
    }

    @POST
    @Path("{username}/enable")
    @Operation(operationId = "enableAccount", summary = "Enable a disabled staff account again")
    public AccountView enable(@PathParam("code") String code, @PathParam("username") String username) {
        inDivision(code, username);
        return AccountView.of(accounts.setEnabled(username, true));
    }

    @POST
    @Path("{username}/unlock")
    @Operation(
            operationId = "unlockAccount",
            summary = "End the lockout of a staff account after too many failed logins")
    public AccountView unlock(@PathParam("code") String code, @PathParam("username") String username) {
        inDivision(code, username);
        return AccountView.of(accounts.unlock(username));
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resetAccountPassword",
            summary = "Reset the password of a staff account",
            description = "The holder must choose a new one at the next login (POST /api/v1/auth/password)")
    public AccountView resetPassword(
            @PathParam("code") String code,
            @PathParam("username") String username,
            @NotNull(message = "{request.body.required}") @Valid PasswordReset reset) {
        inDivision(code, username);
        return AccountView.of(accounts.resetPassword(username, reset.password()));
    }

    @POST
    @Path("{username}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "moveAccount",
            summary = "Move a staff member to another division of the caller's scope",
            description = "The old scope ends at once: every token and session of the account stops working")
    public AccountView move(
            @PathParam("code") String code,
            @PathParam("username") String username,
            @NotNull(message = "{request.body.required}") @Valid Move move) {
        inDivision(code, username);
        return AccountView.of(accounts.move(username, move.tenant(), set(move.departments()), set(move.windows())));
    }

    /** An account of another division than the path names is not found there, as if it did not exist. */
    private void inDivision(String code, String username) {
        if (!accounts.managed(username).tenantCode().value().equals(code)) {
            throw DomainException.notFound("account.not.found", username);
        }
    }

    private static Set<String> set(List<String> values) {
        return values == null
                ? Set.of()
                : values.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : names == null ? List.<String>of() : names) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new DomainException("account.role.unknown", String.valueOf(role));
            }
        }
        return roles;
    }
}
