package org.onewindow.kernel.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * Who the current thread works for: the logged-in staff member of the request, or, inside {@link Scopes#run}, the
 * visitor or system job of the entered {@link Scope} (its actor name, division and declared roles), or the account
 * {@link Scopes#runAsAccount} read.
 */
@ApplicationScoped
public class Caller {

    /** The caller of the scope entered last on this thread ({@link Scopes}); none in a plain request. */
    static final ThreadLocal<StaffPrincipal> ENTERED = new ThreadLocal<>();

    @Inject
    SecurityContext security;

    public Optional<StaffPrincipal> current() {
        StaffPrincipal entered = ENTERED.get();
        if (entered != null) {
            return Optional.of(entered);
        }
        try {
            return security.getPrincipalsByType(StaffPrincipal.class).stream().findFirst();
        } catch (RuntimeException e) {
            // An error page rendered for an anonymous visitor has no security context to ask (Payara throws).
            return Optional.empty();
        }
    }

    /** The caller, or a refusal that names no data: anonymous callers reach nothing scoped. */
    public StaffPrincipal require() {
        return current().orElseThrow(() -> DomainException.notFound("caller.anonymous"));
    }

    /** The caller when it has one of {@code roles}; otherwise the same refusal as for a missing thing. */
    public StaffPrincipal requireAny(Role... roles) {
        StaffPrincipal principal = require();
        for (Role role : roles) {
            if (principal.has(role)) {
                return principal;
            }
        }
        throw new DomainException(DomainException.Kind.FORBIDDEN, "caller.forbidden");
    }

    /** The division-code prefix the database lets this thread see; empty (nothing) when anonymous. */
    public String scope() {
        return current().map(StaffPrincipal::scope).orElse("");
    }
}
