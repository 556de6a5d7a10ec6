package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Money received; unique on (gateway, reference) and never changed once inserted. */
@Entity
@Table(name = "payments")
public class PaymentEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String gateway;
    @Column(nullable = false)
    public String reference;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "method_code")
    public String methodCode;
    @Column(name = "method_name")
    public String methodName;
    @Column(nullable = false)
    public long amount;
    @Column(name = "total_paid")
    public Long totalPaid;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
    @Column(nullable = false)
    public String outcome;
}
