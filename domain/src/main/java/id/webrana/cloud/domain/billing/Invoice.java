package id.webrana.cloud.domain.billing;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A demand for payment: an order, a wallet top-up or a renewal, with its lines, optional tax and
 * total in rupiah, due by a deadline.
 *
 * <p>Life cycle: UNPAID → PAID ({@link #markPaid}), EXPIRED ({@link #expire}) or FAILED
 * ({@link #fail}); PAID → REFUNDED ({@link #refund}). The amounts are fixed at issue time. A payment
 * is accepted only for exactly the total ({@link #requireAmount}), so a tampered or mistaken
 * amount can never settle an invoice.
 */
public final class Invoice {

    private final UUID id;
    private final String number;
    private final UUID userId;
    private final InvoicePurpose purpose;
    private final UUID subjectId;
    private final Buyer buyer;
    private final List<InvoiceLine> lines;
    private final long subtotal;
    private final int taxBasisPoints;
    private final Money tax;
    private final Money total;
    private InvoiceStatus status;
    private final Instant issuedAt;
    private final Instant dueAt;
    private Instant paidAt;
    private PaymentMethod paymentMethod;
    private String statusReason;
    private final long version;

    /** Rebuilds an invoice from storage; use {@link #issue} for a new one. */
    public Invoice(UUID id, String number, UUID userId, InvoicePurpose purpose, UUID subjectId, Buyer buyer,
                   List<InvoiceLine> lines, int taxBasisPoints, Money tax, Money total, InvoiceStatus status,
                   Instant issuedAt, Instant dueAt, Instant paidAt, PaymentMethod paymentMethod, String statusReason,
                   long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.number = Objects.requireNonNull(number, "number");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.subjectId = subjectId;
        this.buyer = Objects.requireNonNull(buyer, "buyer");
        this.lines = List.copyOf(lines);
        this.subtotal = this.lines.stream().mapToLong(InvoiceLine::amount).sum();
        this.taxBasisPoints = taxBasisPoints;
        this.tax = Objects.requireNonNull(tax, "tax");
        this.total = Objects.requireNonNull(total, "total");
        this.status = Objects.requireNonNull(status, "status");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.paidAt = paidAt;
        this.paymentMethod = paymentMethod;
        this.statusReason = statusReason;
        this.version = version;
        if (subtotal < 0 || subtotal + tax.rupiah() != total.rupiah()) {
            throw new IllegalArgumentException("invoice " + number + " does not add up");
        }
    }

    /**
     * A new unpaid invoice.
     *
     * @param taxBasisPoints tax rate in hundredths of a percent (1100 = 11 %), 0 for none; the tax is
     *                       rounded half up to the whole rupiah
     * @param subjectId      the order (or instance, for renewals) charged for; null for a top-up
     */
    public static Invoice issue(String number, UUID userId, InvoicePurpose purpose, UUID subjectId, Buyer buyer,
                                List<InvoiceLine> lines, int taxBasisPoints, Instant now, Instant dueAt) {
        if (lines == null || lines.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "An invoice needs at least one line");
        }
        if (taxBasisPoints < 0 || taxBasisPoints > 10_000) {
            throw new IllegalArgumentException("tax rate must be 0..100%: " + taxBasisPoints + " basis points");
        }
        if (!dueAt.isAfter(now)) {
            throw new IllegalArgumentException("an invoice must be due in the future");
        }
        long subtotal = lines.stream().mapToLong(InvoiceLine::amount).sum();
        if (subtotal < 0) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Discounts exceed the charges");
        }
        long tax = Math.floorDiv(Math.multiplyExact(subtotal, (long) taxBasisPoints) + 5_000, 10_000);
        return new Invoice(UUID.randomUUID(), number, userId, purpose, subjectId, buyer, lines, taxBasisPoints,
                Money.rupiah(tax), Money.rupiah(subtotal + tax), InvoiceStatus.UNPAID, now, dueAt, null, null, null,
                0);
    }

    /**
     * Settles the invoice.
     *
     * @throws DomainException INVOICE_NOT_PAYABLE when it is not UNPAID, PAYMENT_AMOUNT_MISMATCH when
     *                         {@code amount} is not the total
     */
    public void markPaid(PaymentMethod method, Money amount, Instant now) {
        requireAmount(amount);
        transition(InvoiceStatus.PAID, null);
        this.paymentMethod = Objects.requireNonNull(method, "method");
        this.paidAt = now;
    }

    /** Refuses any amount other than the total. */
    public void requireAmount(Money amount) {
        if (!total.equals(amount)) {
            throw new DomainException(ErrorCode.PAYMENT_AMOUNT_MISMATCH,
                    "Invoice " + number + " is for " + total + ", not " + amount);
        }
    }

    /** Not paid by its deadline (or its order expired). */
    public void expire(String reason) {
        transition(InvoiceStatus.EXPIRED, reason);
    }

    /** Will not be paid: payment rejected or failed at the gateway with no retry. */
    public void fail(String reason) {
        transition(InvoiceStatus.FAILED, reason);
    }

    /** The money went back to the customer. */
    public void refund(String reason) {
        transition(InvoiceStatus.REFUNDED, reason);
    }

    public boolean isUnpaid() {
        return status == InvoiceStatus.UNPAID;
    }

    public boolean isOverdue(Instant now) {
        return status == InvoiceStatus.UNPAID && !now.isBefore(dueAt);
    }

    public boolean isOwnedBy(UUID user) {
        return userId.equals(user);
    }

    /** Throws INVOICE_NOT_PAYABLE unless the invoice can be paid now. */
    public void requirePayable(Instant now) {
        if (status != InvoiceStatus.UNPAID) {
            throw new DomainException(ErrorCode.INVOICE_NOT_PAYABLE, "Invoice " + number + " is " + status);
        }
        if (!now.isBefore(dueAt)) {
            throw new DomainException(ErrorCode.INVOICE_NOT_PAYABLE, "Invoice " + number + " was due at " + dueAt);
        }
    }

    private void transition(InvoiceStatus target, String reason) {
        if (!status.canBecome(target)) {
            throw new DomainException(ErrorCode.INVOICE_NOT_PAYABLE,
                    "Invoice " + number + " is " + status + " and cannot become " + target);
        }
        status = target;
        statusReason = reason;
    }

    public UUID id() { return id; }
    public String number() { return number; }
    public UUID userId() { return userId; }
    public InvoicePurpose purpose() { return purpose; }
    public UUID subjectId() { return subjectId; }
    public Buyer buyer() { return buyer; }
    public List<InvoiceLine> lines() { return lines; }
    public long subtotal() { return subtotal; }
    public int taxBasisPoints() { return taxBasisPoints; }
    public Money tax() { return tax; }
    public Money total() { return total; }
    public InvoiceStatus status() { return status; }
    public Instant issuedAt() { return issuedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant paidAt() { return paidAt; }
    public PaymentMethod paymentMethod() { return paymentMethod; }
    public String statusReason() { return statusReason; }
    public long version() { return version; }
}
