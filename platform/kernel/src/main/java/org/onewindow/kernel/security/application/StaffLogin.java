package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.onewindow.kernel.audit.application.AuditService;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.scope.TenantScoped;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/** The part of a login that runs in the account's own scope: the password check, lockout and audit. */
@ApplicationScoped
@Transactional
@TenantScoped
public class StaffLogin {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Passwords passwords;

    @Inject
    AuditService audit;

    @Inject
    TokenService tokens;

    public LoginOutcome check(String username, String password, StaffPrincipal attempt) {
        StaffAccount account = account(username);
        LoginOutcome refused = refusal(account, password);
        if (refused != null) {
            return refused;
        }
        account.recordSuccessfulLogin();
        if (account.passwordChangeRequired()) {
            audit.record(
                    account.tenantCode().value(),
                    "login.password.change.required",
                    "staff-account",
                    username,
                    null,
                    null);
            return new LoginOutcome.PasswordChangeRequired();
        }
        audit.record(account.tenantCode().value(), "login.succeeded", "staff-account", username, null, null);
        return success(account, attempt);
    }

    /**
     * The holder's own change of password: checked like a login (a wrong current password counts towards the
     * lockout), then the new one replaces it, a required change is done, and every token of the old one ends.
     * Audited as {@code password.changed}.
     *
     * @return {@link LoginOutcome.Success} with the principal, or why the current password was refused
     * @throws DomainException {@code password.too.short}, {@code password.unchanged} (400)
     */
    public LoginOutcome changePassword(String username, String password, String newPassword, StaffPrincipal attempt) {
        StaffAccount account = account(username);
        LoginOutcome refused = refusal(account, password);
        if (refused != null) {
            return refused;
        }
        if (newPassword != null && newPassword.equals(password)) {
            throw new DomainException("password.unchanged");
        }
        account.recordSuccessfulLogin();
        account.changePassword(passwords.hash(newPassword));
        tokens.forget(username);
        audit.record(account.tenantCode().value(), "password.changed", "staff-account", username, null, null);
        return success(account, attempt);
    }

    private StaffAccount account(String username) {
        return em.createQuery("select a from StaffAccount a where a.username = :username", StaffAccount.class)
                .setParameter("username", username)
                .getSingleResult();
    }

    /** Why {@code password} does not open the account (disabled, locked, wrong), or null when it does. */
    private LoginOutcome refusal(StaffAccount account, String password) {
        String username = account.username();
        Instant now = clock.instant();
        String tenant = account.tenantCode().value();
        // Every attempt pays for one password check, and a wrong password reads the same whatever the account's
        // state: only someone who knows the password learns that the account is disabled or locked.
        boolean rightPassword = passwords.matches(password, account.passwordHash());
        if (!account.enabled()) {
            audit.record(tenant, "login.refused.disabled", "staff-account", username, null, null);
            return rightPassword ? new LoginOutcome.Disabled() : new LoginOutcome.WrongCredentials();
        }
        if (account.isLockedAt(now)) {
            audit.record(tenant, "login.refused.locked", "staff-account", username, null, null);
            return rightPassword ? new LoginOutcome.Locked(account.lockedUntil()) : new LoginOutcome.WrongCredentials();
        }
        if (!rightPassword) {
            account.recordFailedLogin(now);
            boolean locked = account.isLockedAt(now);
            if (locked) {
                tokens.forget(username);
            }
            audit.record(
                    tenant,
                    locked ? "login.failed.locked" : "login.failed",
                    "staff-account",
                    username,
                    null,
                    Json.createObjectBuilder()
                            .add("failedLogins", account.failedLogins())
                            .build());
            return new LoginOutcome.WrongCredentials();
        }
        return null;
    }

    private static LoginOutcome success(StaffAccount account, StaffPrincipal attempt) {
        return new LoginOutcome.Success(new StaffPrincipal(
                account.username(),
                account.displayName(),
                account.tenantCode(),
                attempt.tenantLevel(),
                attempt.tenantName(),
                account.roles(),
                account.departments()));
    }

    /**
     * Logs {@code username} (the caller) out everywhere: every bearer token issued to the account so far stops
     * working. Audited as {@code logout}.
     */
    public void logout(String username) {
        em.createQuery("select a from StaffAccount a where a.username = :username", StaffAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .ifPresent(account -> {
                    account.revokeTokens();
                    audit.record(account.tenantCode().value(), "logout", "staff-account", username, null, null);
                });
        tokens.forget(username);
    }
}
