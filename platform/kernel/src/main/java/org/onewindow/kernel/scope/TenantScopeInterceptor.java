package org.onewindow.kernel.scope;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Sets {@code app.scope} for the current transaction only ({@code set_config(..., true)}), so a pooled
 * connection never carries one caller's scope into another's transaction. Its priority places it
 * inside the {@code @Transactional} interceptor (priority 200). A service calling another in the same
 * transaction, as the same caller, does not pay the round trip again: the transaction remembers the scope
 * it carries ({@link Scopes#apply}), and {@link Scopes#run} keeps that memory true when it enters another
 * scope and when it restores the one before.
 */
@TenantScoped
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER)
public class TenantScopeInterceptor {

    @Inject
    Caller caller;

    @Inject
    Scopes scopes;

    @AroundInvoke
    Object withScope(InvocationContext invocation) throws Exception {
        scopes.apply(caller.scope());
        return invocation.proceed();
    }
}
