package org.onewindow.kernel.audit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.audit.application.AuditTrailService;
import org.onewindow.kernel.audit.domain.AuditChain;
import org.onewindow.kernel.audit.domain.AuditEntry;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.web.Page;

/** The audit trail of the caller's scope, and its verification. */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "全程留痕 / audit trail")
public class AuditResource {

    @Inject
    AuditTrailService trail;

    /** One audit entry as the API shows it. */
    public record EntryView(
            String tenant,
            long seq,
            String occurredAt,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            String before,
            String after,
            String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(
                    e.tenantCode(),
                    e.seq(),
                    e.occurredAt().toString(),
                    e.actor(),
                    e.action(),
                    e.subjectType(),
                    e.subjectId(),
                    e.before(),
                    e.after(),
                    e.hash());
        }
    }

    /** The outcome of a verification run. */
    public record VerificationView(boolean intact, int chains, long entries, List<AuditChain.BrokenLink> broken) {}

    @GET
    @Path("entries")
    @Operation(
            summary = "Audit entries of the caller's scope, newest first",
            description = "Filters: tenant (a division-code prefix), actor (a username), action (a key, or a prefix"
                    + " ending in a dot such as login.), from and to (dates in China, yyyy-MM-dd, both included)")
    public List<EntryView> entries(
            @QueryParam("tenant") String tenant,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("first") @DefaultValue("0") int first,
            @Parameter(description = Page.SIZE_DESCRIPTION) @QueryParam("size") @DefaultValue("50") int size) {
        AuditTrailService.Filter filter =
                new AuditTrailService.Filter(tenant, actor, action, date("from", from), date("to", to));
        Page page = new Page(first, size);
        return trail.page(filter, page.first(), page.size()).stream()
                .map(EntryView::of)
                .toList();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("request.parameter.invalid", name);
        }
    }

    @POST
    @Path("verification")
    @Operation(summary = "Recompute the hash chains of the caller's scope; report the first broken link of each")
    public VerificationView verify() {
        AuditTrailService.Verification result = trail.verify();
        return new VerificationView(result.intact(), result.chains(), result.entries(), result.broken());
    }
}
