package id.webrana.cloud.domain.billing;

/** Where an invoice stands. Only an UNPAID invoice can change, except a PAID one being refunded. */
public enum InvoiceStatus {
    UNPAID, PAID, EXPIRED, FAILED, REFUNDED;

    public boolean canBecome(InvoiceStatus target) {
        return switch (this) {
            case UNPAID -> target == PAID || target == EXPIRED || target == FAILED;
            case PAID -> target == REFUNDED;
            case EXPIRED, FAILED, REFUNDED -> false;
        };
    }
}
