package org.onewindow.kernel.scope;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Sets {@code app.scope} for the current transaction only ({@code set_config(..., true)}), so a pooled
 * connection never carries one caller's scope into another's transaction. Its priority places it
 * inside the {@code @Transactional} interceptor (priority 200). A service calling another in the same
 * transaction, as the same caller, does not pay the round trip again; a change of caller
 * ({@link Caller#runAs}) sets the new scope.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class TenantScopeInterceptor {

    /** The transaction resource holding the scope this transaction's connection carries. */
    private static final Object APPLIED_SCOPE = TenantScopeInterceptor.class;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @AroundInvoke
    Object withScope(InvocationContext invocation) throws Exception {
        String scope = caller.scope();
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (!inTransaction || !scope.equals(transaction.getResource(APPLIED_SCOPE))) {
            em.createNativeQuery("select set_config('app.scope', ?1, true)")
                    .setParameter(1, scope)
                    .getSingleResult();
            if (inTransaction) {
                transaction.putResource(APPLIED_SCOPE, scope);
            }
        }
        return invocation.proceed();
    }
}
