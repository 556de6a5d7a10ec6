package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "orders")
public class OrderEntity {
    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String status;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "plan_name", nullable = false)
    public String planName;
    @Column(name = "size_slug", nullable = false)
    public String sizeSlug;
    public int vcpu;
    @Column(name = "memory_mb")
    public int memoryMb;
    @Column(name = "disk_gb")
    public int diskGb;
    @Column(name = "transfer_tb")
    public int transferTb;
    @Column(name = "image_id", nullable = false)
    public UUID imageId;
    @Column(name = "image_name", nullable = false)
    public String imageName;
    @Column(name = "image_slug", nullable = false)
    public String imageSlug;
    @Column(nullable = false)
    public String hostname;
    @Column(nullable = false)
    public String region;
    @Column(name = "billing_period", nullable = false)
    public String billingPeriod;
    @Column(name = "base_price", nullable = false)
    public long basePrice;
    @Column(name = "promo_discount", nullable = false)
    public long promoDiscount;
    @Column(name = "promo_name")
    public String promoName;
    @Column(name = "coupon_discount", nullable = false)
    public long couponDiscount;
    @Column(name = "coupon_code")
    public String couponCode;
    @Column(name = "final_price", nullable = false)
    public long finalPrice;
    /** Newline-separated OpenSSH public keys. */
    @Column(name = "ssh_keys", nullable = false)
    public String sshKeys = "";
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "payment_due_at", nullable = false)
    public Instant paymentDueAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "instance_id")
    public UUID instanceId;
    @Column(name = "failure_code")
    public String failureCode;
    @Column(name = "failure_message")
    public String failureMessage;
    @Version
    public long version;
}
