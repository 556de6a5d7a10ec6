package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static id.webrana.cloud.domain.catalog.CatalogFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples; the general rules are in {@link PriceCalculatorProperties}. */
class PriceCalculatorTest {

    private final VpsImage ubuntu = CatalogFixtures.ubuntu();
    private final VpsPlan plan = CatalogFixtures.plan(150_000, ubuntu);

    @Test
    void without_promo_or_coupon_the_base_price_is_paid() {
        PricingSnapshot s = PriceCalculator.quote(plan, BillingPeriod.MONTHLY, ubuntu, List.of(), null, NOW);
        assertThat(s).isEqualTo(new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(150_000), Money.ZERO, null,
                Money.ZERO, null, Money.rupiah(150_000)));
        assertThat(s.totalDiscount()).isEqualTo(Money.ZERO);
    }

    @Test
    void the_coupon_applies_to_the_price_after_the_best_promo() {
        var promos = List.of(CatalogFixtures.promo(plan.id(), Discount.percent(10)),
                CatalogFixtures.promo(plan.id(), Discount.fixed(20_000)),
                CatalogFixtures.promo(plan.id(), Discount.percent(5)));
        Coupon coupon = CatalogFixtures.coupon(Discount.percent(10));

        PricingSnapshot s = PriceCalculator.quote(plan, BillingPeriod.MONTHLY, ubuntu, promos,
                new PriceCalculator.CouponUse(coupon, 0), NOW);

        assertThat(s.promoDiscount()).isEqualTo(Money.rupiah(20_000));
        assertThat(s.promoName()).isEqualTo(promos.get(1).name());
        assertThat(s.couponDiscount()).isEqualTo(Money.rupiah(13_000));
        assertThat(s.couponCode()).isEqualTo("HEMAT10");
        assertThat(s.finalPrice()).isEqualTo(Money.rupiah(117_000));
        assertThat(s.totalDiscount()).isEqualTo(Money.rupiah(33_000));
    }

    @Test
    void a_promo_and_a_coupon_of_100_percent_make_it_free_never_negative() {
        var promos = List.of(CatalogFixtures.promo(plan.id(), Discount.fixed(149_999)));
        PricingSnapshot s = PriceCalculator.quote(plan, BillingPeriod.MONTHLY, ubuntu, promos,
                new PriceCalculator.CouponUse(CatalogFixtures.coupon(Discount.fixed(1_000_000)), 0), NOW);
        assertThat(s.couponDiscount()).isEqualTo(Money.rupiah(1));
        assertThat(s.finalPrice()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_coupon_that_does_not_apply_fails_the_quote() {
        Coupon coupon = CatalogFixtures.coupon(Discount.percent(10));
        coupon.deactivate();
        assertThatThrownBy(() -> PriceCalculator.quote(plan, BillingPeriod.MONTHLY, ubuntu, List.of(),
                new PriceCalculator.CouponUse(coupon, 0), NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_COUPON));
    }

    @Test
    void a_snapshot_that_does_not_add_up_is_refused() {
        assertThatThrownBy(() -> new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(100), Money.rupiah(10),
                null, Money.rupiah(10), null, Money.rupiah(81))).isInstanceOf(IllegalArgumentException.class);
    }
}
