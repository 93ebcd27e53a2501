package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.onewindow.kernel.audit.application.AuditService;
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
    Passwords passwords;

    @Inject
    AuditService audit;

    @Inject
    TokenService tokens;

    public LoginOutcome check(String username, String password, StaffPrincipal attempt) {
        StaffAccount account = em.createQuery(
                        "select a from StaffAccount a where a.username = :username", StaffAccount.class)
                .setParameter("username", username)
                .getSingleResult();
        Instant now = Instant.now();
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
        account.recordSuccessfulLogin();
        audit.record(tenant, "login.succeeded", "staff-account", username, null, null);
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
