package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.BrowseCatalogUseCase.PlanOffer;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.CouponCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanRemoval;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoStanding;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.ImageCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoCommand;
import id.webrana.cloud.application.port.in.QuotePriceUseCase.QuoteCommand;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.CatalogViolation;
import id.webrana.cloud.domain.catalog.CatalogViolation.Rule;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static id.webrana.cloud.application.service.TestWorld.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogServiceTest {

    private final TestWorld world = new TestWorld();
    private final CatalogService catalog = world.catalog;
    private final VpsImage ubuntu = world.ubuntu();
    private final VpsPlan basic = world.plan("Basic 1GB", 150_000, ubuntu);

    private static void assertCode(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private PlanPromo promo(UUID planId, String type, long value, Instant from, Instant to) {
        return catalog.createPromo(new PromoCommand(planId, "MONTHLY", "Harbolnas", type, value, from, to));
    }

    private static CouponCommand coupon(String code, String type, long value) {
        return new CouponCommand(null, code, type, value, null, null, null, null, null, null, null, null, true);
    }

    private PricingSnapshot quote(UUID userId, String coupon) {
        return catalog.quote(new QuoteCommand(userId, basic.id(), ubuntu.id(), "MONTHLY", coupon));
    }

    @Nested
    class Browsing {

        @Test
        void plans_are_listed_with_todays_promo_prices_and_their_active_images() {
            promo(basic.id(), "PERCENT", 20, START.minusSeconds(60), START.plus(Duration.ofDays(3)));
            VpsImage retired = world.catalog.saveImage(new ImageCommand(null, "CentOS 7", "CentOS", "centos-7-x64",
                    "OS", false));
            VpsPlan pro = world.plan("Pro 4GB", 600_000, ubuntu, retired);

            List<PlanOffer> offers = catalog.listPlans();

            assertThat(offers).extracting(o -> o.plan().name()).containsExactly("Basic 1GB", "Pro 4GB");
            PricingSnapshot basicMonthly = offers.get(0).prices().get(BillingPeriod.MONTHLY);
            assertThat(basicMonthly.promoDiscount()).isEqualTo(Money.rupiah(30_000));
            assertThat(basicMonthly.promoName()).isEqualTo("Harbolnas");
            assertThat(basicMonthly.finalPrice()).isEqualTo(Money.rupiah(120_000));
            assertThat(offers.get(0).prices().get(BillingPeriod.DAILY).finalPrice()).isEqualTo(Money.rupiah(15_000));
            assertThat(offers.get(0).prices()).doesNotContainKey(BillingPeriod.YEARLY);
            assertThat(offers.get(1).prices().get(BillingPeriod.MONTHLY).finalPrice()).isEqualTo(Money.rupiah(600_000));
            assertThat(offers.get(1).images()).extracting(VpsImage::id).containsExactly(ubuntu.id());
            assertThat(pro.allowedImageIds()).contains(retired.id());
        }

        @Test
        void a_promo_shows_only_while_it_runs() {
            promo(basic.id(), "FIXED", 50_000, START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(2)));

            assertThat(catalog.getPlan(basic.id()).prices().get(BillingPeriod.MONTHLY).finalPrice())
                    .isEqualTo(Money.rupiah(150_000));
            world.clock.advance(Duration.ofDays(1));
            assertThat(catalog.getPlan(basic.id()).prices().get(BillingPeriod.MONTHLY).finalPrice())
                    .isEqualTo(Money.rupiah(100_000));
            world.clock.advance(Duration.ofDays(1));
            assertThat(catalog.getPlan(basic.id()).prices().get(BillingPeriod.MONTHLY).finalPrice())
                    .isEqualTo(Money.rupiah(150_000));
        }

        @Test
        void inactive_plans_and_images_are_not_shown() {
            catalog.savePlan(new PlanCommand(basic.id(), "Basic 1GB", "s-1vcpu-1gb", 1, 1024, 25, 1, false, 1,
                    Map.of("MONTHLY", 150_000L), Set.of(ubuntu.id())));
            catalog.saveImage(new ImageCommand(ubuntu.id(), "Ubuntu 24.04", "Ubuntu", "ubuntu-24-04-x64", "OS", false));

            assertThat(catalog.listPlans()).isEmpty();
            assertThat(catalog.listImages()).isEmpty();
            assertCode(ErrorCode.PLAN_NOT_FOUND, () -> catalog.getPlan(basic.id()));
            assertCode(ErrorCode.PLAN_NOT_FOUND, () -> catalog.getPlan(UUID.randomUUID()));
            assertCode(ErrorCode.IMAGE_NOT_FOUND, () -> catalog.getImage(ubuntu.id()));
            assertThat(catalog.allPlans()).hasSize(1);
            assertThat(catalog.allImages()).hasSize(1);
        }
    }

    @Nested
    class Quoting {

        @Test
        void a_quote_applies_the_promo_then_the_coupon() {
            promo(basic.id(), "PERCENT", 10, START.minusSeconds(1), START.plus(Duration.ofDays(1)));
            catalog.saveCoupon(coupon("hemat25", "FIXED", 25_000));

            PricingSnapshot q = quote(null, " Hemat25 ");

            assertThat(q).isEqualTo(new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(150_000),
                    Money.rupiah(15_000), "Harbolnas", Money.rupiah(25_000), "HEMAT25", Money.rupiah(110_000)));
        }

        @Test
        void a_quote_without_coupon_or_image_is_the_catalog_price() {
            PricingSnapshot q = catalog.quote(new QuoteCommand(null, basic.id(), null, "daily", ""));
            assertThat(q.finalPrice()).isEqualTo(Money.rupiah(15_000));
            assertThat(q.couponCode()).isNull();
        }

        @Test
        void unknown_or_malformed_coupon_codes_are_invalid_coupons() {
            assertCode(ErrorCode.INVALID_COUPON, () -> quote(null, "NOSUCHCODE"));
            assertCode(ErrorCode.INVALID_COUPON, () -> quote(null, "x"));
            assertCode(ErrorCode.INVALID_COUPON, () -> quote(null, "bad code!"));
        }

        @Test
        void an_inactive_expired_or_restricted_coupon_is_an_invalid_coupon() {
            catalog.saveCoupon(new CouponCommand(null, "OFF", "PERCENT", 10, null, null, null, null, null, null, null,
                    null, false));
            catalog.saveCoupon(new CouponCommand(null, "OLD", "PERCENT", 10, null, START.minus(Duration.ofDays(9)),
                    START.minusSeconds(1), null, null, null, null, null, true));
            catalog.saveCoupon(new CouponCommand(null, "YEARLY", "PERCENT", 10, null, null, null, null, null, null,
                    null, Set.of("yearly"), true));
            VpsPlan other = world.plan("Other", 10_000, ubuntu);
            catalog.saveCoupon(new CouponCommand(null, "OTHERPLAN", "PERCENT", 10, null, null, null, null, null, null,
                    Set.of(other.id()), null, true));
            catalog.saveCoupon(new CouponCommand(null, "BIGSPENDER", "PERCENT", 10, null, null, null, null, null,
                    1_000_000L, null, null, true));

            for (String code : List.of("OFF", "OLD", "YEARLY", "OTHERPLAN", "BIGSPENDER")) {
                assertCode(ErrorCode.INVALID_COUPON, () -> quote(null, code));
            }
        }

        @Test
        void the_per_user_limit_counts_this_buyers_redemptions() {
            Coupon once = catalog.saveCoupon(new CouponCommand(null, "SEKALI", "PERCENT", 10, null, null, null, null,
                    1, null, null, null, true));
            User budi = world.registerCustomer("budi@example.id");
            world.coupons.recordRedemption(once.id(), budi.id(), UUID.randomUUID(), START);

            assertCode(ErrorCode.INVALID_COUPON, () -> quote(budi.id(), "SEKALI"));
            assertThat(quote(UUID.randomUUID(), "SEKALI").couponDiscount()).isEqualTo(Money.rupiah(15_000));
            assertThat(quote(null, "SEKALI").couponDiscount()).isEqualTo(Money.rupiah(15_000));
        }

        @Test
        void a_capped_percent_coupon_grants_at_most_its_cap() {
            catalog.saveCoupon(new CouponCommand(null, "SETENGAH", "PERCENT", 50, 20_000L, null, null, null, null,
                    null, null, null, true));
            assertThat(quote(null, "SETENGAH").couponDiscount()).isEqualTo(Money.rupiah(20_000));
        }

        @Test
        void quoting_an_unknown_inactive_or_unsold_choice_is_refused_with_the_right_code() {
            VpsImage other = world.catalog.saveImage(new ImageCommand(null, "Debian 12", "Debian", "debian-12-x64",
                    "OS", true));
            assertCode(ErrorCode.INVALID_PLAN, () -> catalog.quote(new QuoteCommand(null, UUID.randomUUID(), null,
                    "MONTHLY", null)));
            assertCode(ErrorCode.INVALID_PLAN, () -> catalog.quote(new QuoteCommand(null, null, null, "MONTHLY", null)));
            assertCode(ErrorCode.INVALID_IMAGE, () -> catalog.quote(new QuoteCommand(null, basic.id(),
                    UUID.randomUUID(), "MONTHLY", null)));
            assertCode(ErrorCode.INVALID_IMAGE, () -> catalog.quote(new QuoteCommand(null, basic.id(), other.id(),
                    "MONTHLY", null)));
            assertCode(ErrorCode.INVALID_DURATION, () -> catalog.quote(new QuoteCommand(null, basic.id(), null,
                    "YEARLY", null)));
            assertCode(ErrorCode.INVALID_DURATION, () -> catalog.quote(new QuoteCommand(null, basic.id(), null,
                    "fortnightly", null)));
        }
    }

    @Nested
    class Maintenance {

        private PlanCommand planCommand(UUID id, Map<String, Long> prices, Set<UUID> images) {
            return new PlanCommand(id, "Basic 1GB", "s-1vcpu-1gb", 1, 1024, 25, 1, true, 1, prices, images);
        }

        @Test
        void a_plan_needs_at_least_one_positive_price_for_a_known_period() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.savePlan(planCommand(null, Map.of(), Set.of())));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.savePlan(planCommand(null, null, Set.of())));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.savePlan(planCommand(null, Map.of("MONTHLY", 0L),
                    Set.of())));
            Map<String, Long> nullPrice = new HashMap<>();
            nullPrice.put("MONTHLY", null);
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.savePlan(planCommand(null, nullPrice, Set.of())));
            assertCode(ErrorCode.INVALID_DURATION, () -> catalog.savePlan(planCommand(null, Map.of("WEEKLY", 10L),
                    Set.of())));
            assertThat(catalog.allPlans()).hasSize(1);
        }

        @Test
        void a_plan_with_a_bad_spec_or_an_unknown_image_is_refused() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.savePlan(new PlanCommand(null, "", "s-1vcpu-1gb", 1,
                    1024, 25, 1, true, 1, Map.of("MONTHLY", 1L), Set.of())));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.savePlan(new PlanCommand(null, "X", "Not A Slug", 1,
                    1024, 25, 1, true, 1, Map.of("MONTHLY", 1L), Set.of())));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.savePlan(new PlanCommand(null, "X", "s-1vcpu-1gb", 0,
                    1024, 25, 1, true, 1, Map.of("MONTHLY", 1L), Set.of())));
            assertCode(ErrorCode.INVALID_IMAGE, () -> catalog.savePlan(planCommand(null, Map.of("MONTHLY", 1L),
                    Set.of(UUID.randomUUID()))));
            assertCode(ErrorCode.PLAN_NOT_FOUND, () -> catalog.savePlan(planCommand(UUID.randomUUID(),
                    Map.of("MONTHLY", 1L), Set.of(ubuntu.id()))));
            assertThat(catalog.allPlans()).hasSize(1);
        }

        @Test
        void updating_a_plan_replaces_its_prices_and_images() {
            VpsImage debian = catalog.saveImage(new ImageCommand(null, "Debian 12", "Debian", "debian-12-x64", null,
                    true));

            catalog.savePlan(new PlanCommand(basic.id(), "Basic 1GB+", "s-1vcpu-1gb", 1, 1024, 30, 2, true, 7,
                    Map.of("yearly", 1_500_000L), Set.of(debian.id())));

            VpsPlan stored = world.plans.findById(basic.id()).orElseThrow();
            assertThat(stored.name()).isEqualTo("Basic 1GB+");
            assertThat(stored.diskGb()).isEqualTo(30);
            assertThat(stored.sortOrder()).isEqualTo(7);
            assertThat(stored.prices()).containsExactly(Map.entry(BillingPeriod.YEARLY, Money.rupiah(1_500_000)));
            assertThat(stored.allowedImageIds()).containsExactly(debian.id());
            assertThat(stored.version()).isEqualTo(basic.version() + 1);
        }

        @Test
        void images_are_validated_and_updated() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveImage(new ImageCommand(null, "Win", "Windows",
                    "win-2022", "DESKTOP", true)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveImage(new ImageCommand(null, "Bad", "x",
                    "Bad Slug", "OS", true)));
            assertCode(ErrorCode.IMAGE_NOT_FOUND, () -> catalog.saveImage(new ImageCommand(UUID.randomUUID(), "X",
                    "x", "x-1", "OS", true)));

            VpsImage app = catalog.saveImage(new ImageCommand(ubuntu.id(), "WordPress", "Ubuntu",
                    "wordpress-24-04", "app", true));
            assertThat(app.kind()).isEqualTo(VpsImage.Kind.APP);
            assertThat(world.images.findById(ubuntu.id()).orElseThrow().providerSlug()).isEqualTo("wordpress-24-04");
        }

        @Test
        void coupons_are_stored_upper_case_and_codes_are_unique() {
            Coupon saved = catalog.saveCoupon(coupon("merdeka45", "percent", 45));
            assertThat(saved.code()).isEqualTo("MERDEKA45");
            assertThat(saved.terms().discount()).isEqualTo(Discount.percent(45));

            assertCode(ErrorCode.DUPLICATE_CODE, () -> catalog.saveCoupon(coupon("Merdeka45", "FIXED", 1)));
            assertThat(catalog.allCoupons()).hasSize(1);
        }

        @Test
        void coupon_commands_are_validated() {
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveCoupon(coupon("ABC", "GRATIS", 1)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveCoupon(coupon("ABC", null, 1)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveCoupon(coupon("ABC", "PERCENT", 101)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveCoupon(coupon("ABC", "FIXED", 0)));
            assertCode(ErrorCode.INVALID_COUPON, () -> catalog.saveCoupon(coupon("A B", "FIXED", 10)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveCoupon(new CouponCommand(null, "ABC", "PERCENT",
                    10, -1L, null, null, null, null, null, null, null, true)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> catalog.saveCoupon(new CouponCommand(null, "ABC", "PERCENT",
                    10, null, START, START, null, null, null, null, null, true)));
            assertCode(ErrorCode.INVALID_DURATION, () -> catalog.saveCoupon(new CouponCommand(null, "ABC", "PERCENT",
                    10, null, null, null, null, null, null, null, Set.of("hourly"), true)));
            assertCode(ErrorCode.COUPON_NOT_FOUND, () -> catalog.saveCoupon(new CouponCommand(UUID.randomUUID(),
                    "ABC", "PERCENT", 10, null, null, null, null, null, null, null, null, true)));
            assertThat(catalog.allCoupons()).isEmpty();
        }

        @Test
        void revising_a_coupon_keeps_its_code_and_redemptions() {
            Coupon saved = catalog.saveCoupon(coupon("HEMAT", "PERCENT", 10));
            Coupon stored = world.coupons.get("HEMAT");
            stored.redeem();
            world.coupons.save(stored);

            catalog.saveCoupon(new CouponCommand(saved.id(), "ignored", "FIXED", 5_000, null, null, null, 10, null,
                    null, null, null, false));

            Coupon revised = world.coupons.get("HEMAT");
            assertThat(revised.terms().discount()).isEqualTo(Discount.fixed(5_000));
            assertThat(revised.terms().totalLimit()).isEqualTo(10);
            assertThat(revised.redemptionCount()).isEqualTo(1);
            assertThat(revised.isActive()).isFalse();
        }

        @Test
        void a_promo_needs_an_existing_plan_a_valid_window_and_a_known_period() {
            assertCode(ErrorCode.INVALID_PLAN, () -> promo(UUID.randomUUID(), "PERCENT", 10, START,
                    START.plusSeconds(60)));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> promo(basic.id(), "PERCENT", 10, START, START));
            assertCode(ErrorCode.VALIDATION_ERROR, () -> promo(basic.id(), "PERCENT", 0, START, START.plusSeconds(1)));
            assertCode(ErrorCode.INVALID_DURATION, () -> catalog.createPromo(new PromoCommand(basic.id(), "WEEKLY",
                    "x", "PERCENT", 10, START, START.plusSeconds(60))));
            assertThat(catalog.allPromos()).isEmpty();

            PlanPromo created = promo(basic.id(), "FIXED", 1_000, START, START.plusSeconds(60));
            assertThat(catalog.allPromos()).containsExactly(created);
            assertThat(created.active()).isTrue();
        }
    }

    private static void assertViolation(ErrorCode code, String field, Rule rule, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CatalogViolation.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    private PlanCommand planCommand(UUID id, String name, boolean active, Map<String, Long> prices, Set<UUID> images,
                                    Long expectedVersion) {
        return new PlanCommand(id, name, "s-1vcpu-1gb", 1, 1024, 25, 1, active, 5, prices, images, expectedVersion);
    }

    private long monthlyPriceShown(UUID planId) {
        return catalog.listPlans().stream().filter(o -> o.plan().id().equals(planId)).findFirst().orElseThrow()
                .prices().get(BillingPeriod.MONTHLY).finalPrice().rupiah();
    }

    @Nested
    class PlanMaintenance {

        @Test
        void a_price_change_shows_in_the_catalog_at_once() {
            assertThat(monthlyPriceShown(basic.id())).isEqualTo(150_000);

            catalog.savePlan(planCommand(basic.id(), "Basic 1GB", true, Map.of("MONTHLY", 125_000L),
                    Set.of(ubuntu.id()), basic.version()));

            assertThat(monthlyPriceShown(basic.id())).isEqualTo(125_000);
            assertThat(catalog.getPlan(basic.id()).prices()).containsOnlyKeys(BillingPeriod.MONTHLY);
        }

        @Test
        void a_negative_or_zero_price_is_refused_on_its_period_and_nothing_changes() {
            assertViolation(ErrorCode.VALIDATION_ERROR, "prices.MONTHLY", Rule.PRICE_TOO_LOW, () -> catalog.savePlan(
                    planCommand(basic.id(), "Basic 1GB", true, Map.of("MONTHLY", -90_000L), Set.of(ubuntu.id()),
                            null)));
            assertViolation(ErrorCode.VALIDATION_ERROR, "prices.YEARLY", Rule.PRICE_TOO_LOW, () -> catalog.savePlan(
                    planCommand(null, "Pro", true, Map.of("yearly", 0L), Set.of(ubuntu.id()), null)));
            assertViolation(ErrorCode.INVALID_DURATION, "prices", Rule.PERIOD_UNKNOWN, () -> catalog.savePlan(
                    planCommand(null, "Pro", true, Map.of("WEEKLY", 10L), Set.of(ubuntu.id()), null)));

            assertThat(monthlyPriceShown(basic.id())).isEqualTo(150_000);
            assertThat(catalog.allPlans()).hasSize(1);
        }

        @Test
        void an_active_plan_needs_an_image_an_inactive_one_does_not() {
            assertViolation(ErrorCode.VALIDATION_ERROR, "imageIds", Rule.PLAN_NEEDS_IMAGE, () -> catalog.savePlan(
                    planCommand(null, "Kosong", true, Map.of("MONTHLY", 1L), Set.of(), null)));

            VpsPlan draft = catalog.savePlan(planCommand(null, "Kosong", false, Map.of("MONTHLY", 1L), null, null));
            assertThat(draft.isActive()).isFalse();
            assertViolation(ErrorCode.VALIDATION_ERROR, "imageIds", Rule.PLAN_NEEDS_IMAGE,
                    () -> catalog.setPlanActive(draft.id(), true));
            assertThat(world.plans.findById(draft.id()).orElseThrow().isActive()).isFalse();
        }

        @Test
        void an_edit_made_from_an_old_version_is_refused() {
            catalog.savePlan(planCommand(basic.id(), "Basic 1GB", true, Map.of("MONTHLY", 140_000L),
                    Set.of(ubuntu.id()), basic.version()));

            assertCode(ErrorCode.CONCURRENT_MODIFICATION, () -> catalog.savePlan(planCommand(basic.id(), "Basic 1GB",
                    true, Map.of("MONTHLY", 99_000L), Set.of(ubuntu.id()), basic.version())));
            assertThat(monthlyPriceShown(basic.id())).isEqualTo(140_000);
        }

        @Test
        void a_price_must_stay_above_what_a_running_or_scheduled_promo_takes_off() {
            promo(basic.id(), "FIXED", 50_000, START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(2)));

            assertViolation(ErrorCode.VALIDATION_ERROR, "prices.MONTHLY", Rule.PRICE_BELOW_PROMO,
                    () -> catalog.savePlan(planCommand(basic.id(), "Basic 1GB", true, Map.of("MONTHLY", 50_000L),
                            Set.of(ubuntu.id()), null)));

            world.clock.advance(Duration.ofDays(2));
            catalog.savePlan(planCommand(basic.id(), "Basic 1GB", true, Map.of("MONTHLY", 50_000L),
                    Set.of(ubuntu.id()), null));
            assertThat(monthlyPriceShown(basic.id())).isEqualTo(50_000);
        }

        @Test
        void deactivating_hides_a_plan_at_once_and_activating_shows_it_again() {
            assertThat(catalog.setPlanActive(basic.id(), false).isActive()).isFalse();
            assertThat(catalog.listPlans()).isEmpty();
            assertCode(ErrorCode.PLAN_NOT_FOUND, () -> catalog.getPlan(basic.id()));

            catalog.setPlanActive(basic.id(), true);
            assertThat(catalog.listPlans()).extracting(o -> o.plan().id()).containsExactly(basic.id());
            assertCode(ErrorCode.PLAN_NOT_FOUND, () -> catalog.setPlanActive(UUID.randomUUID(), true));
        }

        @Test
        void a_plan_nothing_refers_to_is_deleted_with_its_promos() {
            VpsPlan spare = world.plan("Cadangan", 75_000, ubuntu);
            promo(spare.id(), "PERCENT", 10, START, START.plusSeconds(600));
            PlanPromo kept = promo(basic.id(), "PERCENT", 10, START, START.plusSeconds(600));

            assertThat(catalog.removePlan(spare.id())).isEqualTo(PlanRemoval.DELETED);

            assertThat(catalog.allPlans()).extracting(VpsPlan::id).containsExactly(basic.id());
            assertThat(catalog.allPromos()).containsExactly(kept);
            assertCode(ErrorCode.PLAN_NOT_FOUND, () -> catalog.removePlan(spare.id()));
        }

        @Test
        void a_plan_that_orders_refer_to_is_deactivated_instead_of_deleted() {
            world.plans.orderPlacedFor(basic.id());

            assertThat(catalog.removePlan(basic.id())).isEqualTo(PlanRemoval.DEACTIVATED);

            assertThat(catalog.allPlans()).singleElement().satisfies(p -> assertThat(p.isActive()).isFalse());
            assertThat(catalog.listPlans()).isEmpty();
        }

        @Test
        void a_plan_a_coupon_names_is_deactivated_instead_of_deleted() {
            catalog.saveCoupon(new CouponCommand(null, "BASICONLY", "PERCENT", 10, null, null, null, null, null, null,
                    Set.of(basic.id()), null, true));

            assertThat(catalog.removePlan(basic.id())).isEqualTo(PlanRemoval.DEACTIVATED);
            assertThat(catalog.allPlans()).hasSize(1);
        }
    }

    @Nested
    class ImageMaintenance {

        @Test
        void deactivating_an_image_takes_it_out_of_every_plan_offer_at_once() {
            catalog.setImageActive(ubuntu.id(), false);

            assertThat(catalog.listImages()).isEmpty();
            assertThat(catalog.getPlan(basic.id()).images()).isEmpty();
            assertCode(ErrorCode.INVALID_IMAGE, () -> catalog.quote(new QuoteCommand(null, basic.id(), ubuntu.id(),
                    "MONTHLY", null)));

            catalog.setImageActive(ubuntu.id(), true);
            assertThat(catalog.getPlan(basic.id()).images()).extracting(VpsImage::id).containsExactly(ubuntu.id());
            assertCode(ErrorCode.IMAGE_NOT_FOUND, () -> catalog.setImageActive(UUID.randomUUID(), false));
        }

        @Test
        void an_image_edit_names_the_bad_field_and_refuses_an_old_version() {
            assertViolation(ErrorCode.VALIDATION_ERROR, "providerSlug", Rule.PROVIDER_SLUG, () -> catalog.saveImage(
                    new ImageCommand(ubuntu.id(), "Ubuntu", "Ubuntu", "Ubuntu 24", "OS", true, null)));
            assertViolation(ErrorCode.VALIDATION_ERROR, "kind", Rule.IMAGE_KIND, () -> catalog.saveImage(
                    new ImageCommand(ubuntu.id(), "Ubuntu", "Ubuntu", "ubuntu-24-04-x64", "DESKTOP", true, null)));

            catalog.saveImage(new ImageCommand(ubuntu.id(), "Ubuntu 24.04 LTS", "Ubuntu", "ubuntu-24-04-x64", "OS",
                    true, ubuntu.version()));
            assertCode(ErrorCode.CONCURRENT_MODIFICATION, () -> catalog.saveImage(new ImageCommand(ubuntu.id(),
                    "Ubuntu", "Ubuntu", "ubuntu-24-04-x64", "OS", true, ubuntu.version())));
            assertThat(catalog.getImage(ubuntu.id()).name()).isEqualTo("Ubuntu 24.04 LTS");
        }

        @Test
        void the_images_a_plan_offers_are_what_its_edit_lists() {
            VpsImage debian = catalog.saveImage(new ImageCommand(null, "Debian 12", "Debian", "debian-12-x64", "OS",
                    true));

            catalog.savePlan(planCommand(basic.id(), "Basic 1GB", true, Map.of("MONTHLY", 150_000L),
                    Set.of(ubuntu.id(), debian.id()), null));
            assertThat(catalog.getPlan(basic.id()).images()).extracting(VpsImage::id)
                    .containsExactlyInAnyOrder(ubuntu.id(), debian.id());

            catalog.savePlan(planCommand(basic.id(), "Basic 1GB", true, Map.of("MONTHLY", 150_000L),
                    Set.of(debian.id()), null));
            assertThat(catalog.getPlan(basic.id()).images()).extracting(VpsImage::id).containsExactly(debian.id());
        }
    }

    @Nested
    class CouponMaintenance {

        @Test
        void a_taken_code_is_refused_on_the_code_field() {
            catalog.saveCoupon(coupon("HEMAT10", "PERCENT", 10));
            assertViolation(ErrorCode.DUPLICATE_CODE, "code", Rule.COUPON_CODE_TAKEN,
                    () -> catalog.saveCoupon(coupon(" hemat10", "FIXED", 5_000)));
            assertViolation(ErrorCode.INVALID_COUPON, "code", Rule.COUPON_CODE,
                    () -> catalog.saveCoupon(coupon("x", "FIXED", 5_000)));
        }

        @Test
        void coupon_amounts_plans_and_periods_are_checked_on_their_fields() {
            assertViolation(ErrorCode.VALIDATION_ERROR, "maxDiscount", Rule.MAX_DISCOUNT, () -> catalog.saveCoupon(
                    new CouponCommand(null, "NEG", "PERCENT", 10, -1L, null, null, null, null, null, null, null,
                            true)));
            assertViolation(ErrorCode.VALIDATION_ERROR, "minimumOrder", Rule.MINIMUM_ORDER, () -> catalog.saveCoupon(
                    new CouponCommand(null, "NEG", "PERCENT", 10, null, null, null, null, null, -5L, null, null,
                            true)));
            assertViolation(ErrorCode.INVALID_PLAN, "planIds", Rule.PLAN_UNKNOWN, () -> catalog.saveCoupon(
                    new CouponCommand(null, "GHOST", "PERCENT", 10, null, null, null, null, null, null,
                            Set.of(UUID.randomUUID()), null, true)));
            assertViolation(ErrorCode.INVALID_DURATION, "periods", Rule.PERIOD_UNKNOWN, () -> catalog.saveCoupon(
                    new CouponCommand(null, "HOURLY", "PERCENT", 10, null, null, null, null, null, null, null,
                            Set.of("HOURLY"), true)));
            assertViolation(ErrorCode.VALIDATION_ERROR, "discountValue", Rule.PERCENT_RANGE,
                    () -> catalog.saveCoupon(coupon("BIG", "PERCENT", 150)));
            assertThat(catalog.allCoupons()).isEmpty();
        }

        @Test
        void a_deactivated_coupon_is_refused_at_once_and_keeps_its_redemptions() {
            Coupon hemat = catalog.saveCoupon(coupon("HEMAT10", "PERCENT", 10));
            Coupon stored = world.coupons.get("HEMAT10");
            stored.redeem();
            world.coupons.save(stored);

            catalog.setCouponActive(hemat.id(), false);
            assertCode(ErrorCode.INVALID_COUPON, () -> quote(null, "HEMAT10"));
            assertThat(world.coupons.get("HEMAT10").redemptionCount()).isEqualTo(1);

            catalog.setCouponActive(hemat.id(), true);
            assertThat(quote(null, "HEMAT10").couponDiscount()).isEqualTo(Money.rupiah(15_000));
            assertCode(ErrorCode.COUPON_NOT_FOUND, () -> catalog.setCouponActive(UUID.randomUUID(), true));
        }

        @Test
        void a_coupon_edit_from_an_old_version_is_refused() {
            Coupon hemat = catalog.saveCoupon(coupon("HEMAT10", "PERCENT", 10));
            catalog.saveCoupon(new CouponCommand(hemat.id(), "HEMAT10", "PERCENT", 20, null, null, null, null, null,
                    null, null, null, true, hemat.version()));

            assertCode(ErrorCode.CONCURRENT_MODIFICATION, () -> catalog.saveCoupon(new CouponCommand(hemat.id(),
                    "HEMAT10", "PERCENT", 5, null, null, null, null, null, null, null, null, true, hemat.version())));
            assertThat(world.coupons.get("HEMAT10").terms().discount()).isEqualTo(Discount.percent(20));
        }
    }

    @Nested
    class PromoMaintenance {

        private PromoCommand command(String period, String type, long value, Instant from, Instant to) {
            return new PromoCommand(basic.id(), period, "Gajian", type, value, from, to);
        }

        @Test
        void a_promo_is_shown_at_once_and_its_edit_too() {
            PlanPromo promo = catalog.createPromo(command("MONTHLY", "FIXED", 20_000, START, START.plusSeconds(600)));
            assertThat(monthlyPriceShown(basic.id())).isEqualTo(130_000);

            PlanPromo edited = catalog.updatePromo(promo.id(), command("MONTHLY", "PERCENT", 50, START,
                    START.plusSeconds(600)));

            assertThat(edited.id()).isEqualTo(promo.id());
            assertThat(monthlyPriceShown(basic.id())).isEqualTo(75_000);
            assertThat(catalog.allPromos()).containsExactly(edited);
        }

        @Test
        void a_promo_must_be_for_a_sold_period_of_a_known_plan_and_leave_something_to_pay() {
            assertViolation(ErrorCode.VALIDATION_ERROR, "period", Rule.PROMO_PERIOD_NOT_SOLD,
                    () -> catalog.createPromo(command("YEARLY", "PERCENT", 10, START, START.plusSeconds(60))));
            assertViolation(ErrorCode.VALIDATION_ERROR, "discountValue", Rule.PROMO_NOT_BELOW_PRICE,
                    () -> catalog.createPromo(command("MONTHLY", "FIXED", 150_000, START, START.plusSeconds(60))));
            assertViolation(ErrorCode.VALIDATION_ERROR, "discountValue", Rule.PROMO_NOT_BELOW_PRICE,
                    () -> catalog.createPromo(command("MONTHLY", "PERCENT", 100, START, START.plusSeconds(60))));
            assertViolation(ErrorCode.INVALID_PLAN, "planId", Rule.PLAN_UNKNOWN, () -> catalog.createPromo(
                    new PromoCommand(null, "MONTHLY", "x", "PERCENT", 10, START, START.plusSeconds(60))));
            assertViolation(ErrorCode.VALIDATION_ERROR, "name", Rule.PROMO_NAME, () -> catalog.createPromo(
                    new PromoCommand(basic.id(), "MONTHLY", " ", "PERCENT", 10, START, START.plusSeconds(60))));
            assertViolation(ErrorCode.VALIDATION_ERROR, "endsAt", Rule.PROMO_WINDOW,
                    () -> catalog.createPromo(command("MONTHLY", "PERCENT", 10, START, START.minusSeconds(1))));
            assertViolation(ErrorCode.VALIDATION_ERROR, "discountType", Rule.DISCOUNT_TYPE,
                    () -> catalog.createPromo(command("MONTHLY", "GRATIS", 10, START, START.plusSeconds(60))));
            assertViolation(ErrorCode.VALIDATION_ERROR, "id", Rule.PROMO_UNKNOWN, () -> catalog.updatePromo(
                    UUID.randomUUID(), command("MONTHLY", "PERCENT", 10, START, START.plusSeconds(60))));
            assertThat(catalog.allPromos()).isEmpty();
        }

        @Test
        void ending_a_running_promo_restores_the_price_at_once_and_keeps_its_history() {
            PlanPromo promo = catalog.createPromo(command("MONTHLY", "PERCENT", 10, START.minusSeconds(3600),
                    START.plus(Duration.ofDays(7))));

            PlanPromo ended = catalog.endPromo(promo.id());

            assertThat(ended.endsAt()).isEqualTo(START);
            assertThat(monthlyPriceShown(basic.id())).isEqualTo(150_000);
            assertThat(catalog.promoStandings()).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(PlanPromo.Status.ENDED));
        }

        @Test
        void ending_a_scheduled_promo_cancels_it() {
            PlanPromo promo = catalog.createPromo(command("MONTHLY", "PERCENT", 10, START.plus(Duration.ofDays(1)),
                    START.plus(Duration.ofDays(2))));

            catalog.endPromo(promo.id());
            world.clock.advance(Duration.ofDays(1));

            assertThat(monthlyPriceShown(basic.id())).isEqualTo(150_000);
            assertThat(catalog.promoStandings()).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(PlanPromo.Status.STOPPED));
        }

        @Test
        void a_deleted_promo_is_gone_and_cannot_be_deleted_twice() {
            PlanPromo promo = catalog.createPromo(command("MONTHLY", "PERCENT", 10, START, START.plusSeconds(600)));

            catalog.deletePromo(promo.id());

            assertThat(catalog.allPromos()).isEmpty();
            assertThat(monthlyPriceShown(basic.id())).isEqualTo(150_000);
            assertViolation(ErrorCode.VALIDATION_ERROR, "id", Rule.PROMO_UNKNOWN,
                    () -> catalog.deletePromo(promo.id()));
            assertViolation(ErrorCode.VALIDATION_ERROR, "id", Rule.PROMO_UNKNOWN, () -> catalog.endPromo(promo.id()));
        }

        @Test
        void standings_list_the_newest_start_first_with_their_status() {
            PlanPromo past = catalog.createPromo(command("MONTHLY", "PERCENT", 5, START.minus(Duration.ofDays(9)),
                    START.minus(Duration.ofDays(8))));
            PlanPromo running = catalog.createPromo(command("MONTHLY", "PERCENT", 10, START.minusSeconds(60),
                    START.plusSeconds(60)));
            PlanPromo later = catalog.createPromo(command("DAILY", "PERCENT", 15, START.plus(Duration.ofDays(1)),
                    START.plus(Duration.ofDays(2))));

            assertThat(catalog.promoStandings()).containsExactly(
                    new PromoStanding(later, PlanPromo.Status.SCHEDULED),
                    new PromoStanding(running, PlanPromo.Status.RUNNING),
                    new PromoStanding(past, PlanPromo.Status.ENDED));
        }
    }
}
