package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "coupons")
public class CouponEntity {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String code;
    @Column(name = "discount_type", nullable = false)
    public String discountType;
    @Column(name = "discount_value", nullable = false)
    public long discountValue;
    @Column(name = "max_discount")
    public Long maxDiscount;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_until")
    public Instant validUntil;
    @Column(name = "total_limit")
    public Integer totalLimit;
    @Column(name = "per_user_limit")
    public Integer perUserLimit;
    @Column(name = "minimum_order")
    public Long minimumOrder;
    /** Comma-separated plan ids; empty = all plans. */
    @Column(name = "allowed_plan_ids", nullable = false)
    public String allowedPlanIds = "";
    /** Comma-separated period names; empty = all periods. */
    @Column(name = "allowed_periods", nullable = false)
    public String allowedPeriods = "";
    @Column(nullable = false)
    public boolean active;
    @Column(name = "redemption_count", nullable = false)
    public int redemptionCount;
    @Version
    public long version;
}
