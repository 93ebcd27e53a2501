package org.onewindow.kernel.scope;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import org.onewindow.kernel.security.domain.StaffPrincipal;

/**
 * The one way to run a piece of work in another scope than the caller's (ADR 0018): a public visitor of a tenant, a
 * county's share of a standards publication, a background job. It sets {@code app.scope}, which row-level security
 * reads (ADR 0001), and restores the one before when the work ends, normally or not, also when the work ran inside
 * the caller's transaction: the code after the call sees exactly the scope it saw before it.
 *
 * <p>Within a transaction the scope is set when the work starts (the transaction remembers what it set, so a
 * {@link TenantScoped} service the work calls pays no second round trip) and set back when it ends, if the work
 * changed it. Outside one there is nothing to set or restore: each transaction the work opens sets the entered
 * scope itself, through {@link TenantScopeInterceptor}.
 */
@ApplicationScoped
public class Scopes {

    /** The transaction resource holding the scope this transaction's connection carries. */
    static final Object APPLIED_SCOPE = Scopes.class;

    /** What the resource holds when a set could not be told apart from a failed one: the next use sets it again. */
    private static final Object UNKNOWN = new Object();

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AccountCallers accounts;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * Runs {@code work} in {@code scope}: its caller ({@link Caller#current}) is the scope's visitor or system job and
     * the database shows {@code scope.prefix()}; afterwards both are what they were.
     */
    public <T> T run(Scope scope, Supplier<T> work) {
        return enter(scope.asCaller(), work);
    }

    /** {@link #run} for work that answers nothing. */
    public void run(Scope scope, Runnable work) {
        run(scope, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} as the account {@code username} as its login would make it: its own tenant, roles and
     * departments read from the database, nothing made up. For start-up seeding that acts in an existing account's
     * name (the demo cases).
     *
     * @throws IllegalArgumentException when there is no such account
     */
    public <T> T runAsAccount(String username, Supplier<T> work) {
        return enter(accounts.principalOf(username), work);
    }

    /**
     * Runs {@code work} as {@code principal}. For the kernel's own login step only (the one moment a caller is known
     * by name but not yet by roles); the build refuses it anywhere else.
     */
    public <T> T runAs(StaffPrincipal principal, Supplier<T> work) {
        return enter(Objects.requireNonNull(principal), work);
    }

    /** Sets {@code app.scope} to {@code scope} in the current transaction unless the transaction carries it already. */
    void apply(String scope) {
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (inTransaction && scope.equals(transaction.getResource(APPLIED_SCOPE))) {
            return;
        }
        if (inTransaction) {
            // Marked first: should the statement fail, the transaction is lost anyway and nothing is skipped later.
            transaction.putResource(APPLIED_SCOPE, UNKNOWN);
        }
        em.createNativeQuery("select set_config('app.scope', ?1, true)")
                .setParameter(1, scope)
                .getSingleResult();
        if (inTransaction) {
            transaction.putResource(APPLIED_SCOPE, scope);
        }
    }

    private <T> T enter(StaffPrincipal entered, Supplier<T> work) {
        StaffPrincipal before = Caller.ENTERED.get();
        String outer = caller.scope();
        Object transactionKey = transaction.getTransactionKey();
        Caller.ENTERED.set(entered);
        Throwable failure = null;
        try {
            if (transactionKey != null) {
                apply(entered.scope());
            }
            return work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (before == null) {
                Caller.ENTERED.remove();
            } else {
                Caller.ENTERED.set(before);
            }
            if (transactionKey != null) {
                restore(outer, failure);
            }
        }
    }

    /** Sets the outer scope back in the transaction the work ran in, if the work left another there. */
    private void restore(String outer, Throwable failure) {
        if (outer.equals(transaction.getResource(APPLIED_SCOPE))) {
            return;
        }
        if (transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
            // A transaction marked for rollback takes no statement that matters any more; should it run one, it
            // sets the scope again first.
            transaction.putResource(APPLIED_SCOPE, UNKNOWN);
            return;
        }
        try {
            apply(outer);
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            // The work's own failure is the one to report (PostgreSQL refuses every statement after an error).
            failure.addSuppressed(e);
        }
    }
}
