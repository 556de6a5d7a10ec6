package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;

import java.util.function.Supplier;

/**
 * Resource-local transactions bound to the calling thread. The outermost call opens an
 * {@link EntityManager} and a transaction, nested calls join it; the repositories find it through
 * {@link #current()}. A lost optimistic-lock race surfaces as {@code CONCURRENT_MODIFICATION}.
 */
public class JpaTransactionRunner implements TransactionRunner {

    private static final ThreadLocal<EntityManager> CURRENT = new ThreadLocal<>();

    /** The partial unique index of 0006-instance-lifecycle.sql: one IN_PROGRESS action per instance. */
    static final String ONE_ACTION_IN_PROGRESS = "ux_instance_actions_one_in_progress";

    private final EntityManagerFactory emf;

    public JpaTransactionRunner(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** The entity manager of the running transaction. */
    static EntityManager current() {
        EntityManager em = CURRENT.get();
        if (em == null) {
            throw new IllegalStateException("repository used outside TransactionRunner.inTransaction");
        }
        return em;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        EntityManager em = emf.createEntityManager();
        CURRENT.set(em);
        EntityTransaction txn = em.getTransaction();
        try {
            txn.begin();
            T result = work.get();
            em.flush();
            txn.commit();
            return result;
        } catch (RollbackException | OptimisticLockException e) {
            throw conflict(e);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException
                    || e.getCause() instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                throw conflict(e);
            }
            RuntimeException unique = uniqueViolation(e);
            throw unique != null ? unique : e;
        } finally {
            try {
                if (txn.isActive()) {
                    txn.rollback();
                }
            } finally {
                CURRENT.remove();
                em.close();
            }
        }
    }

    /**
     * A unique index refused a row another transaction inserted at the same moment (the use case's
     * own check could not see it yet): the business answer, not a 500. Named constraints map to
     * their own codes (a user's email, a coupon code, a payment's (gateway, reference) and a wallet
     * entry's (user, type, reference) to DUPLICATE_CODE; a second IN_PROGRESS action on one server to
     * ACTION_IN_PROGRESS); any other one is a CONCURRENT_MODIFICATION.
     */
    static RuntimeException uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                String m = String.valueOf(sql.getMessage());
                if (m.contains("uq_users_email")) {
                    return new DomainException(ErrorCode.EMAIL_ALREADY_REGISTERED, "This email is already registered");
                }
                if (m.contains("uq_coupons_code")) {
                    return new DomainException(ErrorCode.DUPLICATE_CODE, "This coupon code already exists");
                }
                if (m.contains("uq_payments_gateway_reference")) {
                    return new DomainException(ErrorCode.DUPLICATE_CODE, "This payment was already recorded");
                }
                if (m.contains("uq_wallet_entries_user_type_reference")) {
                    return new DomainException(ErrorCode.DUPLICATE_CODE,
                            "This wallet movement was already recorded");
                }
                if (m.contains(ONE_ACTION_IN_PROGRESS)) {
                    return new DomainException(ErrorCode.ACTION_IN_PROGRESS,
                            "Another action is still in progress on this server; try again when it has ended");
                }
                return new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                        "Someone else changed this at the same time; reload and try again");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static RuntimeException conflict(RuntimeException e) {
        RuntimeException unique = uniqueViolation(e);
        if (unique != null) {
            return unique;
        }
        Throwable t = e;
        while (t != null) {
            if (t instanceof OptimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                        "Someone else changed this at the same time; reload and try again");
            }
            t = t.getCause();
        }
        return e;
    }
}
