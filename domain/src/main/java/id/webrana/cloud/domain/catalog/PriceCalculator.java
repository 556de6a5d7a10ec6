package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place prices are computed.
 *
 * <ol>
 *   <li>base: the plan's price for the period;</li>
 *   <li>promo: of the promos that apply now, the one giving the largest discount;</li>
 *   <li>coupon: applied to the price after the promo, capped by the coupon's maximum;</li>
 *   <li>final: what is left. Every discount is rounded down to whole rupiah and limited to what
 *       remains, so the final price is never below zero.</li>
 * </ol>
 */
public final class PriceCalculator {

    private PriceCalculator() {
    }

    /** A coupon together with how often the buyer already used it. */
    public record CouponUse(Coupon coupon, int userRedemptions) {
    }

    public static PricingSnapshot quote(VpsPlan plan, BillingPeriod period, VpsImage image,
                                        Collection<PlanPromo> promos, CouponUse couponUse, Instant now) {
        Money base = plan.requireOrderable(period, image);
        UUID planId = plan.id();
        Optional<PlanPromo> best = promos.stream()
                .filter(p -> p.appliesTo(planId, period, now))
                .max(Comparator.comparing((PlanPromo p) -> p.discount().on(base)));
        Money promoDiscount = best.map(p -> p.discount().on(base)).orElse(Money.ZERO);
        Money afterPromo = base.minus(promoDiscount);
        Money couponDiscount = Money.ZERO;
        String couponCode = null;
        if (couponUse != null) {
            couponDiscount = couponUse.coupon()
                    .discountFor(planId, period, afterPromo, couponUse.userRedemptions(), now)
                    .atMost(afterPromo);
            couponCode = couponUse.coupon().code();
        }
        return new PricingSnapshot(period, base, promoDiscount, best.map(PlanPromo::name).orElse(null),
                couponDiscount, couponCode, afterPromo.minus(couponDiscount));
    }
}
