package org.onewindow.catalog.application;

import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.Role;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/** The role checks of the catalog's staff operations. */
final class Staff {

    private Staff() {}

    /**
     * The staff member with one of the roles. The catalog's read paths are public, so an anonymous caller can
     * reach a staff operation's path too: they are told to log in (401), not that the thing does not exist.
     */
    static StaffPrincipal requireAny(Caller caller, Role... roles) {
        if (caller.current().isEmpty()) {
            throw new DomainException(DomainException.Kind.UNAUTHORIZED, "token.missing");
        }
        return caller.requireAny(roles);
    }
}
