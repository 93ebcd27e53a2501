package org.onewindow.kernel.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.onewindow.kernel.security.domain.StaffAccount;
import org.onewindow.kernel.security.domain.StaffPrincipal;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.TenantLevel;

/** Reads an account's principal as its login would build it, for {@link Scopes#runAsAccount}. */
@ApplicationScoped
public class AccountCallers {

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    /**
     * The account's principal. Its home comes through {@code ow_login_home}, the one door through row-level security
     * before a scope exists (ADR 0001); the account row is then read in exactly that tenant's scope.
     *
     * @throws IllegalArgumentException when there is no such account
     */
    @Transactional
    public StaffPrincipal principalOf(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> home = em.createNativeQuery(
                        "select tenant_code, tenant_level, tenant_name from ow_login_home(?1)")
                .setParameter(1, username)
                .getResultList();
        if (home.isEmpty()) {
            throw new IllegalArgumentException("no account " + username);
        }
        DivisionCode tenant = DivisionCode.of((String) home.get(0)[0]);
        TenantLevel level = TenantLevel.valueOf((String) home.get(0)[1]);
        StaffAccount account = scopes.run(
                Scope.system("account-lookup", tenant, TenantLevel.VILLAGE),
                () -> em.createQuery("select a from StaffAccount a where a.username = :username", StaffAccount.class)
                        .setParameter("username", username)
                        .getSingleResult());
        return new StaffPrincipal(
                account.username(),
                account.displayName(),
                account.tenantCode(),
                level,
                (String) home.get(0)[2],
                account.roles(),
                account.departments());
    }
}
