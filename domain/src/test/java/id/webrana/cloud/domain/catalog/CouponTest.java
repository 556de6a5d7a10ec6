package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static id.webrana.cloud.domain.catalog.CatalogFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponTest {

    private static final UUID PLAN = UUID.randomUUID();
    private static final Money SUBTOTAL = Money.rupiah(200_000);

    private static TermsBuilder terms() {
        return new TermsBuilder();
    }

    /** Coupon terms, 10% off with no restriction unless told otherwise. */
    static final class TermsBuilder {
        private Discount discount = Discount.percent(10);
        private Money max;
        private Instant from;
        private Instant until;
        private Integer totalLimit;
        private Integer perUserLimit;
        private Money minimum;
        private Set<UUID> plans;
        private Set<BillingPeriod> periods;

        TermsBuilder discount(Discount d) { discount = d; return this; }
        TermsBuilder max(Money m) { max = m; return this; }
        TermsBuilder from(Instant i) { from = i; return this; }
        TermsBuilder until(Instant i) { until = i; return this; }
        TermsBuilder totalLimit(int n) { totalLimit = n; return this; }
        TermsBuilder perUserLimit(int n) { perUserLimit = n; return this; }
        TermsBuilder minimum(Money m) { minimum = m; return this; }
        TermsBuilder plans(Set<UUID> p) { plans = p; return this; }
        TermsBuilder periods(Set<BillingPeriod> p) { periods = p; return this; }

        Coupon.Terms build() {
            return new Coupon.Terms(discount, max, from, until, totalLimit, perUserLimit, minimum, plans, periods);
        }
    }

    @Test
    void codes_are_case_insensitive_and_trimmed() {
        Coupon coupon = Coupon.create(" hemat-10 ", CatalogFixtures.terms(Discount.percent(10)));
        assertThat(coupon.code()).isEqualTo("HEMAT-10");
        assertThat(Coupon.normalize("Merdeka_45")).isEqualTo("MERDEKA_45");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "has space", "emoji😀", "semi;colon", "x234567890123456789012345678901234"})
    void a_malformed_code_is_an_invalid_coupon(String code) {
        assertInvalidCoupon(() -> Coupon.normalize(code));
    }

    @Test
    void a_new_coupon_is_active_and_unused() {
        Coupon coupon = CatalogFixtures.coupon(Discount.percent(10));
        assertThat(coupon.isActive()).isTrue();
        assertThat(coupon.redemptionCount()).isZero();
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW)).isEqualTo(Money.rupiah(20_000));
    }

    @Test
    void an_inactive_coupon_is_refused() {
        Coupon coupon = CatalogFixtures.coupon(Discount.percent(10));
        coupon.deactivate();
        assertInvalidCoupon(() -> coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW));
        coupon.activate();
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW)).isEqualTo(Money.rupiah(20_000));
    }

    @Test
    void a_coupon_not_yet_valid_is_refused() {
        Coupon coupon = Coupon.create("SOON", terms().from(NOW.plusSeconds(1)).build());
        assertInvalidCoupon(() -> coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW));
        // valid from its first instant
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW.plusSeconds(1))).isNotNull();
    }

    @Test
    void a_coupon_past_its_validity_window_is_refused() {
        Coupon coupon = Coupon.create("GONE", terms().from(NOW.minusSeconds(100)).until(NOW).build());
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW.minusMillis(1)))
                .isEqualTo(Money.rupiah(20_000));
        assertInvalidCoupon(() -> coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW));
    }

    @Test
    void a_fully_redeemed_coupon_is_refused() {
        Coupon coupon = Coupon.create("ONCE", terms().totalLimit(2).build());
        coupon.redeem();
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW)).isNotNull();
        coupon.redeem();
        assertThat(coupon.redemptionCount()).isEqualTo(2);
        assertInvalidCoupon(() -> coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW));
        assertInvalidCoupon(coupon::redeem);
        assertThat(coupon.redemptionCount()).isEqualTo(2);
    }

    @Test
    void a_coupon_used_up_on_this_account_is_refused() {
        Coupon coupon = Coupon.create("ONEEACH", terms().perUserLimit(1).build());
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW)).isNotNull();
        assertInvalidCoupon(() -> coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 1, NOW));
    }

    @Test
    void a_coupon_restricted_to_other_plans_is_refused() {
        Coupon coupon = Coupon.create("PLANONLY", terms().plans(Set.of(PLAN)).build());
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW)).isNotNull();
        assertInvalidCoupon(() -> coupon.discountFor(UUID.randomUUID(), BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW));
    }

    @Test
    void a_coupon_restricted_to_other_periods_is_refused() {
        Coupon coupon = Coupon.create("YEARONLY", terms().periods(EnumSet.of(BillingPeriod.YEARLY)).build());
        assertThat(coupon.discountFor(PLAN, BillingPeriod.YEARLY, SUBTOTAL, 0, NOW)).isNotNull();
        assertInvalidCoupon(() -> coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW));
    }

    @Test
    void empty_restrictions_allow_every_plan_and_period() {
        Coupon coupon = Coupon.create("ALL", terms().plans(Set.of()).periods(Set.of()).build());
        for (BillingPeriod p : BillingPeriod.values()) {
            assertThat(coupon.discountFor(UUID.randomUUID(), p, SUBTOTAL, 0, NOW)).isEqualTo(Money.rupiah(20_000));
        }
    }

    @Test
    void an_order_below_the_minimum_is_refused() {
        Coupon coupon = Coupon.create("MIN100K", terms().minimum(Money.rupiah(100_000)).build());
        assertInvalidCoupon(() -> coupon.discountFor(PLAN, BillingPeriod.MONTHLY, Money.rupiah(99_999), 0, NOW));
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, Money.rupiah(100_000), 0, NOW))
                .isEqualTo(Money.rupiah(10_000));
    }

    @Test
    void a_percent_coupon_is_capped_at_its_maximum() {
        Coupon coupon = Coupon.create("CAP", terms().discount(Discount.percent(50)).max(Money.rupiah(25_000)).build());
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, Money.rupiah(200_000), 0, NOW))
                .isEqualTo(Money.rupiah(25_000));
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, Money.rupiah(40_000), 0, NOW))
                .isEqualTo(Money.rupiah(20_000));
    }

    @Test
    void a_fixed_coupon_never_exceeds_the_subtotal() {
        Coupon coupon = Coupon.create("FIX", terms().discount(Discount.fixed(500_000)).build());
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW)).isEqualTo(SUBTOTAL);
    }

    @Test
    void coupon_terms_are_validated() {
        assertThatThrownBy(() -> terms().discount(null).build()).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> terms().from(NOW).until(NOW).build()).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> terms().totalLimit(0).build()).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> terms().perUserLimit(0).build()).isInstanceOf(DomainException.class);
    }

    @Test
    void revised_terms_replace_the_old_ones_and_keep_the_count() {
        Coupon coupon = Coupon.create("REV", terms().build());
        coupon.redeem();
        coupon.revise(terms().discount(Discount.fixed(5_000)).build());
        assertThat(coupon.discountFor(PLAN, BillingPeriod.MONTHLY, SUBTOTAL, 0, NOW)).isEqualTo(Money.rupiah(5_000));
        assertThat(coupon.redemptionCount()).isEqualTo(1);
        assertThat(coupon.terms().discount()).isEqualTo(Discount.fixed(5_000));
    }

    @Test
    void each_bad_term_names_its_field() {
        assertViolation("validUntil", CatalogViolation.Rule.COUPON_WINDOW, () -> terms().from(NOW).until(NOW).build());
        assertViolation("totalLimit", CatalogViolation.Rule.TOTAL_LIMIT, () -> terms().totalLimit(0).build());
        assertViolation("perUserLimit", CatalogViolation.Rule.PER_USER_LIMIT, () -> terms().perUserLimit(0).build());
        Set<BillingPeriod> withNull = new java.util.HashSet<>();
        withNull.add(null);
        assertViolation("periods", CatalogViolation.Rule.COUPON_PERIODS, () -> terms().periods(withNull).build());
        Set<UUID> tooMany = new java.util.HashSet<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(UUID.randomUUID());
        }
        assertViolation("planIds", CatalogViolation.Rule.COUPON_PLANS, () -> terms().plans(tooMany).build());
    }

    @Test
    void a_malformed_code_names_the_code_field() {
        assertThatThrownBy(() -> Coupon.create("a b", terms().build())).isInstanceOfSatisfying(CatalogViolation.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_COUPON);
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.rule()).isEqualTo(CatalogViolation.Rule.COUPON_CODE);
                });
    }

    @Test
    void a_cap_is_for_percent_coupons_and_at_least_one_rupiah() {
        assertViolation("maxDiscount", CatalogViolation.Rule.MAX_DISCOUNT_FIXED, () -> Coupon.create("CAPFIX",
                terms().discount(Discount.fixed(10_000)).max(Money.rupiah(5_000)).build()));
        assertViolation("maxDiscount", CatalogViolation.Rule.MAX_DISCOUNT, () -> Coupon.create("CAPZERO",
                terms().max(Money.ZERO).build()));
        Coupon coupon = Coupon.create("CAPOK", terms().build());
        assertViolation("maxDiscount", CatalogViolation.Rule.MAX_DISCOUNT_FIXED, () -> coupon.revise(
                terms().discount(Discount.fixed(10_000)).max(Money.rupiah(5_000)).build()));
    }

    @Test
    void one_account_cannot_be_allowed_more_than_the_total() {
        assertViolation("perUserLimit", CatalogViolation.Rule.PER_USER_ABOVE_TOTAL, () -> Coupon.create("GREEDY",
                terms().totalLimit(2).perUserLimit(3).build()));
        assertThat(Coupon.create("FAIR", terms().totalLimit(3).perUserLimit(3).build()).terms().perUserLimit())
                .isEqualTo(3);
    }

    @Test
    void the_total_limit_cannot_go_below_the_redemptions_so_far() {
        Coupon coupon = Coupon.create("USED", terms().build());
        coupon.redeem();
        coupon.redeem();

        assertViolation("totalLimit", CatalogViolation.Rule.TOTAL_LIMIT_BELOW_REDEEMED,
                () -> coupon.revise(terms().totalLimit(1).build()));
        coupon.revise(terms().totalLimit(2).build());
        assertThat(coupon.terms().totalLimit()).isEqualTo(2);
    }

    @Test
    void a_stored_coupon_loads_even_if_todays_rules_would_refuse_its_terms() {
        Coupon.Terms old = terms().discount(Discount.fixed(10_000)).max(Money.rupiah(5_000)).totalLimit(1)
                .perUserLimit(2).build();
        Coupon loaded = new Coupon(UUID.randomUUID(), "LEGACY", old, true, 0, 3);
        assertThat(loaded.terms()).isEqualTo(old);
        assertThat(loaded.version()).isEqualTo(3);
    }

    private static void assertViolation(String field, CatalogViolation.Rule rule, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CatalogViolation.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        });
    }

    private static void assertInvalidCoupon(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_COUPON));
    }
}
