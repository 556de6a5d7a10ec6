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
import net.jqwik.api.Tuple;
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
    //
    // Discounts depend on the base price (a fixed amount is 1..2*base). Rather than flatMap on the
    // base (slow in jqwik), a discount is generated as a "seed" that is resolved against the base.

    /** kind 0: percent {@code percent}; kind 1: fixed {@code 1 + raw % (2*base)}; kind 2: fixed exactly base. */
    record DiscountSeed(int kind, int percent, long raw) {
        Discount resolve(long base) {
            return switch (kind) {
                case 0 -> Discount.percent(percent);
                case 1 -> Discount.fixed(1 + raw % (2 * base));
                default -> Discount.fixed(base);
            };
        }
    }

    record CouponSeed(DiscountSeed discount, long capRaw, boolean capped, long minimumRaw, boolean hasMinimum) {
        CouponSpec resolve(long base) {
            Discount d = discount.resolve(base);
            Long cap = capped && d.type() == Discount.Type.PERCENT ? 1 + capRaw % (2 * base) : null;
            Long minimum = hasMinimum ? minimumRaw % (base + 1) : null;
            return new CouponSpec(d, cap, minimum);
        }
    }

    record DecoySeed(DiscountSeed discount, int kind) {
        PlanPromo resolve(long base) {
            Discount d = discount.resolve(base);
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
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        // explicit small and extreme prices, since jqwik's own edge cases are switched off (slow here)
        Arbitrary<Long> bases = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(1L, 2L, 3L, 99L, 100L, 101L, 100_000_000L)),
                Tuple.of(2, Arbitraries.longs().between(1, 1_000)),
                Tuple.of(5, Arbitraries.longs().between(1, 100_000_000)));
        return Combinators.combine(bases,
                        discountSeeds().list().ofMinSize(0).ofMaxSize(4),
                        decoySeeds().list().ofMinSize(0).ofMaxSize(3),
                        couponSeeds().injectNull(0.2))
                .as((base, promos, decoys, coupon) -> new Scenario(base,
                        promos.stream().map(d -> d.resolve(base)).toList(),
                        decoys.stream().map(d -> d.resolve(base)).toList(),
                        coupon == null ? null : coupon.resolve(base)));
    }

    @Provide
    Arbitrary<Scenario> scenariosWithCoupon() {
        return scenarios().filter(s -> s.coupon() != null);
    }

    /** Percent 1..100 (1 and 100 often) or fixed 1..2*base (exactly base sometimes). */
    static Arbitrary<DiscountSeed> discountSeeds() {
        Arbitrary<Integer> percents = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(1, 100)),
                Tuple.of(4, Arbitraries.integers().between(1, 100)));
        Arbitrary<Integer> kinds = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(4, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2)));
        return Combinators.combine(kinds, percents, Arbitraries.longs().between(0, Long.MAX_VALUE / 4))
                .as(DiscountSeed::new);
    }

    /** Coupons: percent with or without a cap, fixed, sometimes with a minimum order (0..base). */
    static Arbitrary<CouponSeed> couponSeeds() {
        Arbitrary<Long> raw = Arbitraries.longs().between(0, Long.MAX_VALUE / 4);
        return Combinators.combine(discountSeeds(), raw, Arbitraries.of(true, false), raw,
                        Arbitraries.of(true, false, false))
                .as(CouponSeed::new);
    }

    /** Promos that must be ignored: another plan, another period, not started, ended, inactive. */
    static Arbitrary<DecoySeed> decoySeeds() {
        return Combinators.combine(discountSeeds(), Arbitraries.integers().between(0, 4)).as(DecoySeed::new);
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
