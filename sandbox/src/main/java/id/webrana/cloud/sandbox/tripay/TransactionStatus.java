package id.webrana.cloud.sandbox.tripay;

/** Tripay's transaction statuses. The simulator moves a transaction from UNPAID to PAID, EXPIRED or FAILED once. */
public enum TransactionStatus {
    /** Waiting for the customer. */
    UNPAID,
    /** Paid. */
    PAID,
    /** Not paid before {@code expired_time}. */
    EXPIRED,
    /** The payment failed. */
    FAILED,
    /** Refunded (never produced by the simulator; listed because Tripay's callback may carry it). */
    REFUND
}
