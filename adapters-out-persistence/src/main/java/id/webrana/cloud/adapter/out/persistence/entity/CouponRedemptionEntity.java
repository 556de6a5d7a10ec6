package id.webrana.cloud.adapter.out.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "coupon_redemptions")
public class CouponRedemptionEntity {
    @Id
    public UUID id;
    @Column(name = "coupon_id", nullable = false)
    public UUID couponId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Column(name = "redeemed_at", nullable = false)
    public Instant redeemedAt;
}
