package org.onewindow.kernel.security.application;

import java.time.Instant;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/** What a login attempt came to. A wrong password and an unknown user read the same to the caller. */
public sealed interface LoginOutcome {

    record Success(StaffPrincipal principal) implements LoginOutcome {}

    record WrongCredentials() implements LoginOutcome {}

    record Locked(Instant until) implements LoginOutcome {}

    record Disabled() implements LoginOutcome {}

    /**
     * The password was right, but an administrator set it (a new account, a reset): nothing is given until its holder
     * chooses a new one ({@link AuthenticationService#changePassword}).
     */
    record PasswordChangeRequired() implements LoginOutcome {}
}
