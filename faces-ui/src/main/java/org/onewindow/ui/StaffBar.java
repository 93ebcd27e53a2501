package org.onewindow.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.onewindow.kernel.scope.Caller;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/** The header of every staff page: who is logged in, if anyone. */
@Named
@RequestScoped
public class StaffBar {

    @Inject
    Caller caller;

    /** The logged-in staff member, or null on the login page. */
    public StaffPrincipal getPrincipal() {
        return caller.current().orElse(null);
    }
}
