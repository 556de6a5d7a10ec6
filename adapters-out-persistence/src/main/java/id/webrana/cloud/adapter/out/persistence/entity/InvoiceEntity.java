package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An invoice; its lines are {@link InvoiceLineEntity} rows, written once when it is issued. */
@Entity
@Table(name = "invoices")
public class InvoiceEntity {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String number;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String purpose;
    @Column(name = "subject_id")
    public UUID subjectId;
    @Column(name = "buyer_name", nullable = false)
    public String buyerName;
    @Column(name = "buyer_email", nullable = false)
    public String buyerEmail;
    @Column(name = "buyer_phone")
    public String buyerPhone;
    @Column(name = "tax_basis_points", nullable = false)
    public int taxBasisPoints;
    @Column(nullable = false)
    public long tax;
    @Column(nullable = false)
    public long total;
    @Column(nullable = false)
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    /** The four payment method columns are all set (once paid) or all null. */
    @Column(name = "payment_gateway")
    public String paymentGateway;
    @Column(name = "payment_code")
    public String paymentCode;
    @Column(name = "payment_name")
    public String paymentName;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Version
    public long version;
}
