package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pricing rules hold for arbitrary prices, promos and coupons: the final price is the base
 * less both discounts, never negative; every discount is rounded down and limited to what remains;
 * the best running promo wins; and the same inputs always give the same snapshot.
 */
class PriceCalculatorProperties {

    private static final Instant NOW = Instant.parse("2025-08-17T05:00:00Z");
    private static final BillingPeriod PERIOD = BillingPeriod.MONTHLY;
    private static final UUID PLAN_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    /** A coupon as generated: its discount, optional cap and optional minimum order. */
    record CouponSpec(Discount discount, Long cap, Long minimumOrder) {
        Coupon toCoupon() {
            return Coupon.create("PROP-" + Math.abs(hashCode() % 10_000), new Coupon.Terms(discount,
                    cap == null ? null : Money.rupiah(cap), null, null, null, null,
                    minimumOrder == null ? null : Money.rupiah(minimumOrder), null, null));
        }
    }

    /** A pricing situation: the base price, the promos that run now, decoys that do not, and maybe a coupon. */
    record Scenario(long base, List<Discount> promos, List<PlanPromo> decoys, CouponSpec coupon) {

        VpsPlan plan() {
            return new VpsPlan(PLAN_ID, new VpsPlan.PlanSpec("Prop", "s-prop", 1, 1024, 25, 1), true, 0,
                    Map.of(PERIOD, Money.rupiah(base)), Set.of(), 0);
        }

        List<PlanPromo> allPromos() {
            List<PlanPromo> all = new ArrayList<>();
            for (int i = 0; i < promos.size(); i++) {
                all.add(new PlanPromo(UUID.randomUUID(), PLAN_ID, PERIOD, "promo-" + i, promos.get(i),
                        NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), true));
            }
            all.addAll(decoys);
            // decoys first and last so that list order cannot decide
            List<PlanPromo> shuffled = new ArrayList<>(decoys);
            shuffled.addAll(all);
            return shuffled;
        }

        PriceCalculator.CouponUse couponUse() {
            return coupon == null ? null : new PriceCalculator.CouponUse(coupon.toCoupon(), 0);
        }

        PricingSnapshot quote() {
            return PriceCalculator.quote(plan(), PERIOD, null, allPromos(), couponUse(), NOW);
        }

        // ---- an independent model of the rules, in exact arithmetic ----

        long expectedPromo() {
            return promos.stream().mapToLong(d -> modelDiscount(d, base)).max().orElse(0);
        }

        long afterPromo() {
            return base - expectedPromo();
        }

        boolean couponRefused() {
            return coupon != null && coupon.minimumOrder() != null && afterPromo() < coupon.minimumOrder();
        }

        long expectedCoupon() {
            if (coupon == null) {
                return 0;
            }
            long raw = modelDiscount(coupon.discount(), afterPromo());
            return coupon.cap() == null ? raw : Math.min(raw, coupon.cap());
        }
    }

    static long modelDiscount(Discount d, long amount) {
        if (d.type() == Discount.Type.PERCENT) {
            return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(d.value()))
                    .divide(BigInteger.valueOf(100)).longValueExact();
        }
        return Math.min(d.value(), amount);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        // explicit small and extreme prices instead of jqwik's (slow) edge-case generation
        Arbitrary<Long> bases = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1L, 2L, 3L, 99L, 100L, 101L, 100_000_000L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 1_000)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 100_000_000)));
        return bases.flatMap(base -> Combinators.combine(
                        discounts(base).list().ofMinSize(0).ofMaxSize(4),
                        decoys(base).list().ofMinSize(0).ofMaxSize(3),
                        coupons(base).injectNull(0.2))
                .as((promos, decoys, coupon) -> new Scenario(base, promos, decoys, coupon)));
    }

    @Provide
    Arbitrary<Scenario> scenariosWithCoupon() {
        return scenarios().filter(s -> s.coupon() != null);
    }

    /** A promo discount: percent 1..100 or fixed 1..2*base. */
    static Arbitrary<Discount> discounts(long base) {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 100).map(Discount::percent),
                Arbitraries.longs().between(1, base * 2).map(Discount::fixed),
                Arbitraries.of(Discount.percent(100), Discount.fixed(base), Discount.percent(1)));
    }

    /** Coupons: percent with or without a cap, fixed, sometimes with a minimum order. */
    static Arbitrary<CouponSpec> coupons(long base) {
        Arbitrary<Long> cap = Arbitraries.longs().between(1, base * 2).injectNull(0.5);
        Arbitrary<Long> minimum = Arbitraries.longs().between(0, base).injectNull(0.6);
        Arbitrary<CouponSpec> percent = Combinators.combine(Arbitraries.integers().between(1, 100), cap, minimum)
                .as((p, c, m) -> new CouponSpec(Discount.percent(p), c, m));
        Arbitrary<CouponSpec> fixed = Combinators.combine(Arbitraries.longs().between(1, base * 2), minimum)
                .as((f, m) -> new CouponSpec(Discount.fixed(f), null, m));
        return Arbitraries.oneOf(percent, fixed);
    }

    /** Promos that must be ignored: another plan, another period, not started, ended, inactive. */
    static Arbitrary<PlanPromo> decoys(long base) {
        return Combinators.combine(discounts(base), Arbitraries.integers().between(0, 4)).as((d, kind) -> {
            Instant from = NOW.minus(Duration.ofDays(1));
            Instant to = NOW.plus(Duration.ofDays(1));
            return switch (kind) {
                case 0 -> new PlanPromo(UUID.randomUUID(), UUID.randomUUID(), PERIOD, "other-plan", d, from, to, true);
                case 1 -> new PlanPromo(UUID.randomUUID(), PLAN_ID, BillingPeriod.YEARLY, "other-period", d, from, to,
                        true);
                case 2 -> new PlanPromo(UUID.randomUUID(), PLAN_ID, PERIOD, "future", d, NOW.plusSeconds(1), to, true);
                case 3 -> new PlanPromo(UUID.randomUUID(), PLAN_ID, PERIOD, "ended", d, from, NOW, true);
                default -> new PlanPromo(UUID.randomUUID(), PLAN_ID, PERIOD, "inactive", d, from, to, false);
            };
        });
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void the_final_price_is_the_base_less_both_discounts_and_never_negative(@ForAll("scenarios") Scenario s) {
        if (s.couponRefused()) {
            return; // see a_coupon_below_its_minimum_order_is_refused
        }
        PricingSnapshot q = s.quote();

        assertThat(q.basePrice()).isEqualTo(Money.rupiah(s.base()));
        assertThat(q.finalPrice().rupiah())
                .isEqualTo(s.base() - q.promoDiscount().rupiah() - q.couponDiscount().rupiah())
                .isGreaterThanOrEqualTo(0);
        assertThat(q.basePrice().minus(q.totalDiscount())).isEqualTo(q.finalPrice());
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void each_discount_is_at_most_what_remained(@ForAll("scenarios") Scenario s) {
        if (s.couponRefused()) {
            return;
        }
        PricingSnapshot q = s.quote();

        assertThat(q.promoDiscount().rupiah()).isBetween(0L, s.base());
        assertThat(q.couponDiscount().rupiah()).isBetween(0L, s.base() - q.promoDiscount().rupiah());
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void discounts_never_exceed_their_exact_value(@ForAll("scenarios") Scenario s) {
        if (s.couponRefused()) {
            return;
        }
        PricingSnapshot q = s.quote();
        long promo = q.promoDiscount().rupiah();
        long afterPromo = s.base() - promo;
        long coupon = q.couponDiscount().rupiah();

        // the chosen promo is one of the running ones, and not rounded up
        if (q.promoName() != null) {
            Discount chosen = s.promos().get(Integer.parseInt(q.promoName().substring("promo-".length())));
            assertThat(promo).isEqualTo(modelDiscount(chosen, s.base()));
            assertNotAboveExactValue(chosen, s.base(), promo, true);
        } else {
            assertThat(promo).isZero();
        }
        if (s.coupon() != null) {
            boolean capped = s.coupon().cap() != null
                    && s.coupon().cap() < modelDiscount(s.coupon().discount(), afterPromo);
            assertNotAboveExactValue(s.coupon().discount(), afterPromo, coupon, !capped);
            if (s.coupon().cap() != null) {
                assertThat(coupon).isLessThanOrEqualTo(s.coupon().cap());
            }
            if (capped) {
                assertThat(coupon).isEqualTo(s.coupon().cap());
            }
        } else {
            assertThat(coupon).isZero();
            assertThat(q.couponCode()).isNull();
        }
    }

    private static void assertNotAboveExactValue(Discount d, long amount, long granted, boolean uncapped) {
        BigInteger exactTimes100 = d.type() == Discount.Type.PERCENT
                ? BigInteger.valueOf(amount).multiply(BigInteger.valueOf(d.value()))
                : BigInteger.valueOf(d.value()).multiply(BigInteger.valueOf(100));
        // granted <= exact, i.e. granted * 100 <= exact * 100
        assertThat(BigInteger.valueOf(granted).multiply(BigInteger.valueOf(100))).isLessThanOrEqualTo(exactTimes100);
        if (d.type() == Discount.Type.PERCENT && uncapped) {
            // rounded down by less than one rupiah
            assertThat(BigInteger.valueOf(granted + 1).multiply(BigInteger.valueOf(100))).isGreaterThan(exactTimes100);
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void the_best_running_promo_is_chosen_and_the_others_ignored(@ForAll("scenarios") Scenario s) {
        if (s.couponRefused()) {
            return;
        }
        PricingSnapshot q = s.quote();

        assertThat(q.promoDiscount().rupiah()).isEqualTo(s.expectedPromo());
        if (s.promos().isEmpty()) {
            assertThat(q.promoName()).isNull();
        } else {
            assertThat(q.promoName()).startsWith("promo-");
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void the_quote_matches_the_model_exactly(@ForAll("scenarios") Scenario s) {
        if (s.couponRefused()) {
            assertThatThrownBy(s::quote).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_COUPON));
            return;
        }
        PricingSnapshot q = s.quote();
        long coupon = s.expectedCoupon();
        assertThat(q.promoDiscount()).isEqualTo(Money.rupiah(s.expectedPromo()));
        assertThat(q.couponDiscount()).isEqualTo(Money.rupiah(coupon));
        assertThat(q.finalPrice()).isEqualTo(Money.rupiah(s.afterPromo() - coupon));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void a_coupon_below_its_minimum_order_is_refused(@ForAll("scenariosWithCoupon") Scenario s,
                                                     @ForAll @LongRange(min = 1, max = 1_000) long above) {
        CouponSpec strict = new CouponSpec(s.coupon().discount(), s.coupon().cap(), s.afterPromo() + above);
        Scenario tooSmall = new Scenario(s.base(), s.promos(), s.decoys(), strict);
        assertThatThrownBy(tooSmall::quote).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_COUPON));

        CouponSpec exact = new CouponSpec(s.coupon().discount(), s.coupon().cap(), s.afterPromo());
        assertThat(new Scenario(s.base(), s.promos(), s.decoys(), exact).quote().couponCode()).isNotNull();
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void a_100_percent_coupon_makes_it_free_never_negative(@ForAll("scenarios") Scenario s) {
        Scenario free = new Scenario(s.base(), s.promos(), s.decoys(),
                new CouponSpec(Discount.percent(100), null, null));
        PricingSnapshot q = free.quote();

        assertThat(q.finalPrice()).isEqualTo(Money.ZERO);
        assertThat(q.couponDiscount().rupiah()).isEqualTo(s.base() - q.promoDiscount().rupiah());
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void quoting_twice_gives_equal_snapshots(@ForAll("scenarios") Scenario s) {
        if (s.couponRefused()) {
            return;
        }
        VpsPlan plan = s.plan();
        List<PlanPromo> promos = s.allPromos();
        PriceCalculator.CouponUse use = s.couponUse();

        PricingSnapshot first = PriceCalculator.quote(plan, PERIOD, null, promos, use, NOW);
        PricingSnapshot second = PriceCalculator.quote(plan, PERIOD, null, promos, use, NOW);

        assertThat(second).isEqualTo(first);
        assertThat(s.quote()).isEqualTo(first);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void a_percent_of_a_price_is_its_floor(@ForAll @LongRange(min = 0, max = 100_000_000) long amount,
                                           @ForAll @IntRange(min = 0, max = 100) int percent) {
        long granted = Money.rupiah(amount).percentRoundedDown(percent).rupiah();
        assertThat(granted * 100).isLessThanOrEqualTo(amount * percent);
        assertThat((granted + 1) * 100).isGreaterThan(amount * percent);
    }
}
