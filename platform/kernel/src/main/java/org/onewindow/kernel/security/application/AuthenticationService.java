package org.onewindow.kernel.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.onewindow.kernel.scope.Scopes;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/**
 * Checks a username and password. Before login nobody has a scope, so the account's tenant is found
 * through one narrow database function ({@code ow_login_home}); the rest runs in that tenant's scope.
 */
@ApplicationScoped
@Transactional
public class AuthenticationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    @Inject
    Passwords passwords;

    @Inject
    StaffLogin login;

    public LoginOutcome authenticate(String username, String password) {
        return asAccount(username, password, (name, attempt) -> login.check(name, password, attempt));
    }

    /**
     * Replaces the password of {@code username} by its holder, who proves it with the current one (the initial or
     * reset password included); see {@link StaffLogin#changePassword}.
     *
     * @throws org.onewindow.kernel.error.DomainException {@code password.too.short}, {@code password.unchanged}
     */
    public LoginOutcome changePassword(String username, String password, String newPassword) {
        return asAccount(
                username, password, (name, attempt) -> login.changePassword(name, password, newPassword, attempt));
    }

    private LoginOutcome asAccount(
            String username, String password, BiFunction<String, StaffPrincipal, LoginOutcome> step) {
        String name = username == null ? "" : username.strip();
        @SuppressWarnings("unchecked")
        List<Object[]> home = em.createNativeQuery(
                        "select tenant_code, tenant_level, tenant_name from ow_login_home(?1)")
                .setParameter(1, name)
                .getResultList();
        if (home.isEmpty()) {
            passwords.verifyNothing(password);
            return new LoginOutcome.WrongCredentials();
        }
        Object[] row = home.get(0);
        StaffPrincipal attempt = new StaffPrincipal(
                name,
                name,
                DivisionCode.of((String) row[0]),
                TenantLevel.valueOf((String) row[1]),
                (String) row[2],
                Set.of(),
                Set.of());
        return scopes.runAs(attempt, () -> step.apply(name, attempt));
    }
}
