package org.onewindow.kernel.security.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.security.application.AccountService;
import org.onewindow.kernel.security.application.Passwords;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.web.Page;

/** Staff accounts of a division, for administrators. */
@Path("tenants/{code}/accounts")
@RequestScoped
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
            boolean enabled) {
        static AccountView of(StaffAccount a) {
            return new AccountView(
                    a.username(),
                    a.displayName(),
                    a.tenantCode().value(),
                    a.roles().stream().map(Role::name).sorted().toList(),
                    a.departments().stream().sorted().toList(),
                    a.enabled());
        }
    }

    /** A new account; the password is set by the administrator and told to the person out of band. */
    public record NewAccount(
            @Schema(maxLength = StaffAccount.USERNAME_MAX_LENGTH)
            String username,

            @Schema(maxLength = StaffAccount.DISPLAY_NAME_MAX_LENGTH)
            String displayName,

            @Schema(maxLength = Passwords.MAX_LENGTH, format = "password")
            String password,

            List<String> roles,
            List<String> departments) {}

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
    public Response create(@PathParam("code") String code, NewAccount account) {
        if (account == null) {
            throw new DomainException("request.body.required");
        }
        Set<Role> roles = roles(account.roles());
        Set<String> departments = account.departments() == null ? Set.of() : Set.copyOf(account.departments());
        StaffAccount created = accounts.create(
                code, account.username(), account.displayName(), account.password(), roles, departments);
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
            @PathParam("code") String code, @PathParam("username") String username, RoleChange change) {
        if (change == null) {
            throw new DomainException("request.body.required");
        }
        return AccountView.of(accounts.changeRoles(code, username, roles(change.roles())));
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
