package org.onewindow.kernel.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * The staff member on whose behalf the current thread works: the logged-in user of the request, or
 * the principal a system task (start-up seeding, a background job) runs as.
 */
@ApplicationScoped
public class Caller {

    private static final ThreadLocal<StaffPrincipal> RUNNING_AS = new ThreadLocal<>();

    @Inject
    SecurityContext security;

    /** Runs {@code work} as {@code principal} on this thread, for work that has no HTTP request. */
    public static <T> T runAs(StaffPrincipal principal, Callable<T> work) {
        StaffPrincipal previous = RUNNING_AS.get();
        RUNNING_AS.set(principal);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                RUNNING_AS.remove();
            } else {
                RUNNING_AS.set(previous);
            }
        }
    }

    public Optional<StaffPrincipal> current() {
        StaffPrincipal system = RUNNING_AS.get();
        if (system != null) {
            return Optional.of(system);
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
