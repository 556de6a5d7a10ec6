package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;

import java.util.Objects;

/**
 * The price of an order as it was computed when the order was placed; never recomputed, so a
 * later catalog change cannot alter what a customer agreed to pay.
 *
 * <p>Invariant: {@code finalPrice = basePrice - promoDiscount - couponDiscount >= 0}.
 */
public record PricingSnapshot(BillingPeriod period, Money basePrice, Money promoDiscount, String promoName,
                              Money couponDiscount, String couponCode, Money finalPrice) {

    public PricingSnapshot {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(basePrice, "basePrice");
        Objects.requireNonNull(promoDiscount, "promoDiscount");
        Objects.requireNonNull(couponDiscount, "couponDiscount");
        Objects.requireNonNull(finalPrice, "finalPrice");
        if (basePrice.rupiah() - promoDiscount.rupiah() - couponDiscount.rupiah() != finalPrice.rupiah()) {
            throw new IllegalArgumentException("pricing snapshot does not add up");
        }
    }

    public Money totalDiscount() {
        return promoDiscount.plus(couponDiscount);
    }
}
