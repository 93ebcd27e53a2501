package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A login attempt as the login page and the token endpoint make it: the outcome of {@link AuthenticationService},
 * and a refusal never answered sooner than {@code onewindow.login.refusal-time} (default 250 ms) after the attempt
 * began. The password check already costs the same for every account; the floor also hides what else differs (an
 * unknown user writes nothing, a known one records the failure), so the answer's timing tells no one which
 * usernames exist (OWASP ASVS 5.0 V6). It runs outside any transaction: the wait holds no database connection.
 */
@ApplicationScoped
public class LoginAttempts {

    @Inject
    AuthenticationService authentication;

    @Inject
    @ConfigProperty(name = "onewindow.login.refusal-time", defaultValue = "PT0.25S")
    Duration refusalTime;

    public LoginOutcome attempt(String username, String password) {
        long started = System.nanoTime();
        return answered(authentication.authenticate(username, password), started);
    }

    /** A change of one's own password, refused as slowly as a login: the current password is proven the same way. */
    public LoginOutcome changePassword(String username, String password, String newPassword) {
        long started = System.nanoTime();
        return answered(authentication.changePassword(username, password, newPassword), started);
    }

    private LoginOutcome answered(LoginOutcome outcome, long started) {
        if (!(outcome instanceof LoginOutcome.Success)) {
            long remainingNanos = refusalTime.toNanos() - (System.nanoTime() - started);
            if (remainingNanos > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(remainingNanos));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return outcome;
    }
}
