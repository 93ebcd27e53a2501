package org.onewindow.kernel.scope;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sets {@code app.scope} for the current transaction only ({@code set_config(..., true)}), so a pooled
 * connection never carries one caller's scope into another's transaction. Its priority places it
 * inside the {@code @Transactional} interceptor (priority 200).
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class TenantScopeInterceptor {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @AroundInvoke
    Object withScope(InvocationContext invocation) throws Exception {
        em.createNativeQuery("select set_config('app.scope', ?1, true)")
                .setParameter(1, caller.scope())
                .getSingleResult();
        return invocation.proceed();
    }
}
