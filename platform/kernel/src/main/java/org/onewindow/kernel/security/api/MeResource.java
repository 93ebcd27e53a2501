package org.onewindow.kernel.security.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/** Who the token belongs to. */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class MeResource {

    @Inject
    Caller caller;

    /** The caller as the API shows it. */
    public record MeView(
            String username,
            String displayName,
            String tenant,
            String tenantName,
            String scope,
            List<String> roles,
            List<String> departments) {}

    @GET
    @Operation(summary = "The caller's identity, tenant, scope and roles")
    public MeView me() {
        StaffPrincipal me = caller.require();
        return new MeView(
                me.username(),
                me.displayName(),
                me.tenantCode().value(),
                me.tenantName(),
                me.scope(),
                me.roles().stream().map(Role::name).sorted().toList(),
                me.departments().stream().sorted().toList());
    }
}
