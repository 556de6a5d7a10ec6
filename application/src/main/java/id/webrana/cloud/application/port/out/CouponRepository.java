package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.catalog.Coupon;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores coupons and who redeemed them. */
public interface CouponRepository {
    List<Coupon> findAll();

    Optional<Coupon> findByCode(String normalizedCode);

    Optional<Coupon> findById(UUID id);

    /** Inserts or updates; refuses a stale version with {@code CONCURRENT_MODIFICATION}. */
    void save(Coupon coupon);

    int countRedemptions(UUID couponId, UUID userId);

    void recordRedemption(UUID couponId, UUID userId, UUID orderId, Instant at);

    /** Removes the redemption recorded for an order; false when there was none. */
    boolean removeRedemption(UUID couponId, UUID orderId);
}
