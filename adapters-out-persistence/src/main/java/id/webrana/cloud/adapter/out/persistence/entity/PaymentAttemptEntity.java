package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A transaction opened at a payment gateway for an invoice. */
@Entity
@Table(name = "payment_attempts")
public class PaymentAttemptEntity {
    @Id
    public UUID id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(nullable = false)
    public String gateway;
    @Column(nullable = false)
    public String reference;
    @Column(name = "merchant_ref", nullable = false)
    public String merchantRef;
    @Column(name = "method_code")
    public String methodCode;
    @Column(name = "method_name")
    public String methodName;
    public Long amount;
    @Column(name = "customer_fee")
    public Long customerFee;
    @Column(name = "total_amount")
    public Long totalAmount;
    @Column(name = "pay_code")
    public String payCode;
    @Column(name = "pay_url")
    public String payUrl;
    @Column(name = "checkout_url")
    public String checkoutUrl;
    @Column(name = "qr_string")
    public String qrString;
    @Column(name = "qr_url")
    public String qrUrl;
    @Column(nullable = false)
    public String status;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When reconciliation last asked the gateway about it; only the claim query writes it. */
    @Column(name = "last_checked_at", insertable = false, updatable = false)
    public Instant lastCheckedAt;
    /** The payment instructions as a JSON array of {@code {"title": ..., "steps": [...]}}. */
    @Column(nullable = false)
    public String instructions = "[]";
}
