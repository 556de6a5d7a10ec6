package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.billing.PaymentAttempt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores the transactions opened at payment gateways for invoices. */
public interface PaymentAttemptRepository {

    /** Inserts, or updates an existing attempt (the gateway's answer, its reference, its status). */
    void save(PaymentAttempt attempt);

    Optional<PaymentAttempt> findByReference(String gateway, String reference);

    /**
     * By our own merchant reference (unique). An attempt is stored before the gateway is called, with a
     * provisional reference, so a callback for a transaction whose reference we never got to store
     * (process died after the gateway answered) is still matched by its merchant reference.
     */
    Optional<PaymentAttempt> findByMerchantRef(String merchantRef);

    /** An invoice's attempts, newest first. */
    List<PaymentAttempt> findByInvoice(UUID invoiceId);

    int countByInvoice(UUID invoiceId);

    /**
     * Claims UNPAID attempts to ask the gateway about (reconciliation of lost callbacks): those
     * created before {@code createdBefore} and either last checked before {@code checkedBefore} or
     * never, oldest check first. Locked with SKIP LOCKED, and stamped as checked at {@code now} in
     * the running transaction so that another worker does not pick them up again at once.
     */
    List<PaymentAttempt> claimForCheck(Instant now, Instant createdBefore, Instant checkedBefore, int limit);
}
